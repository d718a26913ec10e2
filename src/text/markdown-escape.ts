/**
 * Escaping of plan text for Markdown (CommonMark + GitHub tables). Any text from a plan (titles,
 * labels, definitions, free text) goes through `mdText`, `mdCell` or `mdCode` (and `mdLineStart`
 * where it starts a line), so it can neither start a
 * block (heading, list, quote), nor open emphasis, links or code, nor inject raw HTML, nor break
 * a table row.
 */

/**
 * ASCII punctuation that can change inline meaning or raw HTML anywhere in a line. `(`, `)` and
 * `!` matter only next to `[`/`]`, which are always escaped, so they stay readable.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|#~&]/g;

/** Collapses every line break (and other vertical whitespace) to one space. */
function oneLine(text: string): string {
    return text.replace(/\s*[\r\n\u2028\u2029\v\f]+\s*/g, ' ');
}

/**
 * Escapes text for running Markdown inside a line: one line, every special character
 * backslash-escaped. Text that starts a line must also go through `mdLineStart`.
 */
export function mdText(text: string): string {
    return oneLine(text).replace(INLINE_SPECIAL, ch => `\\${ch}`);
}

/**
 * Escapes a leading character of an already escaped line that could start a block: a list
 * marker (`-`, `+`), a setext underline (`=`) or an ordered-list number (`1.`, `1)`). `#`, `>`
 * and `*` are escaped everywhere by `mdText`.
 */
export function mdLineStart(line: string): string {
    // Leading spaces could make an indented code block; they carry no meaning in running text.
    return line
        .replace(/^\s+/, '')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text for a table cell: `mdText` (which escapes `|` and removes line breaks); empty stays readable. */
export function mdCell(text: string | undefined): string {
    if (text === undefined || text.trim() === '') return ' ';
    return mdText(text.trim());
}

/**
 * A code span for an identifier: the fence is longer than any run of backticks in the text, and
 * `|` is escaped (GitHub tables split on `|` even inside code spans).
 */
export function mdCode(text: string): string {
    const line = oneLine(text).replace(/\|/g, '\\|');
    const longest = Math.max(0, ...Array.from(line.matchAll(/`+/g), m => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${line}${pad}${fence}`;
}

/** A GitHub table: a header row, the delimiter row and one row per entry, all with the same cell count. */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    const line = (cells: readonly string[]): string => `| ${header.map((_h, i) => cells[i] ?? ' ').join(' | ')} |`;
    return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
