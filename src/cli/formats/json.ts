import { summarize, type CheckReport } from './report.js';

/**
 * A JSON object: the tool, the checked files, a summary and the diagnostics, each with
 * file, line, column, endLine, endColumn, severity, code, message, help, (when accepted) accepted
 * and (for a repeat) related: where the first one is, with file, positions and message.
 */
export function formatJson(report: CheckReport): string {
    const output = {
        tool: report.tool.name,
        version: report.tool.version,
        language: report.language,
        files: report.files,
        summary: summarize(report),
        diagnostics: report.diagnostics.map(d => ({
            file: d.file,
            line: d.line,
            column: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
            severity: d.severity,
            code: d.code,
            message: d.message,
            help: d.help ?? null,
            ...(d.accepted !== undefined ? { accepted: d.accepted } : {}),
            fingerprint: d.fingerprint,
            ...(d.related ? {
                related: d.related.map(r => ({ file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })),
            } : {}),
        })),
    };
    return JSON.stringify(output, null, 2) + '\n';
}
