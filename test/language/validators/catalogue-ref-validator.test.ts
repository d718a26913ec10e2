import { beforeAll, describe, expect, it } from 'vitest';
import { Validation, plan, rangeOf } from './plan-validation-helper.js';

const CODES = ['SU010', 'SU011'];

function catalogue(name: string, version: string): { file: string; text: string } {
    return {
        file: `/ws/${name}-${version}.sucat`,
        text: `katalog ${name} version "${version}" {
    variabel samtal {
        etikett "Enskilda samtal"
        värdemängd ja/nej
        kommentar "Samtal med barnet."
    }
}
`,
    };
}

const BBIC = [catalogue('bbic', '2023'), catalogue('bbic', '2024')];

function pinned(pin: string): string {
    return plan({
        head: `status utkast
    syfte verksamhetsutveckling
    fråga "Får barnen enskilda samtal under utredningen?"
    ${pin}`,
    });
}

describe('catalogue reference validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    async function found(text: string, language: 'sv' | 'en' = 'sv') {
        const all = await v.diagnostics([{ file: '/ws/plan.suplan', text }, ...BBIC], language);
        return all.filter(d => CODES.includes(d.code));
    }

    it.each([
        ['katalog test version "1"'],
        ['katalog test version "1"\n    katalog bbic version "2024"'],
    ])('accepts pins that resolve: %s', async pin => {
        expect(await found(pinned(pin))).toEqual([]);
    });

    it.each([
        ['SU010', 'katalog bbik version "2023"', 'bbik'],
        ['SU010', 'katalog socialstyrelsen version "1"', 'socialstyrelsen'],
        ['SU011', 'katalog bbic version "2022"', '"2022"'],
        ['SU011', 'katalog test version "2"', '"2"'],
    ])('%s for `%s`', async (code, pin, snippet) => {
        const text = pinned(pin);
        expect((await found(text)).map(d => `${d.code} ${d.range}`)).toEqual([`${code} ${rangeOf(text, snippet)}`]);
    });

    it('SU010 suggests a catalogue in the workspace, in both languages, with a replace fix', async () => {
        const text = pinned('katalog bbik version "2023"');
        const [sv] = await found(text, 'sv');
        expect(sv.message).toBe('Katalogen "bbik" finns inte i arbetsytan. Menade du "bbic"?');
        expect(sv.data).toMatchObject({ fix: { kind: 'replace', suggestions: ['bbic'] } });
        const [en] = await found(text, 'en');
        expect(en.message).toBe('The catalogue "bbik" is not in the workspace. Did you mean "bbic"?');
    });

    it('SU010 without any near name says so plainly', async () => {
        const [d] = await found(pinned('katalog socialstyrelsen version "1"'));
        expect(d.message).toBe('Katalogen "socialstyrelsen" finns inte i arbetsytan.');
    });

    it('SU011 lists the available versions and offers them, newest first', async () => {
        const text = pinned('katalog bbic version "2022"');
        const [sv] = await found(text, 'sv');
        expect(sv.message).toBe('Katalogen "bbic" finns inte i version "2022". Tillgängliga versioner: "2023", "2024".');
        expect(sv.data).toMatchObject({ fix: { kind: 'replace', suggestions: ['"2024"', '"2023"'] } });
        const [en] = await found(text, 'en');
        expect(en.message).toBe('The catalogue "bbic" has no version "2022". Available versions: "2023", "2024".');
    });

    it('an unresolved pin is explained by SU010 alone, not by SU012 on every variable', async () => {
        const text = pinned('katalog bbik version "2023"');
        const codes = (await v.diagnostics([{ file: '/ws/plan.suplan', text }, ...BBIC])).map(d => d.code);
        expect(codes).toContain('SU010');
        expect(codes).not.toContain('SU012');
    });

    it('the resolver lists each catalogue name once, and forgets removed catalogues', async () => {
        const resolver = v.services.suplan.catalogue.CatalogueResolver;
        await v.diagnostics([{ file: '/ws/plan.suplan', text: pinned('katalog test version "1"') }, ...BBIC]);
        expect([...resolver.names()].sort()).toEqual(['bbic', 'test']);
        await v.diagnostics(pinned('katalog test version "1"'));
        expect(resolver.names()).toEqual(['test']);
    });
});
