import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { EmptyFileSystem } from 'langium';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importCatalogue, type ImportResult } from '../../src/catalogue/catalogue-import.js';
import { variableTable, variableTableCsvBytes, variableTableXlsx } from '../../src/catalogue/catalogue-export.js';
import type { CatalogueEntry } from '../../src/catalogue/model.js';
import { loadCatalogueText } from '../../src/catalogue/sucat-reader.js';
import { newWorkbook } from '../../src/catalogue/xlsx-sheet.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace } from '../../src/workspace/load.js';
import { SYNTHETIC, TRICKY } from './synthetic.js';

/** The synthetic list as a person would type it in Excel: mixed case, spaces, a trailing `;`. */
const TYPED_ROWS: readonly (readonly string[])[] = [
    ['samtal_enskilt', 'Enskilda samtal med barnet har genomförts', 'Ja/Nej', 'Samtal kan ske på olika sätt, också via sms, telefon eller chatt.', 'Utredning'],
    ['kön', 'Kön', '1=Flicka; 2=Pojke; 3 = Annat eller okänt;', 'Barnets juridiska kön.', 'aktualisering'],
    ['ålder', 'Ålder vid aktualisering', 'antal 0..20', 'Hela år vid aktualiseringsdatumet.', 'Aktualisering'],
    ['datum_akt', 'Datum för aktualisering', 'datum', 'Dagen då ärendet aktualiserades.', 'aktualisering'],
    ['vårddygn', ' Antal vårddygn ', 'tal 0..366 enhet "dygn"', 'Dygn i placering under perioden.', 'insats'],
    ['övrigt', 'Övrig information', 'Text', 'Fritext som förtydligar en annan variabel.', 'uppföljning'],
    ['antal_möten', 'Antal möten', 'antal', '-1 betyder att uppgiften saknas.', 'insats'],
    ['insats_klar', 'Insatsen genomförd enligt plan', '1=Helt;2=Delvis;3=Inte alls', '=SUMMA(A1:A2) ska läsas som text.', 'Uppföljning'],
    ['skattning', 'Skattad förändring', 'tal -5..5 decimaler 1', 'Skattas av handläggaren.\r\nNegativa värden betyder försämring.', ''],
];

const NATIONAL_X = SYNTHETIC.map(v => (v.national ? 'x' : ''));
const NATIONAL_10 = SYNTHETIC.map(v => (v.national ? '1' : '0'));

function hasErrors(result: ImportResult): boolean {
    return result.issues.some(i => i.severity === 'error');
}

async function expectValidCatalogue(text: string): Promise<CatalogueEntry> {
    const loaded = await loadCatalogueText(text, '/test/round-trip.sucat', 'sv');
    expect(loaded.diagnostics.map(d => `${String(d.code)} ${d.message}`)).toEqual([]);
    expect(loaded.catalogue).toBeDefined();
    return loaded.catalogue as CatalogueEntry;
}

/** Export the parsed catalogue as CSV (both separators) and XLSX, import each, and expect the same variables and text. */
async function expectRoundTrips(first: ImportResult, fileName: string): Promise<void> {
    const parsed = await expectValidCatalogue(first.text as string);
    expect(parsed).toEqual(first.catalogue);
    const table = variableTable(parsed);
    for (const separator of [';', ','] as const) {
        const csv = variableTableCsvBytes(table, { separator });
        expect(csv.issues).toEqual([]);
        const again = await importCatalogue(csv.bytes as Buffer, { fileName: `${fileName}.csv` });
        expect(again.issues).toEqual([]);
        expect(again.catalogue?.variables).toEqual(first.catalogue?.variables);
    }
    const xlsx = await variableTableXlsx(table);
    const fromXlsx = await importCatalogue(xlsx, { fileName: `${fileName}.xlsx` });
    expect(fromXlsx.issues).toEqual([]);
    expect(fromXlsx.catalogue?.variables).toEqual(first.catalogue?.variables);
    // The same text apart from the source comment (and the title, which a variable list does not hold).
    const body = (text: string | undefined): string[] => (text ?? '').split('\n').slice(2);
    expect(body(fromXlsx.text)).toEqual(body(first.text));
}

