import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { nameAndVersionFromFile } from '../../src/catalogue/catalogue-import.js';
import { normalizeHeader, parseColumnsOption, resolveColumns } from '../../src/catalogue/columns.js';
import { readCsvText } from '../../src/catalogue/csv-sheet.js';
import { decodeBytes } from '../../src/catalogue/text-encoding.js';
import { parseNationalFlag, parseProcessStep, readVariableRows } from '../../src/catalogue/variable-rows.js';

describe('headers and --columns', () => {
    it('matches headers ignoring case, diacritics and surrounding spaces', () => {
        expect(normalizeHeader('  VÄRDEMÄNGD ')).toBe('vardemangd');
        expect(normalizeHeader('Nationell\u00A0  statistik')).toBe('nationell statistik');
        const { layout, issues } = resolveColumns({ number: 1, cells: ['Kommentar ', 'VARIABEL', 'Etikett', 'vardemangd', 'Processteg', 'NATIONELL STATISTIK'] }, {});
        expect(issues).toEqual([]);
        expect(Object.fromEntries(Object.entries(layout).map(([field, ref]) => [field, ref?.index]))).toEqual({
            comment: 0, id: 1, label: 2, valueSet: 3, step: 4, national: 5,
        });
    });

    it('reads a --columns mapping, with English or Swedish field names, quoted headers and column letters', () => {
        expect(parseColumnsOption('id=Variabelnamn,label=Beskrivning,valueSet=Värden,comment=Definition,step=Steg,national=Nationell')).toEqual({
            id: 'Variabelnamn', label: 'Beskrivning', valueSet: 'Värden', comment: 'Definition', step: 'Steg', national: 'Nationell',
        });
        expect(parseColumnsOption('etikett = Namn ,"kommentar=Definition, kort",VALUESET=C')).toEqual({ label: 'Namn', comment: 'Definition, kort', valueSet: 'C' });
        const { layout, issues } = resolveColumns({ number: 3, cells: ['Namn', 'Definition, kort', 'Typ'] }, parseColumnsOption('label=Namn,"comment=Definition, kort",valueSet=C'));
        expect(issues).toEqual([]);
        expect([layout.label?.index, layout.comment?.index, layout.valueSet?.index]).toEqual([0, 1, 2]);
    });

    it('rejects a --columns mapping it cannot read', () => {
        expect(() => parseColumnsOption('id')).toThrow(/Invalid --columns/);
        expect(() => parseColumnsOption('färg=Färg')).toThrow(/Unknown field "färg"/);
        expect(() => parseColumnsOption('id=A,id=B')).toThrow(/Invalid --columns/);
        expect(() => parseColumnsOption('')).toThrow(/Invalid --columns/);
    });

    it('finds the header row below a title and reports columns that fit one field twice', () => {
        const rows = [
            { number: 1, cells: ['Variabellista 2024'] },
            { number: 2, cells: [] },
            { number: 3, cells: ['variabel', 'etikett', 'värdemängd', 'kommentar', 'Etikett '] },
            { number: 4, cells: ['a', 'A', 'text', 'D.', 'A2'] },
        ];
        const result = readVariableRows(rows);
        expect(result.issues.map(i => [i.key, i.row, i.column?.header])).toEqual([['column.duplicate', 3, 'Etikett']]);
    });
});

describe('cells', () => {
    it.each([['ja', true], ['JA', true], ['x', true], ['X', true], ['1', true], ['nej', false], ['', false], ['0', false], ['Nej', false]] as const)(
        'reads the national flag %j', (cell, expected) => expect(parseNationalFlag(cell)).toBe(expected));

    it('does not guess an unknown national flag', () => {
        expect(parseNationalFlag('kanske')).toBeUndefined();
    });

    it('reads process steps ignoring case and diacritics', () => {
        expect(parseProcessStep('Uppfoljning')).toBe('uppföljning');
        expect(parseProcessStep(' INSATS ')).toBe('insats');
        expect(parseProcessStep('insatser')).toBeUndefined();
    });
});

