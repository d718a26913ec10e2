import { looksLikeIdentityNumber } from '../text/identity-number.js';
import { dataCodec } from './codec.js';
import type { DataLayout } from './columns.js';
import type { DataRow } from './types.js';

export interface WriteOptions {
    /** `;` by default (Swedish Excel). */
    readonly delimiter?: ';' | ',' | '\t';
    /** `,` by default with `;`, else `.`. */
    readonly decimalChar?: ',' | '.';
    /** A byte-order mark first (default true), so that Excel reads UTF-8. */
    readonly bom?: boolean;
}

const codec = dataCodec(looksLikeIdentityNumber);

/** The delimiter and decimal character a write uses. */
export function writeDialect(options: WriteOptions = {}): { delimiter: string; decimalChar: string; bom: boolean } {
    const delimiter = options.delimiter ?? ';';
    return { delimiter, decimalChar: options.decimalChar ?? (delimiter === ';' ? ',' : '.'), bom: options.bom ?? true };
}

/**
 * A data file as text (encode it as UTF-8): the header, then one line per row with codes, numbers
 * with the decimal character, dates `YYYY-MM-DD`, empty for missing and `ej aktuell` for not
 * applicable; CRLF line ends; text cells protected against formula injection.
 */
export function writeDataCsv(layout: DataLayout, rows: readonly DataRow[], options: WriteOptions = {}): string {
    const { delimiter, decimalChar, bom } = writeDialect(options);
    const header = layout.columns.map(c => c.name);
    const lines = rows.map(row => layout.columns.map(column => codec.formatValue(column, row[column.name], decimalChar)));
    return (bom ? '\uFEFF' : '') + codec.formatCsv([header, ...lines], delimiter);
}
