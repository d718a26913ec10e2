import * as path from 'node:path';
import { Option, type Command } from 'commander';
import type { CellValue, Worksheet } from 'exceljs';
import type { DataLayout, DataRow, RawTable, SheetRowCells } from '../data/index.js';
import type { PlanModel } from '../model/plan-model.js';
import { cliError } from './cli-error.js';
import { displayPath } from './display-path.js';
import { loadPlanModel } from './load-plan-model.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';
import { readInputBytes } from './read-input.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface DataImportOptions {
    readonly plan: string;
    readonly out?: string;
    readonly lang: CliLanguage;
    readonly catalogue?: readonly string[];
}

/**
 * `suplan data import <files…> --plan <plan> [--out data.csv]`: filled registration workbooks
 * (`--target form-xlsx`), earlier exports (CSV or XLSX in the data format) → one data file. Every
 * invalid cell is reported with its file, sheet, row and column; records in several files are
 * merged, and the same record twice is kept once.
 */
export function registerDataCommand(program: Command, language: CliLanguage): void {
    const data = program.command('data')
        .summary(t(language, 'dataSummary'))
        .description(t(language, 'dataSummary'));
    data.command('import')
        .summary(t(language, 'dataImportSummary'))
        .description(t(language, 'dataImportDescription'))
        .argument('<files...>', t(language, 'dataImportFiles'))
        .requiredOption('-p, --plan <plan>', t(language, 'dataImportPlan'))
        .option('-o, --out <file>', t(language, 'synthOutOption'))
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .option('-c, --catalogue <paths...>', t(language, 'catalogueOption'))
        .addHelpText('after', '\n' + t(language, 'exitCodes'))
        .action(async (files: string[], options: DataImportOptions) => {
            process.exitCode = await runDataImport(files, options);
        });
}

function isZip(bytes: Uint8Array): boolean {
    return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The text a cell shows, as the data format reads it: dates `YYYY-MM-DD`, numbers with a point, formulas by their result. */
function cellText(value: CellValue): string {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
    if (typeof value === 'string') return value;
    if (typeof value === 'boolean') return value ? '1' : '0';
    if ('richText' in value) return value.richText.map(r => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
    return '';
}

function sheetRows(sheet: Worksheet): SheetRowCells[] {
    const rows: SheetRowCells[] = [];
    const width = sheet.getRow(1).cellCount;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
        const cells: string[] = [];
        for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
        rows.push({ number, cells });
    });
    return rows;
}

/** One input file read as a data-format table, with where its cells are (sheet and column letters, or the export's columns). */
interface ReadInput {
    readonly file: string;
    readonly table: RawTable;
    readonly sheet?: string;
    readonly letters?: ReadonlyMap<string, string>;
    /** An ODK/KoBo export: main submissions or a repeat's rows. */
    readonly odk?: 'main' | 'repeat';
    readonly sources?: ReadonlyMap<string, string>;
}

async function readInput(model: PlanModel, layout: DataLayout, file: string, language: CliLanguage): Promise<ReadInput> {
    const bytes = readInputBytes(file, language);
    const data = await import('../data/index.js');
    if (!isZip(bytes)) {
        const table = data.readDataFile(bytes);
        const odk = table.header.includes(layout.columns[0]?.name ?? 'plan') ? undefined : data.odkFileKind(table);
        return { file, table, ...(odk ? { odk } : {}) };
    }
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (error) {
        throw cliError(language, 'dataImportWorkbook', displayPath(process.cwd(), file), error instanceof Error ? error.message : String(error));
    }
    const sheet = workbook.getWorksheet(data.WORKBOOK_SHEETS.data) ?? workbook.worksheets[0];
    if (!sheet) throw cliError(language, 'dataImportWorkbook', displayPath(process.cwd(), file), '—');
    const plan: { plan?: string; planVersion?: string } = {};
    const planSheet = workbook.getWorksheet(data.WORKBOOK_SHEETS.plan);
    planSheet?.eachRow(row => {
        const key = cellText(row.getCell(3).value).trim();
        if (key === data.PLAN_SHEET_KEYS.plan) plan.plan = cellText(row.getCell(2).value).trim();
        if (key === data.PLAN_SHEET_KEYS.planVersion) plan.planVersion = cellText(row.getCell(2).value).trim();
    });
    const { table, letters } = data.workbookTable(model, sheetRows(sheet), plan, layout);
    return { file, table, sheet: sheet.name, letters };
}

