import { describe, expect, test } from 'vitest';
import { Validation, plan } from './plan-validation-helper.js';
import { rangeWithin } from './range-within.js';

const validation = new Validation();

/** [variables block body, analyses after a1, extra sections, expected unused: [line, name as underlined]] */
type Case = readonly [name: string, variables: string, analyses: string, extra: string, unused: ReadonlyArray<readonly [string, string]>];

function planWith(variables: string, analyses: string, extra = ''): string {
    return plan({
        variables: `variabler {
        använd test.samtal
        ${variables}
    }`,
        analyses: `analyser {
        a1: andel samtal i 1 målvärde 80 %
        ${analyses}
    }`,
        extra,
    });
}

describe('SU040: variable collected but not used', () => {
    test.each<Case>([
        ['a local variable no analysis uses',
            'lokal antal_möten "Antal möten" : antal 0..50', '', '', [['lokal antal_möten', 'antal_möten']]],
        ['a catalogue variable no analysis uses',
            'använd test.dygn', '', '', [['använd test.dygn', 'test.dygn']]],
        ['a catalogue variable renamed with som',
            'använd test.dygn som vårddygn', '', '', [['som vårddygn', 'vårddygn']]],
        ['a background variable not used',
            'använd test.kön bakgrund', '', '', [['använd test.kön', 'test.kön']]],
        ['a background variable used as a grouping',
            'använd test.kön bakgrund', 'x: andel samtal i 1 per kön', '', []],
        ['a variable used only in a filter',
            'använd test.kön bakgrund', 'x: andel samtal i 1 bland kön i 1, 2', '', []],
        ['a variable used in a rate condition',
            'lokal stadsdel "Stadsdel" : val { 1 "Norr" 2 "Söder" }\n        lokal anmälan "Anmälan ledde till utredning" : ja/nej',
            'x: takt för anmälan = 1 per 1000 av befolkning per stadsdel',
            'referensdata {\n        tabell befolkning "Befolkning" per stadsdel { 1 = 12000 2 = 9000 }\n    }', []],
        ['a reference-table key counts as used',
            'lokal stadsdel "Stadsdel" : val { 1 "Norr" 2 "Söder" }', '',
            'referensdata {\n        tabell befolkning "Befolkning" per stadsdel { 1 = 12000 2 = 9000 }\n    }', []],
        ['the source of a used derived variable',
            'använd test.ålder\n        härledd åldersgrupp "Åldersgrupp" = klassa ålder { 1 "0–12 år" 0..12 2 "13–20 år" 13..20 }',
            'x: frekvens åldersgrupp', '', []],
        ['the source of an unused derived variable',
            'använd test.ålder\n        härledd åldersgrupp "Åldersgrupp" = klassa ålder { 1 "0–12 år" 0..12 2 "13–20 år" 13..20 }',
            '', '', [['använd test.ålder', 'test.ålder']]],
        ['the items of a used index',
            'frågegrupp nöjd "Nöjdhet" : skala { 1 "Aldrig" 2 "Ibland" 3 "Alltid" } {\n            bemötande "Jag blir väl bemött"\n            inflytande "Jag kan påverka"\n            index medel\n        }',
            'x: beskriv nöjd', '', []],
        ['items of an unused group, one used directly',
            'frågegrupp nöjd "Nöjdhet" : skala { 1 "Aldrig" 2 "Ibland" 3 "Alltid" } {\n            bemötande "Jag blir väl bemött"\n            inflytande "Jag kan påverka"\n        }',
            'x: beskriv bemötande', '', [['inflytande "Jag', 'inflytande']]],
        ['the condition of a used variable',
            'lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1\n        lokal tolk "Tolk behövdes" : ja/nej\n        lokal tolktimmar "Timmar med tolk" : tal 0..100 när tolk = 1',
            'x: beskriv antal_samtal\n        y: beskriv tolktimmar', '', []],
        ['the condition of an unused variable',
            'lokal tolk "Tolk behövdes" : ja/nej\n        lokal tolktimmar "Timmar med tolk" : tal 0..100 när tolk = 1',
            '', '', [['lokal tolk "', 'tolk'], ['lokal tolktimmar', 'tolktimmar']]],
        ['free text that clarifies a used question',
            'lokal hur "Hur samtalet gick till" : text förtydligar samtal motivering "Samtal sker på olika sätt"', '', '', []],
        ['free text that clarifies an unused question',
            'lokal tolk "Tolk behövdes" : ja/nej\n        lokal varför "Varför tolk" : text förtydligar tolk motivering "Språk"',
            '', '', [['lokal tolk "', 'tolk'], ['lokal varför', 'varför']]],
    ])('%s', async (_name, variables, analyses, extra, unused) => {
        const text = planWith(variables, analyses, extra);
        const wanted = unused.map(([line, inner]) => `SU040 ${rangeWithin(text, line, inner)}`).sort();
        expect(await validation.codes(text, ['SU040'])).toEqual(wanted);
    });

    test('a warning with the variable as subject and a removeVariable fix, in Swedish and English', async () => {
        const text = planWith('lokal antal_möten "Antal möten" : antal 0..50', '');
        const sv = (await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU040');
        expect(sv?.severity).toBe(2);
        expect(sv?.message).toBe('Variabeln "antal_möten" samlas in men används inte i någon analys.');
        expect(sv?.data).toMatchObject({ subject: 'antal_möten', fix: { kind: 'removeVariable', name: 'antal_möten' } });
        const en = (await validation.diagnostics(text, 'en')).find(d => d.code === 'SU040');
        expect(en?.message).toBe('The variable "antal_möten" is collected but used by no analysis.');
    });

    test('accepted for one variable, it is downgraded to information with the reason', async () => {
        const text = planWith('lokal antal_möten "Antal möten" : antal 0..50\n        lokal tolk "Tolk" : ja/nej', '',
            'acceptera SU040 för antal_möten "Behövs för nästa års uppföljning"');
        const found = (await validation.diagnostics(text)).filter(d => d.code === 'SU040');
        expect(found.map(d => [d.range, d.severity, d.message])).toEqual([
            [rangeWithin(text, 'lokal antal_möten', 'antal_möten'), 3,
                'Variabeln "antal_möten" samlas in men används inte i någon analys. (accepterad: Behövs för nästa års uppföljning)'],
            [rangeWithin(text, 'lokal tolk', 'tolk'), 2, 'Variabeln "tolk" samlas in men används inte i någon analys.'],
        ]);
    });

    test('not reported while a syntax error may have hidden the analysis that uses the variable', async () => {
        const text = planWith('lokal antal_möten "Antal möten" : antal 0..50', 'period: beskriv antal_möten');
        const codes = (await validation.diagnostics(text)).map(d => d.code);
        expect(codes).toContain('SU001');
        expect(codes).not.toContain('SU040');
        // A syntax error outside the sections that use variables leaves the check on.
        const elsewhere = planWith('lokal antal_möten "Antal möten" : antal 0..50', '').replace('minsta cell 5', 'minsta cell');
        const found = (await validation.diagnostics(elsewhere)).map(d => d.code);
        expect(found).toContain('SU001');
        expect(found).toContain('SU040');
    });
});
