import { describe, expect, test } from 'vitest';
import { Validation, plan } from './plan-validation-helper.js';
import { rangeWithin } from './range-within.js';

const validation = new Validation();
const CODES = ['SU041', 'SU042', 'SU043', 'SU044', 'SU045', 'SU046', 'SU047'];

const VARIABLES = `variabler {
        använd test.samtal
        använd test.kön bakgrund
        använd test.ålder bakgrund
        lokal problem "Problemgrad" : skala { 1 "Låg" 2 "Medel" 3 "Hög" } vid före, efter
        lokal audit "AUDIT totalpoäng" : poäng 0..40 instrument "AUDIT" vid före
        lokal mål "Måluppfyllelse" : mål4 vid efter
        lokal dygn "Dygn i placering" : tal 0..365
        lokal kommentar "Kommentar" : text förtydligar samtal motivering "Beskriver hur samtalet gick till"
        härledd skillnad_audit "Skillnad i AUDIT" = skillnad audit före -> efter
    }`;

/** A plan with the shared variables, the analysis `a1` the default scenarios use, and the given analysis lines. */
function planWith(analyses: string, extra: Partial<Parameters<typeof plan>[0]> = {}): string {
    return plan({
        variables: VARIABLES,
        analyses: `analyser {
        a1: andel samtal i 1 målvärde 80 %
        ${analyses}
    }`,
        ...extra,
    });
}

/** Expected diagnostics: code, the analysis line, and the text in it to underline. */
type Expectation = readonly [code: string, line: string, inner?: string, occurrence?: number];

async function check(analyses: string, expected: readonly Expectation[], extra: Partial<Parameters<typeof plan>[0]> = {}): Promise<void> {
    const text = planWith(analyses, extra);
    const wanted = expected.map(([code, line, inner, occurrence]) => `${code} ${rangeWithin(text, line, inner, occurrence)}`).sort();
    expect(await validation.codes(text, CODES)).toEqual(wanted);
}

describe('SU041: variable not collected at the point', () => {
    test.each<[string, string, readonly Expectation[]]>([
        ['vid a point the variable lacks', 'x: beskriv audit vid efter', [['SU041', 'x: beskriv audit vid efter', 'efter']]],
        ['vid on a variable collected once', 'x: frekvens kön vid efter', [['SU041', 'x: frekvens kön vid efter', 'efter']]],
        ['change to a point the variable lacks', 'x: förändring audit före -> efter', [['SU041', 'x: förändring audit före -> efter', 'efter']]],
        ['change of a once-only variable', 'x: förändring dygn före -> efter', [
            ['SU041', 'x: förändring dygn före -> efter', 'före'], ['SU041', 'x: förändring dygn före -> efter', 'efter']]],
        ['a difference is one value per client', 'x: beskriv skillnad_audit vid efter', [['SU041', 'x: beskriv skillnad_audit vid efter', 'efter']]],
        ['vid a point the variable has', 'x: beskriv problem vid efter', []],
        ['a once-only variable without vid', 'x: frekvens kön', []],
        ['a change between points the variable has', 'x: förändring problem före -> efter', []],
        ['a once-only grouping of an analysis at a point', 'x: beskriv problem vid efter per kön', []],
    ])('%s', async (_name, analysis, expected) => {
        await check(analysis, expected);
    });

    test('says where the variable is collected, in Swedish and English', async () => {
        const text = planWith('x: beskriv audit vid efter\n        y: frekvens kön vid före');
        const sv = (await validation.diagnostics(text, 'sv')).filter(d => d.code === 'SU041').map(d => d.message).sort();
        expect(sv).toEqual([
            'Analysen "x" använder "audit" vid "efter", men variabeln samlas in vid före.',
            'Analysen "y" använder "kön" vid "före", men variabeln samlas in en gång per klient, utan mätpunkt.',
        ]);
        const en = (await validation.diagnostics(text, 'en')).filter(d => d.code === 'SU041').map(d => d.message).sort();
        expect(en).toEqual([
            'The analysis "x" uses "audit" at "efter", but the variable is collected at före.',
            'The analysis "y" uses "kön" at "före", but the variable is collected once per client, without a point.',
        ]);
    });
});

describe('SU042: change without two different points', () => {
    test.each<[string, string, readonly Expectation[]]>([
        ['no points', 'x: förändring problem', [['SU042', 'x: förändring problem', 'förändring problem']]],
        ['the same point twice', 'x: förändring problem före -> före', [['SU042', 'x: förändring problem före -> före', 'före', 2]]],
        ['two points', 'x: förändring problem före -> efter', []],
    ])('%s', async (_name, analysis, expected) => {
        await check(analysis, expected);
    });
});

describe('SU043: share outside 0–100 %', () => {
    test.each<[string, string, readonly Expectation[]]>([
        ['target above 100', 'x: andel samtal i 1 målvärde 120 %', [['SU043', 'x: andel samtal i 1 målvärde 120 %', '120']]],
        ['negative target', 'x: andel samtal i 1 målvärde -5 %', [['SU043', 'x: andel samtal i 1 målvärde -5 %', '-5']]],
        ['target of 100', 'x: andel samtal i 1 målvärde 100 %', []],
        ['concentration top share', 'x: koncentration dygn topp 10 %, 150 %', [['SU043', 'x: koncentration dygn topp 10 %, 150 %', '150']]],
        ['concentration within range', 'x: koncentration dygn topp 10 %, 50 %', []],
    ])('%s', async (_name, analysis, expected) => {
        await check(analysis, expected);
    });

    test('a scenario threshold on a share, but not on a change', async () => {
        const scenarios = `scenarier {
        A när a1 < 110 % "Ändra arbetssättet"
        D när x >= -150 % och a1 >= 80 % "Avsluta uppföljningen"
    }`;
        await check('x: förändring problem före -> efter', [['SU043', 'A när a1 < 110 %', '110']], { scenarios });
    });

    test('message in Swedish with a decimal comma, and in English', async () => {
        const text = planWith('x: andel samtal i 1 målvärde 100.5 %');
        expect((await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU043')?.message).toBe('Värdet 100,5 % ligger utanför 0–100 %.');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU043')?.message).toBe('The value 100.5 % is outside 0–100 %.');
    });
});

