import { describe, expect, test } from 'vitest';
import { Validation, plan } from './plan-validation-helper.js';
import { rangeWithin } from './range-within.js';

const validation = new Validation();

const VARIABLES = `variabler {
        använd test.samtal
        använd test.kön bakgrund
        lokal problem "Problemgrad" : skala { 1 "Låg" 2 "Medel" 3 "Hög" } vid före, efter
        lokal mål "Måluppfyllelse" : mål4 vid efter
    }`;

const ANALYSES = `analyser {
        a1: andel samtal i 1 målvärde 80 %
        p1: förändring problem före -> efter
        m1: måluppfyllelse mål
        b1: beskriv problem vid efter
        f1: frekvens kön
        k1: korstabell samtal mot kön
        t1: tidsserie problem över månad
    }`;

function planWith(scenarios: string): string {
    return plan({ variables: VARIABLES, analyses: ANALYSES, scenarios: `scenarier {\n        ${scenarios}\n    }` });
}

type Expectation = readonly [code: string, line: string, inner: string];

async function check(scenarios: string, expected: readonly Expectation[]): Promise<void> {
    const text = planWith(scenarios);
    const wanted = expected.map(([code, line, inner]) => `${code} ${rangeWithin(text, line, inner)}`).sort();
    expect(await validation.codes(text, ['SU049', 'SU050'])).toEqual(wanted);
}

describe('SU049: scenario letter not A–E', () => {
    test.each<[string, string, readonly Expectation[]]>([
        ['A to E', 'A när a1 < 60 % "Ändra"\n        B, C, D, E bedöms vid genomgång', []],
        ['F', 'F när a1 < 60 % "Ändra"', [['SU049', 'F när a1', 'F']]],
        ['lower case in a list', 'B, c, E bedöms vid genomgång', [['SU049', 'B, c, E', 'c']]],
        ['a word', 'Ändra när a1 < 60 % "Ändra"', [['SU049', 'Ändra när', 'Ändra']]],
    ])('%s', async (_name, scenarios, expected) => {
        await check(scenarios, expected);
    });

    test('message', async () => {
        const text = planWith('F när a1 < 60 % "Ändra"');
        expect((await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU049')?.message).toBe('"F" är inget scenario. Scenarierna är A–E.');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU049')?.message).toBe('"F" is not a scenario. The scenarios are A–E.');
    });
});

describe('SU050: rule on an analysis without a single number', () => {
    test.each<[string, string, readonly Expectation[]]>([
        ['andel, förändring, måluppfyllelse and beskriv yield one number',
            'A när a1 < 60 % och p1 < 0 och m1 < 50 % och b1 > 2 "Ändra"', []],
        ['frekvens', 'A när f1 > 10 "Ändra"', [['SU050', 'A när f1', 'f1']]],
        ['korstabell in the second part', 'D när a1 >= 80 % och k1 > 1 "Avsluta"', [['SU050', 'och k1', 'k1']]],
        ['tidsserie', 'A när t1 < 2 "Ändra"', [['SU050', 'A när t1', 't1']]],
    ])('%s', async (_name, scenarios, expected) => {
        await check(scenarios, expected);
    });

    test('an id two analyses share is SU030, not SU050', async () => {
        const text = plan({
            variables: VARIABLES,
            analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n        a1: frekvens kön\n    }',
            scenarios: 'scenarier {\n        A när a1 < 60 % "Ändra"\n    }',
        });
        const codes = (await validation.diagnostics(text)).map(d => d.code);
        expect(codes).toContain('SU030');
        expect(codes).not.toContain('SU050');
    });

    test('an unknown analysis is SU016, not SU050', async () => {
        const text = planWith('A när x9 < 60 % "Ändra"');
        const codes = (await validation.diagnostics(text)).map(d => d.code);
        expect(codes).toContain('SU016');
        expect(codes).not.toContain('SU050');
    });

    test('message names the kind', async () => {
        const text = planWith('A när f1 > 10 "Ändra"');
        expect((await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU050')?.message)
            .toBe('Analysen "f1" (frekvens) ger inget enskilt tal som en scenarioregel kan jämföra.');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU050')?.message)
            .toBe('The analysis "f1" (frekvens) yields no single number for a scenario rule to compare.');
    });
});
