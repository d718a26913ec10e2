import { describe, expect, test } from 'vitest';
import { TEST_CATALOGUE, Validation, plan } from './plan-validation-helper.js';
import { rangeWithin } from './range-within.js';
import { identifierIn } from '../../../src/language/validators/privacy-validator.js';

const validation = new Validation();

/** A plan whose extra variables are all used by one analysis each, so only privacy is at stake. */
function planWith(variables: readonly string[], parts: Parameters<typeof plan>[0] = {}): string {
    const names = variables.map(v => /^\s*(?:lokal|använd)\s+(?:\S+\s+som\s+)?([^\s"]+)/.exec(v)?.[1]?.replace(/^test\./, '') ?? '');
    return plan({
        variables: `variabler {
        använd test.samtal
        ${variables.join('\n        ')}
    }`,
        analyses: `analyser {
        a1: andel samtal i 1 målvärde 80 %
        ${names.map((name, i) => `u${i}: frekvens ${name}`).join('\n        ')}
    }`,
        ...parts,
    });
}

describe('SU060: direct identifiers', () => {
    test.each<[string, string, string | undefined]>([
        ['id', 'lokal personnummer "Id-uppgift" : text', 'personnummer'],
        ['label', 'lokal pnr "Personnummer" : text', '"Personnummer"'],
        ['an id part split at _', 'lokal barnets_namn "Barnet" : text', 'barnets_namn'],
        ['e-post as a word of the label', 'lokal kontakt "Förälderns e-post" : text', '"Förälderns e-post"'],
        ['case and diacritics ignored', 'lokal fornamn "Uppgift" : text', 'fornamn'],
        ['upper case label with diacritics', 'lokal x1 "FÖRNAMN" : text', '"FÖRNAMN"'],
        ['mejl in a number variable', 'lokal mejl "Mejladress" : tal', 'mejl'],
        ['a keyword inside a longer word is not a whole word', 'lokal telefonsamtal "Antal telefonsamtal" : antal 0..20', undefined],
        ['a coded variable cannot hold an identifier', 'lokal telefonkontakt "Kontakt via telefon" : ja/nej', undefined],
        ['a code list labelled with a keyword', 'lokal namnbyte "Byte av namn" : val { 1 "Ja" 2 "Nej" }', undefined],
    ])('%s', async (_name, variable, underlined) => {
        const text = planWith([variable]);
        const wanted = underlined ? [`SU060 ${rangeWithin(text, variable, underlined)}`] : [];
        expect(await validation.codes(text, ['SU060'])).toEqual(wanted);
    });

    test('catalogue variables by their id and label', async () => {
        const catalogue = {
            file: '/ws/reg.sucat',
            text: `katalog reg version "1" {
    variabel pnr { etikett "Barnets personnummer" värdemängd text kommentar "Syntetisk testvariabel." }
    variabel gatuadress { etikett "Bostad" värdemängd text kommentar "Syntetisk testvariabel." }
    variabel placering { etikett "Placeringsform" värdemängd { 1 "Familjehem" 2 "HVB" } kommentar "Syntetisk testvariabel." }
}`,
        };
        const text = planWith(['använd reg.pnr', 'använd reg.gatuadress som bostad', 'använd reg.placering'], {
            head: 'status utkast\n    syfte verksamhetsutveckling\n    fråga "Hur placeras barnen?"\n    nivå verksamhet\n    katalog test version "1"\n    katalog reg version "1"',
        });
        const found = (await validation.diagnostics([{ file: '/ws/plan.suplan', text }, catalogue, TEST_CATALOGUE], 'sv', false))
            .filter(d => d.code === 'SU060');
        expect(found.map(d => `${d.range} ${d.message}`).sort()).toEqual([
            `${rangeWithin(text, 'använd reg.pnr', 'reg.pnr')} "pnr" ser ut att vara en direkt identifierare (personnummer).`,
            `${rangeWithin(text, 'använd reg.gatuadress', 'reg.gatuadress')} "bostad" ser ut att vara en direkt identifierare (gatuadress).`,
        ].sort());
        expect(found.every(d => d.severity === 1)).toBe(true);
    });

    test('the keyword table matches whole words only', () => {
        expect(identifierIn('Vårdnadshavarens namn', 'label')).toBe('namn');
        expect(identifierIn('Namnbyte', 'label')).toBeUndefined();
        expect(identifierIn('E-POST', 'label')).toBe('e-post');
        expect(identifierIn('kontakt_epost', 'id')).toBe('epost');
        expect(identifierIn('mobilnummer_2', 'id')).toBe('mobilnummer');
        expect(identifierIn('automobil', 'id')).toBeUndefined();
    });
});

describe('SU061, SU062: free text', () => {
    test.each<[string, string, readonly string[]]>([
        ['neither justification nor question', 'lokal k "Kommentar" : text', ['SU061', 'SU062']],
        ['justification only', 'lokal k "Kommentar" : text motivering "Behövs för att förstå svaret"', ['SU062']],
        ['question only', 'lokal k "Kommentar" : text förtydligar samtal', ['SU061']],
        ['an empty justification', 'lokal k "Kommentar" : text förtydligar samtal motivering " "', ['SU061']],
        ['both', 'lokal k "Kommentar" : text förtydligar samtal motivering "Samtal sker på olika sätt"', []],
    ])('%s', async (_name, variable, codes) => {
        const text = plan({
            variables: `variabler {\n        använd test.samtal\n        ${variable}\n    }`,
            analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n    }',
        });
        const range = rangeWithin(text, 'lokal k', 'k', 2);
        expect(await validation.codes(text, ['SU061', 'SU062'])).toEqual(codes.map(code => `${code} ${range}`));
    });

    test('a catalogue free-text variable, and the warnings can be accepted for it', async () => {
        const text = plan({
            variables: 'variabler {\n        använd test.samtal\n        använd test.övrigt\n    }',
            analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80 %\n    }',
            extra: 'acceptera SU061 för övrigt "Katalogens fritext, används bara för att förtydliga samtal"',
        });
        const found = (await validation.diagnostics(text)).filter(d => d.code === 'SU061' || d.code === 'SU062');
        const range = rangeWithin(text, 'använd test.övrigt', 'test.övrigt');
        expect(found.map(d => `${d.code} ${d.range} ${d.severity}`).sort()).toEqual([`SU061 ${range} 3`, `SU062 ${range} 2`]);
        expect(found.find(d => d.code === 'SU062')?.message).toBe('Fritextfältet "övrigt" förtydligar ingen fast fråga.');
    });
});

describe('SU063: minimum cell below 3', () => {
    test.each<[number, boolean]>([[2, true], [0, true], [3, false], [5, false]])('minsta cell %i', async (minCell, expected) => {
        const privacy = `integritet {
        minsta cell ${minCell}
        rättslig grund "Uppföljning enligt gällande lag"
        personuppgiftsansvarig "Socialnämnden"
        lagring "Verksamhetssystemet"
        gallring "Efter fem år"
    }`;
        const text = plan({ privacy });
        expect(await validation.codes(text, ['SU063'])).toEqual(expected ? [`SU063 ${rangeWithin(text, `minsta cell ${minCell}`, String(minCell))}`] : []);
    });
});

describe('SU066: privacy section incomplete', () => {
    test('no integritet block: on the plan title, naming everything', async () => {
        const text = plan({ privacy: '' });
        const sv = (await validation.diagnostics(text, 'sv')).filter(d => d.code === 'SU066');
        expect(sv.map(d => d.range)).toEqual([rangeWithin(text, '"Testplan"')]);
        expect(sv[0].message).toBe('Planen anger inte något integritetsavsnitt (rättslig grund, personuppgiftsansvarig, lagring och gallring).');
        const en = (await validation.diagnostics(text, 'en')).find(d => d.code === 'SU066');
        expect(en?.message).toBe('The plan does not state a privacy section (legal basis, controller, storage and retention).');
    });

    test('a block without storage and retention: on the block, naming what is missing', async () => {
        const privacy = `integritet {
        minsta cell 5
        rättslig grund "Uppföljning enligt gällande lag"
        personuppgiftsansvarig "Socialnämnden"
    }`;
        const text = plan({ privacy });
        const sv = (await validation.diagnostics(text, 'sv')).filter(d => d.code === 'SU066');
        expect(sv.map(d => d.range)).toEqual([rangeWithin(text, privacy)]);
        expect(sv[0].message).toBe('Planen anger inte lagring eller gallring.');
        expect((await validation.diagnostics(text, 'en')).find(d => d.code === 'SU066')?.message)
            .toBe('The plan does not state storage (lagring) or retention (gallring).');
    });

    test('a complete block', async () => {
        expect(await validation.codes(plan(), ['SU066'])).toEqual([]);
    });

    test('with a syntax error elsewhere, a plan without the section still gets it; a broken section does not', async () => {
        const broken = plan({ privacy: '', analyses: 'analyser {\n        a1: andel samtal i 1 målvärde 80,5 %\n        a2: beskriv antal_samtal\n    }' });
        const codes = (await validation.diagnostics(broken)).map(d => d.code);
        expect(codes).toContain('SU001');
        expect(codes).toContain('SU066');
        const inside = plan({ privacy: 'integritet {\n        minsta cell\n        rättslig grund "Lag"\n    }' });
        const insideCodes = (await validation.diagnostics(inside)).map(d => d.code);
        expect(insideCodes).toContain('SU001');
        expect(insideCodes).not.toContain('SU066');
    });
});
