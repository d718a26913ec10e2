import { beforeAll, describe, expect, it } from 'vitest';
import { Validation, plan, rangeOf, rangeWithin, type PlanParts } from './plan-validation-helper.js';

const CODES = ['SU020', 'SU021', 'SU022', 'SU023', 'SU024', 'SU025', 'SU027'];

/** Variables of every kind the value checks care about; `extra` lines go inside the block. */
function variables(extra = ''): string {
    return `variabler {
        använd test.samtal
        använd test.kön
        använd test.datum_akt
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
        lokal mål "Måluppfyllelse" : mål4
        lokal trygg "Känner sig trygg" : skala { 1 "Aldrig" 2 "Ibland" 3 "Ofta" 4 "Alltid" }
        ${extra}
    }`;
}

const REFINED = `använd test.samtal fördjupa {
            11 "Ja – sms" -> 1
            12 "Ja – telefon" -> 1
            2 "Nej" -> 2
        }`;

function refinedPlan(refinement: string, analyses = 'analyser {\n        a1: andel samtal i 1\n        a2: beskriv antal_samtal\n    }'): string {
    return plan({
        variables: `variabler {
        ${refinement}
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
    }`,
        analyses,
    });
}

describe('value validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    it.each<[string, PlanParts]>([
        ['codes in conditions, shares and goal attainment', {
            variables: variables('lokal uppföljd "Uppföljd" : ja/nej när kön i 1, 2 och trygg >= 3'),
            analyses: 'analyser {\n        a1: andel samtal i 1\n        a2: andel kön = 3\n        a3: måluppfyllelse mål nått 1, 2\n        a4: beskriv antal_samtal bland kön = 1\n    }',
        }],
        ['extract code mappings and reference rows', {
            variables: variables(),
            extra: 'uttag "Verksamhetssystemet" {\n        kolumn "KON" -> kön { "F" -> 1 "P" -> 2 "X" -> 3 }\n    }\n    referensdata {\n        tabell befolkning "Invånare" per kön { 1 = 1200 2 = 1250 }\n    }',
        }],
        ['ordered comparisons on scales, counts and goal scales', {
            variables: variables('lokal mer "Fler samtal" : ja/nej när antal_samtal > 3 och mål <= 2 och trygg < 3'),
        }],
    ])('accepts %s', async (_case, parts) => {
        expect(await v.codes(plan(parts), CODES)).toEqual([]);
    });

    it('accepts a refinement that covers every original, and original or refined codes in conditions', async () => {
        const text = refinedPlan(REFINED, 'analyser {\n        a1: andel samtal i 11, 12\n        a2: beskriv antal_samtal bland samtal = 1\n    }');
        expect(await v.codes(text, CODES)).toEqual([]);
    });

    it.each<[string, string, PlanParts, string, string]>([
        ['`när x = code`', 'SU020', { variables: variables('lokal extra "Extra" : ja/nej när samtal = 3') }, 'när samtal = 3', '3'],
        ['`när x i codes`', 'SU020', { variables: variables('lokal extra "Extra" : ja/nej när kön i 1, 4') }, 'när kön i 1, 4', '4'],
        ['`bland x = code`', 'SU020', { variables: variables(), analyses: 'analyser {\n        a1: beskriv antal_samtal bland kön = 7\n    }' }, 'kön = 7', '7'],
        ['`andel x i codes`', 'SU020', { variables: variables(), analyses: 'analyser {\n        a1: andel kön i 2, 5\n    }' }, 'andel kön i 2, 5', '5'],
        ['`måluppfyllelse x nått codes`', 'SU020', { variables: variables(), analyses: 'analyser {\n        a1: måluppfyllelse mål nått 1, 6\n    }' }, 'nått 1, 6', '6'],
        ['an extract code mapping', 'SU020', { variables: variables(), extra: 'uttag "Verksamhetssystemet" {\n        kolumn "KON" -> kön { "F" -> 1 "K" -> 9 }\n    }' }, '"K" -> 9', '9'],
        ['`<` on a code list', 'SU027', { variables: variables('lokal extra "Extra" : ja/nej när kön < 2') }, 'kön < 2', '<'],
        ['`>=` on yes/no', 'SU027', { variables: variables('lokal extra "Extra" : ja/nej när samtal >= 1') }, 'samtal >= 1', '>='],
        ['`i` on a count', 'SU027', { variables: variables('lokal extra "Extra" : ja/nej när antal_samtal i 1, 2') }, 'antal_samtal i 1, 2', 'antal_samtal i 1, 2'],
        ['a comparison on a date', 'SU027', { variables: variables('lokal extra "Extra" : ja/nej när datum_akt = 3') }, 'datum_akt = 3', '='],
        ['a reversed count range', 'SU025', { variables: variables('lokal extra "Extra" : antal 10..0') }, 'antal 10..0', '10..0'],
        ['a reversed number range', 'SU025', { variables: variables('lokal extra "Extra" : tal 5..1 enhet "timmar"') }, 'tal 5..1', '5..1'],
        ['a reversed score range', 'SU025', { variables: variables('lokal extra "AUDIT" : poäng 40..0 instrument "AUDIT"') }, 'poäng 40..0', '40..0'],
        ['a reversed class range', 'SU025', { variables: variables('härledd grupp "Grupp" = klassa antal_samtal { 1 "Få" 0..3 2 "Många" 9..4 }') }, '2 "Många" 9..4', '9..4'],
        ['a code twice in a choice', 'SU024', { variables: variables('lokal extra "Extra" : val { 1 "A" 2 "B" 1 "C" }') }, '1 "C"', '1'],
        ['a code twice in a named value set', 'SU024', { variables: variables(), valueSets: 'värdemängder {\n        instämmer { 1 "Nej" 2 "Delvis" 2 "Ja" }\n    }' }, '2 "Ja"', '2'],
        ['a code twice in classes', 'SU024', { variables: variables('härledd grupp "Grupp" = klassa antal_samtal { 1 "Få" 0..3 1 "Många" 4..50 }') }, '1 "Många"', '1'],
    ])('%s: %s', async (_case, code, parts, context, part) => {
        const text = plan(parts);
        expect(await v.codes(text, CODES)).toEqual([`${code} ${rangeWithin(text, context, part)}`]);
    });

    it('SU020 accepts original and refined codes of a refined variable, and names both in the message', async () => {
        const text = refinedPlan(REFINED, 'analyser {\n        a1: andel samtal i 13\n        a2: beskriv antal_samtal\n    }');
        expect(await v.codes(text, CODES)).toEqual([`SU020 ${rangeWithin(text, 'andel samtal i 13', '13')}`]);
        const [d] = (await v.diagnostics(text, 'sv')).filter(x => x.code === 'SU020');
        expect(d.message).toBe('Koden 13 finns inte i värdemängden för "samtal" (11 "Ja – sms", 12 "Ja – telefon", 2 "Nej", 1 "Ja").');
    });

    it('SU020 message in both languages', async () => {
        const text = plan({ variables: variables('lokal extra "Extra" : ja/nej när kön i 4') });
        const [sv] = (await v.diagnostics(text, 'sv')).filter(x => x.code === 'SU020');
        expect(sv.message).toBe('Koden 4 finns inte i värdemängden för "kön" (1 "Flicka", 2 "Pojke", 3 "Annat eller okänt").');
        const [en] = (await v.diagnostics(text, 'en')).filter(x => x.code === 'SU020');
        expect(en.message).toBe('The code 4 is not in the value set of "kön" (1 "Flicka", 2 "Pojke", 3 "Annat eller okänt").');
    });

    it('SU021: a refined value mapping to a code the catalogue lacks, on that code', async () => {
        const text = refinedPlan(REFINED.replace('2 "Nej" -> 2', '2 "Nej" -> 2\n            3 "Vet ej" -> 3'));
        expect(await v.codes(text, CODES)).toEqual([`SU021 ${rangeWithin(text, '3 "Vet ej" -> 3', '3', 1, true)}`]);
        const [d] = (await v.diagnostics(text, 'en')).filter(x => x.code === 'SU021');
        expect(d.message).toBe('The refined code 3 maps to the original code 3, which is not in "samtal" (1 "Ja", 2 "Nej").');
    });

    it('SU022: each original code without a refined value, on the catalogue reference, with a fix', async () => {
        const text = refinedPlan('använd test.kön fördjupa {\n            11 "Flicka" -> 1\n        }\n        använd test.samtal');
        const range = rangeOf(text, 'test.kön');
        expect(await v.codes(text, CODES)).toEqual([`SU022 ${range}`, `SU022 ${range}`]);
        const found = (await v.diagnostics(text, 'sv')).filter(x => x.code === 'SU022');
        expect(found.map(d => d.message)).toEqual([
            'Originalvärdet 2 "Pojke" i "kön" täcks inte av något fördjupat värde.',
            'Originalvärdet 3 "Annat eller okänt" i "kön" täcks inte av något fördjupat värde.',
        ]);
        expect(found.map(d => d.data)).toMatchObject([
            { fix: { kind: 'addRefinedValue', original: 2, label: 'Pojke' } },
            { fix: { kind: 'addRefinedValue', original: 3, label: 'Annat eller okänt' } },
        ]);
    });

    it('SU023: refining a variable without codes, on the catalogue reference', async () => {
        const text = refinedPlan('använd test.ålder fördjupa {\n            1 "Under 13" -> 1\n        }\n        använd test.samtal');
        expect(await v.codes(text, CODES)).toEqual([`SU023 ${rangeOf(text, 'test.ålder')}`]);
        expect((await v.diagnostics(text, 'sv')).find(x => x.code === 'SU023')?.message).toBe('"ålder" har värdemängden ett antal och kan inte fördjupas med koder.');
        expect((await v.diagnostics(text, 'en')).find(x => x.code === 'SU023')?.message).toBe('"ålder" has the value set a count and cannot be refined with codes.');
    });

    it('SU024: a refined code given twice', async () => {
        const text = refinedPlan(REFINED.replace('12 "Ja – telefon"', '11 "Ja – telefon"'));
        expect(await v.codes(text, CODES)).toEqual([`SU024 ${rangeWithin(text, '11 "Ja – telefon"', '11')}`]);
        expect((await v.diagnostics(text, 'sv')).find(x => x.code === 'SU024')?.message).toBe('Koden 11 förekommer flera gånger i "samtal".');
    });

    it('SU027 messages say what the condition does and what the variable is', async () => {
        const ordered = plan({ variables: variables('lokal extra "Extra" : ja/nej när kön < 2') });
        expect((await v.diagnostics(ordered, 'sv')).find(x => x.code === 'SU027')?.message)
            .toBe('Villkoret på "kön" jämför koder med `<`, men variabeln är en kodlista utan ordning.');
        expect((await v.diagnostics(ordered, 'en')).find(x => x.code === 'SU027')?.message)
            .toBe('The condition on "kön" compares codes with `<`, but the variable is a code list without order.');
        const codes = plan({ variables: variables('lokal extra "Extra" : ja/nej när antal_samtal i 1, 2') });
        expect((await v.diagnostics(codes, 'sv')).find(x => x.code === 'SU027')?.message)
            .toBe('Villkoret på "antal_samtal" väljer koder med `i`, men variabeln är ett antal.');
    });
});
