import { URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { SuPlanRenameProvider } from '../../../src/language/lsp/suplan-rename.js';
import { TEST_CATALOGUE } from '../validators/plan-validation-helper.js';
import { errorMessages, LspWorkspace, PLAN_B, positionParams, textAt } from './lsp-test-helper.js';

const workspace = new LspWorkspace();
const { services } = workspace;
const provider = (): SuPlanRenameProvider => services.suplan.lsp.RenameProvider as SuPlanRenameProvider;

const PLAN = `plan "Byt namn" {
    syfte kontroll
    fråga "Hur ofta?"
    katalog test version "1"
    mätpunkter före, efter "Vid avslut"
    värdemängder {
        nöjd "Nöjdhet" { 1 "Nöjd" 2 "Missnöjd" }
    }
    variabler {
        använd test.samtal
        använd test.kön som kon
        lokal antal_samtal "Antal samtal" : antal 0..50 vid före, efter när samtal = 1
        lokal grad "Grad" : nöjd vid efter
    }
    analyser {
        a1: andel samtal i 1
        a2: förändring antal_samtal före -> efter
        a3: frekvens test.samtal
        a4: korstabell grad mot kon
    }
    scenarier {
        A när a1 < 60 % "Se över"
        D när a1 >= 80 % "Fortsätt"
    }
    acceptera SU040 för antal_samtal "Används senare"
}
`;

async function build(text = PLAN, other?: string): Promise<LangiumDocument> {
    const documents = await workspace.buildPlans({ '/ws/plan.suplan': text, ...(other === undefined ? {} : { '/ws/other.suplan': other }) });
    return documents.get('/ws/plan.suplan')!;
}

/** Applies the edits of one document to its text. */
function apply(text: string, edits: readonly TextEdit[], document: LangiumDocument): string {
    const sorted = [...edits].sort((x, y) => document.textDocument.offsetAt(y.range.start) - document.textDocument.offsetAt(x.range.start));
    let result = text;
    for (const edit of sorted) {
        const start = document.textDocument.offsetAt(edit.range.start);
        const end = document.textDocument.offsetAt(edit.range.end);
        result = result.slice(0, start) + edit.newText + result.slice(end);
    }
    return result;
}

async function rename(document: LangiumDocument, snippet: string, newName: string, occurrence = 1, within = 1): Promise<WorkspaceEdit | undefined> {
    return provider().rename(document, { ...positionParams(document, snippet, occurrence, within), newName });
}

/** Renames, applies the edits to the plan, rebuilds it, and returns the new text (which must still link and validate without errors). */
async function renamed(snippet: string, newName: string, occurrence = 1, within = 1): Promise<string> {
    const document = await build();
    const edit = await rename(document, snippet, newName, occurrence, within);
    const uris = Object.keys(edit?.changes ?? {});
    expect(uris).toEqual([document.uri.toString()]);
    const text = apply(PLAN, edit!.changes![document.uri.toString()], document);
    const rebuilt = await build(text);
    expect(errorMessages(rebuilt)).toEqual([]);
    return text;
}

/** The lines of `text` that differ from the plan, as `line: text`. */
function changedLines(text: string): string[] {
    const before = PLAN.split('\n');
    return text.split('\n').flatMap((line, i) => (line !== before[i] ? [`${i + 1}: ${line.trim()}`] : []));
}

async function errorOf(action: () => unknown): Promise<ResponseError<unknown>> {
    try {
        await action();
    } catch (error) {
        if (error instanceof ResponseError) return error;
        throw error;
    }
    throw new Error('no error');
}

describe('rename', () => {
    test('the plan language registers the provider', () => {
        expect(services.suplan.lsp.RenameProvider).toBeInstanceOf(SuPlanRenameProvider);
    });

    test('the test plan has no errors', async () => {
        const document = await build();
        expect(errorMessages(document)).toEqual([]);
    });

    test('a local variable, from a use: the declaration, every reference and `acceptera … för`', async () => {
        const text = await renamed('antal_samtal före', 'samtal_totalt');
        expect(changedLines(text)).toEqual([
            '12: lokal samtal_totalt "Antal samtal" : antal 0..50 vid före, efter när samtal = 1',
            '17: a2: förändring samtal_totalt före -> efter',
            '25: acceptera SU040 för samtal_totalt "Används senare"',
        ]);
    });

    test('an analysis id, from its declaration: scenario rules follow', async () => {
        const text = await renamed('a1:', 'andel_samtal');
        expect(changedLines(text)).toEqual([
            '16: andel_samtal: andel samtal i 1',
            '22: A när andel_samtal < 60 % "Se över"',
            '23: D när andel_samtal >= 80 % "Fortsätt"',
        ]);
    });

    test('a named value set', async () => {
        const text = await renamed('nöjd vid', 'nöjdhet');
        expect(changedLines(text)).toEqual(['7: nöjdhet "Nöjdhet" { 1 "Nöjd" 2 "Missnöjd" }', '13: lokal grad "Grad" : nöjdhet vid efter']);
    });

    test('a plan\'s own name for a catalogue variable (`som kon`)', async () => {
        const text = await renamed('kon', 'juridiskt_kön', 2);
        expect(changedLines(text)).toEqual(['11: använd test.kön som juridiskt_kön', '19: a4: korstabell grad mot juridiskt_kön']);
    });

    test('a catalogue variable used without `som`: renaming its use gives it a name in the plan, qualified uses stay', async () => {
        const text = await renamed('samtal = 1', 'enskilt_samtal');
        expect(changedLines(text)).toEqual([
            '10: använd test.samtal som enskilt_samtal',
            '12: lokal antal_samtal "Antal samtal" : antal 0..50 vid före, efter när enskilt_samtal = 1',
            '16: a1: andel enskilt_samtal i 1',
        ]);
        expect(text).toContain('a3: frekvens test.samtal');
    });

    test('a measurement point named by its kind gets a `som` name, before its label', async () => {
        const text = await renamed('efter "Vid', 'avslut');
        expect(changedLines(text)).toEqual([
            '5: mätpunkter före, efter som avslut "Vid avslut"',
            '12: lokal antal_samtal "Antal samtal" : antal 0..50 vid före, avslut när samtal = 1',
            '13: lokal grad "Grad" : nöjd vid avslut',
            '17: a2: förändring antal_samtal före -> avslut',
        ]);
    });

    test('prepareRename gives the range of the name, also on a qualified use', async () => {
        const document = await build();
        const prepare = (snippet: string, occurrence = 1, within = 1) =>
            provider().prepareRename(document, positionParams(document, snippet, occurrence, within));
        const local = await prepare('antal_samtal före');
        expect(local && textAt(document, local)).toBe('antal_samtal');
        // `frekvens test.samtal` refers to the plan's use of the catalogue variable: the name part is selected
        const qualified = await prepare('frekvens test.samtal', 1, 10);
        expect(qualified && textAt(document, qualified)).toBe('samtal');
        expect(await prepare('syfte kontroll', 1, 8)).toBeUndefined();
        expect(await prepare('andel samtal', 1, 2)).toBeUndefined();
    });

    test('a catalogue variable cannot be renamed from a plan: a clear error from prepareRename and from rename', async () => {
        const document = await build();
        const params = positionParams(document, 'test.samtal', 1, 7);
        const prepared = await errorOf(() => provider().prepareRename(document, params));
        expect(prepared.message).toBe('test.samtal är en katalogvariabel (katalogen test version 1) och kan inte byta namn från en plan. '
            + 'Byt namn där den används i planen, så får den ett eget namn med `använd test.samtal som nytt_namn`.');
        const renaming = await errorOf(() => provider().rename(document, { ...params, newName: 'x' }));
        expect(renaming.message).toBe(prepared.message);
        // the catalogue itself is not touched either way
        const onKon = await errorOf(() => provider().rename(document, { ...positionParams(document, 'test.kön', 1, 6), newName: 'x' }));
        expect(onKon.message).toContain('test.kön är en katalogvariabel');
    });

    test('the error follows the message language', async () => {
        const document = await build();
        services.suplan.catalogue.MessageLocale.language = 'en';
        try {
            const error = await errorOf(() => provider().prepareRename(document, positionParams(document, 'test.samtal', 1, 7)));
            expect(error.message).toContain('test.samtal is a catalogue variable (catalogue test version 1) and cannot be renamed from a plan.');
        } finally {
            services.suplan.catalogue.MessageLocale.language = 'sv';
        }
    });

    test('a new name that is no identifier, a keyword or already taken is refused', async () => {
        const document = await build();
        expect((await errorOf(() => rename(document, 'grad "', 'två ord'))).message).toContain('"två ord" är inget giltigt namn');
        expect((await errorOf(() => rename(document, 'grad "', 'variabler'))).message).toContain('"variabler" är ett nyckelord');
        expect((await errorOf(() => rename(document, 'grad "', 'kon'))).message).toBe('Namnet "kon" används redan i planen.');
        // a variable and an analysis may share a name (references are typed)
        expect(await rename(document, 'grad "', 'a1')).toBeDefined();
        // names that read naturally may be soft keywords, as the grammar allows
        expect(await rename(document, 'grad "', 'ålder')).toBeDefined();
    });

    test('another plan is not touched, even where it uses the same names', async () => {
        const other = PLAN.replace('plan "Byt namn"', 'plan "Annan"');
        const document = await build(PLAN, other);
        const edit = await rename(document, 'antal_samtal före', 'samtal_totalt');
        expect(Object.keys(edit?.changes ?? {})).toEqual([URI.file('/ws/plan.suplan').toString()]);
        expect(edit!.changes![document.uri.toString()]).toHaveLength(3);
    });
});

describe('rename in a catalogue', () => {
    const OTHER_VERSION = { file: '/ws/test-2.sucat', text: TEST_CATALOGUE.text.replace('version "1"', 'version "2"') };
    const PLAN_V2 = PLAN_B.replace('plan "B"', 'plan "C"').replace('version "1"', 'version "2"');
    const buildWith = (catalogue: string, a = PLAN, b = PLAN_B, c = PLAN_V2) => workspace.buildPlans(
        { '/ws/a.suplan': a, '/ws/b.suplan': b, '/ws/c.suplan': c },
        [{ file: '/ws/test.sucat', text: catalogue }, OTHER_VERSION],
    );

    test('renaming a variable updates the plans that pin this version and keeps their own names', async () => {
        const documents = await buildWith(TEST_CATALOGUE.text);
        const catalogue = documents.get('/ws/test.sucat')!;
        const provider = services.sucat.lsp.RenameProvider!;
        const params = positionParams(catalogue, 'variabel samtal', 1, 10);
        const range = await provider.prepareRename(catalogue, params);
        expect(range && textAt(catalogue, range)).toBe('samtal');
        const edit = await provider.rename(catalogue, { ...params, newName: 'enskilt_samtal' });
        const changes = edit?.changes ?? {};
        const text = (file: string, original: string): string => {
            const document = documents.get(file)!;
            return apply(original, changes[document.uri.toString()] ?? [], document);
        };
        const newCatalogue = text('/ws/test.sucat', TEST_CATALOGUE.text);
        const a = text('/ws/a.suplan', PLAN);
        const b = text('/ws/b.suplan', PLAN_B);
        expect(newCatalogue).toContain('variabel enskilt_samtal {');
        expect(a).toContain('använd test.enskilt_samtal som samtal\n');
        expect(a).toContain('a3: frekvens test.enskilt_samtal\n');
        expect(a).toContain('a1: andel samtal i 1');
        expect(b).toContain('använd test.enskilt_samtal som enskilda\n');
        // the plan that pins version 2 and the version 2 catalogue are not touched
        expect(Object.keys(changes).sort()).toEqual(['/ws/a.suplan', '/ws/b.suplan', '/ws/test.sucat'].map(f => URI.file(f).toString()).sort());
        const rebuilt = await buildWith(newCatalogue, a, b);
        for (const file of ['/ws/a.suplan', '/ws/b.suplan', '/ws/c.suplan']) {
            expect(errorMessages(rebuilt.get(file)!), file).toEqual([]);
        }
    });

    test('the catalogue name, keywords and a taken name are not renamed', async () => {
        const documents = await buildWith(TEST_CATALOGUE.text);
        const catalogue = documents.get('/ws/test.sucat')!;
        const provider = services.sucat.lsp.RenameProvider!;
        const at = (snippet: string, within: number) => positionParams(catalogue, snippet, 1, within);
        expect(await provider.prepareRename(catalogue, at('katalog test', 9))).toBeUndefined();
        expect(await provider.prepareRename(catalogue, at('etikett "Kön"', 2))).toBeUndefined();
        expect((await errorOf(() => provider.rename(catalogue, { ...at('variabel samtal', 10), newName: 'kön' }))).message)
            .toBe('Variabeln "kön" finns redan i katalogen.');
    });
});
