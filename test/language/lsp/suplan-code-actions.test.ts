import { EmptyFileSystem, TextDocument, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { SuPlanCodeActionProvider } from '../../../src/language/lsp/suplan-code-actions.js';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan } from '../validators/plan-validation-helper.js';

const services = createSuServices(EmptyFileSystem);
const FILE = '/ws/plan.suplan';

async function build(text: string): Promise<LangiumDocument> {
    const [loaded] = await buildWorkspace(services, [{ file: FILE, text }, TEST_CATALOGUE]);
    return loaded.document;
}

function codesOf(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => String(d.code));
}

/** The code actions the provider offers for the document's diagnostics with `code`. */
async function actionsFor(document: LangiumDocument, code: string): Promise<{ diagnostics: Diagnostic[]; actions: CodeAction[] }> {
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    expect(diagnostics.length, `no ${code} in ${codesOf(document).join(', ')}`).toBeGreaterThan(0);
    const provider = services.suplan.lsp.CodeActionProvider!;
    const result = await provider.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics },
    });
    return { diagnostics, actions: (result ?? []) as CodeAction[] };
}

function apply(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit?.changes?.[document.uri.toString()] ?? [];
    expect(edits.length).toBeGreaterThan(0);
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Builds `text`, applies the action titled `title` for `code`, and returns the new text and its document. */
async function fix(text: string, code: string, title: string): Promise<{ text: string; after: LangiumDocument; titles: string[] }> {
    const document = await build(text);
    const { actions } = await actionsFor(document, code);
    const action = actions.find(a => a.title === title);
    expect(action, `no action "${title}" among ${actions.map(a => a.title).join(', ')}`).toBeDefined();
    expect(action!.kind).toBe('quickfix');
    const fixed = apply(document, action!);
    return { text: fixed, after: await build(fixed), titles: actions.map(a => a.title) };
}

describe('quick fixes', () => {
    test('the plan language registers the provider', () => {
        expect(services.suplan.lsp.CodeActionProvider).toBeInstanceOf(SuPlanCodeActionProvider);
    });

    describe('replace ("did you mean")', () => {
        test('SU013: an unknown variable', async () => {
            const text = plan({ analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        a2: beskriv antal_samtl\n    }' });
            const result = await fix(text, 'SU013', 'Ersätt med "antal_samtal"');
            expect(result.text).toBe(text.replace('beskriv antal_samtl', 'beskriv antal_samtal'));
            expect(codesOf(result.after)).toEqual([]);
        });

        test('SU012: an unknown catalogue variable', async () => {
            const text = plan({ variables: 'variabler {\n        använd test.samtl\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n    }' });
            const document = await build(text);
            expect(codesOf(document)).toContain('SU012');
            const result = await fix(text, 'SU012', 'Ersätt med "test.samtal"');
            expect(result.text).toBe(text.replace('använd test.samtl', 'använd test.samtal'));
            expect(codesOf(result.after)).not.toContain('SU012');
        });

        test('one typo, one error: a misspelt `använd` gets SU012 with the right name, and no follow-up diagnostic or fix spreads the typo', async () => {
            const text = plan({
                variables: 'variabler {\n        använd test.samtal\n        använd test.kon bakgrund\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n    }',
                analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        a2: beskriv antal_samtal\n        a3: andel samtal i 1 per kön\n    }',
            });
            const document = await build(text);
            expect(codesOf(document)).toEqual(['SU012']);
            const provider = services.suplan.lsp.CodeActionProvider!;
            const all = (await provider.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: document.diagnostics![0].range, context: { diagnostics: document.diagnostics! },
            }) ?? []) as CodeAction[];
            expect(all.map(a => [a.title, a.isPreferred])).toEqual([['Ersätt med "test.kön"', true], ['Ersätt med "test.dygn"', false]]);
            const result = await fix(text, 'SU012', 'Ersätt med "test.kön"');
            expect(codesOf(result.after)).toEqual([]);
        });

        test('a declaration that does not resolve is never suggested for an unknown variable', async () => {
            const text = plan({
                variables: 'variabler {\n        använd test.samtal\n        använd test.okänd_variabel som antal_samtat\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n    }',
                analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        a2: beskriv antal_samtax\n    }',
            });
            const { actions } = await actionsFor(await build(text), 'SU013');
            expect(actions.map(a => a.title)).toEqual(['Ersätt med "antal_samtal"']);
        });

        test('one action per suggestion, the first preferred', async () => {
            const text = plan({
                variables: 'variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n        lokal antal_samtat "Antal samtat" : antal 0..50\n    }',
                analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        a2: beskriv antal_samtal\n        a3: beskriv antal_samtat\n        a4: beskriv antal_samtax\n    }',
            });
            const { actions } = await actionsFor(await build(text), 'SU013');
            expect(actions.map(a => [a.title, a.isPreferred])).toEqual([
                ['Ersätt med "antal_samtal"', true], ['Ersätt med "antal_samtat"', false],
            ]);
        });
    });

    describe('addRefinedValue (SU022)', () => {
        function refinedPlan(refinement: string): string {
            return plan({
                variables: `variabler {\n        använd test.samtal fördjupa ${refinement}\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal i 11, 12\n    }`,
                analyses: 'analyser {\n        a1: andel samtal i 11, 12 målvärde 80 %\n        a2: beskriv antal_samtal\n    }',
            });
        }

        test('a line before the closing brace of a block over several lines', async () => {
            const block = '{\n            11 "Ja – sms" -> 1\n            12 "Ja – telefon" -> 1\n        }';
            const text = refinedPlan(block);
            const result = await fix(text, 'SU022', 'Lägg till fördjupat värde för 2 "Nej"');
            expect(result.text).toBe(text.replace(block, '{\n            11 "Ja – sms" -> 1\n            12 "Ja – telefon" -> 1\n            2 "Nej" -> 2\n        }'));
            expect(codesOf(result.after)).toEqual([]);
        });

        test('a block on one line', async () => {
            const text = refinedPlan('{ 11 "Ja – sms" -> 1 12 "Ja – telefon" -> 1 }');
            const result = await fix(text, 'SU022', 'Lägg till fördjupat värde för 2 "Nej"');
            expect(result.text).toBe(text.replace('-> 1 }', '-> 1 2 "Nej" -> 2 }'));
            expect(codesOf(result.after)).toEqual([]);
        });

        test('a new code when the original code is taken', async () => {
            const text = plan({
                variables: 'variabler {\n        använd test.samtal fördjupa { 2 "Ja – sms" -> 1 }\n    }',
                analyses: 'analyser {\n        a1: andel samtal i 2 målvärde 80 %\n    }',
            });
            const result = await fix(text, 'SU022', 'Lägg till fördjupat värde för 2 "Nej"');
            expect(result.text).toBe(text.replace('-> 1 }', '-> 1 3 "Nej" -> 2 }'));
            // Left: the refined code 2 "Ja – sms" is numbered like the original 2 "Nej" (SU056).
            expect(codesOf(result.after)).toEqual(['SU056']);
        });

        test('one action per uncovered value', async () => {
            const text = plan({
                variables: 'variabler {\n        använd test.kön fördjupa {\n            11 "Flicka" -> 1\n        }\n        använd test.samtal\n    }',
                analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        k1: frekvens kön\n    }',
            });
            const { actions } = await actionsFor(await build(text), 'SU022');
            expect(actions.map(a => a.title).sort()).toEqual(['Lägg till fördjupat värde för 2 "Pojke"', 'Lägg till fördjupat värde för 3 "Annat eller okänt"']);
        });
    });

    describe('removeVariable (SU040)', () => {
        const clean = plan();

        test('a one-line declaration', async () => {
            const text = clean.replace('använd test.samtal\n', 'använd test.samtal\n        lokal tolk "Tolk behövdes" : ja/nej // fråga från handläggarna\n');
            const result = await fix(text, 'SU040', 'Ta bort variabeln "tolk"');
            expect(result.text).toBe(clean);
            expect(codesOf(result.after)).toEqual([]);
        });

        test('a declaration over several lines', async () => {
            const text = clean.replace('använd test.samtal\n', 'använd test.samtal\n        använd test.kön fördjupa {\n            1 "Flicka" -> 1\n            2 "Pojke" -> 2\n            3 "Annat" -> 3\n        }\n');
            const result = await fix(text, 'SU040', 'Ta bort variabeln "kön"');
            expect(result.text).toBe(clean);
            expect(codesOf(result.after)).toEqual([]);
        });

        test('an item of a question group', async () => {
            const withGroup = (items: string): string => plan({
                variables: `variabler {\n        använd test.samtal\n        frågegrupp nöjd "Nöjdhet" : skala { 1 "Aldrig" 2 "Ibland" 3 "Alltid" } {\n${items}        }\n    }`,
                analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        n1: beskriv bemötande\n    }',
            });
            const text = withGroup('            bemötande "Jag blir väl bemött"\n            inflytande "Jag kan påverka"\n');
            const result = await fix(text, 'SU040', 'Ta bort variabeln "inflytande"');
            expect(result.text).toBe(withGroup('            bemötande "Jag blir väl bemött"\n'));
            expect(codesOf(result.after)).toEqual([]);
        });

        test('a declaration sharing its line keeps the rest of the line', async () => {
            const text = clean.replace('använd test.samtal\n', 'använd test.samtal lokal tolk "Tolk behövdes" : ja/nej\n');
            const result = await fix(text, 'SU040', 'Ta bort variabeln "tolk"');
            expect(result.text).toBe(clean);
            expect(codesOf(result.after)).toEqual([]);
        });

        test('a declaration first on a shared line keeps what follows', async () => {
            const text = clean.replace('använd test.samtal\n', 'lokal tolk "Tolk behövdes" : ja/nej använd test.samtal\n');
            const result = await fix(text, 'SU040', 'Ta bort variabeln "tolk"');
            expect(result.text).toBe(clean);
            expect(codesOf(result.after)).toEqual([]);
        });
    });

    test('SU003: a missing purpose gets `syfte` with each of the five purposes, none preferred, on its own line after the title', async () => {
        const text = plan().replace('    syfte verksamhetsutveckling\n', '');
        const document = await build(text);
        expect(codesOf(document)).toEqual(['SU003']);
        const { actions } = await actionsFor(document, 'SU003');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual(
            ['kontroll', 'kvalitetssäkring', 'jämförelse', 'verksamhetsutveckling', 'lärande'].map(p => [`Lägg till \`syfte ${p}\``, false]));
        const result = await fix(text, 'SU003', 'Lägg till `syfte lärande`');
        expect(result.text).toBe(text.replace(/^(plan "[^"]*" \{)\n/m, '$1\n    syfte lärande\n'));
        expect(codesOf(result.after)).toEqual([]);
        // CRLF plans get a CRLF line.
        const crlf = text.replace(/\n/g, '\r\n');
        const fixedCrlf = await fix(crlf, 'SU003', 'Lägg till `syfte kontroll`');
        expect(fixedCrlf.text).toBe(crlf.replace(/^(plan "[^"]*" \{)\r\n/m, '$1\r\n    syfte kontroll\r\n'));
    });

    test('diagnostics without a fix, or with a malformed one, give no actions', async () => {
        const document = await build(plan());
        const provider = services.suplan.lsp.CodeActionProvider!;
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
        const diagnostics: Diagnostic[] = [
            { range, message: 'x', code: 'SU035', data: { code: 'SU035', args: [] } },
            { range, message: 'x', code: 'SU013', data: { code: 'SU013', args: [], fix: { kind: 'replace', suggestions: [3] } } },
            { range, message: 'x', code: 'SU040', data: { code: 'SU040', args: [], fix: { kind: 'explode' } } },
            { range, message: 'x', code: 'SU040', data: 'not an object' },
        ];
        const result = await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range, context: { diagnostics } });
        expect(result).toEqual([]);
    });
});

