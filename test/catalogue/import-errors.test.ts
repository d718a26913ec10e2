import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importCatalogue } from '../../src/catalogue/catalogue-import.js';
import { renderIssue, type ImportIssue } from '../../src/catalogue/issues.js';
import { CatalogueUsageError } from '../../src/catalogue/messages.js';

function csv(rows: readonly (readonly string[])[], delimiter = ';'): Buffer {
    return Buffer.from(Papa.unparse(rows.map(r => [...r]), { delimiter, newline: '\r\n' }), 'utf8');
}

const HEADER = ['variabel', 'etikett', 'värdemängd', 'kommentar', 'processteg', 'nationell statistik'];

/** [severity, key, row, column letter/header] for compact comparison. */
function summary(issues: readonly ImportIssue[]): (string | number | undefined)[][] {
    return issues.map(i => [i.severity, i.key, i.row, i.column?.header]);
}

describe('import reports every problem with row and column', () => {
    it('finds unknown value sets, missing ids and labels, unknown steps, duplicate ids and more in one pass', async () => {
        const bytes = csv([
            HEADER,
            ['samtal', 'Enskilda samtal', 'ja/nej', 'Definition.', 'utredning', 'ja'], // row 2: fine
            ['samtal', 'Samtal igen', 'ja/nej', 'Definition.', 'utredning', 'nej'], // row 3: duplicate id
            ['', '', 'datum', 'Utan namn.', '', ''], // row 4: no id, no label
            ['möten', 'Möten', 'antal 0-10', 'Definition.', 'insats', ''], // row 5: unknown value set
            ['kön', 'Kön', '1=Flicka;1=Pojke', 'Definition.', 'aktualisering', ''], // row 6: duplicate code
            ['steg', 'Steg', 'text', 'Definition.', 'utredningen', ''], // row 7: unknown step
            ['flagga', 'Flagga', 'text', 'Definition.', '', 'kanske'], // row 8: national?
            ['', 'Antal samtal totalt', 'antal', 'Definition.', '', ''], // row 9: id made from the label
            ['utan_def', 'Utan definition', 'text', '', '', ''], // row 10: comment missing
            ['utan_mängd', 'Utan värdemängd', '', 'Definition.', '', ''], // row 11: value set missing
            ['Två ord', 'Två ord', 'text', 'Definition.', '', ''], // row 12: invalid id replaced
            ['utan_etikett', '', 'text', 'Definition.', '', ''], // row 13: label missing
        ]);
        const result = await importCatalogue(bytes, { fileName: 'test-1.csv' });
        expect(result.text).toBeUndefined();
        expect(result.catalogue).toBeUndefined();
        expect(summary(result.issues)).toEqual([
            ['error', 'id.duplicate', 3, 'variabel'],
            ['error', 'row.noIdNoLabel', 4, undefined],
            ['error', 'valueSet.unknown', 5, 'värdemängd'],
            ['error', 'valueSet.duplicateCode', 6, 'värdemängd'],
            ['error', 'step.unknown', 7, 'processteg'],
            ['error', 'national.unknown', 8, 'nationell statistik'],
            ['warning', 'id.derived', 9, 'variabel'],
            ['error', 'comment.missing', 10, 'kommentar'],
            ['error', 'valueSet.missing', 11, 'värdemängd'],
            ['warning', 'id.changed', 12, 'variabel'],
            ['error', 'label.missing', 13, 'etikett'],
        ]);
        const derived = result.issues.find(i => i.key === 'id.derived');
        expect(derived?.args).toEqual(['antal_samtal_totalt']);
        expect(result.issues.find(i => i.key === 'id.changed')?.args).toEqual(['Två ord', 'två_ord']);
        expect(result.issues.find(i => i.key === 'id.duplicate')?.args).toEqual(['samtal', 2]);

        const step = result.issues.find(i => i.key === 'step.unknown') as ImportIssue;
        expect(renderIssue(step, 'sv')).toBe('rad 7, kolumn E "processteg": fel: Okänt processteg "utredningen". Menade du "utredning"? Välj aktualisering, utredning, insats eller uppföljning.');
        expect(renderIssue(step, 'en')).toBe('row 7, column E "processteg": error: Unknown process step "utredningen". Did you mean "utredning"? Choose aktualisering, utredning, insats or uppföljning.');
        const valueSet = result.issues.find(i => i.key === 'valueSet.unknown') as ImportIssue;
        expect(renderIssue(valueSet, 'sv')).toMatch(/^rad 5, kolumn C "värdemängd": fel: Okänd värdemängd "antal 0-10"\. Skriv datum, ja\/nej/);
    });

    it('counts rows as the spreadsheet does when a quoted field spans lines', async () => {
        const bytes = csv([
            HEADER,
            ['a', 'A', 'text', 'Rad ett\nrad två\nrad tre', '', ''],
            ['b', 'B', 'heltal', 'Definition.', '', ''],
        ]);
        const result = await importCatalogue(bytes, { fileName: 'test-1.csv' });
        expect(summary(result.issues)).toEqual([['error', 'valueSet.unknown', 3, 'värdemängd']]);
    });

    it('reports missing columns and names the ones found', async () => {
        const result = await importCatalogue(csv([['Namn', 'Beskrivning', 'Typ'], ['a', 'A', 'text']]), { fileName: 'test-1.csv' });
        expect(summary(result.issues).filter(s => s[0] === 'error')).toEqual([
            ['error', 'column.missing', 1, undefined],
            ['error', 'column.missing', 1, undefined],
            ['error', 'column.missing', 1, undefined],
        ]);
        expect(renderIssue(result.issues[0], 'sv')).toBe('rad 1: fel: Kolumnen för etikett saknas. Kolumner i filen: "Namn", "Beskrivning", "Typ". Döp kolumnen till "etikett" eller ange --columns label=<rubrik>.');
    });

    it('reports a --columns header that is not in the file', async () => {
        const result = await importCatalogue(csv([HEADER, ['a', 'A', 'text', 'D.', '', '']]), { fileName: 'test-1.csv', columns: 'label=Beskrivning' });
        expect(summary(result.issues)).toEqual([['error', 'column.notFound', 1, undefined], ['warning', 'column.unused', 1, 'etikett']]);
        expect(result.issues[0].args[0]).toBe('Beskrivning');
    });

    it('reports a quote that is never closed', async () => {
        const bytes = Buffer.from('variabel;etikett;värdemängd;kommentar\r\na;A;text;"Ingen slutcitat\r\nb;B;text;D.\r\n', 'utf8');
        const result = await importCatalogue(bytes, { fileName: 'test-1.csv' });
        expect(result.issues.some(i => i.severity === 'error' && i.key === 'csv.parse' && i.row === 2)).toBe(true);
        expect(result.text).toBeUndefined();
    });

    it('keeps going on warnings: duplicate labels and ids that plans cannot use', async () => {
        const result = await importCatalogue(csv([
            HEADER,
            ['a', 'Samma etikett', 'text', 'D.', '', ''],
            ['b', 'samma Etikett', 'text', 'D.', '', ''],
            ['syfte', 'Syfte', 'text', 'D.', '', ''],
        ]), { fileName: 'test-1.csv' });
        expect(summary(result.issues)).toEqual([
            ['warning', 'label.duplicate', 3, 'etikett'],
            ['warning', 'id.planKeyword', 4, 'variabel'],
        ]);
        expect(result.text).toContain('variabel syfte {');
    });

    it('makes ids that are keywords or start with a digit valid, without taking ids that rows give', async () => {
        const result = await importCatalogue(csv([
            HEADER,
            ['etikett', 'Etikett', 'text', 'D.', '', ''],
            ['12', 'Tolv', 'text', 'D.', '', ''],
            ['', 'Tolv', 'text', 'D.', '', ''],
            ['tolv', 'Tolv igen', 'text', 'D.', '', ''],
        ]), { fileName: 'test-1.csv' });
        expect(result.issues.filter(i => i.severity === 'error')).toEqual([]);
        expect(result.catalogue?.variables.map(v => v.id)).toEqual(['etikett_v', 'v_12', 'tolv_2', 'tolv']);
    });

    it('treats problems with the options as usage errors', async () => {
        const bytes = csv([HEADER, ['a', 'A', 'text', 'D.', '', '']]);
        await expect(importCatalogue(bytes, { fileName: 'lista.csv' })).rejects.toThrow(CatalogueUsageError);
        await expect(importCatalogue(bytes, { fileName: 'lista.csv', name: 'a b', version: '1' })).rejects.toMatchObject({ key: 'usage.badName' });
        await expect(importCatalogue(bytes, { fileName: 'lista.csv', name: 'x', version: '1', columns: 'farg=Färg' })).rejects.toMatchObject({ key: 'usage.columnsField' });
        await expect(importCatalogue(bytes, { fileName: 'lista.csv', name: 'x', version: '1', columns: 'id' })).rejects.toMatchObject({ key: 'usage.columnsSyntax' });
        await expect(importCatalogue(bytes, { fileName: 'lista.csv', name: 'x', version: '1', encoding: 'klingon' })).rejects.toMatchObject({ key: 'usage.encoding' });
        await expect(importCatalogue(bytes, { fileName: 'lista.csv', name: 'x', version: '1', sheet: 'Blad1' })).rejects.toMatchObject({ key: 'usage.sheetForCsv' });
        await expect(importCatalogue(Buffer.from('PK\u0003\u0004trasig'), { fileName: 'lista.xlsx', name: 'x', version: '1' })).rejects.toMatchObject({ key: 'io.workbook' });
    });
});
