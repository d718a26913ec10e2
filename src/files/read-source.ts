import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** The largest plan or catalogue the tools read: 10 MB. Bigger files are refused, not read. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** Why a plan or catalogue file was not read. The caller turns the kind into a message. */
export type SourceProblem =
    | { readonly kind: 'danglingLink' }
    | { readonly kind: 'linkLoop' }
    | { readonly kind: 'notRegular' }
    | { readonly kind: 'tooLarge'; readonly bytes: number; readonly limit: number }
    | { readonly kind: 'utf16' }
    | { readonly kind: 'invalidUtf8'; readonly line: number; readonly column: number }
    | { readonly kind: 'io'; readonly code: string };

export type SourceRead = { readonly text: string; readonly problem?: undefined } | { readonly text?: undefined; readonly problem: SourceProblem };

/** The `code` of a Node.js file-system error (`ENOENT`, `ELOOP`, …). */
function errnoCode(error: unknown): string | undefined {
    return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A file-system error as a problem: a missing target of a link that exists, a link loop, or the errno code. */
export function problemOfError(error: unknown, isLink: boolean): SourceProblem {
    const code = errnoCode(error);
    if (code === undefined) throw error;
    if (code === 'ELOOP') return { kind: 'linkLoop' };
    if (code === 'ENOENT' && isLink) return { kind: 'danglingLink' };
    return { kind: 'io', code };
}

/** The largest file an import reads (a workbook or CSV of data or of a variable list): 100 MB. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export type BytesRead = { readonly bytes: Buffer; readonly problem?: undefined } | { readonly bytes?: undefined; readonly problem: SourceProblem };

/**
 * Reads the bytes of a regular file only (a FIFO, a device or a folder is refused without being
 * opened for reading: the open does not block and the type is checked on the opened file), of at
 * most `limit` bytes.
 */
export function readRegularFile(file: string, isLink = false, limit = MAX_SOURCE_BYTES): BytesRead {
    let fd: number;
    try {
        fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
        return { problem: problemOfError(error, isLink || errnoCode(error) === 'ELOOP') };
    }
    try {
        const stats = fstatSync(fd);
        if (!stats.isFile()) return { problem: { kind: 'notRegular' } };
        if (stats.size > limit) return { problem: { kind: 'tooLarge', bytes: stats.size, limit } };
        // Read at most one byte more than the limit: a file that grows while it is read is still refused.
        const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
        let length = 0;
        for (;;) {
            const read = readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0) break;
            length += read;
            if (length === buffer.length) break;
        }
        if (length > limit) return { problem: { kind: 'tooLarge', bytes: length, limit } };
        return { bytes: buffer.subarray(0, length) };
    } catch (error) {
        return { problem: problemOfError(error, isLink) };
    } finally {
        closeSync(fd);
    }
}

/**
 * Reads a plan or catalogue: a regular file (readRegularFile) of at most MAX_SOURCE_BYTES, in UTF-8
 * (a UTF-8 BOM is dropped). A UTF-16 byte-order mark and invalid UTF-8 are problems (the latter with
 * its line and column), never replacement characters.
 */
export function readSourceFile(file: string, isLink = false, limit = MAX_SOURCE_BYTES): SourceRead {
    const read = readRegularFile(file, isLink, limit);
    return read.problem ? { problem: read.problem } : decodeSource(read.bytes);
}

/** UTF-8 text of a plan or catalogue, or why it is not UTF-8. */
export function decodeSource(bytes: Uint8Array): SourceRead {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        return { problem: { kind: 'utf16' } };
    }
    if (!isUtf8(bytes)) {
        const offset = firstInvalidUtf8(bytes);
        let line = 1;
        let lineStart = 0;
        for (let i = 0; i < offset; i++) {
            if (bytes[i] === 0x0a) {
                line++;
                lineStart = i + 1;
            }
        }
        const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
        return { problem: { kind: 'invalidUtf8', line, column } };
    }
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        let extra: number;
        let min: number;
        if (b < 0x80) { i++; continue; }
        if (b >= 0xc2 && b <= 0xdf) { extra = 1; min = 0x80; }
        else if (b >= 0xe0 && b <= 0xef) { extra = 2; min = 0x800; }
        else if (b >= 0xf0 && b <= 0xf4) { extra = 3; min = 0x10000; }
        else return i;
        if (i + extra >= bytes.length) return i;
        let codePoint = b & (0x3f >> extra);
        for (let k = 1; k <= extra; k++) {
            const c = bytes[i + k];
            if ((c & 0xc0) !== 0x80) return i;
            codePoint = (codePoint << 6) | (c & 0x3f);
        }
        if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
        i += extra + 1;
    }
    return bytes.length;
}
