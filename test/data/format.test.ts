import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import {
    codebookMarkdown, dataLayout, dataPackage, issueMessage, readDataFile, readDataText, synthesize, validateData, writeDataCsv,
    type DataIssue,
} from '../../src/data/index.js';
import { exampleModel, exampleModels } from './example-models.js';

const PLAN_08 = '08-bbic-samtal.suplan';

function issuesOf(list: readonly DataIssue[]): string[] {
    return list.map(i => `${i.line}:${i.column ?? ''}:${i.code}`);
}

describe('the layout of a data file', () => {
    test('08: key columns, the refined variable with its original, conditional and background columns', async () => {
        const layout = dataLayout(await exampleModel(PLAN_08));
        expect(layout.columns.map(c => c.name)).toEqual([
            'plan', 'planversion', 'enhet', 'ärendekod', 'mätpunkt', 'tillfälle',
            'samtal_enskilt', 'samtal_enskilt_original', 'antal_samtal', 'hinder', 'hinder_annat', 'kön', 'ålder',
        ]);
        expect(layout.primaryKey).toEqual(['enhet', 'ärendekod', 'mätpunkt']);
        expect(layout.planId).toBe('08-bbic-samtal');
        expect(layout.planVersion).toBe('1.1');
        const original = layout.columns.find(c => c.name === 'samtal_enskilt_original');
        expect(original?.codes).toEqual([1, 2]);
        expect(layout.columns.find(c => c.name === 'antal_samtal')?.condition).toEqual([{ variable: 'samtal_enskilt', codes: [11, 12, 13, 14] }]);
        // åldersgrupp is derived: not stored.
        expect(layout.columns.some(c => c.variable === 'åldersgrupp')).toBe(false);
    });

    test('03: one row per respondent; the record-level question on the rows of the case', async () => {
        const layout = dataLayout(await exampleModel('03-hemmaplansteam.suplan'));
        expect(layout.respondents).toEqual(['barn', 'förälder', 'ärende']);
        expect(layout.primaryKey).toEqual(['enhet', 'ärendekod', 'mätpunkt', 'svarande']);
        expect(layout.columns.find(c => c.name === 'kom1')?.respondents).toEqual(['barn', 'förälder']);
        expect(layout.columns.find(c => c.name === 'hemma')?.respondents).toEqual(['ärende']);
        expect(layout.columns.find(c => c.name === 'kön')?.points).toBeUndefined();
    });

    test('04: per-goal columns up to klientmål, one 0/1 column per option of a multiple choice', async () => {
        const names = dataLayout(await exampleModel('04-malupfyllelse-gas.suplan')).columns.map(c => c.name);
        expect(names).toEqual(expect.arrayContaining(['målområde_mål1', 'målområde_mål3', 'gas_mål2', 'andra_insatser_1', 'andra_insatser_4']));
    });

    test('06: a repeated point puts the occasion in the key', async () => {
        expect(dataLayout(await exampleModel('06-single-case.suplan')).primaryKey).toEqual(['enhet', 'ärendekod', 'mätpunkt', 'tillfälle', 'svarande']);
    });
});

describe('reading every dialect', () => {
    test('synthetic data for every example plan validates without an issue and reads back cell for cell', async () => {
        for (const [file, model] of await exampleModels()) {
            const rows = synthesize(model, { clients: 30, seed: 7, units: 3 });
            const text = writeDataCsv(dataLayout(model), rows);
            const read = validateData(model, readDataText(text));
            expect(issuesOf(read.issues), file).toEqual([]);
            expect(read.rows, file).toEqual(rows.map(row => Object.fromEntries(dataLayout(model).columns.map(c => [c.name, row[c.name] ?? null]))));
        }
    });

    test('; with decimal comma and BOM, "," with decimal point, tab, CRLF or LF, UTF-8 with or without BOM, Windows-1252', async () => {
        const model = await exampleModel('01-ekonomiskt-bistand.suplan');
        const layout = dataLayout(model);
        const rows = synthesize(model, { clients: 12, seed: 3 }).map(r => ({ ...r, belopp: 1234.5, enhet: 'Enhet Åby' }));
        const expected = validateData(model, readDataText(writeDataCsv(layout, rows))).rows;
        const variants: Array<[string, Uint8Array]> = [];
        const semicolon = writeDataCsv(layout, rows);
        expect(semicolon.startsWith('\uFEFF')).toBe(true);
        expect(semicolon).toContain(';1234,5\r\n');
        variants.push(['utf-8 BOM ;', Buffer.from(semicolon, 'utf8')]);
        variants.push(['utf-8 no BOM ; LF', Buffer.from(writeDataCsv(layout, rows, { bom: false }).replace(/\r\n/g, '\n'), 'utf8')]);
        const comma = writeDataCsv(layout, rows, { delimiter: ',' });
        expect(comma).toContain(',1234.5\r\n');
        variants.push(['utf-8 ,', Buffer.from(comma, 'utf8')]);
        variants.push(['utf-8 , with decimal comma quoted', Buffer.from(comma.replace(/,1234\.5\r\n/g, ',"1234,5"\r\n'), 'utf8')]);
        variants.push(['tab', Buffer.from(writeDataCsv(layout, rows, { delimiter: '\t' }), 'utf8')]);
        variants.push(['windows-1252 ;', iconv.encode(writeDataCsv(layout, rows, { bom: false }), 'windows-1252')]);
        for (const [label, bytes] of variants) {
            const table = readDataFile(bytes);
            const read = validateData(model, table);
            expect(issuesOf(read.issues), label).toEqual([]);
            expect(read.rows, label).toEqual(expected);
        }
        expect(readDataFile(iconv.encode('plan;enhet\r\n', 'windows-1252')).encoding).toBe('utf-8');
        expect(readDataFile(iconv.encode('plan;enhet\r\nx;Åby\r\n', 'windows-1252')).encoding).toBe('windows-1252');
    });
});

