import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { runDataImport } from '../../src/cli/data-command.js';
import {
    WORKBOOK_SHEETS, choiceText, dataCodec, dataLayout, isNotApplicable, synthesize, workbookColumns, writeDataCsv,
    type DataRow,
} from '../../src/data/index.js';
import { generateFormXlsx } from '../../src/generators/form-xlsx/index.js';
import { looksLikeIdentityNumber } from '../../src/text/identity-number.js';
import { exampleModel } from '../data/example-models.js';
import { HOSTILE, hostileModel } from '../generators/forms/hostile-plan.js';
import { hasExecutable, missingConsumer, removeTempDirs, tempDir } from './editor-helpers.js';

/**
 * The registration workbook (`--target form-xlsx`) as units use it: LibreOffice Calc opens it,
 * exceljs and Debian's python3-openpyxl read its validations and list ranges back, a workbook
 * filled through openpyxl (as a person fills it in Excel: codes picked from the dropdowns, dates
 * as dates) imports with `suplan data import` to exactly the data entered, an invalid cell is
 * reported with file, sheet, row and column, and hostile plan text stays plain text.
 * LibreOffice and Python each start once.
 */
const PYTHON = '/usr/bin/python3';
function hasOpenpyxl(): boolean {
    try {
        execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'pipe' });
        return true;
    } catch {
        return false;
    }
}
const skip = missingConsumer(!hasExecutable('soffice') ? 'soffice is missing (Debian package libreoffice-calc-nogui)'
    : !hasOpenpyxl() ? 'python3-openpyxl is missing (Debian package python3-openpyxl, run with /usr/bin/python3)' : undefined);
const codec = dataCodec(looksLikeIdentityNumber);
const PLAN = 'examples/plans/08-bbic-samtal.suplan';

/** Reads both workbooks' validations and list entries, then fills the template with the given rows. */
const PYTHON_SCRIPT = String.raw`
import json, sys, datetime, openpyxl
job = json.load(open(sys.argv[1], encoding='utf-8'))
out = {}
for name in job['read']:
    wb = openpyxl.load_workbook(name)
    data = wb['Data']
    def entries(ref):
        sheet, cells = ref.split('!')
        ws = wb[sheet.strip("'")]
        return [c.value for row in ws[cells.replace('$', '')] for c in (row if isinstance(row, tuple) else (row,))]
    validations = []
    for dv in data.data_validations.dataValidation:
        item = {'sqref': str(dv.sqref), 'type': dv.type, 'operator': dv.operator, 'formula1': dv.formula1, 'formula2': dv.formula2,
                'prompt': dv.prompt, 'promptTitle': dv.promptTitle, 'error': dv.error}
        if dv.type == 'list':
            item['entries'] = entries(dv.formula1)
        validations.append(item)
    texts = {}
    for sheet in wb.sheetnames:
        texts[sheet] = [[{'v': c.value if not isinstance(c.value, (datetime.date, datetime.datetime)) else str(c.value), 't': c.data_type} for c in row] for row in wb[sheet].iter_rows()]
    out[name] = {'sheets': wb.sheetnames, 'states': [wb[s].sheet_state for s in wb.sheetnames], 'freeze': data.freeze_panes,
                 'header': [c.value for c in data[1]], 'validations': validations, 'texts': texts}
for fill in job['fill']:
    wb = openpyxl.load_workbook(fill['template'])
    ws = wb['Data']
    for row in fill['rows']:
        ws.append([datetime.date.fromisoformat(v['date']) if isinstance(v, dict) else v for v in row])
    wb.save(fill['out'])
print(json.dumps(out))
`;

interface PyValidation {
    sqref: string; type: string; operator: string | null; formula1: string | null; formula2: string | null;
    prompt: string | null; promptTitle: string | null; error: string | null; entries?: Array<string | null>;
}
interface PyWorkbook {
    sheets: string[]; states: string[]; freeze: string; header: string[]; validations: PyValidation[];
    texts: Record<string, Array<Array<{ v: unknown; t: string }>>>;
}

type PyCell = string | number | { date: string } | null;

