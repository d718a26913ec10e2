import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseColumnsOption, type ColumnMapping, type SheetRow } from './columns.js';
import { readCsvText } from './csv-sheet.js';
import { isValidCatalogueName } from './ids.js';
import { hasErrors, type ImportIssue } from './issues.js';
import type { Language } from '../text/language.js';
import { CatalogueUsageError, type MessageKey } from './messages.js';
import { METADATA_FIELDS, type CatalogueEntry, type VariableEntry } from './model.js';
import { loadCatalogueText } from './sucat-reader.js';
import { writeSucat, type VariableBlock } from './sucat-writer.js';
import { decodeBytes } from './text-encoding.js';
import { readVariableRows, type RowVariable } from './variable-rows.js';
import { readXlsxBytes } from './xlsx-sheet.js';

export interface ImportOptions {
    /** The input file's name: decides CSV or XLSX, may give name and version (`bbic-2023.csv`), names the source in the output. */
    readonly fileName: string;
    readonly name?: string;
    readonly version?: string;
    readonly title?: string;
    /** `--columns id=Variabelnamn,label=Beskrivning,…` */
    readonly columns?: string;
    readonly sheet?: string;
    readonly encoding?: string;
    /** Language of the project's validation messages. */
    readonly language?: Language;
    /**
     * `--update existing.sucat`: the catalogue whose variables the list replaces. Its name,
     * version, title, `utgiven`, `beskrivning`, header comment and each variable's note (by id) are
     * kept, so that `.sucat → csv → --update` gives the same file back.
     */
    readonly base?: CatalogueEntry;
}

export interface ImportResult {
    /** Every problem found, errors and warnings, in row order. */
    readonly issues: readonly ImportIssue[];
    /** The catalogue and its `.sucat` text; both absent when there are errors. */
    readonly catalogue?: CatalogueEntry;
    readonly text?: string;
    /** What was read: the encoding and separator of a CSV file, the sheet of a workbook. */
    readonly source: { readonly format: 'csv' | 'xlsx'; readonly encoding?: string; readonly delimiter?: string; readonly sheet?: string };
}

const NAME_VERSION = /^([A-Za-z\u00C0-\u024F][\w\u00C0-\u024F]*?)[-_ ]+v?(\d+(?:[.-]\d+)*)$/;

/** `bbic-2023.csv` → `{ name: 'bbic', version: '2023' }`; `undefined` when the name does not look like that. */
export function nameAndVersionFromFile(fileName: string): { name: string; version: string } | undefined {
    const base = path.basename(fileName, path.extname(fileName));
    const match = NAME_VERSION.exec(base);
    if (!match) return undefined;
    const name = match[1].toLocaleLowerCase('sv');
    return isValidCatalogueName(name) ? { name, version: match[2] } : undefined;
}

function resolveNameAndVersion(options: ImportOptions, metadata: Readonly<Record<string, string>> | undefined): { name: string; version: string } {
    const fromFile = nameAndVersionFromFile(options.fileName);
    const name = options.name?.trim() || options.base?.name || metadata?.[METADATA_FIELDS.name]?.trim() || fromFile?.name;
    const version = options.version?.trim() || options.base?.version || metadata?.[METADATA_FIELDS.version]?.trim() || fromFile?.version;
    if (!name || !version) throw new CatalogueUsageError('usage.nameVersion');
    if (!isValidCatalogueName(name)) throw new CatalogueUsageError('usage.badName', [name]);
    return { name, version };
}

/** `.xlsx`/`.xlsm` by name, or a zip file by content; CSV otherwise. */
export function isWorkbook(fileName: string, bytes: Uint8Array): boolean {
    const extension = path.extname(fileName).toLowerCase();
    if (extension === '.xlsx' || extension === '.xlsm') return true;
    if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return false;
    return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function rowOfLine(line: number, blocks: readonly VariableBlock[], rows: readonly RowVariable[]): number | undefined {
    const index = blocks.findIndex(b => line >= b.startLine && line <= b.endLine);
    return index >= 0 ? rows[index]?.row : undefined;
}

/** Catalogue diagnostics that the row checks already report with a column (the same rule, found earlier). */
const REPORTED_BY_ROWS: Readonly<Record<string, MessageKey>> = {
    SU080: 'id.duplicate', SU083: 'label.duplicate', SU024: 'valueSet.duplicateCode', SU025: 'valueSet.badRange',
};

function diagnosticIssue(diagnostic: Diagnostic, blocks: readonly VariableBlock[], rows: readonly RowVariable[]): ImportIssue | undefined {
    if (diagnostic.severity !== 1 && diagnostic.severity !== 2) return undefined;
    const line = diagnostic.range.start.line + 1;
    const text = typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message);
    const row = rowOfLine(line, blocks, rows);
    return {
        severity: diagnostic.severity === 1 ? 'error' : 'warning',
        key: 'validation.diagnostic',
        args: [{ sv: text, en: text }, line],
        ...(row !== undefined ? { row } : {}),
        ...(diagnostic.code !== undefined ? { code: String(diagnostic.code) } : {}),
    };
}