export async function runDataImport(files: readonly string[], options: DataImportOptions): Promise<0 | 1> {
    const language = options.lang;
    const model = await loadPlanModel(options.plan, { language, catalogue: options.catalogue });
    if (!model) return 1;
    const data = await import('../data/index.js');
    const layout = data.dataLayout(model);
    const problems: string[] = [];
    const merged = new Map<string, { row: DataRow; where: string }>();
    const keyColumns = layout.primaryKey;
    const valueText = (row: DataRow): string => JSON.stringify(layout.columns.map(c => row[c.name] ?? null));
    let read = 0;
    let duplicates = 0;
    const inputsRead: ReadInput[] = [];
    for (const file of files) inputsRead.push(await readInput(model, layout, file, language));
    const repeats = inputsRead.filter(r => r.odk === 'repeat').map(r => r.table);
    const survey = inputsRead.some(r => r.odk === 'main') ? data.buildSurvey(model) : undefined;
    const inputs = inputsRead.filter(r => r.odk !== 'repeat').map(r => {
        if (r.odk !== 'main' || !survey) return r;
        const { table, sources } = data.odkTable(model, r.table, repeats, survey);
        return { ...r, table, sources };
    });
    for (const input of inputs) {
        const shown = displayPath(process.cwd(), input.file);
        const place = (line: number, column?: string): string => {
            if (input.sheet === undefined) {
                const source = column === undefined ? undefined : input.sources?.get(column) ?? column;
                return source === undefined ? t(language, 'dataPlaceLine', shown, line) : t(language, 'dataPlaceCell', shown, line, source);
            }
            const letter = column === undefined ? undefined : input.letters?.get(column);
            if (column === undefined) return t(language, 'dataPlaceSheetRow', shown, input.sheet, line);
            return letter === undefined ? t(language, 'dataPlaceSheetColumn', shown, input.sheet, line, column) : t(language, 'dataPlaceSheetCell', shown, input.sheet, line, letter, column);
        };
        const checked = data.validateData(model, input.table);
        for (const issue of checked.issues) problems.push(`${place(issue.line, issue.column)}: ${data.issueText(issue, language)}`);
        checked.rows.forEach((row, i) => {
            read += 1;
            const key = keyColumns.map(k => String(row[k] ?? '')).join('\u0000');
            const earlier = merged.get(key);
            const where = place(checked.lines[i]);
            if (!earlier) merged.set(key, { row, where });
            else if (valueText(earlier.row) === valueText(row)) duplicates += 1;
            else problems.push(`${where}: ${t(language, 'dataImportConflict', earlier.where)}`);
        });
    }
    if (problems.length > 0) {
        for (const problem of problems) process.stderr.write(problem + '\n');
        process.stderr.write(t(language, 'dataImportFailed', problems.length) + '\n');
        return 1;
    }
    const csv = Buffer.from(data.writeDataCsv(layout, [...merged.values()].map(m => m.row)), 'utf8');
    if (options.out === undefined) process.stdout.write(csv);
    else {
        writeFileAtomic(options.out, csv, { overwrite: true, language });
        const stem = path.basename(options.out).replace(/\.csv$/i, '');
        const descriptor = path.join(path.dirname(options.out), `${stem}.datapackage.json`);
        writeFileAtomic(descriptor, JSON.stringify(data.dataPackage(model, { path: path.basename(options.out) }, layout), null, 2) + '\n', { overwrite: true, language });
        process.stderr.write(t(language, 'wrote', displayPath(process.cwd(), options.out)) + '\n');
    }
    process.stderr.write(t(language, 'dataImportDone', merged.size, read, duplicates) + '\n');
    return 0;
}
