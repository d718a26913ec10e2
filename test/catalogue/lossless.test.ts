import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importCatalogue } from '../../src/catalogue/catalogue-import.js';
import { variableTable, variableTableCsvBytes, variableTableXlsx } from '../../src/catalogue/catalogue-export.js';
import type { CatalogueEntry, VariableEntry } from '../../src/catalogue/model.js';
import { loadCatalogueText } from '../../src/catalogue/sucat-reader.js';
import { writeSucat } from '../../src/catalogue/sucat-writer.js';
import { SYNTHETIC, TRICKY } from './synthetic.js';

/**
 * No data lost between a catalogue and its spreadsheets: a workbook carries everything (the
 * variables, each variable's note in a column, and the metadata in the sheet "Katalog"), so
 * `.sucat → xlsx → .sucat` gives the same bytes; a CSV file carries the variables only, and
 * `import --update` puts them back into the catalogue, so `.sucat → csv → --update` does too.
 */

const EXAMPLES = ['bbic-2023.sucat', 'bbic-2024.sucat', 'bbic-2025.sucat'].map(name => path.resolve('examples/catalogues', name));

async function entryOf(text: string): Promise<CatalogueEntry> {
    const loaded = await loadCatalogueText(text, '/lossless/catalogue.sucat', 'sv');
    expect(loaded.diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    return loaded.catalogue!;
}

async function throughXlsx(text: string): Promise<string | undefined> {
    const catalogue = await entryOf(text);
    const bytes = await variableTableXlsx(variableTable(catalogue, { notes: true }), catalogue);
    const result = await importCatalogue(bytes, { fileName: 'export.xlsx' });
    return result.text;
}

async function throughCsvUpdate(text: string): Promise<string | undefined> {
    const catalogue = await entryOf(text);
    const csv = variableTableCsvBytes(variableTable(catalogue));
    const result = await importCatalogue(csv.bytes!, { fileName: 'export.csv', base: catalogue });
    return result.text;
}

describe('the example catalogues survive export and import byte for byte', () => {
    test.each(EXAMPLES)('%s is in the writer\'s layout', async file => {
        const text = readFileSync(file, 'utf8');
        expect(writeSucat(await entryOf(text)).text).toBe(text);
    });

    test.each(EXAMPLES)('%s → xlsx → .sucat', async file => {
        const text = readFileSync(file, 'utf8');
        expect(await throughXlsx(text)).toBe(text);
    });

    test.each(EXAMPLES)('%s → csv → import --update', async file => {
        const text = readFileSync(file, 'utf8');
        expect(await throughCsvUpdate(text)).toBe(text);
    });

    test('a CSV export holds the variables only: a plain import of it loses the metadata and comments (hence --update)', async () => {
        const text = readFileSync(EXAMPLES[0], 'utf8');
        const catalogue = await entryOf(text);
        const csv = variableTableCsvBytes(variableTable(catalogue));
        const result = await importCatalogue(csv.bytes!, { fileName: 'bbic-2023.csv' });
        expect(result.text).not.toContain('utgiven');
        expect(result.text).not.toContain('// ------');
    });
});

// ------------------------------------------------------------------ random catalogues

/** Text a cell keeps as it is: no surrounding whitespace, no control characters. */
const cellText = (maxLength: number): fc.Arbitrary<string> => fc.string({ minLength: 1, maxLength, unit: fc.constantFrom(...'abcåäöÅÄÖ xyz"\\;,=+-@\'(){}1'.split('')) })
    .map(s => s.trim()).filter(s => s !== '');
const noteText = fc.array(fc.oneof(cellText(20), fc.constant('-------- avsnitt')), { minLength: 1, maxLength: 3 }).map(lines => lines.join('\n'));
const headerText = fc.array(fc.oneof(cellText(30), fc.constant('')), { minLength: 1, maxLength: 4 }).map(lines => lines.join('\n')).filter(h => !h.startsWith('\n') && h.trim() !== '');

const variableArb = (id: string): fc.Arbitrary<VariableEntry> => fc.record({
    base: fc.constantFrom(...SYNTHETIC, ...TRICKY),
    label: cellText(25),
    note: fc.option(noteText, { nil: undefined }),
    replaces: fc.option(fc.constantFrom('gammal_a', 'gammal_b'), { nil: undefined }),
}).map(({ base, label, note, replaces }) => ({
    ...base, id, label: `${label} ${id}`,
    ...(note !== undefined ? { note } : {}),
    ...(replaces !== undefined ? { replaces: `${replaces}_${id}` } : {}),
}));

const catalogueArb: fc.Arbitrary<CatalogueEntry> = fc.integer({ min: 1, max: 6 }).chain(count => fc.record({
    title: fc.option(cellText(30), { nil: undefined }),
    published: fc.option(fc.constantFrom('2023-01-01', '2024-06-30'), { nil: undefined }),
    description: fc.option(cellText(40), { nil: undefined }),
    header: fc.option(headerText, { nil: undefined }),
    variables: fc.tuple(...Array.from({ length: count }, (_, i) => variableArb(`v${i}_x`))),
})).map(({ title, published, description, header, variables }) => ({
    name: 'prov', version: '1',
    ...(title !== undefined ? { title } : {}), ...(published !== undefined ? { published } : {}),
    ...(description !== undefined ? { description } : {}), ...(header !== undefined ? { header } : {}),
    variables,
}));

describe('random catalogues (fast-check)', () => {
    test('.sucat → xlsx → .sucat and .sucat → csv → --update give the same bytes', async () => {
        await fc.assert(fc.asyncProperty(catalogueArb, async catalogue => {
            const text = writeSucat(catalogue).text;
            expect(await throughXlsx(text)).toBe(text);
            expect(await throughCsvUpdate(text)).toBe(text);
        }), { numRuns: 40, seed: 20261202 });
    }, 120_000);
});
