import { createHash } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CODES, helpFor, type Code, type Severity } from '../language/diagnostics/codes.js';
import type { SuDiagnosticData } from '../language/validators/common.js';
import { compareDiagnostics, type CheckReport, type CliDiagnostic, type CliRelated } from './formats/report.js';
import type { CheckedDocument, FileProblem, LoadedWorkspace } from './load-workspace.js';
import type { CliLanguage } from './messages.js';
import { toolInfo } from './tool-info.js';

type TextDocument = CheckedDocument['document']['textDocument'];

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

function isSuData(data: unknown): data is SuDiagnosticData {
    return typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string';
}

function isCode(code: string): code is Code {
    return Object.prototype.hasOwnProperty.call(CODES, code);
}

/**
 * The diagnostics to show: all of the given files', and the errors of discovered catalogues
 * (their warnings are not the user's concern here). Sorted by file and position.
 */
export function collectDiagnostics(documents: readonly CheckedDocument[], language: CliLanguage): CliDiagnostic[] {
    const result: CliDiagnostic[] = [];
    const occurrences = new Map<string, number>();
    const byUri = new Map(documents.map(d => [d.document.uri.toString(), d]));
    for (const document of documents) {
        for (const diagnostic of document.diagnostics) {
            const converted = toCliDiagnostic(document, diagnostic, language, occurrences, byUri);
            if (document.role === 'discovered' && converted.severity !== 'error') continue;
            result.push(converted);
        }
    }
    return result.sort(compareDiagnostics);
}

function toCliDiagnostic(document: CheckedDocument, d: Diagnostic, language: CliLanguage, occurrences: Map<string, number>, byUri: ReadonlyMap<string, CheckedDocument>): CliDiagnostic {
    const data = isSuData(d.data) ? d.data : undefined;
    const code = typeof d.code === 'string' ? d.code : data?.code ?? '';
    const severity = SEVERITIES[(d.severity ?? 1) - 1] ?? 'error';
    const help = isCode(code) ? helpFor(code, language, data?.args ?? []) : undefined;
    const text = document.document.textDocument;
    const snippet = text.getText(d.range);
    const key = [document.shown, code, snippet].join('\u0000');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
    return {
        file: document.shown,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity,
        code,
        message: typeof d.message === 'string' ? d.message : String(d.message),
        help,
        ...(data?.accepted !== undefined ? { accepted: data.accepted } : {}),
        fingerprint,
        ...sourceLineOf(text, d.range.start.line),
        ...relatedOf(d, byUri),
    };
}

/** The diagnostic's related places (the first declaration of a repeated name) in the workspace's files. */
function relatedOf(d: Diagnostic, byUri: ReadonlyMap<string, CheckedDocument>): { related?: CliRelated[] } {
    const related: CliRelated[] = [];
    for (const info of d.relatedInformation ?? []) {
        const document = byUri.get(info.location.uri);
        if (!document) continue; // only files of the workspace have a path to show
        const range = info.location.range;
        related.push({
            file: document.shown,
            line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1,
            message: info.message,
            ...sourceLineOf(document.document.textDocument, range.start.line),
        });
    }
    return related.length > 0 ? { related } : {};
}

/** The text of a line without its line break; nothing for a line the document does not have. */
function sourceLineOf(text: TextDocument, line: number): { sourceLine?: string } {
    if (line < 0 || line >= text.lineCount) return {};
    return { sourceLine: text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '') };
}

/** A file that was not read, as a diagnostic without a code at its place (line 1 unless the problem has one). */
function fileProblemDiagnostic(problem: FileProblem): CliDiagnostic {
    const fingerprint = createHash('sha256').update(`${problem.shown}\u0000${problem.message}`).digest('hex').slice(0, 32);
    return {
        file: problem.shown, line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.column,
        severity: problem.severity, code: '', message: problem.message, fingerprint,
    };
}

/** What `check` and `generate` report about a loaded workspace: the checked files and their diagnostics. */
export function makeReport(workspace: LoadedWorkspace, language: CliLanguage): CheckReport {
    return {
        tool: toolInfo(),
        language,
        repositoryRoot: workspace.repositoryRoot,
        files: workspace.documents.filter(d => d.role === 'given').map(d => d.shown).sort(),
        diagnostics: [...collectDiagnostics(workspace.documents, language), ...workspace.problems.map(fileProblemDiagnostic)].sort(compareDiagnostics),
    };
}
