import { beforeAll, describe, expect, it } from 'vitest';
import { Validation, plan, rangeWithin } from './plan-validation-helper.js';

const CODES = ['SU052'];

function withVariables(lines: string): string {
    return plan({
        variables: `variabler {
        använd test.samtal
        använd test.kön
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
        lokal problem "Problemgrad" : skala { 1 "Inga" 2 "Små" 3 "Stora" } vid före, efter
        frågegrupp trygghet "Trygghet" : skala { 1 "Stämmer inte" 2 "Stämmer delvis" 3 "Stämmer helt" } vid före, efter {
            t1 "Jag känner mig trygg hemma"
            t2 "Jag känner mig trygg i skolan"
            index summa
        }
        ${lines}
    }`,
    });
}

describe('derived validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    it.each([
        ['a sum of scale items', 'härledd summa_t "Summa trygghet" = summa(t1, t2)'],
        ['a mean of counts and an index', 'härledd medel_x "Medel" = medel(antal_samtal, trygghet)'],
        ['classes of a count that do not overlap', 'härledd grupp "Grupp" = klassa antal_samtal { 1 "Inga" 0..0 2 "Få" 1..3 3 "Många" 4..50 }'],
        ['a difference between two points', 'härledd förbättring "Förbättring" = skillnad problem före -> efter'],
        ['a chain of derivations', 'härledd a "A" = summa(t1, t2)\n        härledd b "B" = klassa a { 1 "Låg" 2..3 2 "Hög" 4..6 }'],
    ])('accepts %s', async (_case, lines) => {
        expect(await v.codes(withVariables(lines), CODES)).toEqual([]);
    });

    it.each([
        ['a sum over yes/no', 'härledd s "S" = summa(antal_samtal, samtal)', 'summa(antal_samtal, samtal)', 'samtal',
            'Den härledda variabeln "s" summerar "samtal", som är ja/nej.', 'The derived variable "s" sums "samtal", which is yes/no.'],
        ['a mean over a code list', 'härledd m "M" = medel(kön)', 'medel(kön)', 'kön',
            'Den härledda variabeln "m" räknar medelvärde av "kön", som är en kodlista.', 'The derived variable "m" averages "kön", which is a code list.'],
        ['classes of a code list', 'härledd g "G" = klassa kön { 1 "A" 1..2 }', 'klassa kön', 'kön',
            'Den härledda variabeln "g" klassar "kön", som är en kodlista.', 'The derived variable "g" classifies "kön", which is a code list.'],
        ['overlapping classes', 'härledd g "G" = klassa antal_samtal { 1 "Få" 0..3 2 "Många" 3..50 }', '2 "Många" 3..50', '3..50',
            'Den härledda variabeln "g" har klasserna 1 och 2 som överlappar (0..3 och 3..50).', 'The derived variable "g" has classes 1 and 2 that overlap (0..3 and 3..50).'],
        ['a difference of yes/no', 'härledd d "D" = skillnad samtal före -> efter', 'skillnad samtal', 'samtal',
            'Den härledda variabeln "d" räknar skillnaden i "samtal", som är ja/nej.', 'The derived variable "d" takes the difference of "samtal", which is yes/no.'],
        ['a difference of one point with itself', 'härledd d "D" = skillnad problem före -> före', '-> före', 'före',
            'Den härledda variabeln "d" jämför mätpunkten "före" med sig själv.', 'The derived variable "d" compares the point "före" with itself.'],
        ['a derivation of itself', 'härledd s "S" = summa(antal_samtal, s)', 'summa(antal_samtal, s)', 's',
            'Den härledda variabeln "s" beror på sig själv.', 'The derived variable "s" depends on itself.'],
    ])('SU052: %s', async (_case, lines, context, part, sv, en) => {
        const text = withVariables(lines);
        const range = rangeWithin(text, context, part, 1, true); // the last `part` in the context
        expect(await v.codes(text, CODES)).toEqual([`SU052 ${range}`]);
        expect((await v.diagnostics(text, 'sv')).find(d => d.code === 'SU052')?.message).toBe(sv);
        expect((await v.diagnostics(text, 'en')).find(d => d.code === 'SU052')?.message).toBe(en);
    });

    it('SU052: a cycle through two derivations is reported on each, naming the way round', async () => {
        const text = withVariables('härledd a "A" = summa(antal_samtal, b)\n        härledd b "B" = medel(a, antal_samtal)');
        expect(await v.codes(text, CODES)).toEqual([
            `SU052 ${rangeWithin(text, 'summa(antal_samtal, b)', 'b', 1, true)}`,
            `SU052 ${rangeWithin(text, 'medel(a, antal_samtal)', 'a', 1)}`,
        ].sort());
        const messages = (await v.diagnostics(text, 'sv')).filter(d => d.code === 'SU052').map(d => d.message).sort();
        expect(messages).toEqual([
            'Den härledda variabeln "a" beror på sig själv via "b".',
            'Den härledda variabeln "b" beror på sig själv via "a".',
        ]);
    });

    it('SU052: an index over statements that are not numbers, on `index`', async () => {
        const text = withVariables('frågegrupp insatser "Insatser" : ja/nej {\n            i1 "Samtal"\n            i2 "Hembesök"\n            index medel\n        }');
        expect(await v.codes(text, CODES)).toEqual([`SU052 ${rangeWithin(text, 'index medel', 'medel')}`]);
        expect((await v.diagnostics(text, 'sv')).find(d => d.code === 'SU052')?.message)
            .toBe('Den härledda variabeln "insatser" räknar medelvärde av frågor som är ja/nej.');
    });
});
