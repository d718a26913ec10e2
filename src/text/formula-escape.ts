/**
 * Formula injection: a spreadsheet program runs a CSV cell that starts with `=`, `+`, `-` or `@`
 * (or a tab or carriage return) as a formula. Export puts a `'` in front of such cells, as
 * spreadsheet programs do for text; import takes one `'` away again, so a round trip is exact.
 *
 * CSV: every cell matching `CSV_FORMULA_CELL` gets the `'` (including cells that already start with
 * `'` followed by a formula character, so that their own `'` survives the round trip).
 * XLSX: cells are written as text, which no spreadsheet program runs, so only cells that already
 * start with `'`+formula character get one more `'`.
 */
export const CSV_FORMULA_CELL = /^'*[=+\-@\t\r]/;

export const XLSX_QUOTED_CELL = /^'+[=+\-@\t\r]/;

/** Prefixes `'` when `pattern` matches. */
export function escapeFormula(text: string, pattern: RegExp): string {
    return pattern.test(text) ? `'${text}` : text;
}

/** Removes the `'` that export put in front of a formula-like cell. */
export function unescapeFormula(text: string): string {
    return XLSX_QUOTED_CELL.test(text) ? text.slice(1) : text;
}
