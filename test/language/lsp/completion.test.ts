import { EmptyFileSystem } from 'langium';
import type { CompletionItem } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { MAX_CATALOGUE_ITEMS, PURPOSE_MEANINGS, SuPlanCompletionProvider } from '../../../src/language/lsp/suplan-completion.js';
import { swedishSortKey } from '../../../src/text/swedish-sort.js';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace, type SourceText } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan } from '../validators/plan-validation-helper.js';

const services = createSuServices(EmptyFileSystem);
const CURSOR = '<|>';

/** Builds the plan `text` (with one `<|>` for the cursor) beside the fixture catalogue and completes at the cursor. */
async function complete(text: string, catalogue: SourceText = TEST_CATALOGUE): Promise<CompletionItem[]> {
    const offset = text.indexOf(CURSOR);
    if (offset < 0) throw new Error('no cursor in the text');
    const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text: text.replace(CURSOR, '') }, catalogue]);
    const document = loaded.document;
    const list = await services.suplan.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
    });
    return list?.items ?? [];
}

/** The items in the order a client shows them: by sortText (code-point order), then label. */
function shown(items: readonly CompletionItem[]): CompletionItem[] {
    const key = (i: CompletionItem): string => `${i.sortText ?? ''}\u0000${i.label}`;
    return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function documentation(item: CompletionItem | undefined): string | undefined {
    const doc = item?.documentation;
    return typeof doc === 'string' ? doc : doc?.value;
}

const variables = (body: string): string => plan({ variables: `variabler {\n        ${body}\n    }` });

describe('completion', () => {
    test('the plan language registers the provider', () => {
        expect(services.suplan.lsp.CompletionProvider).toBeInstanceOf(SuPlanCompletionProvider);
    });

    test('after `använd test.` every variable of the pinned catalogue, in Swedish order, with label and value set', async () => {
        const items = shown(await complete(variables('använd test.<|>')));
        expect(items.map(i => i.label)).toEqual([
            'test.datum_akt', 'test.dygn', 'test.insats_klar', 'test.kön', 'test.samtal', 'test.ålder', 'test.övrigt',
        ]);
        const samtal = items.find(i => i.label === 'test.samtal');
        expect(samtal?.detail).toBe('Enskilda samtal har genomförts · ja/nej · nationell statistik');
        expect(documentation(samtal)).toBe('Samtal kan ske på olika sätt, också via sms, telefon eller chatt.');
        const kon = items.find(i => i.label === 'test.kön');
        expect(kon?.detail).toBe('Kön · en kodlista');
        expect(items.find(i => i.label === 'test.ålder')?.detail).toBe('Ålder vid aktualisering · ett antal');
    });

    test('å before ä before ö, after z (code-point order would put ä first)', async () => {
        const catalogue: SourceText = {
            file: '/ws/ord.sucat',
            text: 'katalog ord version "1" {\n'
                + ['övrigt', 'ärende', 'åtgärd', 'zon', 'alfa'].map(n => `    variabel ${n} { etikett "${n}" värdemängd text }\n`).join('') + '}\n',
        };
        const text = 'plan "P" {\n    katalog ord version "1"\n    variabler {\n        använd ord.<|>\n    }\n}\n';
        expect(shown(await complete(text, catalogue)).map(i => i.label)).toEqual(['ord.alfa', 'ord.zon', 'ord.åtgärd', 'ord.ärende', 'ord.övrigt']);
    });

    test('a partly written name narrows the list to the matching variables', async () => {
        const labels = (await complete(variables('använd test.sa<|>'))).map(i => i.label);
        expect(labels).toContain('test.samtal');
        expect(labels).not.toContain('test.dygn');
    });

    test('a large catalogue: the first variables in Swedish order, capped, and the rest as the user types', async () => {
        const names = Array.from({ length: 1000 }, (_, i) => `v${String(i).padStart(4, '0')}`);
        const catalogue: SourceText = {
            file: '/ws/stor.sucat',
            text: 'katalog stor version "1" {\n' + names.map(n => `    variabel ${n} { etikett "Variabel ${n}" värdemängd text }\n`).join('') + '}\n',
        };
        const text = (typed: string): string => `plan "P" {\n    katalog stor version "1"\n    variabler {\n        använd ${typed}<|>\n    }\n}\n`;
        const first = shown(await complete(text('stor.'), catalogue));
        expect(first).toHaveLength(MAX_CATALOGUE_ITEMS);
        expect(first[0].label).toBe('stor.v0000');
        expect(first[first.length - 1].label).toBe(`stor.v${String(MAX_CATALOGUE_ITEMS - 1).padStart(4, '0')}`);
        expect(first[0].detail).toBe('Variabel v0000 · fritext');
        // a variable beyond the cap comes when its name is typed
        const narrowed = (await complete(text('stor.v0999'), catalogue)).map(i => i.label);
        expect(narrowed).toEqual(['stor.v0999']);
    });

    test('the answer is marked incomplete, so the editor asks again as the user types', async () => {
        const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text: variables('använd test.') }, TEST_CATALOGUE]);
        const document = loaded.document;
        const offset = document.textDocument.getText().indexOf('test.') + 'test.'.length;
        const list = await services.suplan.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
        });
        expect(list?.isIncomplete).toBe(true);
        expect(list?.items.map(i => i.label)).toContain('test.kön');
    });

    test('two pinned catalogues: their variables merged in Swedish order', async () => {
        const other: SourceText = {
            file: '/ws/annan.sucat',
            text: 'katalog annan version "2" {\n    variabel ärende { etikett "Ärende" värdemängd text }\n    variabel zon { etikett "Zon" värdemängd text }\n}\n',
        };
        const text = 'plan "P" {\n    katalog test version "1"\n    katalog annan version "2"\n    variabler {\n        använd <|>\n    }\n}\n';
        const offset = text.indexOf(CURSOR);
        const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text: text.replace(CURSOR, '') }, TEST_CATALOGUE, other]);
        const list = await services.suplan.lsp.CompletionProvider!.getCompletion(loaded.document, {
            textDocument: { uri: loaded.document.uri.toString() }, position: loaded.document.textDocument.positionAt(offset),
        });
        const labels = shown(list?.items ?? []).map(i => i.label).filter(l => l.includes('.'));
        expect(labels).toEqual([
            'annan.zon', 'annan.ärende',
            'test.datum_akt', 'test.dygn', 'test.insats_klar', 'test.kön', 'test.samtal', 'test.ålder', 'test.övrigt',
        ]);
    });

    test('no catalogue pinned: no catalogue variables', async () => {
        const text = plan({ head: 'syfte kontroll', variables: 'variabler {\n        använd test.<|>\n    }' });
        expect((await complete(text)).filter(i => i.label.startsWith('test.'))).toEqual([]);
    });

    test('Swedish sort keys put å, ä, ö after z', () => {
        const ordered = ['övrigt', 'ålder', 'zon', 'ärende', 'alfa'].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : 1));
        expect(ordered).toEqual(['alfa', 'zon', 'ålder', 'ärende', 'övrigt']);
    });

    test('after `syfte` the five purposes with their meaning, and no other words', async () => {
        const items = shown(await complete(plan({ head: 'syfte <|>\n    katalog test version "1"' })));
        expect(items.map(i => i.label)).toEqual(['kontroll', 'kvalitetssäkring', 'jämförelse', 'verksamhetsutveckling', 'lärande']);
        for (const { purpose, meaning } of PURPOSE_MEANINGS) {
            expect(documentation(items.find(i => i.label === purpose))).toBe(meaning);
        }
    });

    test('a partly written purpose narrows the list', async () => {
        const labels = (await complete(plan({ head: 'syfte kv<|>\n    katalog test version "1"' }))).map(i => i.label);
        expect(labels).toEqual(['kvalitetssäkring']);
    });

    test('after `andel x i` the codes of the variable with their labels', async () => {
        const items = shown(await complete(plan({ analyses: 'analyser {\n        a1: andel samtal i <|>\n    }' })));
        expect(items.map(i => `${i.label} ${i.detail}`)).toEqual(['1 Ja', '2 Nej']);
    });

    test('after `när x i` the codes of the variable, refined codes when it is refined', async () => {
        const text = variables('använd test.samtal\n        använd test.kön fördjupa { 1 "Flicka" -> 1 2 "Pojke" -> 2 4 "Vet ej" -> 3 }\n'
            + '        lokal x "X" : antal när kön i <|>');
        // A refined variable may also name the level its codes mean (`i original …`).
        expect(shown(await complete(text)).map(i => `${i.label} ${i.detail}`)).toEqual(['1 Flicka', '2 Pojke', '4 Vet ej', 'fördjupad nyckelord', 'original nyckelord']);
    });

    test('after `när x i original` the catalogue\'s codes of the refined variable; no levels for a variable that is not refined', async () => {
        const text = variables('använd test.samtal\n        använd test.kön fördjupa { 1 "Flicka" -> 1 2 "Pojke" -> 2 4 "Vet ej" -> 3 }\n'
            + '        lokal x "X" : antal när kön i original <|>');
        expect(shown(await complete(text)).map(i => `${i.label} ${i.detail}`)).toEqual(['1 Flicka', '2 Pojke', '3 Annat eller okänt']);
        const plain = shown(await complete(plan({ analyses: 'analyser {\n        a1: andel samtal i <|>\n    }' })));
        expect(plain.map(i => i.label)).not.toContain('original');
    });

    test('after `->` in `fördjupa` the catalogue codes the detailed code maps to', async () => {
        const text = variables('använd test.samtal\n        använd test.insats_klar fördjupa { 1 "Helt" -> <|> }');
        expect(shown(await complete(text)).map(i => `${i.label} ${i.detail}`)).toEqual(['1 Helt', '2 Delvis', '3 Inte alls']);
    });

    test('keywords are still offered where a plan element starts', async () => {
        const labels = (await complete(plan({ extra: '<|>' }))).map(i => i.label);
        expect(labels).toEqual(expect.arrayContaining(['analyser', 'variabler', 'syfte']));
    });
});
