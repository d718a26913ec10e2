import { beforeAll, describe, expect, it } from 'vitest';
import { Validation, plan, rangeOf } from './plan-validation-helper.js';

const CODES = ['SU002', 'SU003', 'SU006', 'SU035', 'SU036', 'SU051'];
const HEAD = `version "1.0"
    status utkast
    syfte verksamhetsutveckling
    fråga "Får barnen enskilda samtal under utredningen?"
    nivå verksamhet
    katalog test version "1"`;
const TITLE = '"Testplan"';

describe('structure validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    it('accepts a complete plan', async () => {
        expect(await v.codes(plan(), CODES)).toEqual([]);
    });

    it.each([
        ['syfte', HEAD + '\n    syfte kontroll', 'kontroll'],
        ['fråga', HEAD + '\n    fråga "En andra fråga"', '"En andra fråga"'],
        ['nivå', HEAD + '\n    nivå individ', 'individ'],
        ['status', HEAD + '\n    status fastställd', 'fastställd'],
        ['version', HEAD + '\n    version "2.0"', '"2.0"'],
        ['beslut', HEAD + '\n    beslut "Nämnden" datum 2025-01-10\n    beslut "Ledningsgruppen"', '"Ledningsgruppen"'],
        ['datakälla', HEAD + '\n    datakälla formulär\n    datakälla verksamhetssystem', 'verksamhetssystem'],
    ])('SU002: a second `%s` is reported on its value', async (_section, head, snippet) => {
        const text = plan({ head });
        expect(await v.codes(text, CODES)).toEqual([`SU002 ${rangeOf(text, snippet)}`]);
    });

    it.each([
        ['period', '', 'period 2026-01-01 .. 2026-12-31', 'period 2026-01-01 .. 2026-12-31'],
        ['urval', '', 'urval jämna veckor', 'jämna veckor'],
        ['mätpunkter', '', 'mätpunkter uppföljning', 'mätpunkter uppföljning'],
        ['integritet', '', 'integritet { minsta cell 5 }', 'integritet { minsta cell 5 }'],
        ['klientmål', 'klientmål 3', 'klientmål 5', 'klientmål 5'],
        ['faser', 'faser baslinje 2 veckor', 'faser behandling 3 veckor', 'faser behandling 3 veckor'],
        ['roller', 'roller { mandat "Enhetschef" }', 'roller { analyserar "Ledningsgruppen" }', 'roller { analyserar "Ledningsgruppen" }'],
        ['scenarier', '', 'scenarier { B bedöms vid genomgång }', 'scenarier { B bedöms vid genomgång }'],
    ])('SU002: a second `%s` is reported on the repeat', async (_section, first, second, underlined) => {
        const text = plan({ extra: [first, second].filter(Boolean).join('\n    ') });
        expect(await v.codes(text, CODES)).toEqual([`SU002 ${rangeOf(text, underlined)}`]);
    });

    it('SU002 is reported on every repeat after the first', async () => {
        const text = plan({ head: HEAD + '\n    nivå individ\n    nivå nationell' });
        expect(await v.codes(text, CODES)).toEqual([`SU002 ${rangeOf(text, 'individ')}`, `SU002 ${rangeOf(text, 'nationell')}`].sort());
    });

    it('SU002 names the section in the message', async () => {
        const text = plan({ head: HEAD + '\n    syfte kontroll' });
        const [sv] = (await v.diagnostics(text, 'sv')).filter(d => d.code === 'SU002');
        expect(sv.message).toBe('Avsnittet "syfte" finns redan i planen.');
        const [en] = (await v.diagnostics(text, 'en')).filter(d => d.code === 'SU002');
        expect(en.message).toBe('The section "syfte" is already in the plan.');
    });

    it('allows several `variabler`, `analyser` and `katalog` blocks', async () => {
        const text = plan({
            extra: 'variabler { lokal extra "Extra" : ja/nej }\n    analyser { a3: frekvens extra }\n    katalog test version "1"',
        });
        expect(await v.codes(text, CODES)).toEqual([]);
    });

    it.each([
        ['SU003', 'syfte verksamhetsutveckling'],
        ['SU006', 'fråga "Får barnen enskilda samtal under utredningen?"'],
    ])('%s: a missing section is reported on the plan title', async (code, line) => {
        const text = plan({ head: HEAD.replace(line, '') });
        expect(await v.codes(text, CODES)).toEqual([`${code} ${rangeOf(text, TITLE)}`]);
    });

    it('SU003 and SU006 messages name the plan', async () => {
        const text = plan({ head: 'katalog test version "1"' });
        const sv = (await v.diagnostics(text, 'sv')).filter(d => d.code === 'SU003' || d.code === 'SU006').map(d => d.message).sort();
        expect(sv).toEqual([
            'Planen "Testplan" anger ingen fråga som uppföljningen ska besvara.',
            'Planen "Testplan" anger inget syfte.',
        ]);
        const en = (await v.diagnostics(text, 'en')).filter(d => d.code === 'SU003').map(d => d.message);
        expect(en).toEqual(['The plan "Testplan" states no purpose.']);
    });

    it('SU035: no period, a warning on the title', async () => {
        const text = plan({ who: 'målgrupp { inkludera "Barn som utreds" }\n    urval alla' });
        const found = (await v.diagnostics(text)).filter(d => CODES.includes(d.code));
        expect(found.map(d => `${d.code} ${d.range}`)).toEqual([`SU035 ${rangeOf(text, TITLE)}`]);
        expect(found[0].severity).toBe(2);
    });

    it.each([
        ['målgrupp', 'urval alla\n    period 2025-01-01 .. 2025-12-31', 'Planen anger inte någon målgrupp (`målgrupp`).', 'The plan does not state a target group (`målgrupp`).'],
        ['urval', 'målgrupp { inkludera "Barn" }\n    period 2025-01-01 .. 2025-12-31', 'Planen anger inte hur klienterna väljs ut (`urval`).', 'The plan does not state how clients are selected (`urval`).'],
    ])('SU036: no %s, said in the message', async (_what, who, sv, en) => {
        const text = plan({ who });
        expect(await v.codes(text, CODES)).toEqual([`SU036 ${rangeOf(text, TITLE)}`]);
        expect((await v.diagnostics(text, 'sv')).find(d => d.code === 'SU036')?.message).toBe(sv);
        expect((await v.diagnostics(text, 'en')).find(d => d.code === 'SU036')?.message).toBe(en);
    });

    it('SU036 twice when both target group and sampling are missing', async () => {
        const text = plan({ who: 'period 2025-01-01 .. 2025-12-31' });
        const range = rangeOf(text, TITLE);
        expect(await v.codes(text, CODES)).toEqual([`SU036 ${range}`, `SU036 ${range}`]);
    });

    it('SU051: no scenarios, on the title', async () => {
        const text = plan({ scenarios: '' });
        expect(await v.codes(text, CODES)).toEqual([`SU051 ${rangeOf(text, TITLE)}`]);
    });

    it('SU051: an empty scenario block, on the block', async () => {
        const text = plan({ scenarios: 'scenarier { }' });
        expect(await v.codes(text, CODES)).toEqual([`SU051 ${rangeOf(text, 'scenarier { }')}`]);
    });

    it('SU051 can be accepted with a reason', async () => {
        const text = plan({ scenarios: '', extra: 'acceptera SU051 "Scenarierna tas fram vid första genomgången"' });
        const found = (await v.diagnostics(text)).find(d => d.code === 'SU051');
        expect(found?.severity).toBe(3);
        expect(found?.message).toContain('accepterad: Scenarierna tas fram vid första genomgången');
    });

    it('a syntax error in a section: that section is not reported missing, the ones not written are', async () => {
        const text = plan({ who: 'målgrupp { inkludera "Barn" }\n    period 2025-01-01 ..', scenarios: '' });
        const found = await v.diagnostics(text);
        expect(found.map(d => d.code)).toContain('SU001');
        const title = rangeOf(text, TITLE);
        // `period` is the broken part; `urval` and `scenarier` are not in the file at all.
        expect(found.filter(d => CODES.includes(d.code)).map(d => `${d.code} ${d.range}`).sort()).toEqual([`SU036 ${title}`, `SU051 ${title}`]);
        expect(found.find(d => d.code === 'SU036')?.message).toContain('`urval`');
    });

    it('a syntax error at the end of the plan: the missing purpose is still reported', async () => {
        const text = plan({ head: HEAD.replace(/\s*syfte verksamhetsutveckling/, ''), privacy: 'integritet { minsta cell }' });
        const found = await v.diagnostics(text);
        expect(found.map(d => d.code)).toContain('SU001');
        expect(found.filter(d => CODES.includes(d.code)).map(d => `${d.code} ${d.range}`)).toEqual([`SU003 ${rangeOf(text, TITLE)}`]);
    });

    it('a syntax error on the purpose line itself: no "missing purpose"', async () => {
        for (const line of ['syfte', 'syfte "verksamhetsutveckling"', 'syfe verksamhetsutveckling', 'sy§fte verksamhetsutveckling']) {
            const text = plan({ head: HEAD.replace('syfte verksamhetsutveckling', line) });
            const codes = (await v.diagnostics(text)).map(d => d.code);
            expect(codes, line).toContain('SU001');
            expect(codes.filter(c => CODES.includes(c)), line).toEqual([]);
        }
    });

    it('a section keyword used as a name is not a second section (no SU002 for `lokal period`)', async () => {
        const text = plan().replace('lokal antal_samtal', 'lokal period');
        const codes = (await v.diagnostics(text)).map(d => d.code);
        expect(codes).toContain('SU001');
        expect(codes.filter(c => CODES.includes(c))).toEqual([]);
    });
});
