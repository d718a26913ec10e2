import { looksLikeIdentityNumber } from '../text/identity-number.js';
import { dataCodec } from './codec.js';

/** A data file as read: header and records, before any check against a plan. */
export interface RawTable {
    readonly delimiter: string;
    /** `utf-8` or `windows-1252`. */
    readonly encoding: string;
    readonly header: readonly string[];
    /** The data lines after the header, each with the line of the file it starts on. */
    readonly records: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
    /** The line of an unclosed quote, when there is one (everything after it is not read). */
    readonly unterminatedQuote?: number;
}

const codec = dataCodec(looksLikeIdentityNumber);

/**
 * Bytes as text: UTF-8 with or without a byte-order mark, or Windows-1252 (what Swedish Excel writes
 * for "CSV (semikolonavgränsad)") when the bytes are not valid UTF-8.
 */
export function decodeDataBytes(bytes: Uint8Array): { text: string; encoding: string } {
    try {
        return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
    } catch {
        return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
    }
}

/** Reads a data file's text: `;`, `,` or tab (detected from the header line); CRLF, LF or CR. */
export function readDataText(text: string, encoding = 'utf-8'): RawTable {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const delimiter = codec.detectDelimiter(body);
    const parsed = codec.parseCsv(body, delimiter);
    const [first, ...records] = parsed.records;
    return {
        delimiter, encoding, header: first ? first.cells.map(h => h.trim()) : [], records,
        ...(parsed.unterminated !== undefined ? { unterminatedQuote: parsed.unterminated } : {}),
    };
}

/** Reads a data file's bytes (see `decodeDataBytes` and `readDataText`). */
export function readDataFile(bytes: Uint8Array): RawTable {
    const { text, encoding } = decodeDataBytes(bytes);
    return readDataText(text, encoding);
}