describe('quick fixes that rewrite a plan to a setting whose meaning is now stated (issue 14)', () => {
    const measured = 'variabler {\n        använd test.samtal\n        lokal grad "Problemgrad" : antal 0..10 vid före, efter\n        lokal regdag "Registreringsdag" : datum vid efter\n    }';

    test('SU053: a change gets its direction, either way; the plan is then clean of SU053', async () => {
        const text = plan({ variables: measured, analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        p1: förändring grad före -> efter\n        t1: tidsserie grad över månad enligt regdag\n    }' });
        const lower = await fix(text, 'SU053', 'Lägg till `riktning lägre är bättre`');
        expect(lower.titles).toEqual(['Lägg till `riktning lägre är bättre`', 'Lägg till `riktning högre är bättre`']);
        expect(lower.text).toBe(text.replace('före -> efter', 'före -> efter riktning lägre är bättre'));
        expect(codesOf(lower.after)).not.toContain('SU053');
        const withMeasure = text.replace('före -> efter', 'före -> efter mått procent');
        const higher = await fix(withMeasure, 'SU053', 'Lägg till `riktning högre är bättre`');
        expect(higher.text).toBe(text.replace('före -> efter', 'före -> efter mått procent riktning högre är bättre'));
        expect(codesOf(higher.after)).not.toContain('SU053');
    });

    test('SU054: a rate says it counts records, as rates did before the setting existed', async () => {
        const text = plan({
            variables: 'variabler {\n        använd test.samtal\n        använd test.kön bakgrund\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n    }',
            analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        a2: beskriv antal_samtal\n        t1: takt för samtal = 1 per 1000 av befolkning per kön\n    }',
            extra: 'referensdata {\n        tabell befolkning "Invånare" per kön { 1 = 2000 2 = 2100 3 = 10 }\n    }',
        });
        const result = await fix(text, 'SU054', 'Lägg till `räknar registreringar`');
        expect(result.text).toBe(text.replace('av befolkning per kön', 'av befolkning räknar registreringar per kön'));
        expect(codesOf(result.after)).not.toContain('SU054');
    });

    test('SU038: a time series names the plan\'s date variable', async () => {
        const text = plan({ variables: measured, analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        t1: tidsserie grad över månad\n    }' });
        const result = await fix(text, 'SU038', 'Lägg till `enligt regdag`');
        expect(result.text).toBe(text.replace('över månad', 'över månad enligt regdag'));
        expect(codesOf(result.after)).not.toContain('SU038');
    });

    test('SU067: a minimum cell that is not whole is written as the whole number that is used', async () => {
        const text = plan().replace('minsta cell 5', 'minsta cell 4.5');
        const result = await fix(text, 'SU067', 'Ersätt med "5"');
        expect(result.text).toBe(plan());
        expect(codesOf(result.after)).toEqual([]);
    });
});
