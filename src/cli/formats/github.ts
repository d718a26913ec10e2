import type { Severity } from '../../language/diagnostics/codes.js';
import { t } from '../messages.js';
import type { CheckReport, CliDiagnostic } from './report.js';

/**
 * GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as annotations
 * on the pull request's diff: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=SU012::message`.
 */
export function formatGithub(report: CheckReport): string {
    const helpWord = t(report.language, 'helpLabel');
    return report.diagnostics.map(d => githubCommand(d, helpWord) + '\n').join('');
}

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function githubCommand(d: CliDiagnostic, helpWord: string): string {
    const properties: Array<[string, string | number]> = [
        ['file', d.file], ['line', d.line], ['col', d.column], ['endLine', d.endLine], ['endColumn', d.endColumn],
    ];
    if (d.code) properties.push(['title', d.code]);
    const message = d.help ? `${d.message}\n${helpWord}: ${d.help}` : d.message;
    const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    return `::${COMMAND[d.severity]} ${props}::${escapeData(message)}`;
}

/** Escaping of a command's message, as GitHub's toolkit does it (`%`, CR, LF). */
export function escapeData(value: string): string {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: as data, plus `:` and `,`. */
export function escapeProperty(value: string): string {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
