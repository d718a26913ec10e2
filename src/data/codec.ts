import type { CellProblem, ColumnRule, ConditionPart, DataValue } from './types.js';

/**
 * The cell and CSV codec of the data format: how a value is written to a cell and read back, CSV
 * quoting, and conditions. The Node writer and readers use it, and the HTML form embeds the very
 * same code: `dataCodec` is self-contained (nothing outside its own body is referenced, not even
 * other functions of this module), so that `dataCodec.toString()` runs in a browser. Keep it so;
 * test/data/codec.test.ts runs it from its source text alone.
 *
 * Cells: codes and counts as integers; numbers with the file's decimal character; dates
 * `YYYY-MM-DD`; empty = missing; `ej aktuell` = not applicable. Text that a spreadsheet would run
 * as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return), or that reads
 * `ej aktuell`, gets a leading `'`, which the reader takes away again.
 */
export function dataCodec(isIdentityNumber: (text: string) => boolean) {
    const NOT_APPLICABLE_TEXT = 'ej aktuell';
    const NEEDS_QUOTE = /^'*(?:[=+\-@\t\r]|ej aktuell$)/i;
    const QUOTED = /^'+(?:[=+\-@\t\r]|ej aktuell$)/i;
    const CASE_CODE = /^[A-Za-z0-9ÅÄÖÉÜåäöéü][A-Za-z0-9ÅÄÖÉÜåäöéü_.-]{0,39}$/;

    function isNotApplicable(value: DataValue | undefined): boolean {
        return typeof value === 'object' && value !== null;
    }

    /** A number without exponent notation, with `decimalChar` as the decimal separator. */
    function formatNumber(value: number, decimalChar: string): string {
        let text = Number.isInteger(value) ? value.toFixed(0) : String(value);
        if (/e/i.test(text)) text = value.toFixed(12).replace(/\.?0+$/, '');
        return decimalChar === '.' ? text : text.replace('.', decimalChar);
    }

    /** Text for a cell: `'` before what a spreadsheet would run or what reads as `ej aktuell`. */
    function escapeText(text: string): string {
        return NEEDS_QUOTE.test(text) ? `'${text}` : text;
    }

    function unescapeText(text: string): string {
        return QUOTED.test(text) ? text.slice(1) : text;
    }

    /** The cell text of a value. */
    function formatValue(column: ColumnRule, value: DataValue | undefined, decimalChar: string): string {
        if (value === null || value === undefined) return '';
        if (isNotApplicable(value)) return NOT_APPLICABLE_TEXT;
        if (typeof value === 'number') return formatNumber(value, column.type === 'number' ? decimalChar : '.');
        return column.type === 'string' ? escapeText(value as string) : String(value);
    }

    function isDate(text: string): boolean {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        if (!m) return false;
        const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
    }

    function inRange(column: ColumnRule, value: number): boolean {
        return (column.min === undefined || value >= column.min) && (column.max === undefined || value <= column.max);
    }

    /** Reads a cell: its value, or why it cannot be read. Decimal comma and point are both accepted. */
    function parseValue(column: ColumnRule, raw: string): { value: DataValue } | { problem: CellProblem } {
        const text = column.type === 'string' ? raw : raw.trim();
        if (text.trim() === '') return { value: null };
        if (text.trim().toLowerCase() === NOT_APPLICABLE_TEXT) {
            return column.notApplicable ? { value: { notApplicable: true } } : { problem: 'notApplicable' };
        }
        switch (column.type) {
            case 'string':
                return { value: unescapeText(text) };
            case 'date':
                return isDate(text) ? { value: text } : { problem: 'date' };
            case 'integer': {
                if (!/^[+-]?\d+$/.test(text)) return { problem: 'integer' };
                const value = Number(text);
                if (column.codes && !column.codes.includes(value)) return { problem: 'code' };
                return inRange(column, value) ? { value } : { problem: 'range' };
            }
            case 'number': {
                if (!/^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/.test(text)) return { problem: 'number' };
                const value = Number(text.replace(',', '.'));
                return inRange(column, value) ? { value } : { problem: 'range' };
            }
        }
    }

    /** CSV text (RFC 4180, CRLF): fields with the separator, a quote or a line break are quoted. */
    function formatCsv(rows: ReadonlyArray<readonly string[]>, delimiter: string): string {
        const field = (cell: string): string =>
            cell.includes(delimiter) || /["\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
        return rows.map(cells => cells.map(field).join(delimiter) + '\r\n').join('');
    }

    /** The separator of a CSV text: whichever of `;`, `,` and tab occurs most in the first line. */
    function detectDelimiter(text: string): string {
        let inQuotes = false;
        const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
        for (const ch of text) {
            if (ch === '"') inQuotes = !inQuotes;
            else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
            else if (!inQuotes && ch in counts) counts[ch]++;
        }
        return [';', ',', '\t'].reduce((best, d) => (counts[d] > counts[best] ? d : best), ';');
    }

    /**
     * The records of a CSV text with the physical line each starts on (a quoted field may span
     * lines). CRLF, LF and CR all end a record; a byte-order mark is skipped; blank lines are skipped.
     * An unterminated quote is reported with its line.
     */
    function parseCsv(text: string, delimiter: string): { records: Array<{ line: number; cells: string[] }>; unterminated?: number } {
        const records: Array<{ line: number; cells: string[] }> = [];
        let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
        let line = 1;
        while (i < text.length) {
            const start = line;
            const cells: string[] = [];
            let cell = '';
            let quoted = false;
            let ended = false;
            while (i < text.length) {
                const ch = text[i];
                if (quoted) {
                    if (ch === '"') {
                        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
                        quoted = false; i++; continue;
                    }
                    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
                    cell += ch; i++; continue;
                }
                if (ch === '"' && cell === '') { quoted = true; i++; continue; }
                if (ch === delimiter) { cells.push(cell); cell = ''; i++; continue; }
                if (ch === '\r' || ch === '\n') {
                    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
                    line++;
                    ended = true;
                    break;
                }
                cell += ch; i++;
            }
            if (quoted) return { records, unterminated: start };
            cells.push(cell);
            if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
            if (!ended) break;
        }
        return { records };
    }

    /**
     * Whether a condition holds: `true`, `false`, or `undefined` when a value it needs is missing.
     * `valueOf` gives a variable's value, or for multiple choice the list of chosen codes.
     */
    function conditionHolds(parts: readonly ConditionPart[], valueOf: (variable: string) => DataValue | readonly number[] | undefined): boolean | undefined {
        let unknown = false;
        for (const part of parts) {
            const value = valueOf(part.variable);
            if (value === null || value === undefined || (!Array.isArray(value) && isNotApplicable(value as DataValue))) { unknown = true; continue; }
            const values: readonly number[] = Array.isArray(value) ? value : typeof value === 'number' ? [value] : [];
            let holds: boolean;
            if ('codes' in part) {
                holds = values.some(v => part.codes.includes(v));
            } else {
                const v = values[0];
                if (v === undefined) { unknown = true; continue; }
                holds = part.op === '=' ? v === part.value : part.op === '!=' ? v !== part.value : part.op === '<' ? v < part.value
                    : part.op === '<=' ? v <= part.value : part.op === '>' ? v > part.value : v >= part.value;
            }
            if (!holds) return false;
        }
        return unknown ? undefined : true;
    }

    /** Why a case code cannot be used, or undefined: it must be a short pseudonymous code, never an identity number. */
    function caseCodeProblem(code: string): 'empty' | 'characters' | 'identity' | undefined {
        const text = code.trim();
        if (text === '') return 'empty';
        if (isIdentityNumber(text) || isIdentityNumber(text.replace(/[^0-9]/g, ''))) return 'identity';
        return CASE_CODE.test(text) ? undefined : 'characters';
    }

    return {
        NOT_APPLICABLE_TEXT, formatNumber, escapeText, unescapeText, formatValue, parseValue, isDate,
        formatCsv, detectDelimiter, parseCsv, conditionHolds, caseCodeProblem, isIdentityNumber,
    };
}

export type DataCodec = ReturnType<typeof dataCodec>;
