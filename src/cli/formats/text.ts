import { t } from '../messages.js';
import { summarize, summaryLine, type CheckReport, type CliDiagnostic } from './report.js';

/** `path:line:col: error SU012: message`, the help on an indented line, then a summary line. */
export function formatText(report: CheckReport): string {
    const helpWord = t(report.language, 'helpLabel');
    const lines: string[] = [];
    for (const diagnostic of report.diagnostics) {
        lines.push(diagnosticLine(diagnostic));
        if (diagnostic.help) lines.push(`  ${helpWord}: ${oneLine(diagnostic.help)}`);
    }
    lines.push(summaryLine(summarize(report), report.language));
    return lines.join('\n') + '\n';
}

export function diagnosticLine(d: CliDiagnostic): string {
    const code = d.code ? ` ${d.code}` : '';
    return `${d.file}:${d.line}:${d.column}: ${d.severity}${code}: ${oneLine(d.message)}`;
}

function oneLine(text: string): string {
    return text.replace(/\r?\n/g, ' ');
}
