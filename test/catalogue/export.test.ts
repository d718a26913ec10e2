import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/catalogue-import.js';
import { variableTable, variableTableCsv, variableTableCsvBytes, variableTableXlsx } from '../../src/catalogue/catalogue-export.js';
import { unescapeFormula } from '../../src/text/formula-escape.js';
import type { CatalogueEntry, VariableEntry } from '../../src/catalogue/model.js';
import { newWorkbook } from '../../src/catalogue/xlsx-sheet.js';
import { SYNTHETIC } from './synthetic.js';

const FORMULA_LIKE: readonly VariableEntry[] = [
    { id: 'f1', label: '=1+1', valueSet: { kind: 'text' }, comment: '+46 är ett landsnummer', national: false },
    { id: 'f2', label: '-minus', valueSet: { kind: 'text' }, comment: '@SUMMA(A1)', national: false },
    { id: 'f3', label: "'=redan citerad", valueSet: { kind: 'text' }, comment: "''+två citat", national: false },
    { id: 'f4', label: "Vanlig 'text' = fin", valueSet: { kind: 'text' }, comment: "'inledande citat utan formel", national: false },
    { id: 'f5', label: 'Kod', valueSet: { kind: 'codes', codes: [{ code: 1, label: '=HYPERLINK("x")' }] }, comment: 'Etikett som ser ut som en formel.', national: true },
];

const catalogue = (variables: readonly VariableEntry[]): CatalogueEntry => ({ name: 'test', version: '1', variables });

function csvCells(text: string, delimiter = ';'): string[][] {
    return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
}

describe('catalogue export', () => {
    it('writes Swedish headers, ; and CRLF, and UTF-8 with a BOM by default', () => {
        const result = variableTableCsvBytes(variableTable(catalogue(SYNTHETIC)));
        const bytes = result.bytes as Buffer;
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.subarray(3).toString('utf8');
        expect(text.split('\r\n')[0]).toBe('variabel;etikett;värdemängd;kommentar;processteg;nationell statistik');
        expect(text.split('\r\n')[1]).toBe('samtal_enskilt;Enskilda samtal med barnet har genomförts;ja/nej;Samtal kan ske på olika sätt, också via sms, telefon eller chatt.;utredning;ja');
        expect(text.endsWith('\r\n')).toBe(true);
    });

    it('adds the column ersätter only when a variable replaces another', () => {
        expect(variableTable(catalogue(SYNTHETIC)).headers).not.toContain('ersätter');
        const table = variableTable(catalogue([{ ...SYNTHETIC[0], replaces: 'samtal' }]));
        expect(table.headers).toEqual(['variabel', 'etikett', 'värdemängd', 'kommentar', 'processteg', 'nationell statistik', 'ersätter']);
        expect(table.rows[0][6]).toBe('samtal');
    });

    it('puts a \' before cells that start with =, +, - or @ and import takes it away again', async () => {
        const text = variableTableCsv(variableTable(catalogue(FORMULA_LIKE)), ',');
        const cells = csvCells(text, ',');
        expect(cells[1].slice(1, 4)).toEqual(["'=1+1", 'text', "'+46 är ett landsnummer"]);
        expect(cells[2][1]).toBe("'-minus");
        expect(cells[2][3]).toBe("'@SUMMA(A1)");
        expect(cells[3][1]).toBe("''=redan citerad");
        expect(cells[3][3]).toBe("'''+två citat");
        expect(cells[4][1]).toBe("Vanlig 'text' = fin");
        expect(cells[4][3]).toBe("'inledande citat utan formel");
        expect(cells[5][2]).toBe('1="=HYPERLINK(""x"")"'); // inside a value set (quoted there for its "), not at the start
        for (const row of cells) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);

        const back = await importCatalogue(Buffer.from(text, 'utf8'), { fileName: 'test-1.csv' });
        expect(back.issues).toEqual([]);
        expect(back.catalogue?.variables).toEqual(FORMULA_LIKE);
    });

    it('writes XLSX cells as text and escapes only cells that already start with \'', async () => {
        const bytes = await variableTableXlsx(variableTable(catalogue(FORMULA_LIKE)));
        const workbook = await newWorkbook();
        await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        const sheet = workbook.worksheets[0];
        expect(sheet.getCell('B2').value).toBe('=1+1');
        expect(sheet.getCell('B2').type).toBe(3); // ValueType.String, not a formula
        expect(sheet.getCell('B4').value).toBe("''=redan citerad");
        expect(sheet.getCell('D5').value).toBe("'inledande citat utan formel");
        const back = await importCatalogue(bytes, { fileName: 'test-1.xlsx' });
        expect(back.catalogue?.variables).toEqual(FORMULA_LIKE);
    });

    it('lays out the XLSX sheet: bold frozen header row, filter, column widths from the content', async () => {
        const bytes = await variableTableXlsx(variableTable(catalogue(SYNTHETIC)));
        const workbook = await newWorkbook();
        await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        const sheet = workbook.worksheets[0];
        expect(sheet.name).toBe('Variabler');
        expect(sheet.getRow(1).values).toEqual([undefined, 'variabel', 'etikett', 'värdemängd', 'kommentar', 'processteg', 'nationell statistik']);
        expect(sheet.getRow(1).font?.bold).toBe(true);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeDefined();
        const widths = sheet.columns.map(c => c.width ?? 0);
        expect(widths[0]).toBe('samtal_enskilt'.length + 2);
        expect(widths[1]).toBe('Enskilda samtal med barnet har genomförts'.length + 2);
        expect(widths[3]).toBe(60); // long comments are capped and wrapped
        expect(sheet.getColumn(4).alignment?.wrapText).toBe(true);
        expect(widths.every(w => w >= 10 && w <= 60)).toBe(true);
        expect(sheet.rowCount).toBe(1 + SYNTHETIC.length);
    });

    it('writes Windows-1252 when asked, and refuses characters it cannot hold', () => {
        const table = variableTable(catalogue(SYNTHETIC));
        const result = variableTableCsvBytes(table, { encoding: 'windows-1252', separator: ',' });
        const text = iconv.decode(result.bytes as Buffer, 'windows-1252');
        expect(text.startsWith('variabel,etikett,värdemängd,')).toBe(true);
        expect(csvCells(text, ',')[2][0]).toBe('kön');

        const arrow = variableTable(catalogue([{ ...SYNTHETIC[0], label: 'Före → efter' }]));
        const refused = variableTableCsvBytes(arrow, { encoding: 'windows-1252' });
        expect(refused.bytes).toBeUndefined();
        expect(refused.issues.map(i => [i.key, i.row, i.column?.header, i.args[0]])).toEqual([['export.unencodable', 2, 'etikett', '"→"']]);
    });

    it('removes only the one \' that export adds', () => {
        expect(unescapeFormula("'=1")).toBe('=1');
        expect(unescapeFormula("''=1")).toBe("'=1");
        expect(unescapeFormula("'text")).toBe("'text");
        expect(unescapeFormula('=1')).toBe('=1');
    });
});
