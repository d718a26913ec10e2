import type { Language } from '../text/language.js';
import type { MessageArg } from '../text/messages.js';
import { catalogueMessage, type MessageKey } from './messages.js';

/** A column of the input sheet: its position (0-based) and its header as written in the file. */
export interface ColumnRef {
    readonly index: number;
    readonly header: string;
}

/** One problem in the input, pointing at a spreadsheet row (1-based, as Excel numbers rows) and column. */
export interface ImportIssue {
    readonly severity: 'error' | 'warning';
    readonly key: MessageKey;
    readonly args: readonly MessageArg[];
    readonly row?: number;
    readonly column?: ColumnRef;
    /** The SU code, for problems found by the project's own catalogue validation. */
    readonly code?: string;
}

/** `A`, `B`, …, `Z`, `AA`, … for a 0-based column index. */
export function columnLetter(index: number): string {
    let n = index + 1;
    let letters = '';
    while (n > 0) {
        const rest = (n - 1) % 26;
        letters = String.fromCharCode(65 + rest) + letters;
        n = Math.floor((n - 1) / 26);
    }
    return letters;
}

/** `rad 5, kolumn C "Värdemängd": fel: Okänd värdemängd …` (without the file name). */
export function renderIssue(issue: ImportIssue, language: Language): string {
    const where: string[] = [];
    if (issue.row !== undefined) where.push(catalogueMessage(language, 'where.row', issue.row));
    if (issue.column) where.push(catalogueMessage(language, 'where.column', columnLetter(issue.column.index), issue.column.header));
    const severity = catalogueMessage(language, issue.severity === 'error' ? 'severity.error' : 'severity.warning');
    const prefix = where.length ? `${where.join(', ')}: ` : '';
    const code = issue.code ? ` ${issue.code}` : '';
    return `${prefix}${severity}${code}: ${catalogueMessage(language, issue.key, ...issue.args)}`;
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
    return issues.some(i => i.severity === 'error');
}
