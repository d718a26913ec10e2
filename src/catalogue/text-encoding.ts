import iconv from 'iconv-lite';
import { CatalogueUsageError } from './messages.js';

/** The encodings export writes. Import reads anything iconv-lite knows when `--encoding` names it. */
export type OutputEncoding = 'utf8' | 'windows-1252';

/** `utf8`, `UTF-8`, `windows-1252`, `cp1252`, … → the canonical name; throws a usage error for an unknown one. */
export function canonicalEncoding(name: string): string {
    const wanted = name.trim().toLowerCase();
    if (!iconv.encodingExists(wanted)) throw new CatalogueUsageError('usage.encoding', [name]);
    const canonical = iconv._canonicalizeEncoding(wanted);
    if (canonical === 'utf8') return 'utf8';
    if (canonical === 'windows1252' || canonical === 'cp1252') return 'windows-1252';
    return wanted;
}

/** Only the encodings export supports. */
export function outputEncoding(name: string): OutputEncoding {
    const canonical = canonicalEncoding(name);
    if (canonical !== 'utf8' && canonical !== 'windows-1252') throw new CatalogueUsageError('usage.encoding', [name]);
    return canonical;
}

export interface DecodedText {
    readonly text: string;
    /** The encoding used: named by `--encoding`, shown by a byte-order mark, or detected. */
    readonly encoding: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
    return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Bytes of a CSV file as text. A byte-order mark decides (UTF-8, UTF-16); otherwise bytes that are
 * valid UTF-8 are read as UTF-8 and anything else as Windows-1252, which is what Swedish Excel
 * writes for "CSV (semikolonavgränsad)". `override` (from `--encoding`) skips the detection.
 * A byte-order mark is never part of the text.
 */
export function decodeBytes(bytes: Uint8Array, override?: string): DecodedText {
    if (override !== undefined) {
        const encoding = canonicalEncoding(override);
        return { text: iconv.decode(bytes, encoding, { stripBOM: true }), encoding };
    }
    if (startsWith(bytes, UTF8_BOM)) return { text: iconv.decode(bytes, 'utf8', { stripBOM: true }), encoding: 'utf8' };
    if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(bytes, 'utf16le', { stripBOM: true }), encoding: 'utf16le' };
    if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(bytes, 'utf16be', { stripBOM: true }), encoding: 'utf16be' };
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8' };
    } catch {
        return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
    }
}

/** The characters of `text` that `encoding` cannot represent (each once, in order of appearance). */
export function unencodableCharacters(text: string, encoding: OutputEncoding): string[] {
    if (encoding === 'utf8') return [];
    const missing: string[] = [];
    for (const c of new Set(text)) {
        if (iconv.decode(iconv.encode(c, encoding), encoding) !== c) missing.push(c);
    }
    return missing;
}

/** Text as bytes: UTF-8 with a byte-order mark (so Swedish Excel opens it right), or Windows-1252. */
export function encodeText(text: string, encoding: OutputEncoding): Buffer {
    return encoding === 'utf8' ? iconv.encode(text, 'utf8', { addBOM: true }) : iconv.encode(text, 'windows-1252');
}
