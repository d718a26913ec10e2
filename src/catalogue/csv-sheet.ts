import Papa from 'papaparse';
import { headerScore, type ColumnMapping, type SheetRow } from './columns.js';
import type { ImportIssue } from './issues.js';
import { catalogueMessage } from './messages.js';

/** The separators a variable list may use; Papa Parse picks among them. */
export const CSV_SEPARATORS = [';', ',', '\t'] as const;

export interface CsvSheet {
    readonly rows: readonly SheetRow[];
    readonly delimiter: string;
    readonly issues: readonly ImportIssue[];
}

function parse(text: string, delimiter: string | undefined): { rows: SheetRow[]; delimiter: string; errors: Papa.ParseError[] } {
    const result = Papa.parse<string[]>(text, {
        header: false,
        skipEmptyLines: false,
        delimiter: delimiter ?? '',
        delimitersToGuess: [...CSV_SEPARATORS],
    });
    const rows = result.data.map((cells, index) => ({ number: index + 1, cells }));
    return { rows, delimiter: result.meta.delimiter, errors: result.errors };
}

/**
 * The rows of a CSV text, numbered as a spreadsheet numbers them (a quoted field with line breaks
 * stays one row). The separator is detected by Papa Parse; when the detected one does not give a
 * recognisable header row and another separator does, the other one is used.
 */
export function readCsvText(text: string, mapping: ColumnMapping = {}): CsvSheet {
    let best = parse(text, undefined);
    let bestScore = headerScore(best.rows, mapping);
    if (bestScore < 2) {
        for (const separator of CSV_SEPARATORS) {
            if (separator === best.delimiter) continue;
            const other = parse(text, separator);
            const otherScore = headerScore(other.rows, mapping);
            if (otherScore > bestScore) {
                best = other;
                bestScore = otherScore;
            }
        }
    }
    const issues: ImportIssue[] = best.errors
        .filter(e => e.type === 'Quotes')
        .map(e => {
            const key = e.code === 'MissingQuotes' ? 'csv.missingQuotes' : 'csv.invalidQuotes';
            const what = { sv: catalogueMessage('sv', key), en: catalogueMessage('en', key) };
            return { severity: 'error', key: 'csv.parse', args: [what], ...(e.row !== undefined ? { row: e.row + 1 } : {}) };
        });
    return { rows: best.rows, delimiter: best.delimiter, issues };
}
