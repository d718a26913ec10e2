import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Location, LocationLink } from 'vscode-languageserver';
import { createSuServices, type SuServices } from '../../../src/language/suplan-services.js';
import { TEST_CATALOGUE } from '../validators/plan-validation-helper.js';
import { errorMessages, LspWorkspace, PLAN_B, positionParams, textAt } from './lsp-test-helper.js';

const PLAN_A = `plan "A" {
    syfte kontroll
    fråga "Hur ofta?"
    katalog test version "1"
    mätpunkter före, efter
    variabler {
        använd test.samtal
        lokal antal_samtal "Antal samtal" : antal 0..50 vid före när samtal = 1
    }
    analyser {
        a1: andel samtal i 1
        a2: beskriv antal_samtal vid före
        a3: frekvens test.samtal
    }
}
`;

describe('go to definition into a catalogue that is not open (the workspace is read from disk)', () => {
    let dir: string;
    let services: SuServices;

    beforeAll(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'suplan-nav-'));
        writeFileSync(path.join(dir, 'a.suplan'), PLAN_A);
        writeFileSync(path.join(dir, 'katalog.sucat'), TEST_CATALOGUE.text);
        services = createSuServices(NodeFileSystem);
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(dir).toString(), name: 'ws' }]);
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    function document(file: string): LangiumDocument {
        return services.shared.workspace.LangiumDocuments.getDocument(URI.file(path.join(dir, file)))!;
    }

    test('the catalogue was indexed from disk, and no document is open in an editor', () => {
        expect(document('katalog.sucat')).toBeDefined();
        expect(services.shared.workspace.TextDocuments.all()).toEqual([]);
        expect(errorMessages(document('a.suplan'))).toEqual([]);
    });

    test('from `använd test.samtal` to the variable in the .sucat', async () => {
        const plan = document('a.suplan');
        const links = await services.suplan.lsp.DefinitionProvider!.getDefinition(plan, positionParams(plan, 'test.samtal', 1, 6)) as LocationLink[];
        expect(links).toHaveLength(1);
        const [link] = links;
        expect(link.targetUri).toBe(URI.file(path.join(dir, 'katalog.sucat')).toString());
        const catalogue = document('katalog.sucat');
        expect(textAt(catalogue, link.targetSelectionRange)).toBe('samtal');
        expect(textAt(catalogue, link.targetRange)).toMatch(/^variabel samtal \{[\s\S]*nationell statistik\s*\}$/);
        expect(textAt(plan, link.originSelectionRange!)).toBe('test.samtal');
    });

    test('from a qualified use in an analysis (`frekvens test.samtal`) to the plan\'s `använd`', async () => {
        const plan = document('a.suplan');
        const links = await services.suplan.lsp.DefinitionProvider!.getDefinition(plan, positionParams(plan, 'test.samtal', 2, 6)) as LocationLink[];
        expect(links.map(l => textAt(plan, l.targetSelectionRange))).toEqual(['test.samtal']);
        expect(links[0].targetUri).toBe(plan.uri.toString());
    });
});

describe('go to definition and find references in one workspace', () => {
    const workspace = new LspWorkspace();
    const { services } = workspace;
    let a: LangiumDocument;
    let b: LangiumDocument;
    let catalogue: LangiumDocument;

    beforeAll(async () => {
        const documents = await workspace.buildPlans({ '/ws/a.suplan': PLAN_A, '/ws/b.suplan': PLAN_B });
        a = documents.get('/ws/a.suplan')!;
        b = documents.get('/ws/b.suplan')!;
        catalogue = documents.get(TEST_CATALOGUE.file)!;
        for (const document of [a, b]) expect(errorMessages(document)).toEqual([]);
    });

    const documentOf = (uri: string): LangiumDocument => [a, b, catalogue].find(d => d.uri.toString() === uri)!;
    const render = (locations: readonly Location[]): string[] =>
        locations.map(l => `${path.basename(URI.parse(l.uri).path)} ${textAt(documentOf(l.uri), l.range)} ${l.range.start.line + 1}`).sort();

    test('from a use of a local variable to its declaration', async () => {
        const links = await services.suplan.lsp.DefinitionProvider!.getDefinition(a, positionParams(a, 'antal_samtal vid före', 1, 2)) as LocationLink[];
        expect(links.map(l => `${textAt(a, l.targetSelectionRange)} ${l.targetSelectionRange.start.line + 1}`)).toEqual(['antal_samtal 8']);
        expect(textAt(a, links[0].targetRange)).toBe('lokal antal_samtal "Antal samtal" : antal 0..50 vid före när samtal = 1');
    });

    test('from a measurement point in `vid före` to `mätpunkter före`', async () => {
        const links = await services.suplan.lsp.DefinitionProvider!.getDefinition(a, positionParams(a, 'vid före', 1, 5)) as LocationLink[];
        expect(links.map(l => `${textAt(a, l.targetSelectionRange)} ${l.targetSelectionRange.start.line + 1}`)).toEqual(['före 5']);
    });

    test('references of a local variable: the declaration and every use in the plan', async () => {
        const locations = await services.suplan.lsp.ReferencesProvider!.findReferences(a, { ...positionParams(a, 'antal_samtal "', 1, 1), context: { includeDeclaration: true } });
        expect(render(locations)).toEqual(['a.suplan antal_samtal 12', 'a.suplan antal_samtal 8']);
    });

    test('references of a catalogue variable across plans, from a plan: each `använd` and every later use under the plan\'s name for it', async () => {
        const locations = await services.suplan.lsp.ReferencesProvider!.findReferences(a, { ...positionParams(a, 'test.samtal', 1, 7), context: { includeDeclaration: true } });
        expect(render(locations)).toEqual([
            'a.suplan samtal 11', 'a.suplan samtal 8', 'a.suplan test.samtal 13', 'a.suplan test.samtal 7',
            'b.suplan enskilda 10', 'b.suplan test.samtal 6', 'test.sucat samtal 3',
        ]);
    });

    test('references of a catalogue variable from the catalogue, without the declaration: the plans\' uses too', async () => {
        const locations = await services.sucat.lsp.ReferencesProvider!.findReferences(catalogue, { ...positionParams(catalogue, 'variabel kön', 1, 10), context: { includeDeclaration: false } });
        expect(render(locations)).toEqual(['b.suplan kön 10', 'b.suplan test.kön 7']);
    });

    test('references of a plan\'s own name for a catalogue variable (`som enskilda`)', async () => {
        const locations = await services.suplan.lsp.ReferencesProvider!.findReferences(b, { ...positionParams(b, 'enskilda mot', 1, 1), context: { includeDeclaration: true } });
        expect(render(locations)).toEqual(['b.suplan enskilda 10', 'b.suplan enskilda 6']);
    });
});