describe.skipIf(skip !== undefined)('form-xlsx: the registration workbook in LibreOffice, exceljs and openpyxl', () => {
    let dir: string;
    let python: Record<string, PyWorkbook>;
    let entered: DataRow[];
    const lo: Record<string, string> = {};

    beforeAll(async () => {
        dir = tempDir('suplan-form-xlsx-');
        const model = await exampleModel('08-bbic-samtal.suplan');
        const [workbook] = await generateFormXlsx(model, { baseName: 'plan', language: 'sv' });
        const [hostile] = await generateFormXlsx(await hostileModel(), { baseName: 'hostile', language: 'sv' });
        writeFileSync(path.join(dir, 'plan.form.xlsx'), workbook.content);
        writeFileSync(path.join(dir, 'hostile.form.xlsx'), hostile.content);

        // The data a person enters: synthetic records, codes picked as the dropdown writes them.
        const layout = dataLayout(model);
        const columns = workbookColumns(layout);
        entered = synthesize(model, { clients: 25, seed: 7, units: 2 });
        const toCell = (row: DataRow, name: string): PyCell => {
            const column = columns.find(c => c.name === name);
            const value = row[name];
            if (!column || value === null || value === undefined) return null;
            if (isNotApplicable(value)) return 'ej aktuell';
            if (column.type === 'date') return { date: String(value) };
            const label = column.labels?.find(l => l.code === value);
            if (label) return choiceText(label.code, label.label);
            return typeof value === 'number' ? value : String(value);
        };
        const rows = entered.map(row => columns.map(c => toCell(row, c.name)));
        const bad = rows.slice(0, 3).map(r => [...r]);
        bad[1][columns.findIndex(c => c.name === 'ålder')] = 120;
        bad[2][columns.findIndex(c => c.name === 'kön')] = '9 – Okänd';
        const job = {
            read: [path.join(dir, 'plan.form.xlsx'), path.join(dir, 'hostile.form.xlsx')],
            fill: [
                { template: path.join(dir, 'plan.form.xlsx'), out: path.join(dir, 'filled.xlsx'), rows },
                { template: path.join(dir, 'plan.form.xlsx'), out: path.join(dir, 'bad.xlsx'), rows: bad },
            ],
        };
        writeFileSync(path.join(dir, 'job.json'), JSON.stringify(job));
        python = JSON.parse(execFileSync(PYTHON, ['-c', PYTHON_SCRIPT, path.join(dir, 'job.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, PyWorkbook>;

        // LibreOffice once: both workbooks (every sheet) to HTML.
        const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
        execFileSync('soffice', [profile, '--headless', '--norestore', '--convert-to', 'html', '--outdir', path.join(dir, 'lo'),
            path.join(dir, 'plan.form.xlsx'), path.join(dir, 'hostile.form.xlsx'), path.join(dir, 'filled.xlsx')], { stdio: 'pipe', timeout: 180_000 });
        for (const name of ['plan.form', 'hostile.form', 'filled']) lo[name] = readFileSync(path.join(dir, 'lo', `${name}.html`), 'utf8');
    });

    afterAll(() => removeTempDirs());

    test('LibreOffice opens the workbook and the filled one; every sheet and Swedish characters intact', () => {
        for (const sheet of Object.values(WORKBOOK_SHEETS).filter(s => s !== WORKBOOK_SHEETS.lists)) expect(lo['plan.form']).toContain(sheet);
        expect(lo['plan.form']).toContain('ärendekod');
        expect(lo['plan.form']).toContain('mätpunkt');
        expect(lo['plan.form']).toContain('Barnets ålder vid aktualisering');
        expect(lo['plan.form']).toContain('Enskilda samtal med barnet');
        expect(lo['filled']).toContain(String(entered[0]['ärendekod']));
    });

    test('exceljs reads the validations and list ranges back', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(path.join(dir, 'plan.form.xlsx')) as unknown as ArrayBuffer);
        const data = workbook.getWorksheet('Data');
        const lists = workbook.getWorksheet('Listor');
        expect(data?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(lists?.state).toBe('hidden');
        const header = (data?.getRow(1).values as unknown[]).slice(1);
        expect(header).toEqual(['enhet', 'ärendekod', 'mätpunkt', 'tillfälle', 'samtal_enskilt', 'antal_samtal', 'hinder', 'hinder_annat', 'kön', 'ålder']);
        const kön = data?.getCell('I500').dataValidation;
        expect(kön?.type).toBe('list');
        const [, range] = /^'?Listor'?!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(String(kön?.formulae[0])) ?? [];
        expect(range).toBeDefined();
        const entries = [2, 3, 4].map(r => lists?.getCell(`${range}${r}`).value);
        expect(entries).toEqual(['1 – Flicka', '2 – Pojke', '3 – Annat eller okänt']);
        expect(kön?.prompt).toContain('Barnets kön');
        const ålder = data?.getCell('J2').dataValidation;
        expect(ålder).toMatchObject({ type: 'whole', formulae: [0, 20], showErrorMessage: true });
        expect(ålder?.error).toContain('mellan 0 och 20');
        expect(data?.getCell('F2').dataValidation?.type).toBe('custom'); // antal_samtal: a number or "ej aktuell"
        expect(data?.getCell('D2').dataValidation?.type).toBe('date');
    });

    test('openpyxl reads the validations and list ranges back', () => {
        const book = python[path.join(dir, 'plan.form.xlsx')];
        expect(book.sheets).toEqual(['Data', 'Listor', 'Variabler', 'Plan']);
        expect(book.states).toEqual(['visible', 'hidden', 'visible', 'visible']);
        expect(book.freeze).toBe('A2');
        const at = (sqref: string): PyValidation | undefined => book.validations.find(v => v.sqref === sqref);
        expect(at('C2:C2001')?.entries).toEqual(['efter']);
        expect(at('E2:E2001')?.entries).toEqual(['11 – Ja – SMS', '12 – Ja – chatt', '13 – Ja – telefon', '14 – Ja – annat', '2 – Nej']);
        expect(at('G2:G2001')?.entries?.at(-1)).toBe('ej aktuell'); // hinder is conditional
        expect(at('J2:J2001')).toMatchObject({ type: 'whole', formula1: '0', formula2: '20' });
        expect(at('J2:J2001')?.error).toMatch(/heltal mellan 0 och 20/);
        expect(at('F2:F2001')?.formula1).toContain('"ej aktuell"');
        expect(at('D2:D2001')).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
        const variables = book.texts['Variabler'];
        expect(variables[0].map(c => c.v)).toEqual(['Variabel', 'Etikett', 'Värdemängd', 'Definition', 'Katalog', 'Katalogversion', 'Nationell statistik', 'Kolumner i Data']);
        expect(variables.find(r => r[0].v === 'samtal_enskilt')?.[7].v).toBe('samtal_enskilt, samtal_enskilt_original');
        const plan = book.texts['Plan'];
        expect(plan.find(r => r[2].v === 'planversion')?.[1].v).toBe('1.1');
    });

    test('a workbook filled through openpyxl imports to exactly the data entered', async () => {
        const model = await exampleModel('08-bbic-samtal.suplan');
        const out = path.join(dir, 'imported.csv');
        const errors: string[] = [];
        const spy = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => { errors.push(String(chunk)); return true; });
        const code = await runDataImport([path.join(dir, 'filled.xlsx')], { plan: PLAN, out, lang: 'sv' });
        spy.mockRestore();
        expect(errors.filter(e => !e.startsWith('Skrev') && !/registreringar/.test(e))).toEqual([]);
        expect(code).toBe(0);
        expect(readFileSync(out, 'utf8')).toBe(writeDataCsv(dataLayout(model), entered));
        // The refined variable's original code is derived on import.
        const parsed = codec.parseCsv(readFileSync(out, 'utf8').slice(1), ';').records.map(r => r.cells);
        const header = parsed[0];
        expect(header).toContain('samtal_enskilt_original');
    });

    test('the same workbook twice merges without duplicates; an invalid cell is reported with file, sheet, row and column', async () => {
        const out = path.join(dir, 'merged.csv');
        const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
        expect(await runDataImport([path.join(dir, 'filled.xlsx'), path.join(dir, 'filled.xlsx')], { plan: PLAN, out, lang: 'sv' })).toBe(0);
        quiet.mockRestore();
        expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(dir, 'imported.csv'), 'utf8'));
        // An earlier export (the data file itself) and the workbook together: still every record once.
        const quieter = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
        expect(await runDataImport([path.join(dir, 'imported.csv'), path.join(dir, 'filled.xlsx')], { plan: PLAN, out: path.join(dir, 'both.csv'), lang: 'sv' })).toBe(0);
        quieter.mockRestore();
        expect(readFileSync(path.join(dir, 'both.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'imported.csv'), 'utf8'));

        const errors: string[] = [];
        const spy = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => { errors.push(String(chunk)); return true; });
        const code = await runDataImport([path.join(dir, 'bad.xlsx')], { plan: PLAN, out: path.join(dir, 'bad.csv'), lang: 'sv' });
        spy.mockRestore();
        expect(code).toBe(1);
        const bad = path.join(dir, 'bad.xlsx');
        expect(errors).toContain(`${bad}: blad Data, rad 3, kolumn J (ålder): 120 ligger utanför 0..20\n`);
        expect(errors).toContain(`${bad}: blad Data, rad 4, kolumn I (kön): koden 9 finns inte i värdemängden (1, 2, 3)\n`);
        expect(errors.at(-1)).toBe('2 problem; ingen fil skrevs\n');
    });

    test('hostile plan text stays plain text in the workbook (no formula, no markup)', () => {
        const book = python[path.join(dir, 'hostile.form.xlsx')];
        const cells = Object.values(book.texts).flat(2);
        expect(cells.filter(c => c.t === 'f')).toEqual([]);
        const labels = book.texts['Variabler'].map(r => r[1].v);
        expect(labels).toContain(`${HOSTILE} Barnets kön`);
        const entries = book.validations.find(v => v.sqref === 'I2:I2001')?.entries;
        expect(entries?.[0]).toBe(`1 – ${HOSTILE} Flicka`);
        expect(book.texts['Plan'][1][1].v).toBe(`Titel ${HOSTILE}`);
        // LibreOffice shows the formula text as text: the page holds it escaped, and no link was made.
        expect(lo['hostile.form']).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;klick&quot;)');
        expect(lo['hostile.form']).not.toContain('href="http://example.invalid"');
    });
});
