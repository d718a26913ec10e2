import { describe, expect, test } from 'vitest';
import { Validation, plan } from './plan-validation-helper.js';
import { rangeWithin } from './range-within.js';

const validation = new Validation();
const CODES = ['SU070', 'SU071', 'SU072'];

/** The default plan (clean) plus acceptances and, optionally, an unused variable that raises SU040. */
function planWith(acceptances: string, unusedVariable = false): string {
    return plan({
        variables: `variabler {
        använd test.samtal
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
        ${unusedVariable ? 'lokal tolk "Tolk behövdes" : ja/nej' : ''}
    }`,
        extra: acceptances,
    });
}

describe('acceptances', () => {
    test.each<[string, string, boolean, ReadonlyArray<readonly [string, string, string]>]>([
        ['a used acceptance of a warning', 'acceptera SU040 för tolk "Behövs nästa år"', true, []],
        ['an acceptance of a warning without a subject', 'acceptera SU040 "Behövs nästa år"', true, []],
        ['SU070: an unknown code', 'acceptera SU999 "Okänd kod"', false, [['SU070', 'acceptera SU999', 'SU999']]],
        ['SU070: a code name that is not in the table', 'acceptera toString "Ingen kod"', false, [['SU070', 'acceptera toString', 'toString']]],
        ['SU070: an error', 'acceptera SU041 "Felet är känt"', false, [['SU070', 'acceptera SU041', 'SU041']]],
        ['SU070: a hint', 'acceptera SU072 "Tipset är känt"', false, [['SU070', 'acceptera SU072', 'SU072']]],
        ['SU071: an empty reason', 'acceptera SU040 för tolk ""', true, [['SU071', 'acceptera SU040 för tolk ""', '""']]],
        ['SU071: a blank reason', 'acceptera SU040 "  "', true, [['SU071', 'acceptera SU040 "  "', '"  "']]],
        ['SU072: no such warning', 'acceptera SU031 "Säsongsvariation är känd"', false, [['SU072', 'acceptera SU031', 'SU031']]],
        ['SU072: no such warning for that subject', 'acceptera SU040 för samtal "Används inte"', true, [['SU072', 'acceptera SU040 för samtal', 'SU040']]],
    ])('%s', async (_name, acceptances, unusedVariable, expected) => {
        const text = planWith(acceptances, unusedVariable);
        const wanted = expected.map(([code, line, inner]) => `${code} ${rangeWithin(text, line, inner)}`).sort();
        expect(await validation.codes(text, CODES)).toEqual(wanted);
    });

    test('SU070 says why, in Swedish and English', async () => {
        const text = planWith('acceptera SU041 "Felet är känt"\n    acceptera SU999 "Okänd kod"');
        const sv = (await validation.diagnostics(text, 'sv')).filter(d => d.code === 'SU070').map(d => d.message).sort();
        expect(sv).toEqual(['SU041 kan inte accepteras: det är ett fel, inte en varning.', 'SU999 kan inte accepteras: koden finns inte.']);
        const en = (await validation.diagnostics(text, 'en')).filter(d => d.code === 'SU070').map(d => d.message).sort();
        expect(en).toEqual(['SU041 cannot be accepted: it is an error, not a warning.', 'SU999 cannot be accepted: there is no such code.']);
    });

    test('SU071 and SU072 messages', async () => {
        const text = planWith('acceptera SU040 för tolk ""\n    acceptera SU040 för samtal "Används inte"', true);
        const found = await validation.diagnostics(text, 'sv');
        expect(found.find(d => d.code === 'SU071')?.message).toBe('Acceptansen av SU040 saknar motivering.');
        const hint = found.find(d => d.code === 'SU072');
        expect(hint?.message).toBe('Ingen varning SU040 finns att acceptera för "samtal".');
        expect(hint?.severity).toBe(4);
    });
});
