import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { ALL_CODES } from '../../src/language/diagnostics/codes.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace, readSources, type LoadedDocument } from '../../src/workspace/load.js';
import { expectedDiagnostics, renderDiagnostic } from '../fixture-expectations.js';

const invalidDir = path.resolve('test/fixtures/invalid');
const catalogueDir = path.resolve('test/fixtures/catalogues');
const fixtures = readdirSync(invalidDir).filter(f => f.endsWith('.suplan') || f.endsWith('.sucat')).sort();

describe('invalid fixtures: each states its diagnostics exactly', () => {
    let loaded: Map<string, LoadedDocument>;

    beforeAll(async () => {
        const services = createSuServices(EmptyFileSystem);
        const files = [...fixtures.map(f => path.join(invalidDir, f)), ...readdirSync(catalogueDir).map(f => path.join(catalogueDir, f))];
        const documents = await buildWorkspace(services, readSources(files));
        loaded = new Map(documents.map(d => [path.basename(d.file), d]));
    });

    test.each(fixtures)('%s', file => {
        const expected = expectedDiagnostics(path.join(invalidDir, file));
        expect(expected.length, `${file} states no "// förväntat:" line`).toBeGreaterThan(0);
        const actual = loaded.get(file)!.diagnostics.map(renderDiagnostic).sort();
        expect(actual).toEqual(expected);
    });

    test('every code in the table has at least one fixture', () => {
        const covered = new Set(fixtures.flatMap(f => expectedDiagnostics(path.join(invalidDir, f)).map(e => e.split(' ')[0])));
        expect(ALL_CODES.filter(code => !covered.has(code))).toEqual([]);
    });
});
