import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { importCatalogue } from '../../src/catalogue/catalogue-import.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace } from '../../src/workspace/load.js';

/**
 * Every token rule handles any length below the 10 MB file limit: a string, a block comment, a
 * line comment, a name and a number of 8 MB each (a backtracking regular expression overflowed the
 * lexer's stack at about 5 MB).
 */
const MB = 1024 * 1024;
const plan = readFileSync('examples/plans/01-ekonomiskt-bistand.suplan', 'utf8');

describe('tokens of several megabytes', () => {
    test.each([
        ['a string', `plan "Lång" {\n    fråga "${'å'.repeat(4 * MB)}"\n}\n`],
        ['a string with escapes', `plan "Lång" {\n    fråga "${'\\"a'.repeat(3 * MB)}"\n}\n`],
        ['a block comment', `/*${'x\n'.repeat(4 * MB)}*/\n${plan}`],
        ['a line comment', `//${'x'.repeat(8 * MB)}\n${plan}`],
        ['a name', `plan "Lång" {\n    ${'a'.repeat(8 * MB)}\n}\n`],
        ['a number', `plan "Lång" {\n    urval födelsedagar ${'1'.repeat(8 * MB)}\n}\n`],
    ])('%s parses and is checked', async (_name, text) => {
        const services = createSuServices(EmptyFileSystem, undefined, { batch: true });
        const [loaded] = await buildWorkspace(services, [{ file: path.resolve('/long/plan.suplan'), text }]);
        expect(loaded.document.parseResult.value.$type).toBe('Plan');
        expect(loaded.diagnostics.every(d => !String(d.message).includes('Internal error') && !String(d.message).includes('Internt fel'))).toBe(true);
    }, 60_000);

    test('a catalogue import with a 6 MB cell', async () => {
        const csv = `Variabel;Etikett;Värdemängd;Kommentar\r\nlång;Lång;ja/nej;${'ö'.repeat(6 * MB)}\r\n`;
        const result = await importCatalogue(Buffer.from(csv, 'utf8'), { fileName: 'lista-1.csv' });
        expect(result.issues.filter(i => i.severity === 'error')).toEqual([]);
        expect(result.catalogue?.variables[0].comment?.length).toBe(6 * MB);
    }, 60_000);
});
