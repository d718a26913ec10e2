import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan } from '../validators/plan-validation-helper.js';

const services = createSuServices(EmptyFileSystem);

/** The SU001 messages of a plan. */
async function syntaxMessages(text: string, language: 'sv' | 'en' = 'sv'): Promise<string[]> {
    services.suplan.catalogue.MessageLocale.language = language;
    const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text }, TEST_CATALOGUE]);
    return loaded.diagnostics.filter(d => d.code === 'SU001').map(d => String(d.message));
}

describe('syntax errors say what was probably meant', () => {
    test('a misspelt section keyword: "menade du `variabler`?"', async () => {
        const text = plan().replace('variabler {', 'variabel {');
        const messages = await syntaxMessages(text);
        expect(messages.length).toBeGreaterThan(0);
        expect(messages[0]).toContain('Menade du `variabler`?');
        // The section keywords after it are right, only out of place: no suggestion for them.
        expect(messages.slice(1).filter(m => m.includes('Menade du'))).toEqual([]);
    });

    test('a misspelt keyword inside a block: "menade du `inkludera`?"', async () => {
        const text = plan().replace('inkludera "Barn som utreds"', 'inkludra "Barn som utreds"');
        const messages = await syntaxMessages(text);
        expect(messages[0]).toContain('Menade du `inkludera`?');
    });
});

describe('syntax errors say what to write instead', () => {
    test('a reserved word as a variable name: says it is reserved and how to name it (Swedish and English)', async () => {
        for (const word of ['period', 'vid']) {
            const text = plan().replace('lokal antal_samtal', `lokal ${word}`);
            const [sv] = await syntaxMessages(text);
            expect(sv).toBe(`Syntaxfel: \`${word}\` är ett reserverat ord i planspråket och kan inte vara ett namn. Lägg till något till ordet, till exempel \`${word}_1\`, eller välj ett annat ord.`);
            const [en] = await syntaxMessages(text, 'en');
            expect(en).toBe(`Syntax error: \`${word}\` is a reserved word of the plan language and cannot be a name. Add something to the word, for example \`${word}_1\`, or choose another word.`);
        }
    });

    test('after a hint, the rest of its line gets no more syntax errors (the parser recovering from the one mistake)', async () => {
        const text = plan().replace('lokal antal_samtal', 'lokal period');
        services.suplan.catalogue.MessageLocale.language = 'sv';
        const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text }, TEST_CATALOGUE]);
        const line = text.split('\n').findIndex(l => l.includes('lokal period'));
        const onLine = loaded.diagnostics.filter(d => d.code === 'SU001' && d.range.start.line === line);
        expect(onLine.map(d => String(d.message))).toEqual([expect.stringContaining('`period` är ett reserverat ord')]);
    });

    test('a reserved word as an analysis name (`vid: …`, `period "Titel": …`)', async () => {
        const [vid] = await syntaxMessages(plan().replace('a2: beskriv', 'vid: beskriv'));
        expect(vid).toContain('`vid` är ett reserverat ord');
        const [period] = await syntaxMessages(plan().replace('a2: beskriv', 'period "Samtal": beskriv'));
        expect(period).toContain('`period` är ett reserverat ord');
    });

    test('an option in the wrong order says where it belongs', async () => {
        const text = plan().replace('a1: andel samtal i 1 målvärde 80 %', 'a1: andel samtal i 1 vid före målvärde 80 %');
        expect(await syntaxMessages(text)).toEqual(['Syntaxfel: `målvärde` ska stå före `vid`.']);
        expect(await syntaxMessages(text, 'en')).toEqual(['Syntax error: `målvärde` must come before `vid`.']);
        const decision = plan().replace('status utkast', 'status utkast\n    beslut "Nämnden" diarienummer "SN 2025/1" datum 2025-01-15');
        expect((await syntaxMessages(decision))[0]).toBe('Syntaxfel: `datum` ska stå före `diarienummer`.');
        const named = plan().replace('använd test.samtal', 'använd test.samtal vid före som samtal_före');
        expect((await syntaxMessages(named))[0]).toBe('Syntaxfel: `som` ska stå före `vid`.');
    });

    test('a keyword of the language out of place is not taken for a misspelling of another', async () => {
        const text = plan().replace('a1: andel samtal i 1 målvärde 80 %', 'a1: andel samtal i 1 vid före målvärde 80 %');
        expect((await syntaxMessages(text)).join('\n')).not.toContain('Menade du');
    });

    test('a decimal comma where a number is expected: write it with a point', async () => {
        const text = plan().replace('målvärde 80 %', 'målvärde 80,5 %');
        expect(await syntaxMessages(text)).toEqual(['Syntaxfel: decimaltal skrivs med punkt i planspråket: skriv `80.5` i stället för `80,5`.']);
        expect(await syntaxMessages(text, 'en')).toEqual(['Syntax error: decimal numbers are written with a point in the plan language: write `80.5` instead of `80,5`.']);
    });

    test('a decimal comma where only a whole number fits says so; `avrundning 0,5` stays valid', async () => {
        const text = plan().replace('a2: beskriv antal_samtal', 'a2: beskriv antal_samtal decimaler 1,5');
        expect(await syntaxMessages(text)).toEqual(['Syntaxfel: här förväntas ett heltal, inte decimaltalet `1,5`.']);
        expect(await syntaxMessages(plan().replace('a2: beskriv antal_samtal', 'a2: beskriv antal_samtal avrundning 0,5'))).toEqual([]);
        // A list of codes is not a decimal: `i 1,2` is two codes.
        expect(await syntaxMessages(plan().replace('andel samtal i 1', 'andel samtal i 1,2'))).toEqual([]);
    });
});