describe('catalogue import → .sucat → export → import', () => {
    it('reads a ;-separated Windows-1252 CSV with Swedish headers and keeps å, ä and ö', async () => {
        const header = ['Variabel', 'Etikett', ' Värdemängd ', 'KOMMENTAR', 'Processteg', 'Nationell statistik'];
        const text = Papa.unparse([header, ...TYPED_ROWS.map((row, i) => [...row, NATIONAL_X[i]])], { delimiter: ';', newline: '\r\n' });
        const bytes = iconv.encode(text, 'windows-1252');
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8

        const first = await importCatalogue(bytes, { fileName: 'bbic-2023.csv' });
        expect(first.issues).toEqual([]);
        expect(first.source).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
        expect(first.catalogue).toEqual({ name: 'bbic', version: '2023', header: 'Importerad från bbic-2023.csv med suplan catalogue import.', variables: SYNTHETIC });
        expect(first.text).toContain('variabel vårddygn {\n        etikett "Antal vårddygn"\n        värdemängd tal 0..366 enhet "dygn"\n');
        await expectRoundTrips(first, 'bbic-2023');
    });

    it('reads a ,-separated UTF-8 CSV with BOM, quoted fields and a --columns mapping', async () => {
        const header = ['Steg', 'Variabelnamn', 'Beskrivning', 'Värden', 'Definition', 'Nationell', 'Ansvarig'];
        const typed = [
            ['Utredning', 'kontakt_sätt', 'Kontakt, första gången', '1="Ja; via sms";2=Nej, inte alls', 'Ange "ja" om kontakten skedde,\nockså om den var kort.', 'nej', 'Enhet 1'],
            ['', 'citat', 'Barnets "egna" ord', 'text', 'Med \\ och "citattecken".', 'ja', ''],
            ['insats', 'plus_tid', '+ tid i veckor', 'tal enhet "veckor ""v"""', '@ betyder ungefär.', 'Nej', ''],
        ];
        const text = '\uFEFF' + Papa.unparse([header, ...typed], { delimiter: ',', newline: '\n' });
        expect(text).toContain('"Ange ""ja"" om kontakten skedde,\nockså om den var kort."');
        const bytes = Buffer.from(text, 'utf8');

        const first = await importCatalogue(bytes, {
            fileName: 'lista.csv', name: 'kommunlista', version: '1.0', title: 'Lokala "tillägg"',
            columns: 'id=Variabelnamn,label=Beskrivning,valueSet=Värden,comment=Definition,step=Steg,national=Nationell',
        });
        expect(first.issues.map(i => [i.severity, i.key, i.row, i.column?.header])).toEqual([['warning', 'column.unused', 1, 'Ansvarig']]);
        expect(first.source).toEqual({ format: 'csv', encoding: 'utf8', delimiter: ',' });
        expect(first.catalogue).toEqual({ name: 'kommunlista', version: '1.0', title: 'Lokala "tillägg"', header: 'Importerad från lista.csv med suplan catalogue import.', variables: TRICKY });
        expect(first.text).toContain('katalog kommunlista "Lokala \\"tillägg\\"" version "1.0" {');
        expect(first.text).toContain('kommentar "Ange \\"ja\\" om kontakten skedde,\\nockså om den var kort."');
        expect(first.text).toContain('kommentar "Med \\\\ och \\"citattecken\\"."');
        await expectRoundTrips(first, 'kommunlista-1.0');
        expect(first.catalogue?.name).toBe('kommunlista');
    });

    it('reads the first sheet of an XLSX workbook made with exceljs', async () => {
        const workbook = await newWorkbook();
        const sheet = workbook.addWorksheet('Variabellista');
        workbook.addWorksheet('Annat').addRow(['inte', 'detta']);
        sheet.addRow(['Variabellista för uppföljning (syntetisk)']); // a title above the table
        sheet.addRow([]);
        sheet.addRow(['variabel', 'etikett', 'värdemängd', 'kommentar', 'processteg', 'nationell statistik']);
        TYPED_ROWS.forEach((row, i) => sheet.addRow([...row, i === 0 ? true : NATIONAL_10[i]]));
        const bytes = Buffer.from(await workbook.xlsx.writeBuffer() as ArrayBuffer);

        const first = await importCatalogue(bytes, { fileName: 'uppf_2024.xlsx' });
        expect(first.issues).toEqual([]);
        expect(first.source).toEqual({ format: 'xlsx', sheet: 'Variabellista' });
        expect(first.catalogue).toEqual({ name: 'uppf', version: '2024', header: 'Importerad från uppf_2024.xlsx med suplan catalogue import.', variables: SYNTHETIC });
        await expectRoundTrips(first, 'uppf-2024');

        const named = await importCatalogue(bytes, { fileName: 'uppf_2024.xlsx', sheet: 'annat' });
        expect(named.source.sheet).toBe('Annat');
        expect(named.catalogue).toBeUndefined();
        expect(named.issues.some(i => i.key === 'column.missing')).toBe(true);
    });

    it('gives a catalogue that plans can use: the project services resolve its variables', async () => {
        const header = ['variabel', 'etikett', 'värdemängd', 'kommentar', 'processteg', 'nationell statistik'];
        const text = Papa.unparse([header, ...TYPED_ROWS.map((row, i) => [...row, NATIONAL_X[i]])], { delimiter: ';' });
        const result = await importCatalogue(Buffer.from(text, 'utf8'), { fileName: 'bbic-2023.csv' });
        expect(hasErrors(result)).toBe(false);

        const services = createSuServices(EmptyFileSystem);
        const plan = [
            'plan "Syntetisk" {',
            '  syfte lärande',
            '  katalog bbic version "2023"',
            '  variabler {',
            '    använd bbic.samtal_enskilt',
            '    använd bbic.kön',
            '    använd bbic.saknas',
            '  }',
            '}',
        ].join('\n');
        const [catalogue, planDocument] = await buildWorkspace(services, [
            { file: '/ws/bbic-2023.sucat', text: result.text as string },
            { file: '/ws/plan.suplan', text: plan },
        ]);
        expect(catalogue.diagnostics).toEqual([]);
        const unresolved = planDocument.diagnostics.filter(d => d.code === 'SU012' || d.code === 'SU010' || d.code === 'SU011' || d.code === 'SU001');
        expect(unresolved.map(d => [d.code, d.range.start.line + 1])).toEqual([['SU012', 7]]);
    });
});