describe('CSV text', () => {
    it('detects ; even when the fields are full of commas', () => {
        const text = 'variabel;etikett;värdemängd;kommentar\nkön;Kön, juridiskt;1=Flicka, 2=Pojke;Ett, två, tre, fyra, fem.\n';
        const sheet = readCsvText(text);
        expect(sheet.delimiter).toBe(';');
        expect(sheet.rows[1].cells).toEqual(['kön', 'Kön, juridiskt', '1=Flicka, 2=Pojke', 'Ett, två, tre, fyra, fem.']);
    });

    it('detects , with quoted fields holding separators, quotes and line breaks', () => {
        const text = 'variabel,etikett,värdemängd,kommentar\r\na,"A; B","1=Ja;2=Nej","Sa ""hej"",\r\nsedan ""hejdå""."\r\nb,B,text,D.\r\n';
        const sheet = readCsvText(text);
        expect(sheet.delimiter).toBe(',');
        expect(sheet.rows.map(r => r.number)).toEqual([1, 2, 3, 4]);
        expect(sheet.rows[1].cells).toEqual(['a', 'A; B', '1=Ja;2=Nej', 'Sa "hej",\r\nsedan "hejdå".']);
        expect(sheet.rows[2].cells).toEqual(['b', 'B', 'text', 'D.']);
    });

    it('uses the separator that gives a header row when the guessed one does not', () => {
        // A long preamble with commas above a ;-separated table makes the plain guess (first ten rows) pick ",".
        const preamble = Array.from({ length: 10 }, (_, i) => `Anteckning ${i + 1}, syntetisk, utan betydelse\n`).join('');
        const text = `${preamble}variabel;etikett;värdemängd;kommentar\na;A;text;D.\n`;
        expect(Papa.parse(text, { delimitersToGuess: [';', ',', '\t'] }).meta.delimiter).toBe(',');
        const sheet = readCsvText(text);
        expect(sheet.delimiter).toBe(';');
        expect(readVariableRows(sheet.rows).variables.map(v => v.row)).toEqual([12]);
    });
});

describe('encodings', () => {
    const sample = 'variabel;etikett\nålder;Ålder för barn – i år\n';

    it('reads UTF-8 with and without BOM', () => {
        expect(decodeBytes(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf8' });
        expect(decodeBytes(Buffer.from('\uFEFF' + sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf8' });
    });

    it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
        expect(decodeBytes(iconv.encode(sample, 'windows-1252'))).toEqual({ text: sample, encoding: 'windows-1252' });
    });

    it('follows --encoding over the detection', () => {
        const bytes = Buffer.from('ålder', 'utf8');
        expect(decodeBytes(bytes, 'windows-1252')).toEqual({ text: 'Ã¥lder', encoding: 'windows-1252' });
        expect(decodeBytes(iconv.encode('ålder', 'latin1'), 'latin1').text).toBe('ålder');
    });

    it('reads UTF-16 with a BOM (Excel\'s "Unicode text")', () => {
        expect(decodeBytes(iconv.encode(sample, 'utf16le', { addBOM: true }))).toEqual({ text: sample, encoding: 'utf16le' });
    });
});

describe('name and version from the file name', () => {
    it.each([
        ['bbic-2023.csv', { name: 'bbic', version: '2023' }],
        ['kataloger/BBIC_2024.xlsx', { name: 'bbic', version: '2024' }],
        ['min_lista-v1.2.csv', { name: 'min_lista', version: '1.2' }],
        ['lista.csv', undefined],
        ['2023.csv', undefined],
        ['lokal-2023.csv', undefined], // `lokal` is a keyword of the plan language
    ] as const)('%s', (file, expected) => {
        expect(nameAndVersionFromFile(file)).toEqual(expected);
    });
});
