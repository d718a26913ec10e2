import { describe, expect, test } from 'vitest';
import { Validation, plan } from './plan-validation-helper.js';
import { rangeWithin } from './range-within.js';

const validation = new Validation();

const VARIABLES = `variabler {
        använd test.samtal
        använd test.kön bakgrund
        använd test.ålder bakgrund
        lokal stadsdel "Stadsdel" : val { 1 "Norr" 2 "Söder" }
        frågegrupp nöjd "Nöjdhet" : skala { 1 "Aldrig" 2 "Ibland" 3 "Oftast" 4 "Alltid" } {
            bemötande "Jag blir väl bemött"
            inflytande "Jag kan påverka"
        }
        lokal kommentar "Kommentar" : text förtydligar samtal motivering "Hur samtalet gick till"
    }`;

function planWith(tables: string, analyses: string): string {
    return plan({
        variables: VARIABLES,
        analyses: `analyser {
        a1: andel samtal i 1 målvärde 80 %
        ${analyses}
    }`,
        extra: `referensdata {
        ${tables}
    }`,
    });
}

type Expectation = readonly [line: string, inner: string, occurrence?: number];

async function check(tables: string, analyses: string, expected: readonly Expectation[]): Promise<void> {
    const text = planWith(tables, analyses);
    const wanted = expected.map(([line, inner, occurrence]) => `SU048 ${rangeWithin(text, line, inner, occurrence)}`).sort();
    expect(await validation.codes(text, ['SU048'])).toEqual(wanted);
}

describe('SU048: reference table does not fit', () => {
    test.each<[string, string, string, readonly Expectation[]]>([
        ['a table keyed by codes, used for a rate',
            'tabell befolkning "Befolkning 0–20 år" per stadsdel { 1 = 12000 2 = 9000 }',
            'x: takt för samtal = 1 per 1000 av befolkning per stadsdel', []],
        ['a key without codes',
            'tabell befolkning "Befolkning" per ålder { 1 = 12000 }',
            'x: takt för samtal = 1 per 1000 av befolkning',
            [['per ålder {', 'ålder']]],
        ['a row code not in the key',
            'tabell befolkning "Befolkning" per stadsdel { 1 = 12000 3 = 9000 }',
            'x: takt för samtal = 1 per 1000 av befolkning',
            [['3 = 9000', '3']]],
        ['a variable row in a table keyed by codes',
            'tabell befolkning "Befolkning" per stadsdel { 1 = 12000 bemötande = 3 }',
            'x: takt för samtal = 1 per 1000 av befolkning',
            [['bemötande = 3', 'bemötande']]],
        ['a table per question, used for a comparison',
            'tabell målnivå "Nämndens målnivå" per fråga { bemötande = 3.5 inflytande = 3 }',
            'x: jämför bemötande, inflytande mot målnivå', []],
        ['a non-numeric row in a table per question',
            'tabell målnivå "Nämndens målnivå" per fråga { bemötande = 3.5 kommentar = 3 }',
            'x: jämför bemötande mot målnivå',
            [['kommentar = 3', 'kommentar']]],
        ['a code row in a table per question',
            'tabell målnivå "Nämndens målnivå" per fråga { bemötande = 3.5 2 = 3 }',
            'x: jämför bemötande mot målnivå',
            [['2 = 3', '2']]],
        ['a rate over a table per question',
            'tabell målnivå "Nämndens målnivå" per fråga { bemötande = 3.5 }',
            'x: takt för samtal = 1 per 1000 av målnivå',
            [['av målnivå', 'målnivå']]],
        ['a comparison against a table keyed by codes',
            'tabell befolkning "Befolkning" per stadsdel { 1 = 12000 2 = 9000 }',
            'x: jämför bemötande mot befolkning',
            [['mot befolkning', 'befolkning']]],
    ])('%s', async (_name, table, analysis, expected) => {
        await check(table, analysis, expected);
    });

    test('the detail is in the current language', async () => {
        const text = planWith('tabell befolkning "Befolkning" per stadsdel { 1 = 12000 3 = 9000 }', 'x: takt för samtal = 1 per 1000 av befolkning');
        expect((await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU048')?.message)
            .toBe('Tabellen "befolkning" har raden 3, som inte är en kod i "stadsdel" (1, 2).');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU048')?.message)
            .toBe('The table "befolkning" has the row 3, which is not a code of "stadsdel" (1, 2).');
    });
});
