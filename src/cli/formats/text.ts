import { t } from '../messages.js';
import { summarize, summaryLine, type CheckReport, type CliDiagnostic } from './report.js';
import { excerptLines } from './source-excerpt.js';

/**
 * `path:line:col: error SU012: message`, the source line with its number and carets under the
 * range, the help on an indented line, then a summary line. Tools read the first line of each
 * diagnostic; it is the same with or without the excerpt.
 */
export function formatText(report: CheckReport): string {
    const helpWord = t(report.language, 'helpLabel');
    const lines: string[] = [];
    for (const diagnostic of report.diagnostics) {
        lines.push(diagnosticLine(diagnostic));
        lines.push(...excerpt(diagnostic));
        if (diagnostic.help) lines.push(`  ${helpWord}: ${oneLine(diagnostic.help)}`);
    }
    lines.push(summaryLine(summarize(report), report.language));
    return lines.join('\n') + '\n';
}

export function diagnosticLine(d: CliDiagnostic): string {
    const code = d.code ? ` ${d.code}` : '';
    return `${d.file}:${d.line}:${d.column}: ${d.severity}${code}: ${oneLine(d.message)}`;
}

/** The line of the range with carets under it; over several lines, the first line to its end. */
function excerpt(d: CliDiagnostic): string[] {
    if (d.sourceLine === undefined) return [];
    const end = d.endLine === d.line ? d.endColumn - 1 : d.sourceLine.length;
    return excerptLines({ line: d.line, source: d.sourceLine, start: d.column - 1, end });
}

function oneLine(text: string): string {
    return text.replace(/\r?\n/g, ' ');
}
