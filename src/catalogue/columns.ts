import Papa from 'papaparse';
import { fold } from '../text/suggest.js';
import type { ColumnRef, ImportIssue } from './issues.js';
import { CatalogueUsageError } from './messages.js';
import { FIELD_HEADERS, FIELDS, type Field } from './model.js';

/** A row of a sheet: its number as the spreadsheet shows it (1-based) and its cells as text. */
export interface SheetRow {
    readonly number: number;
    readonly cells: readonly string[];
}

/** Which column (header text or column letter) holds which field; from `--columns`. */
export type ColumnMapping = Partial<Record<Field, string>>;

export type ColumnLayout = Partial<Record<Field, ColumnRef>>;

/** Headers recognised without `--columns`, compared after `normalizeHeader`. */
const DEFAULT_HEADERS: Readonly<Record<Field, readonly string[]>> = {
    id: ['variabel', 'id'],
    label: ['etikett'],
    valueSet: ['vardemangd'],
    comment: ['kommentar'],
    step: ['processteg'],
    national: ['nationell statistik', 'nationell'],
    replaces: ['ersatter'],
    note: ['anteckning'],
};

/** Names accepted for the fields in `--columns` (English as documented, and the Swedish headers). */
const FIELD_NAMES: Readonly<Record<string, Field>> = {
    id: 'id', variabel: 'id',
    label: 'label', etikett: 'label',
    valueset: 'valueSet', vardemangd: 'valueSet',
    comment: 'comment', kommentar: 'comment',
    step: 'step', processstep: 'step', processteg: 'step',
    national: 'national', nationell: 'national', nationellstatistik: 'national',
    replaces: 'replaces', ersatter: 'replaces',
    note: 'note', anteckning: 'note',
};

/** Lower case, no diacritics, inner spaces collapsed, no surrounding spaces: ` Värdemängd ` → `vardemangd`. */
export function normalizeHeader(header: string): string {
    return fold(header).replace(/[\s\u00A0]+/g, ' ').trim();
}

/**
 * Parses `--columns id=Variabelnamn,label=Beskrivning,…`. The list is read as one CSV line, so a
 * header with a comma is written `"label=Namn, kort"`. A value may also be a column letter (`id=B`).
 */
export function parseColumnsOption(text: string): ColumnMapping {
    const parsed = Papa.parse<string[]>(text.trim(), { delimiter: ',', header: false, skipEmptyLines: true });
    const entries = parsed.data[0];
    if (parsed.errors.length > 0 || !entries || parsed.data.length !== 1) throw new CatalogueUsageError('usage.columnsSyntax', [text]);
    const mapping: ColumnMapping = {};
    for (const entry of entries) {
        if (entry.trim() === '') continue;
        const at = entry.indexOf('=');
        if (at <= 0 || entry.slice(at + 1).trim() === '') throw new CatalogueUsageError('usage.columnsSyntax', [text]);
        const name = normalizeHeader(entry.slice(0, at)).replace(/[\s_-]/g, '');
        const field = FIELD_NAMES[name];
        if (!field) throw new CatalogueUsageError('usage.columnsField', [entry.slice(0, at).trim()]);
        if (mapping[field] !== undefined) throw new CatalogueUsageError('usage.columnsSyntax', [text]);
        mapping[field] = entry.slice(at + 1).trim();
    }
    if (Object.keys(mapping).length === 0) throw new CatalogueUsageError('usage.columnsSyntax', [text]);
    return mapping;
}

function letterIndex(value: string): number | undefined {
    if (!/^[A-Za-z]{1,3}$/.test(value)) return undefined;
    let index = 0;
    for (const c of value.toUpperCase()) index = index * 26 + (c.charCodeAt(0) - 64);
    return index - 1;
}

function isEmpty(row: SheetRow): boolean {
    return row.cells.every(c => c.trim() === '');
}

/** How many fields a row would give as a header row. */
function score(row: SheetRow, mapping: ColumnMapping): number {
    const headers = row.cells.map(normalizeHeader);
    let found = 0;
    for (const field of FIELDS) {
        const wanted = mapping[field];
        const names = wanted !== undefined ? [normalizeHeader(wanted)] : DEFAULT_HEADERS[field];
        if (headers.some(h => names.includes(h))) found++;
    }
    return found;
}

/** The most fields any of the first twenty non-empty rows names: how well a sheet was split into columns. */
export function headerScore(rows: readonly SheetRow[], mapping: ColumnMapping): number {
    return Math.max(0, ...rows.filter(r => !isEmpty(r)).slice(0, 20).map(r => score(r, mapping)));
}

/**
 * The header row: the first of the first twenty non-empty rows that names at least two fields
 * (sheets often have a title above the table); otherwise the first non-empty row.
 */
export function findHeaderRow(rows: readonly SheetRow[], mapping: ColumnMapping): number | undefined {
    const candidates = rows.filter(r => !isEmpty(r)).slice(0, 20);
    const good = candidates.find(r => score(r, mapping) >= 2);
    const chosen = good ?? candidates[0];
    return chosen ? rows.indexOf(chosen) : undefined;
}

export interface ColumnResolution {
    readonly layout: ColumnLayout;
    readonly issues: ImportIssue[];
}

/** Matches the header row against `--columns` and the Swedish headers; reports missing, doubled and unused columns. */
export function resolveColumns(header: SheetRow, mapping: ColumnMapping): ColumnResolution {
    const issues: ImportIssue[] = [];
    const layout: Partial<Record<Field, ColumnRef>> = {};
    const headers = header.cells.map(normalizeHeader);
    const refOf = (index: number): ColumnRef => ({ index, header: header.cells[index]?.trim() ?? '' });
    const present = header.cells.map(c => c.trim()).filter(c => c !== '').map(c => `"${c}"`).join(', ') || '–';
    const claimed = new Set<number>();

    for (const field of FIELDS) {
        const wanted = mapping[field];
        if (wanted === undefined) continue;
        let index = headers.indexOf(normalizeHeader(wanted));
        if (index < 0) index = letterIndex(wanted) ?? -1;
        if (index < 0) {
            issues.push({ severity: 'error', key: 'column.notFound', args: [wanted, field, present], row: header.number });
            continue;
        }
        layout[field] = refOf(index);
        claimed.add(index);
    }
    for (const field of FIELDS) {
        if (mapping[field] !== undefined) continue;
        const matches = headers.flatMap((h, i) => (!claimed.has(i) && DEFAULT_HEADERS[field].includes(h) ? [i] : []));
        if (matches.length > 1) {
            issues.push({ severity: 'error', key: 'column.duplicate', args: [FIELD_HEADERS[field], header.cells[matches[0]].trim(), header.cells[matches[1]].trim()], row: header.number, column: refOf(matches[1]) });
            for (const index of matches) claimed.add(index);
        }
        if (matches.length > 0) {
            layout[field] = refOf(matches[0]);
            claimed.add(matches[0]);
        }
    }
    const missing = (field: Field): void => {
        if (mapping[field] !== undefined) return; // already reported as not found
        issues.push({ severity: 'error', key: 'column.missing', args: [FIELD_HEADERS[field], present, FIELD_HEADERS[field], field], row: header.number });
    };
    if (!layout.id && !layout.label) missing('label');
    if (!layout.valueSet) missing('valueSet');
    if (!layout.comment) missing('comment');
    header.cells.forEach((cell, index) => {
        if (cell.trim() !== '' && !claimed.has(index)) {
            issues.push({ severity: 'warning', key: 'column.unused', args: [cell.trim()], row: header.number, column: refOf(index) });
        }
    });
    return { layout, issues };
}