describe('validation against the plan', () => {
    const header = 'plan;planversion;enhet;ärendekod;mätpunkt;tillfälle;samtal_enskilt;samtal_enskilt_original;antal_samtal;hinder;hinder_annat;kön;ålder';
    const good = '08-bbic-samtal;1.1;Enhet 1;E1-0001;efter;2025-06-01;11;1;3;ej aktuell;ej aktuell;1;9';

    test('a good row has no issue', async () => {
        expect(issuesOf(validateData(await exampleModel(PLAN_08), readDataText(`${header}\r\n${good}\r\n`)).issues)).toEqual([]);
    });

    test('each bad cell is reported with its line and column, and nothing is dropped', async () => {
        const model = await exampleModel(PLAN_08);
        const lines = [
            header,
            good,
            '08-bbic-samtal;1.1;Enhet 1;E1-0002;efter;2025-06-01;15;1;3;ej aktuell;;1;9',          // 3: unknown code
            '08-bbic-samtal;1.1;Enhet 1;E1-0003;efter;2025-06-01;11;1;101;ej aktuell;;1;9',        // 4: out of range
            '08-bbic-samtal;1.1;Enhet 1;E1-0004;efter;2025-13-01;11;1;3;ej aktuell;;1;9',          // 5: bad date
            '08-bbic-samtal;1.1;Enhet 1;E1-0005;efter;2024-06-01;11;1;3;ej aktuell;;1;9',          // 6: before the period
            good.replace('2025-06-01', '2025-07-01'),                                                   // 7: duplicate key of line 2
            '08-bbic-samtal;1.0;Enhet 1;E1-0006;efter;2025-06-01;11;1;3;ej aktuell;;1;9',          // 8: wrong plan version
            '08-bbic-samtal;1.1;Enhet 1;850101-1234;efter;2025-06-01;11;1;3;ej aktuell;;1;9',      // 9: identity number
            '08-bbic-samtal;1.1;Enhet 1;E1-0007;efter;2025-06-01;11;2;3;ej aktuell;;1;9',          // 10: original does not match
            '08-bbic-samtal;1.1;Enhet 1;E1-0008;efter;2025-06-01;2;2;3;1;;1;9',                    // 11: answered although not applicable
            '08-bbic-samtal;1.1;Enhet 1;E1-0009;före;2025-06-01;11;1;3;ej aktuell;;1;9',           // 12: unknown point
        ];
        const result = validateData(model, readDataText(lines.join('\r\n')));
        expect(issuesOf(result.issues)).toEqual([
            '3:samtal_enskilt:cell.code',
            '4:antal_samtal:cell.range',
            '5:tillfälle:cell.date',
            '6:tillfälle:date.period',
            '7::key.duplicate',
            '8:planversion:key.version',
            '9:ärendekod:key.identity',
            '10:samtal_enskilt_original:cell.original',
            '11:antal_samtal:cell.condition',
            '12:mätpunkt:key.value',
        ]);
        expect(result.rows).toHaveLength(lines.length - 1);
        const messages = result.issues.map(i => issueMessage(i, 'sv'));
        expect(messages[1]).toBe('rad 4, kolumn antal_samtal: 101 ligger utanför 0..100');
        expect(issueMessage(result.issues[5], 'en')).toBe('line 8, column planversion: the row was collected under plan version "1.0", but the plan has version "1.1"');
    });

    test('unknown and missing columns, a ragged row and an unclosed quote', async () => {
        const model = await exampleModel(PLAN_08);
        const text = `${header.replace(';ålder', ';extra')}\r\n${good};x;y\r\n"oavslutat;`;
        const result = validateData(model, readDataText(text));
        expect(issuesOf(result.issues)).toEqual(['1:extra:header.unknown', '1:ålder:header.missing', '2::row.cells']);
        expect(readDataText(text).unterminatedQuote).toBe(3);
    });
});

describe('datapackage.json and the codebook', () => {
    test('the descriptor names every column with its type, code list, range and the primary key', async () => {
        const model = await exampleModel(PLAN_08);
        const descriptor = dataPackage(model, { path: 'data.csv' }) as { resources: Array<{ schema: { fields: Array<{ name: string; type: string; constraints?: { enum?: unknown[]; maximum?: number } }>; primaryKey: string[]; missingValues: string[] }; dialect: { delimiter: string } }> };
        const resource = descriptor.resources[0];
        expect(resource.dialect.delimiter).toBe(';');
        expect(resource.schema.missingValues).toEqual(['', 'ej aktuell']);
        expect(resource.schema.primaryKey).toEqual(['enhet', 'ärendekod', 'mätpunkt']);
        const field = (name: string) => resource.schema.fields.find(f => f.name === name);
        expect(field('samtal_enskilt')?.constraints?.enum).toEqual([11, 12, 13, 14, 2]);
        expect(field('antal_samtal')).toMatchObject({ type: 'integer', constraints: { minimum: 0, maximum: 100 } });
        expect(field('tillfälle')?.type).toBe('date');
    });

    test('the codebook explains missing and "ej aktuell" and lists every column', async () => {
        const model = await exampleModel(PLAN_08);
        const text = codebookMarkdown(model);
        expect(text).toContain('**`ej aktuell`**');
        for (const column of dataLayout(model).columns) expect(text).toContain(`\`${column.name}\``);
        expect(text).toContain('11 = Ja – SMS');
    });
});