interface ReadRows {
    readonly rows: readonly SheetRow[];
    readonly issues: readonly ImportIssue[];
    readonly source: ImportResult['source'];
    readonly metadata?: Readonly<Record<string, string>>;
}

async function readRows(bytes: Uint8Array, options: ImportOptions, mapping: ColumnMapping): Promise<ReadRows> {
    if (isWorkbook(options.fileName, bytes)) {
        const sheet = await readXlsxBytes(bytes, options.fileName, options.sheet);
        return { rows: sheet.rows, issues: [], source: { format: 'xlsx', sheet: sheet.sheet }, ...(sheet.metadata ? { metadata: sheet.metadata } : {}) };
    }
    if (options.sheet !== undefined) throw new CatalogueUsageError('usage.sheetForCsv');
    const decoded = decodeBytes(bytes, options.encoding);
    const csv = readCsvText(decoded.text, mapping);
    return { rows: csv.rows, issues: csv.issues, source: { format: 'csv', encoding: decoded.encoding, delimiter: csv.delimiter } };
}

/** The comment a plain import writes at the top of the catalogue. */
function importedFrom(fileName: string): string {
    return `Importerad från ${path.basename(fileName).replace(/[\r\n]+/g, ' ')} med suplan catalogue import.`;
}

/** Title, `utgiven`, `beskrivning` and header: --title, else the updated catalogue's, else the workbook's metadata sheet. */
function keptMetadata(options: ImportOptions, metadata: Readonly<Record<string, string>> | undefined): Partial<CatalogueEntry> {
    const from = (key: 'title' | 'published' | 'description' | 'header'): string | undefined => options.base ? options.base[key] : metadata?.[METADATA_FIELDS[key]];
    const title = options.title?.trim() || from('title');
    const published = from('published');
    const description = from('description');
    const header = from('header');
    return {
        ...(title ? { title } : {}), ...(published ? { published } : {}),
        ...(description !== undefined ? { description } : {}), ...(header !== undefined ? { header } : {}),
    };
}

/** With --update: each variable keeps the note it had in the updated catalogue (by id) unless the list gives one. */
function withNotes(variables: readonly VariableEntry[], base: CatalogueEntry | undefined): VariableEntry[] {
    if (!base) return [...variables];
    const notes = new Map(base.variables.filter(v => v.note !== undefined).map(v => [v.id, v.note]));
    return variables.map(v => {
        const note = v.note ?? notes.get(v.id);
        return note !== undefined ? { ...v, note } : v;
    });
}

function byRow(a: ImportIssue, b: ImportIssue): number {
    return (a.row ?? 0) - (b.row ?? 0) || (a.column?.index ?? -1) - (b.column?.index ?? -1);
}

/**
 * Reads a variable list (CSV or XLSX bytes) into a catalogue and its `.sucat` text. The text is
 * parsed and validated with the project's own services before it is returned, and must read back
 * to the same variables. Problems in the input come back as issues; problems with the options
 * throw `CatalogueUsageError`. Nothing is returned to write when there is any error.
 */
export async function importCatalogue(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
    const mapping = options.columns !== undefined ? parseColumnsOption(options.columns) : {};
    const read = await readRows(bytes, options, mapping);
    const { name, version } = resolveNameAndVersion(options, read.metadata);
    const rows = readVariableRows(read.rows, mapping);
    const issues = [...read.issues, ...rows.issues];
    if (hasErrors(issues)) return { issues: issues.sort(byRow), source: read.source };

    // A catalogue that comes with its own metadata (an exported workbook, --update) is written as
    // it was; any other list gets an "imported from" comment at the top.
    const kept = options.base !== undefined || read.metadata !== undefined;
    const metadata = kept ? keptMetadata(options, read.metadata) : { ...keptMetadata(options, undefined), header: importedFrom(options.fileName) };
    const catalogue: CatalogueEntry = { name, version, ...metadata, variables: withNotes(rows.variables.map(r => r.variable), options.base) };
    const written = writeSucat(catalogue);
    const loaded = await loadCatalogueText(written.text, `/suplan-import/${name}.sucat`, options.language ?? 'sv');
    for (const diagnostic of loaded.diagnostics) {
        const issue = diagnosticIssue(diagnostic, written.blocks, rows.variables);
        const covered = issue?.code !== undefined ? REPORTED_BY_ROWS[issue.code] : undefined;
        if (covered && issues.some(i => i.row === issue?.row && i.key === covered)) continue;
        if (issue) issues.push(issue);
    }
    if (!hasErrors(issues)) {
        const back = loaded.catalogue?.variables ?? [];
        const differs = catalogue.variables.findIndex((v, i) => !isDeepStrictEqual(v, back[i]));
        if (differs >= 0 || back.length !== catalogue.variables.length || loaded.catalogue?.name !== name || loaded.catalogue.version !== version) {
            const index = Math.max(0, differs);
            issues.push({ severity: 'error', key: 'validation.roundTrip', args: [catalogue.variables[index]?.id ?? name], row: rows.variables[index]?.row });
        }
    }
    issues.sort(byRow);
    if (hasErrors(issues)) return { issues, source: read.source };
    return { issues, catalogue, text: written.text, source: read.source };
}