describe('SU044: rate without a denominator', () => {
    test('takt without av', async () => {
        await check('x: takt för samtal = 1 per 1000', [['SU044', 'x: takt för samtal = 1 per 1000', 'takt för samtal = 1 per 1000']]);
    });

    test('takt with a population table', async () => {
        const extra = `referensdata {
        tabell befolkning "Befolkning 0–20 år" per kön { 1 = 5000 2 = 5200 3 = 40 }
    }`;
        await check('x: takt för samtal = 1 per 1000 av befolkning per kön', [], { extra });
    });
});

describe('SU045: analysis does not fit the variable type', () => {
    test.each<[string, string, readonly Expectation[]]>([
        ['beskriv of codes', 'x: beskriv kön', [['SU045', 'x: beskriv kön', 'kön']]],
        ['frekvens of a number', 'x: frekvens dygn', [['SU045', 'x: frekvens dygn', 'dygn']]],
        ['frekvens of free text', 'x: frekvens kommentar', [['SU045', 'x: frekvens kommentar', 'kommentar']]],
        ['måluppfyllelse of a scale', 'x: måluppfyllelse problem', [['SU045', 'x: måluppfyllelse problem', 'problem']]],
        ['andel i codes of a number', 'x: andel dygn i 1', [['SU045', 'x: andel dygn i 1', 'dygn']]],
        ['andel > of codes', 'x: andel kön > 1', [['SU045', 'x: andel kön > 1', 'kön']]],
        ['andel without a condition of a code list', 'x: andel kön', [['SU045', 'x: andel kön', 'kön']]],
        ['korstabell row of a number', 'x: korstabell dygn mot kön', [['SU045', 'x: korstabell dygn mot kön', 'dygn']]],
        ['jämför of codes', 'x: jämför audit, kön', [['SU045', 'x: jämför audit, kön', 'kön']]],
        ['tidsserie of yes/no', 'x: tidsserie samtal över vecka', [['SU045', 'x: tidsserie samtal över vecka', 'samtal']]],
        ['koncentration of a code list', 'x: koncentration kön topp 10 %', [['SU045', 'x: koncentration kön topp 10 %', 'kön']]],
        ['beskriv of an ordinal scale', 'x: beskriv problem', []],
        ['beskriv of a derived difference', 'x: beskriv skillnad_audit', []],
        ['frekvens of yes/no', 'x: frekvens samtal', []],
        ['måluppfyllelse of mål4', 'x: måluppfyllelse mål', []],
        ['andel of yes/no', 'x: andel samtal', []],
        ['andel > of a score', 'x: andel audit > 10', []],
        ['korstabell of codes', 'x: korstabell problem mot kön', []],
    ])('%s', async (_name, analysis, expected) => {
        await check(analysis, expected);
    });

    test('message and help name the kind and value set, in Swedish and English', async () => {
        const text = planWith('x: frekvens kommentar');
        const sv = (await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU045');
        expect(sv?.message).toBe('Analysen "x" (frekvens) kan inte användas på "kommentar", som är fritext.');
        expect(sv?.data).toMatchObject({ args: expect.arrayContaining([expect.stringContaining('Fritext kan inte sammanställas')]) });
        const en = (await validation.diagnostics(text, 'en')).find(d => d.code === 'SU045');
        expect(en?.message).toBe('The analysis "x" (frekvens) cannot be used on "kommentar", which is free text.');
    });
});

describe('SU046: phase means without phases', () => {
    test('fasmedel without faser', async () => {
        await check('x: fasmedel problem över vecka', [['SU046', 'x: fasmedel problem över vecka', 'fasmedel problem över vecka']]);
    });

    test('fasmedel with faser', async () => {
        await check('x: fasmedel problem över vecka', [], { extra: 'faser baslinje 2 veckor, intervention 3 veckor, nedtrappning 3 veckor' });
    });
});

describe('SU047: grouping without categories', () => {
    test.each<[string, string, readonly Expectation[]]>([
        ['per a number', 'x: beskriv problem per dygn', [['SU047', 'x: beskriv problem per dygn', 'dygn']]],
        ['the second per variable', 'x: beskriv problem per kön, ålder', [['SU047', 'x: beskriv problem per kön, ålder', 'ålder']]],
        ['mellan a count', 'x: jämför audit mellan ålder', [['SU047', 'x: jämför audit mellan ålder', 'ålder']]],
        ['korstabell column of a number', 'x: korstabell kön mot dygn', [['SU047', 'x: korstabell kön mot dygn', 'dygn']]],
        ['per codes', 'x: beskriv problem per kön', []],
    ])('%s', async (_name, analysis, expected) => {
        await check(analysis, expected);
    });

    test('message names the value set in the current language', async () => {
        const text = planWith('x: beskriv problem per dygn');
        expect((await validation.diagnostics(text, 'sv')).find(d => d.code === 'SU047')?.message)
            .toBe('"dygn" kan inte användas för att dela upp analysen "x" eftersom den är ett tal.');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU047')?.message)
            .toBe('"dygn" cannot split the analysis "x" because it is a number.');
    });
});
