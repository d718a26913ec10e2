import type { Severity } from '../../language/diagnostics/codes.js';
import { t, type CliLanguage, type TextKey } from '../messages.js';

/** One diagnostic as the CLI reports it: 1-based positions, the end column one past the last character. */
export interface CliDiagnostic {
    /** Relative to the repository root with forward slashes; absolute for a file outside it. */
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    /** `SU012`; empty for a diagnostic without a code. */
    readonly code: string;
    readonly message: string;
    /** How to fix it, from the code table. */
    readonly help?: string;
    /** The team's reason when the plan accepts this warning with `acceptera`. */
    readonly accepted?: string;
    /** Stable across runs and line moves: a hash of file, code, the text at the range and its occurrence. */
    readonly fingerprint: string;
    /** The text of the first line of the range, without its line break: the text format shows it with carets. */
    readonly sourceLine?: string;
    /** Other places the diagnostic is about: where a repeated name or section was first given. */
    readonly related?: readonly CliRelated[];
}

/** A related place of a diagnostic, positioned like the diagnostic itself. */
export interface CliRelated {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    /** "först deklarerad här" / "first declared here". */
    readonly message: string;
    readonly sourceLine?: string;
}

export interface ToolInfo {
    readonly name: string;
    readonly version: string;
    readonly informationUri: string;
}

/** Everything a formatter needs: the diagnostics to show and what was checked. */
export interface CheckReport {
    readonly tool: ToolInfo;
    readonly language: CliLanguage;
    /** Absolute path of the repository root that `file` paths are relative to. */
    readonly repositoryRoot: string;
    /** The checked files, relative like `CliDiagnostic.file`. */
    readonly files: readonly string[];
    /** Sorted by file, then position. */
    readonly diagnostics: readonly CliDiagnostic[];
}

export interface Summary {
    readonly errors: number;
    /** Warnings the plan does not accept. */
    readonly warnings: number;
    /** Warnings the plan accepts (reported as information). */
    readonly accepted: number;
    readonly infos: number;
    readonly hints: number;
    readonly files: number;
}

export function summarize(report: CheckReport): Summary {
    const count = (predicate: (d: CliDiagnostic) => boolean): number => report.diagnostics.filter(predicate).length;
    return {
        errors: count(d => d.severity === 'error'),
        warnings: count(d => d.severity === 'warning'),
        accepted: count(d => d.accepted !== undefined),
        infos: count(d => d.severity === 'info' && d.accepted === undefined),
        hints: count(d => d.severity === 'hint'),
        files: report.files.length,
    };
}

/** 0 when there are no errors and no unaccepted warnings, otherwise 1. */
export function exitCodeFor(diagnostics: readonly CliDiagnostic[]): 0 | 1 {
    return diagnostics.some(d => d.severity === 'error' || d.severity === 'warning') ? 1 : 0;
}

/** `2 fel, 1 varning i 3 filer` / `2 errors, 1 warning in 3 files` (plus accepted warnings when there are any). */
export function summaryLine(summary: Summary, language: CliLanguage): string {
    const count = (n: number, one: TextKey, many: TextKey): string => t(language, n === 1 ? one : many, n);
    const parts = [count(summary.errors, 'errorsOne', 'errorsMany'), count(summary.warnings, 'warningsOne', 'warningsMany')];
    if (summary.accepted > 0) parts.push(count(summary.accepted, 'acceptedOne', 'acceptedMany'));
    return t(language, 'summary', parts.join(', '), count(summary.files, 'filesOne', 'filesMany'));
}

/** Orders diagnostics by file, then start position, then code. */
/** What diagnostics are ordered by: file, position, code. */
export type DiagnosticPlace = Pick<CliDiagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'code'>;

export function compareDiagnostics(a: DiagnosticPlace, b: DiagnosticPlace): number {
    return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
        || a.line - b.line || a.column - b.column
        || a.endLine - b.endLine || a.endColumn - b.endColumn
        || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
