import { shownChars, type ShownChar } from '../../text/display-width.js';

/** A place in a source line to show: 1-based line, 0-based UTF-16 columns; `end` past the line means "to its end". */
export interface ExcerptPlace {
    readonly line: number;
    /** The line's text, without its line break. */
    readonly source: string;
    readonly start: number;
    /** One past the last character; for a range over several lines, the first line's length. */
    readonly end: number;
}

/** Columns of source shown at most; a longer line is cut around the range, with `…` where it is cut. */
const MAX_WIDTH = 120;
/** Columns kept before the range when a line is cut. */
const CONTEXT_BEFORE = 40;
/** UTF-16 units kept either side of the range before measuring a very long line. */
const SLICE = 2000;

/**
 * The line with its number in a gutter and carets under the range, as rustc and Elm show them:
 *
 *     12 |     använd bbic.kon
 *        |            ^^^^^^^^
 *
 * `gutter` is the width of the number column (at least the number's own width).
 */
export function excerptLines(place: ExcerptPlace, gutter = String(place.line).length): string[] {
    const width = Math.max(gutter, String(place.line).length);
    const { chars, cutBefore, cutAfter } = around(place);
    const start = Math.max(0, place.start);
    let first = chars.findIndex(c => c.offset >= start);
    if (first < 0) first = chars.length;
    let last = chars.findIndex(c => c.offset >= place.end);
    if (last < 0) last = chars.length;
    if (last <= first) last = first + 1; // an empty range or one at the line's end: one caret
    const columns = [0];
    for (const c of chars) columns.push(columns[columns.length - 1] + c.width);
    const col = (i: number): number => columns[Math.min(i, chars.length)] + Math.max(0, i - chars.length);
    // Cut a long line: some context before the range, as much after as fits.
    let from = 0;
    while (from < first && col(first) - col(from) > CONTEXT_BEFORE && col(chars.length) - col(from) > MAX_WIDTH) from++;
    let to = from;
    while (to < chars.length && col(to + 1) - col(from) <= MAX_WIDTH) to++;
    const leading = cutBefore || from > 0 ? '…' : '';
    const trailing = cutAfter || to < chars.length ? '…' : '';
    const shown = leading + chars.slice(from, to).map(c => c.text).join('') + trailing;
    const caretStart = leading.length + col(first) - col(from);
    const caretEnd = Math.min(col(last), Math.max(col(to), col(first) + 1)) - col(from) + leading.length;
    const carets = '^'.repeat(Math.max(1, caretEnd - caretStart));
    const number = String(place.line).padStart(width);
    return [`  ${number} | ${shown}`.trimEnd(), `  ${' '.repeat(width)} | ${' '.repeat(caretStart)}${carets}`];
}

/** The characters near the range: a line of megabytes is sliced before it is measured. */
function around(place: ExcerptPlace): { chars: ShownChar[]; cutBefore: boolean; cutAfter: boolean } {
    const source = place.source;
    if (source.length <= 2 * SLICE) return { chars: shownChars(source), cutBefore: false, cutAfter: false };
    let from = Math.max(0, Math.min(place.start, source.length) - SLICE);
    let to = Math.min(source.length, Math.max(place.start, 0) + SLICE);
    if (isLowSurrogate(source.charCodeAt(from))) from++;
    if (isLowSurrogate(source.charCodeAt(to))) to++;
    const chars = shownChars(source.slice(from, to)).map(c => ({ ...c, offset: c.offset + from }));
    return { chars, cutBefore: from > 0, cutAfter: to < source.length };
}

function isLowSurrogate(code: number): boolean {
    return code >= 0xdc00 && code <= 0xdfff;
}
