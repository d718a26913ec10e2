import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { SuPlanHoverProvider, escapeMarkdown } from '../../../src/language/lsp/suplan-hover.js';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace, type SourceText } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan } from '../validators/plan-validation-helper.js';

const services = createSuServices(EmptyFileSystem);

/** Builds `text` beside the fixture catalogue and hovers over the `occurrence`-th `snippet`, one character in. */
async function hover(text: string, snippet: string, occurrence = 1, catalogue: SourceText = TEST_CATALOGUE): Promise<string | undefined> {
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
        at = text.indexOf(snippet, at + 1);
        if (at < 0) throw new Error(`"${snippet}" (occurrence ${occurrence}) is not in the text`);
    }
    const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text }, catalogue]);
    expect(loaded.diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    const document = loaded.document;
    const result = await services.suplan.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(at + 1),
    });
    const contents = result?.contents;
    if (contents === undefined) return undefined;
    expect(typeof contents === 'object' && 'kind' in contents && contents.kind).toBe('markdown');
    return typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

describe('hover', () => {
    test('the plan language registers the provider', () => {
        expect(services.suplan.lsp.HoverProvider).toBeInstanceOf(SuPlanHoverProvider);
    });

    test('on `använd test.samtal`: label, value set with codes, definition, process step, national statistics, catalogue and version', async () => {
        const value = await hover(plan(), 'test.samtal');
        expect(value).toContain('**Enskilda samtal har genomförts**');
        expect(value).toContain('Värdemängd: ja/nej');
        expect(value).toContain('- 1 Ja\n- 2 Nej');
        expect(value).toContain('Definition: Samtal kan ske på olika sätt, också via sms, telefon eller chatt.');
        expect(value).toContain('Processteg: utredning');
        expect(value).toContain('Nationell statistik: ja');
        expect(value).toContain('Katalog: Testkatalog (test) version 1');
    });

    test('a catalogue variable without national statistics, with bounds and unit', async () => {
        const text = plan({ variables: 'variabler {\n        använd test.samtal\n        använd test.dygn\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n    }' });
        const value = await hover(text, 'test.dygn');
        expect(value).toContain('**Antal vårddygn**');
        expect(value).toContain('Värdemängd: ett tal 0..366 dygn');
        expect(value).toContain('Nationell statistik: nej');
    });

    test('on a plan variable that uses a catalogue variable (`när samtal = 1`): the catalogue description', async () => {
        const value = await hover(plan(), 'samtal = 1');
        expect(value).toContain('**Enskilda samtal har genomförts**');
        expect(value).toContain('version 1');
    });

    test('on a refined catalogue variable: the detailed codes', async () => {
        const text = plan({ variables: 'variabler {\n        använd test.samtal\n        använd test.kön fördjupa { 1 "Flicka" -> 1 2 "Pojke" -> 2 4 "Vet ej" -> 3 }\n'
            + '        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1 och kön i 4\n    }' });
        const value = await hover(text, 'kön i 4');
        expect(value).toContain('**Kön**');
        expect(value).toContain('(fördjupad i planen)');
        expect(value).toContain('- 4 Vet ej');
    });

    test('on a local variable: label, value set and points', async () => {
        const text = plan({ variables: 'variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal samtal" : antal 0..50 vid före, efter när samtal = 1\n    }' });
        const value = await hover(text, 'antal_samtal', 2);
        expect(value).toBe('**Antal samtal** (antal\\_samtal, lokal variabel)\n\nVärdemängd: ett antal 0..50\n\nMätpunkter: före, efter');
    });

    test('on a local variable with codes and no points', async () => {
        const text = plan({
            variables: 'variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n'
                + '        lokal nöjd "Nöjd *mycket*" : val { 1 "Ja" 2 "Nej" }\n    }',
        });
        const value = await hover(text, 'nöjd "');
        expect(value).toContain('**Nöjd \\*mycket\\***');
        expect(value).toContain('- 1 Ja\n- 2 Nej');
        expect(value).toContain('Mätpunkter: en gång per klient');
    });

    test('plan and catalogue text is escaped', async () => {
        const catalogue: SourceText = {
            file: '/ws/kat.sucat',
            text: 'katalog kat version "2" {\n    variabel var { etikett "A_b *c* [d](e)" värdemängd text kommentar "`kod` <b>" }\n}\n',
        };
        const text = 'plan "P" {\n    syfte kontroll\n    fråga "Hur ofta?"\n    katalog kat version "2"\n    variabler {\n        använd kat.var\n    }\n}\n';
        const value = await hover(text, 'kat.var', 1, catalogue);
        expect(value).toContain('**A\\_b \\*c\\* \\[d\\](e)**');
        expect(value).toContain('Definition: \\`kod\\` \\<b\\>');
        expect(escapeMarkdown('1. a # b')).toBe('1. a \\# b');
    });

    test('no hover on a keyword', async () => {
        expect(await hover(plan(), 'mätpunkter')).toBeUndefined();
    });
    test('on the words of issue 14: what each setting computes, in Swedish', async () => {
        const text = plan({
            variables: 'variabler {\n        använd test.samtal vid efter\n        använd test.kön bakgrund\n        lokal grad "Grad" : antal 0..10 vid före, efter\n    }',
            analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 % per kön\n        a2: beskriv grad avrundning 0,5 diagram stapel\n'
                + '        p1: förändring grad före -> efter mått andel förbättrade riktning lägre är bättre\n'
                + '        k1: koncentration grad topp 10 % avrundat uppåt\n    }',
            scenarios: 'scenarier {\n        A när någon grupp i a1 < målet "Gå igenom"\n        B, C, D, E bedöms vid genomgång\n    }',
        }).replace('minsta cell 5', 'minsta cell 5\n        sekundär undertryckning på');
        expect(await hover(text, 'avrundning ')).toContain('Halvor avrundas bort från noll');
        expect(await hover(text, 'riktning')).toContain('vilket håll som är en förbättring');
        expect(await hover(text, 'mått')).toContain('andel förbättrade');
        expect(await hover(text, 'diagram')).toContain('grupperade staplar för jämförelser');
        expect(await hover(text, 'avrundat')).toContain('lika värden ändrar inte summan');
        expect(await hover(text, 'någon')).toContain('oavgjord');
        expect(await hover(text, 'målet')).toContain('målvärde');
        expect(await hover(text, 'sekundär')).toContain('totaler');
        expect(await hover(text, 'minsta')).toContain('nivå individ');
        // The plan's own `nivå` is not the code level of an analysis.
        expect(await hover(text, 'nivå verksamhet')).toBeUndefined();
    });
});
