import Papa from 'papaparse';
import { CSV_FORMULA_CELL, escapeFormula, XLSX_QUOTED_CELL } from '../text/formula-escape.js';
import type { ImportIssue } from './issues.js';
import { FIELD_HEADERS, FIELDS, type CatalogueEntry, type Field, type VariableEntry } from './model.js';
import { encodeText, unencodableCharacters, type OutputEncoding } from './text-encoding.js';
import { formatValueSet } from './value-set-syntax.js';
import { newWorkbook } from './xlsx-sheet.js';

/** The variable list as export writes it: Swedish headers, then one row of plain text per variable. */
export interface VariableTable {
    readonly fields: readonly Field[];
    readonly headers: readonly string[];
    readonly rows: readonly (readonly string[])[];
}

function cell(variable: VariableEntry, field: Field): string {
    switch (field) {
        case 'id': return variable.id;
        case 'label': return variable.label;
        case 'valueSet': return formatValueSet(variable.valueSet);
        case 'comment': return variable.comment ?? '';
        case 'step': return variable.processStep ?? '';
        case 'national': return variable.national ? 'ja' : 'nej';
        case 'replaces': return variable.replaces ?? '';
    }
}

/**
 * The table for a catalogue: the columns `variabel`, `etikett`, `värdemängd`, `kommentar`,
 * `processteg`, `nationell statistik`, and `ersätter` when any variable replaces another.
 * Cells are not escaped here; the CSV and XLSX writers do that.
 */
export function variableTable(catalogue: CatalogueEntry): VariableTable {
    const fields = FIELDS.filter(f => f !== 'replaces' || catalogue.variables.some(v => v.replaces !== undefined));
    return {
        fields,
        headers: fields.map(f => FIELD_HEADERS[f]),
        rows: catalogue.variables.map(v => fields.map(f => cell(v, f))),
    };
}

export interface CsvOptions {
    /** `;` by default, as Swedish Excel expects. */
    readonly separator?: ';' | ',';
    /** UTF-8 with a byte-order mark by default. */
    readonly encoding?: OutputEncoding;
}

/** Characters the chosen encoding cannot hold, reported per cell (row numbers as in the written file). */
export function unencodableCells(table: VariableTable, encoding: OutputEncoding): ImportIssue[] {
    const issues: ImportIssue[] = [];
    const all = [table.headers, ...table.rows];
    all.forEach((row, r) => row.forEach((text, c) => {
        const missing = unencodableCharacters(text, encoding);
        if (missing.length > 0) {
            issues.push({ severity: 'error', key: 'export.unencodable', args: [missing.map(m => `"${m}"`).join(' '), text], row: r + 1, column: { index: c, header: table.headers[c] } });
        }
    }));
    return issues;
}

/**
 * CSV text of the table: CRLF line ends, quotes only where needed, and a `'` in front of any cell
 * that a spreadsheet program would run as a formula (see `formula-escape.ts`).
 */
export function variableTableCsv(table: VariableTable, separator: ';' | ',' = ';'): string {
    const text = Papa.unparse(
        { fields: [...table.headers], data: table.rows.map(r => [...r]) },
        { delimiter: separator, newline: '\r\n', escapeFormulae: CSV_FORMULA_CELL, header: true },
    );
    return `${text}\r\n`;
}

/** CSV bytes, or the cells that the encoding cannot hold. */
export function variableTableCsvBytes(table: VariableTable, options: CsvOptions = {}): { bytes?: Buffer; issues: ImportIssue[] } {
    const encoding = options.encoding ?? 'utf8';
    const issues = unencodableCells(table, encoding);
    if (issues.length > 0) return { issues };
    return { bytes: encodeText(variableTableCsv(table, options.separator ?? ';'), encoding), issues };
}

const WIDE_FIELDS: ReadonlySet<Field> = new Set(['label', 'valueSet', 'comment']);

function columnWidth(texts: readonly string[]): number {
    const longest = Math.max(...texts.flatMap(t => t.split('\n').map(line => line.length)));
    return Math.min(60, Math.max(10, longest + 2));
}

/**
 * An XLSX workbook with one sheet "Variabler": a bold header row, frozen, with a filter, column
 * widths from the content (10–60 characters), long texts wrapped. Cells are written as text, which
 * no spreadsheet program runs as a formula.
 */
export async function variableTableXlsx(table: VariableTable): Promise<Buffer> {
    const workbook = await newWorkbook();
    workbook.creator = 'suplan';
    const sheet = workbook.addWorksheet('Variabler', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.columns = table.fields.map((field, c) => ({
        header: table.headers[c],
        key: field,
        width: columnWidth([table.headers[c], ...table.rows.map(r => r[c])]),
        style: WIDE_FIELDS.has(field) ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(text => escapeFormula(text, XLSX_QUOTED_CELL)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.fields.length } };
    const data = await workbook.xlsx.writeBuffer();
    return Buffer.from(data as ArrayBuffer);
}
