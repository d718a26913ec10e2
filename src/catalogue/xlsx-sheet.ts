import type { Cell, Workbook, Worksheet } from 'exceljs';
import { fold } from '../text/suggest.js';
import type { SheetRow } from './columns.js';
import { CatalogueUsageError } from './messages.js';
import { METADATA_SHEET } from './model.js';
import { unescapeFormula } from '../text/formula-escape.js';

/** exceljs is large: it is loaded only when a workbook is read or written, so `suplan check` stays fast. */
export async function newWorkbook(): Promise<Workbook> {
    const { default: ExcelJS } = await import('exceljs');
    return new ExcelJS.Workbook();
}

function cellText(cell: Cell): string {
    const value = cell.value;
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return cell.text ?? '';
}

function pickSheet(workbook: Workbook, name: string | undefined): Worksheet {
    const sheets = workbook.worksheets;
    if (sheets.length === 0) throw new CatalogueUsageError('usage.noSheet');
    if (name === undefined) return sheets[0];
    const found = sheets.find(s => s.name === name) ?? sheets.find(s => fold(s.name).trim() === fold(name).trim());
    if (!found) throw new CatalogueUsageError('usage.sheet', [name, sheets.map(s => `"${s.name}"`).join(', ')]);
    return found;
}

export interface XlsxSheet {
    readonly rows: readonly SheetRow[];
    readonly sheet: string;
    /** Column A → column B of the sheet "Katalog", when the workbook has one (written by export). */
    readonly metadata?: Readonly<Record<string, string>>;
}

function metadataOf(workbook: Workbook, read: Worksheet): Record<string, string> | undefined {
    const sheet = workbook.worksheets.find(s => s.name === METADATA_SHEET);
    if (!sheet || sheet === read) return undefined;
    const metadata: Record<string, string> = {};
    for (let number = 2; number <= sheet.rowCount; number++) {
        const row = sheet.getRow(number);
        const field = cellText(row.getCell(1)).trim();
        if (field !== '') metadata[field] = unescapeFormula(cellText(row.getCell(2)).replace(/\r\n?/g, '\n'));
    }
    return metadata;
}

/**
 * The rows of the first sheet (or the named one) of an XLSX workbook, numbered as Excel numbers them,
 * each cell as the text Excel shows (formulas by their result, dates as ÅÅÅÅ-MM-DD).
 */
export async function readXlsxBytes(bytes: Uint8Array, file: string, sheetName?: string): Promise<XlsxSheet> {
    const workbook = await newWorkbook();
    try {
        await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch {
        // The zip library's own text is English and names its website: the user gets ours.
        throw new CatalogueUsageError('io.workbook', [file]);
    }
    const sheet = pickSheet(workbook, sheetName);
    const rows: SheetRow[] = [];
    for (let number = 1; number <= sheet.rowCount; number++) {
        const row = sheet.getRow(number);
        const cells: string[] = [];
        for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)));
        rows.push({ number, cells });
    }
    const metadata = metadataOf(workbook, sheet);
    return { rows, sheet: sheet.name, ...(metadata ? { metadata } : {}) };
}
