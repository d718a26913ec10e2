import { describe, expect, test } from 'vitest';
import { Validation, plan } from './plan-validation-helper.js';
import { rangeWithin } from './range-within.js';

const validation = new Validation();

function who(expected: string, sampling = 'alla', period = '2025-01-01 .. 2025-12-31'): string {
    return `målgrupp {
        inkludera "Barn som utreds"
        ålder 0..17
        ${expected}
    }
    urval ${sampling}
    period ${period}`;
}

/** A question group of `count` statements on a 1–4 scale, used as an index by analysis `g`. */
function group(count: number, options = ''): string {
    const items = Array.from({ length: count }, (_, i) => `            påstående${i + 1} "Påstående ${i + 1}"`).join('\n');
    return `frågegrupp nöjd "Nöjdhet" : skala { 1 "Stämmer inte" 2 "Stämmer delvis" 3 "Stämmer mest" 4 "Stämmer helt" } ${options} {\n${items}\n            index summa\n        }`;
}

function burdenPlan(variables: string, expected = 'förväntat antal 200 per år', sampling = 'alla', period?: string): string {
    return plan({
        who: who(expected, sampling, period),
        variables: `variabler {\n        använd test.samtal\n        ${variables}\n    }`,
        analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        g: förändring nöjd före -> efter\n    }',
    });
}

describe('SU064: registration burden', () => {
    test.each<[string, string, string | undefined, string | undefined]>([
        // [name, variables, expected fields, expected clients]
        ['40 fields is within the limit', group(39, 'vid före, efter'), undefined, undefined],
        ['41 fields: 40 statements and the once-only question at the first point', group(40, 'vid före, efter'), '41', '200'],
        ['once-only questions count at the first point only', `${group(40, 'vid efter')}`, undefined, undefined],
        ['each respondent answers the statements', group(20, 'vid före, efter svarar förälder, barn'), '41', '200'],
        ['multiple choice is one field per option', `${group(30, 'vid före, efter')}\n        lokal stöd "Stöd" : flerval { 1 "A" 2 "B" 3 "C" 4 "D" 5 "E" 6 "F" 7 "G" 8 "H" 9 "I" 10 "J" } vid före`, '41', '200'],
    ])('%s', async (_name, variables, fields, clients) => {
        const text = burdenPlan(variables);
        const found = (await validation.diagnostics(text)).filter(d => d.code === 'SU064');
        if (!fields) {
            expect(found).toEqual([]);
            return;
        }
        expect(found.map(d => d.range)).toEqual([rangeWithin(text, '"Testplan"')]);
        expect((found[0].data as { args: string[] }).args.slice(0, 4)).toEqual([fields, '40', clients, String(Number(fields) * Number(clients))]);
    });

    test('message with the expected volume, in Swedish and English', async () => {
        const text = burdenPlan(group(42, 'vid före, efter'), 'förväntat antal 120 per år', 'alla', '2025-01-01 .. 2025-06-30');
        // 120 a year over 181 days is 59 clients; 43 fields each.
        expect((await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU064')?.message)
            .toBe('Varje registrering har 43 fält, fler än gränsen 40. Med 59 förväntade klienter under perioden blir det omkring 2537 fält att fylla i.');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU064')?.message)
            .toBe('Each registration has 43 fields, more than the limit of 40. With 59 expected clients in the period that is about 2537 fields to fill in.');
    });

    test('message without an expected volume', async () => {
        const text = burdenPlan(group(42, 'vid före, efter'), '');
        const found = (await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU064');
        expect(found?.message).toBe('Varje registrering har 43 fält, fler än gränsen 40.');
    });

    test('the sampling does not change the expected clients', async () => {
        const text = burdenPlan(group(42, 'vid före, efter'), 'förväntat antal 200 per år', 'jämna veckor');
        const found = (await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU064');
        expect((found?.data as { args: string[] }).args.slice(0, 4)).toEqual(['43', '40', '200', '8600']);
    });
});

describe('SU065: breakdown cells below the minimum cell', () => {
    function breakdownPlan(analyses: string, options: { expected?: string; period?: string; level?: string; extra?: string } = {}): string {
        return plan({
            head: `status utkast
    syfte verksamhetsutveckling
    fråga "Får barnen enskilda samtal under utredningen?"
    nivå ${options.level ?? 'verksamhet'}
    katalog test version "1"`,
            who: who(options.expected ?? 'förväntat antal 20 per år', 'alla', options.period),
            variables: `variabler {
        använd test.samtal
        använd test.kön bakgrund
        lokal problem "Problemgrad" : skala { 1 "Låg" 2 "Medel" 3 "Hög" } vid före, efter
        lokal dygn "Dygn" : tal 0..365
    }`,
            analyses: `analyser {
        a1: andel samtal i 1 målvärde 80 %
        p: förändring problem före -> efter
        d: beskriv dygn
        ${analyses}
    }`,
            extra: options.extra ?? '',
        });
    }

    test.each<[string, string, { expected?: string; period?: string; level?: string }, readonly string[]]>([
        ['frekvens per grouping counts both', 'x: frekvens samtal per kön', {}, ['x']],
        ['a grouping of means', 'x: beskriv dygn per kön', {}, []],
        ['a crosstab', 'x: korstabell problem mot kön', {}, ['x']],
        ['a frequency table without grouping', 'x: frekvens problem', { expected: 'förväntat antal 12 per år' }, ['x']],
        ['enough clients', 'x: frekvens samtal per kön', { expected: 'förväntat antal 30 per år' }, []],
        ['a three-way split', 'x: korstabell problem mot kön per samtal', { expected: 'förväntat antal 80 per år' }, ['x']],
        ['the period scales the yearly volume', 'x: beskriv dygn per kön', { expected: 'förväntat antal 40 per år', period: '2025-01-01 .. 2025-03-31' }, ['x']],
        ['a volume per month over a year', 'x: frekvens samtal per kön', { expected: 'förväntat antal 3 per månad' }, []],
        ['nivå individ is exempt', 'x: frekvens samtal per kön', { level: 'individ' }, []],
        ['no expected volume', 'x: frekvens samtal per kön', { expected: '' }, []],
        ['a grouping without codes is not counted (SU047)', 'x: beskriv problem per dygn', {}, []],
    ])('%s', async (_name, analysis, options, warned) => {
        const text = breakdownPlan(analysis, options);
        const wanted = warned.map(id => `SU065 ${rangeWithin(text, `${id}: `, id)}`);
        expect(await validation.codes(text, ['SU065'])).toEqual(wanted);
    });

    test('message with the average per cell, in Swedish and English', async () => {
        const text = breakdownPlan('x: frekvens samtal per kön');
        expect((await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU065')?.message)
            .toBe('Analysen "x" delar 20 förväntade klienter på 6 celler: i genomsnitt 3,3 per cell, under minsta cell 5.');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU065')?.message)
            .toBe('The analysis "x" splits 20 expected clients into 6 cells: on average 3.3 per cell, below the minimum cell 5.');
    });

    test('accepted for the analysis by its id', async () => {
        const text = breakdownPlan('x: frekvens samtal per kön', { extra: 'acceptera SU065 för x "Vi slår ihop åren i rapporten"' });
        const found = (await validation.diagnostics(text)).filter(d => d.code === 'SU065' || d.code === 'SU072');
        expect(found.map(d => [d.code, d.severity])).toEqual([['SU065', 3]]);
    });
});
