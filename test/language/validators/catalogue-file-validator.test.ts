import { beforeAll, describe, expect, it } from 'vitest';
import { Validation, rangeOf, rangeWithin } from './plan-validation-helper.js';

const CODES = ['SU024', 'SU025', 'SU034', 'SU080', 'SU081', 'SU082', 'SU083'];

/** A complete catalogue variable; `parts` replaces its body. */
function variable(name: string, parts?: string): string {
    return `    variabel ${name} {
${parts ?? `        etikett "Etikett för ${name}"
        värdemängd ja/nej
        kommentar "Definition av ${name}."`}
    }`;
}

function catalogue(body: string, head = 'katalog exempel "Exempelkatalog" version "2024" utgiven 2024-03-01'): string {
    return `${head} {\n${body}\n}\n`;
}

describe('catalogue file validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    async function found(text: string, others: readonly string[] = [], language: 'sv' | 'en' = 'sv') {
        const sources = [text, ...others].map((t, i) => ({ file: `/ws/katalog-${i}.sucat`, text: t }));
        return (await v.diagnostics(sources, language, false)).filter(d => CODES.includes(d.code) || d.code === 'SU001');
    }

    async function codes(text: string, others: readonly string[] = []): Promise<string[]> {
        return (await found(text, others)).map(d => `${d.code} ${d.range}`).sort();
    }

    it('accepts a complete catalogue', async () => {
        expect(await codes(catalogue([variable('a'), variable('b')].join('\n')))).toEqual([]);
    });

    it('SU080: a variable id given twice, on the second id', async () => {
        const text = catalogue([variable('a'), variable('b'), variable('a', '        etikett "Annan"\n        värdemängd datum\n        kommentar "Annan."')].join('\n'));
        expect(await codes(text)).toEqual([`SU080 ${rangeWithin(text, 'variabel a', 'a', 2, true)}`]);
        const [d] = await found(text, [], 'en');
        expect(d.message).toBe('The variable "a" is already in the catalogue "exempel".');
    });

    it.each([
        ['etikett', '        värdemängd ja/nej\n        kommentar "K."', 'saknar etikett', 'has no label (etikett)'],
        ['värdemängd', '        etikett "E"\n        kommentar "K."', 'saknar värdemängd', 'has no value set (värdemängd)'],
        ['kommentar', '        etikett "E"\n        värdemängd datum', 'saknar kommentar', 'has no comment (kommentar)'],
        ['all three', '        processteg insats', 'saknar etikett, värdemängd och kommentar', 'has no label (etikett), value set (värdemängd) and comment (kommentar)'],
    ])('SU081: without %s, on the id', async (_case, parts, sv, en) => {
        const text = catalogue([variable('a'), variable('ofullständig', parts)].join('\n'));
        expect(await codes(text)).toEqual([`SU081 ${rangeOf(text, 'ofullständig')}`]);
        expect((await found(text, [], 'sv'))[0].message).toBe(`Katalogvariabeln "ofullständig" ${sv}.`);
        expect((await found(text, [], 'en'))[0].message).toBe(`The catalogue variable "ofullständig" ${en}.`);
    });

    it('SU082: the same name and version in two files, on each version', async () => {
        const text = catalogue(variable('a'));
        const other = catalogue(variable('b'));
        expect(await codes(text, [other])).toEqual([`SU082 ${rangeOf(text, '"2024"')}`]);
        const all = await v.diagnostics([{ file: '/ws/a.sucat', text }, { file: '/ws/b.sucat', text: other }], 'sv', false);
        expect(all.map(d => d.message)).toEqual(['Katalogen "exempel" version "2024" finns i flera filer.']);
    });

    it('SU082 not for two versions of one catalogue side by side', async () => {
        const other = catalogue(variable('a'), 'katalog exempel version "2023"');
        expect(await codes(catalogue(variable('a')), [other])).toEqual([]);
    });

    it('SU083: a label used twice is a warning on the second label', async () => {
        const text = catalogue([
            variable('a', '        etikett "Enskilda samtal"\n        värdemängd ja/nej\n        kommentar "Samtal."'),
            variable('b', '        etikett "Enskilda samtal"\n        värdemängd ja/nej\n        kommentar "Möten."'),
        ].join('\n'));
        expect(await codes(text)).toEqual([`SU083 ${rangeOf(text, '"Enskilda samtal"', 2)}`]);
        const [d] = await found(text);
        expect(d.severity).toBe(2);
        expect(d.message).toBe('Etiketten "Enskilda samtal" används redan av "a".');
    });

    it.each([
        ['SU024', 'värdemängd { 1 "Flicka" 2 "Pojke" 2 "Annat" }', '2 "Annat"', '2'],
        ['SU025', 'värdemängd antal 20..0', 'antal 20..0', '20..0'],
        ['SU025', 'värdemängd tal 10..1 enhet "dygn"', 'tal 10..1', '10..1'],
    ])('%s in a value set', async (code, valueSet, context, part) => {
        const text = catalogue(variable('a', `        etikett "E"\n        ${valueSet}\n        kommentar "K."`));
        expect(await codes(text)).toEqual([`${code} ${rangeWithin(text, context, part)}`]);
    });

    it('SU034: a publication date that does not exist', async () => {
        const text = catalogue(variable('a'), 'katalog exempel version "2024" utgiven 2024-02-30');
        expect(await codes(text)).toEqual([`SU034 ${rangeOf(text, '2024-02-30')}`]);
    });
});
