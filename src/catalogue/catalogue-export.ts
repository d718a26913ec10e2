import Papa from 'papaparse';
import { CSV_FORMULA_CELL, escapeFormula, XLSX_QUOTED_CELL } from '../text/formula-escape.js';
import type { ImportIssue } from './issues.js';
import type { Workbook } from 'exceljs';
import { FIELD_HEADERS, FIELDS, METADATA_FIELDS, METADATA_SHEET, type CatalogueEntry, type Field, type VariableEntry } from './model.js';
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
        case 'note': return variable.note ?? '';
    }
}

/**
 * The table for a catalogue: the columns `variabel`, `etikett`, `värdemängd`, `kommentar`,
 * `processteg`, `nationell statistik`, and `ersätter` when any variable replaces another.
 * Cells are not escaped here; the CSV and XLSX writers do that.
 */
export function variableTable(catalogue: CatalogueEntry, options: { readonly notes?: boolean } = {}): VariableTable {
    const fields = FIELDS.filter(f => (f !== 'replaces' || catalogue.variables.some(v => v.replaces !== undefined))
        && (f !== 'note' || (options.notes === true && catalogue.variables.some(v => v.note !== undefined))));
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

/**
 * The sheet "Katalog": what the catalogue says besides its variables (name, version, title,
 * `utgiven`, `beskrivning`, the comment lines at the top of the file), one field per row, so that
 * importing the workbook gives the catalogue back as it was.
 */
function addMetadataSheet(workbook: Workbook, catalogue: CatalogueEntry): void {
    const sheet = workbook.addWorksheet(METADATA_SHEET);
    sheet.columns = [{ header: 'fält', key: 'field', width: 22 }, { header: 'värde', key: 'value', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } }];
    sheet.getRow(1).font = { bold: true };
    for (const [key, field] of Object.entries(METADATA_FIELDS) as [keyof typeof METADATA_FIELDS, string][]) {
        const value = catalogue[key];
        if (value !== undefined) sheet.addRow([field, escapeFormula(value, XLSX_QUOTED_CELL)]);
    }
}

const WIDE_FIELDS: ReadonlySet<Field> = new Set(['label', 'valueSet', 'comment', 'note']);

function columnWidth(texts: readonly string[]): number {
    const longest = Math.max(...texts.flatMap(t => t.split('\n').map(line => line.length)));
    return Math.min(60, Math.max(10, longest + 2));
}

/**
 * An XLSX workbook with one sheet "Variabler": a bold header row, frozen, with a filter, column
 * widths from the content (10–60 characters), long texts wrapped. Cells are written as text, which
 * no spreadsheet program runs as a formula.
 */
export async function variableTableXlsx(table: VariableTable, catalogue?: CatalogueEntry): Promise<Buffer> {
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
    if (catalogue) addMetadataSheet(workbook, catalogue);
    const data = await workbook.xlsx.writeBuffer();
    return Buffer.from(data as ArrayBuffer);
}
