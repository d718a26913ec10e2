import { beforeAll, describe, expect, it } from 'vitest';
import { Validation, plan, rangeOf } from './plan-validation-helper.js';

const CODES = ['SU004', 'SU005', 'SU007', 'SU008', 'SU009'];

function head(lines: { syfte?: string; nivå?: string; status?: string; beslut?: string }): string {
    return [
        'version "1.0"',
        `status ${lines.status ?? 'utkast'}`,
        lines.beslut ?? '',
        `syfte ${lines.syfte ?? 'verksamhetsutveckling'}`,
        'fråga "Får barnen enskilda samtal under utredningen?"',
        `nivå ${lines.nivå ?? 'verksamhet'}`,
        'katalog test version "1"',
    ].filter(Boolean).join('\n    ');
}

describe('purpose validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    it.each(['kontroll', 'kvalitetssäkring', 'jämförelse', 'verksamhetsutveckling', 'lärande'])('accepts the purpose %s', async purpose => {
        expect(await v.codes(plan({ head: head({ syfte: purpose }) }), CODES)).toEqual([]);
    });

    it.each([
        ['SU004', { syfte: 'oklart' }, 'oklart'],
        ['SU005', { syfte: 'kvalitetssakring' }, 'kvalitetssakring'],
        ['SU005', { syfte: 'statistik' }, 'statistik'],
        ['SU007', { nivå: 'kommun' }, 'kommun'],
        ['SU007', { nivå: 'nationel' }, 'nationel'],
        ['SU008', { status: 'klar' }, 'klar'],
        ['SU009', { status: 'fastställd' }, 'fastställd'],
    ])('%s for %o', async (code, lines, snippet) => {
        const text = plan({ head: head(lines) });
        expect(await v.codes(text, CODES)).toEqual([`${code} ${rangeOf(text, snippet)}`]);
    });

    it('SU005 suggests the purpose ignoring diacritics, with a replace fix', async () => {
        const text = plan({ head: head({ syfte: 'kvalitetssakring' }) });
        const [sv] = (await v.diagnostics(text, 'sv')).filter(d => d.code === 'SU005');
        expect(sv.message).toBe('"kvalitetssakring" är inget känt syfte. Menade du "kvalitetssäkring"?');
        expect(sv.data).toMatchObject({ code: 'SU005', fix: { kind: 'replace', suggestions: ['kvalitetssäkring'] } });
        const [en] = (await v.diagnostics(text, 'en')).filter(d => d.code === 'SU005');
        expect(en.message).toBe('"kvalitetssakring" is not a known purpose. Did you mean "kvalitetssäkring"?');
    });

    it('SU005 without a near purpose has no suggestion and no fix', async () => {
        const [found] = (await v.diagnostics(plan({ head: head({ syfte: 'statistik' }) }))).filter(d => d.code === 'SU005');
        expect(found.message).toBe('"statistik" är inget känt syfte.');
        expect((found.data as { fix?: unknown }).fix).toBeUndefined();
    });

    it('SU004 is an error that says why', async () => {
        const [found] = (await v.diagnostics(plan({ head: head({ syfte: 'oklart' }) }), 'en')).filter(d => d.code === 'SU004');
        expect(found.severity).toBe(1);
        expect(found.message).toBe('The purpose is given as "oklart" (unclear).');
    });

    it('SU007 and SU008 suggest the known words', async () => {
        const text = plan({ head: head({ nivå: 'nationel', status: 'utkst' }) });
        const messages = (await v.diagnostics(text)).filter(d => CODES.includes(d.code)).map(d => d.message).sort();
        expect(messages).toEqual([
            '"nationel" är ingen känd nivå. Menade du "nationell"?',
            '"utkst" är ingen känd status. Menade du "utkast"?',
        ]);
    });

    it('SU009 is not raised when the adopted plan names its decision', async () => {
        const text = plan({ head: head({ status: 'fastställd', beslut: 'beslut "Socialnämnden" datum 2025-01-15 diarienummer "SN 2025/12"' }) });
        expect(await v.codes(text, CODES)).toEqual([]);
    });

    it('SU009 is a warning that can be accepted', async () => {
        const text = plan({ head: head({ status: 'fastställd' }), extra: 'acceptera SU009 "Beslutet protokollförs separat"' });
        const [found] = (await v.diagnostics(text)).filter(d => d.code === 'SU009');
        expect(found.severity).toBe(3);
    });
});
