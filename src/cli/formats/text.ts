import type { Diagnostic } from 'vscode-languageserver-types';
import { t } from '../messages.js';
import { compareDiagnostics, summarize, summaryLine, type CheckReport, type CliDiagnostic, type CliRelated } from './report.js';
import { excerptLines } from './source-excerpt.js';

/**
 * `path:line:col: error SU012: message`, the source line with its number and carets under the
 * range, for a repeat where the first one is (`först deklarerad här: path:line:col` and its line),
 * the help on an indented line, then a summary line. Tools read the first line of each
 * diagnostic; it is the same with or without the excerpt.
 */
export function formatText(report: CheckReport): string {
    const helpWord = t(report.language, 'helpLabel');
    const lines: string[] = [];
    for (const diagnostic of report.diagnostics) {
        lines.push(diagnosticLine(diagnostic));
        // One gutter width for the diagnostic and its related places, as rustc aligns them.
        const gutter = Math.max(...[diagnostic, ...diagnostic.related ?? []].map(p => String(p.line).length));
        lines.push(...excerpt(diagnostic, gutter));
        for (const place of diagnostic.related ?? []) {
            lines.push(`  ${oneLine(place.message)}: ${place.file}:${place.line}:${place.column}`, ...excerpt(place, gutter));
        }
        if (diagnostic.help) lines.push(`  ${helpWord}: ${oneLine(diagnostic.help)}`);
    }
    lines.push(summaryLine(summarize(report), report.language));
    return lines.join('\n') + '\n';
}

export function diagnosticLine(d: Pick<CliDiagnostic, 'file' | 'line' | 'column' | 'severity' | 'code' | 'message'>): string {
    const code = d.code ? ` ${d.code}` : '';
    return `${d.file}:${d.line}:${d.column}: ${d.severity}${code}: ${oneLine(d.message)}`;
}

/**
 * The errors of one file that a command refuses to go on with (`catalogue export`, `import
 * --update`, `catalogue diff`/`upgrade`), each as the first line of `check`'s text output, in
 * check's order; `suplan check <file>` shows them with their source lines and help.
 */
export function errorLines(file: string, diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .filter(d => (d.severity ?? 1) === 1)
        .map(d => ({
            file, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
            severity: 'error' as const, code: d.code === undefined ? '' : String(d.code), message: typeof d.message === 'string' ? d.message : String(d.message),
        }))
        .sort(compareDiagnostics)
        .map(diagnosticLine);
}

/** The line of the range with carets under it; over several lines, the first line to its end. */
function excerpt(d: CliDiagnostic | CliRelated, gutter: number): string[] {
    if (d.sourceLine === undefined) return [];
    const end = d.endLine === d.line ? d.endColumn - 1 : d.sourceLine.length;
    return excerptLines({ line: d.line, source: d.sourceLine, start: d.column - 1, end }, gutter);
}

function oneLine(text: string): string {
    return text.replace(/\r?\n/g, ' ');
}