/** Every catalogue the project ships or tests with. */
const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const PROJECT_CATALOGUES = ['examples/catalogues', 'test/fixtures/catalogues']
    .filter(dir => existsSync(path.join(REPOSITORY, dir)))
    .flatMap(dir => readdirSync(path.join(REPOSITORY, dir)).filter(name => name.endsWith('.sucat')).map(name => `${dir}/${name}`));

describe('the project\'s own catalogues survive export and import', () => {
    it('finds them', () => {
        expect(PROJECT_CATALOGUES).toContain('test/fixtures/catalogues/test.sucat');
    });

    it.each(PROJECT_CATALOGUES)('%s', async file => {
        const loaded = await loadCatalogueText(readFileSync(path.join(REPOSITORY, file), 'utf8'), `/ws/${file}`, 'sv');
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const original = loaded.catalogue as CatalogueEntry;
        const table = variableTable(original);
        const csv = variableTableCsvBytes(table);
        const fromCsv = await importCatalogue(csv.bytes as Buffer, { fileName: 'x.csv', name: original.name, version: original.version });
        expect(fromCsv.issues.filter(i => i.severity === 'error')).toEqual([]);
        // CSV carries the variables only, not the comment lines above them (notes); a workbook carries everything.
        const withoutNotes = original.variables.map(v => Object.fromEntries(Object.entries(v).filter(([key]) => key !== 'note')));
        expect(fromCsv.catalogue?.variables).toEqual(withoutNotes);
        const fromXlsx = await importCatalogue(await variableTableXlsx(variableTable(original, { notes: true }), original), { fileName: 'x.xlsx' });
        expect(fromXlsx.catalogue).toEqual(original);
    });
});
