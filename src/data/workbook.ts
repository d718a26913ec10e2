import type { PlanModel } from '../model/plan-model.js';
import { dataCodec } from './codec.js';
import { dataLayout, type DataColumn, type DataLayout } from './columns.js';
import type { RawTable } from './read.js';
import { looksLikeIdentityNumber } from '../text/identity-number.js';

/**
 * The registration workbook (`--target form-xlsx`) as both its generator and `suplan data import`
 * see it, without exceljs: its sheet names, which data-format columns the data sheet has, how a
 * coded cell reads (`1 – Flicka`, as the dropdown writes it, or the bare code), and how the cells
 * of a filled data sheet become a data-format table.
 *
 * The data sheet has a header row with the data format's column names and one row per record,
 * except `plan` and `planversion` (the plan sheet holds them once) and the refined variables'
 * `_original` columns (derived from the refined code on import).
 */
export const WORKBOOK_SHEETS = { data: 'Data', lists: 'Listor', variables: 'Variabler', plan: 'Plan' } as const;

/** The keys of the plan sheet's third column that the import reads. */
export const PLAN_SHEET_KEYS = { plan: 'plan', planVersion: 'planversion' } as const;

/** Rows of the data sheet that carry dropdowns and validation (after the header). */
export const WORKBOOK_ROWS = 2000;

const codec = dataCodec(looksLikeIdentityNumber);

/** The data-format columns of the data sheet, in sheet order. */
export function workbookColumns(layout: DataLayout): DataColumn[] {
    return layout.columns.filter(c => c.kind !== 'original' && c.key !== 'plan' && c.key !== 'planVersion');
}

/** A dropdown entry: `1 – Flicka`. */
export function choiceText(code: number, label: string): string {
    return `${code} – ${label.replace(/\s+/g, ' ')}`;
}

/** Excel's column letters of a 1-based column number. */
export function columnLetter(column: number): string {
    let n = column;
    let letters = '';
    while (n > 0) {
        const rest = (n - 1) % 26;
        letters = String.fromCharCode(65 + rest) + letters;
        n = Math.floor((n - 1) / 26);
    }
    return letters;
}

/** The raw text a data-format reader expects for a workbook cell's shown text: `1 – Flicka` → `1`. */
export function workbookCellText(column: DataColumn | undefined, text: string): string {
    if (column?.labels) {
        const m = /^\s*([+-]?\d+)\s+[–-]\s/.exec(text);
        if (m) return m[1];
    }
    return text;
}

/** One row of a sheet as read: its number in the sheet and each cell's text by 1-based column. */
export interface SheetRowCells {
    readonly number: number;
    readonly cells: readonly string[];
}

export interface WorkbookTable {
    readonly table: RawTable;
    /** The sheet column (letter) of each data-format column on the data sheet. */
    readonly letters: ReadonlyMap<string, string>;
}

/**
 * A filled data sheet as a data-format table, ready for `validateData`: the header row's names,
 * one record per non-empty row with its sheet row number as its line, `plan` and `planversion`
 * from the plan sheet, and each `_original` derived from the refined code.
 */
export function workbookTable(model: PlanModel, rows: readonly SheetRowCells[], plan: { plan?: string; planVersion?: string }, layout: DataLayout = dataLayout(model)): WorkbookTable {
    const [headerRow, ...body] = rows;
    const header = (headerRow?.cells ?? []).map(h => h.trim());
    while (header.length > 0 && header[header.length - 1] === '') header.pop();
    const byName = new Map(layout.columns.map(c => [c.name, c]));
    const letters = new Map<string, string>();
    header.forEach((name, i) => { if (name !== '' && !letters.has(name)) letters.set(name, columnLetter(i + 1)); });
    const originals = layout.columns.filter(c => c.kind === 'original');
    const planColumn = layout.columns.find(c => c.key === 'plan');
    const versionColumn = layout.columns.find(c => c.key === 'planVersion');
    const extra = [planColumn, versionColumn, ...originals].filter((c): c is DataColumn => c !== undefined && !header.includes(c.name));
    const outHeader = [...header, ...extra.map(c => c.name)];
    const records: Array<{ line: number; cells: string[] }> = [];
    for (const row of body) {
        const cells = header.map((name, i) => workbookCellText(byName.get(name), row.cells[i] ?? ''));
        if (cells.every(c => c.trim() === '')) continue;
        const refinedOf = (original: DataColumn): string => {
            const refined = layout.columns.find(c => c.kind === 'value' && c.variable === original.variable && c.goal === original.goal);
            const at = refined ? header.indexOf(refined.name) : -1;
            const raw = at < 0 ? '' : cells[at].trim();
            if (raw === '' || !refined) return '';
            const parsed = codec.parseValue(refined, raw);
            if (!('value' in parsed)) return '';
            if (typeof parsed.value === 'object' && parsed.value !== null) return codec.NOT_APPLICABLE_TEXT;
            const variable = model.variables.find(v => v.id === original.variable);
            const code = variable?.refinement?.find(r => r.code === parsed.value)?.original;
            return code === undefined ? '' : String(code);
        };
        const added = extra.map(c => c === planColumn ? plan.plan ?? '' : c === versionColumn ? plan.planVersion ?? '' : refinedOf(c));
        records.push({ line: row.number, cells: [...cells, ...added] });
    }
    return { table: { delimiter: ';', encoding: 'utf-8', header: outHeader, records }, letters };
}
