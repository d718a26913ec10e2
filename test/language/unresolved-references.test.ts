import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace, readSources, type LoadedDocument } from '../../src/workspace/load.js';

const invalidDir = path.resolve('test/fixtures/invalid');
const catalogueDir = path.resolve('test/fixtures/catalogues');

function filesIn(dir: string): string[] {
    return readdirSync(dir).filter(f => f.endsWith('.suplan') || f.endsWith('.sucat')).map(f => path.join(dir, f));
}

/** The unresolved references of a document whose diagnostics have no error at all. */
function silentlyUnresolved(loaded: LoadedDocument): string[] {
    if (loaded.diagnostics.some(d => d.severity === 1)) return [];
    return loaded.document.references.filter(r => r.error !== undefined).map(r => r.$refText);
}

describe('every unresolved reference makes its plan fail the check', () => {
    test('the invalid fixtures, alone with the test catalogues and without any catalogue', async () => {
        for (const catalogues of [filesIn(catalogueDir), []]) {
            const services = createSuServices(EmptyFileSystem);
            const documents = await buildWorkspace(services, readSources([...filesIn(invalidDir).filter(f => f.endsWith('.suplan')), ...catalogues]));
            const silent = documents.map(d => [path.basename(d.file), silentlyUnresolved(d)] as const).filter(([, refs]) => refs.length > 0);
            expect(silent).toEqual([]);
        }
    });

    test('a plan with no `katalog` line: each catalogue variable it uses is SU012, none is left out silently', async () => {
        const services = createSuServices(EmptyFileSystem);
        const [plan] = await buildWorkspace(services, readSources([path.join(invalidDir, 'SU012-utan-katalog.suplan'), ...filesIn(catalogueDir)]));
        const unresolved = plan.document.references.filter(r => r.error !== undefined).map(r => r.$refText);
        expect(unresolved).toEqual(['test.samtal', 'test.kön']);
        expect(plan.diagnostics.filter(d => d.code === 'SU012').map(d => d.message)).toEqual([
            'Variabeln "test.samtal" finns inte i den katalogversion planen anger. Planen anger inte katalogen "test": lägg till `katalog test version "…"` i planens början.',
            'Variabeln "test.kön" finns inte i den katalogversion planen anger. Planen anger inte katalogen "test": lägg till `katalog test version "…"` i planens början.',
        ]);
    });
});
