import { beforeAll, describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/language/validators/period-validator.js';
import { Validation, plan, rangeOf, rangeWithin } from './plan-validation-helper.js';

const CODES = ['SU025', 'SU026', 'SU031', 'SU032', 'SU033', 'SU034'];

function who(lines: { ålder?: string; urval?: string; period?: string }): string {
    return `målgrupp {
        inkludera "Barn som utreds"
        ålder ${lines.ålder ?? '0..17'}
        förväntat antal 200 per år
    }
    urval ${lines.urval ?? 'alla'}
    period ${lines.period ?? '2025-01-01 .. 2025-12-31'}`;
}

describe('dayNumber', () => {
    it.each([
        ['2025-01-01', true], ['2024-02-29', true], ['2000-02-29', true], ['2025-12-31', true],
        ['2025-02-29', false], ['1900-02-29', false], ['2025-02-30', false], ['2025-04-31', false],
        ['2025-13-01', false], ['2025-00-10', false], ['2025-01-00', false], ['2025-01-32', false],
    ])('%s exists: %s', (date, exists) => {
        expect(dayNumber(date) !== undefined).toBe(exists);
    });

    it('counts days across a leap year', () => {
        expect(dayNumber('2024-12-31')! - dayNumber('2024-01-01')!).toBe(365);
        expect(dayNumber('2025-12-31')! - dayNumber('2025-01-01')!).toBe(364);
    });
});

describe('period validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    it.each([
        ['the default plan', {}],
        ['a leap-day period', { period: '2024-02-29 .. 2025-02-28' }],
        ['birthdays on the edges', { urval: 'födelsedagar 1, 15, 31' }],
        ['a whole year sampled over the period', { urval: 'hela perioden' }],
        ['ages 0..120', { ålder: '0..120' }],
        ['a one-day period', { period: '2025-03-01 .. 2025-03-01' }],
    ])('accepts %s', async (_case, lines) => {
        expect(await v.codes(plan({ who: who(lines) }), CODES)).toEqual([]);
    });

    it.each([
        ['SU026', { ålder: '17..0' }, 'ålder 17..0', '17..0'],
        ['SU026', { ålder: '-1..17' }, 'ålder -1..17', '-1..17'],
        ['SU026', { ålder: '65..130' }, 'ålder 65..130', '65..130'],
        ['SU032', { urval: 'födelsedagar 5, 32, 25' }, 'födelsedagar 5, 32, 25', '32'],
        ['SU032', { urval: 'födelsedagar 0' }, 'födelsedagar 0', '0'],
        ['SU033', { period: '2025-12-31 .. 2025-01-01' }, 'period 2025-12-31 .. 2025-01-01', '2025-01-01'],
        ['SU034', { period: '2025-02-30 .. 2025-12-31' }, 'period 2025-02-30 .. 2025-12-31', '2025-02-30'],
        ['SU034', { period: '2025-01-01 .. 2025-13-31' }, 'period 2025-01-01 .. 2025-13-31', '2025-13-31'],
        ['SU031', { urval: 'hela perioden', period: '2025-01-01 .. 2025-03-31' }, 'urval hela perioden', 'hela perioden'],
        ['SU025', { period: '2025-01-01 .. 2025-03-31 upprepas årligen 2027..2025' }, 'årligen 2027..2025', '2027..2025'],
    ])('%s for %o', async (code, lines, context, part) => {
        const text = plan({ who: who(lines) });
        expect(await v.codes(text, CODES)).toEqual([`${code} ${rangeWithin(text, context, part)}`]);
    });

    it('SU032 on each day outside 1–31', async () => {
        const text = plan({ who: who({ urval: 'födelsedagar 0, 15, 35' }) });
        expect(await v.codes(text, CODES)).toEqual([
            `SU032 ${rangeWithin(text, 'födelsedagar 0, 15, 35', '0')}`,
            `SU032 ${rangeWithin(text, 'födelsedagar 0, 15, 35', '35')}`,
        ].sort());
    });

    it('SU031 says how many days, and is accepted without a subject', async () => {
        const lines = { urval: 'hela perioden', period: '2025-01-01 .. 2025-03-31' };
        const [sv] = (await v.diagnostics(plan({ who: who(lines) }), 'sv')).filter(d => d.code === 'SU031');
        expect(sv.severity).toBe(2);
        expect(sv.message).toBe('Urvalet "hela perioden" (90 dagar) täcker inte ett helt år och kan påverkas av säsongsvariation.');
        const [en] = (await v.diagnostics(plan({ who: who(lines) }), 'en')).filter(d => d.code === 'SU031');
        expect(en.message).toBe('The sample "hela perioden" (90 days) does not cover a whole year and may be affected by seasonal variation.');
        const accepted = plan({ who: who(lines), extra: 'acceptera SU031 "Säsongsvariation är känd och beskrivs i rapporten"' });
        const [info] = (await v.diagnostics(accepted)).filter(d => d.code === 'SU031');
        expect(info.severity).toBe(3);
    });

    it('SU031 counts both the first and the last day', async () => {
        const text = plan({ who: who({ urval: 'hela perioden', period: '2025-01-02 .. 2025-12-31' }) });
        const [d] = (await v.diagnostics(text)).filter(x => x.code === 'SU031');
        expect(d.message).toContain('(364 dagar)');
    });

    it('SU033 names both dates; SU034 the impossible one', async () => {
        const reversed = plan({ who: who({ period: '2025-12-31 .. 2025-01-01' }) });
        expect((await v.diagnostics(reversed, 'en')).find(d => d.code === 'SU033')?.message)
            .toBe('The period ends on 2025-01-01, before it starts on 2025-12-31.');
        const impossible = plan({ who: who({ period: '2025-02-30 .. 2025-12-31' }) });
        expect((await v.diagnostics(impossible, 'sv')).find(d => d.code === 'SU034')?.message).toBe('"2025-02-30" är inget giltigt datum.');
    });

    it('SU034 in a decision and in the revision log', async () => {
        const text = plan({
            head: `version "1.1"
    status fastställd
    beslut "Socialnämnden" datum 2025-06-31 diarienummer "SN 2025/1"
    syfte verksamhetsutveckling
    fråga "Får barnen enskilda samtal under utredningen?"
    katalog test version "1"`,
            extra: `ändringslogg {
        "1.0" 2025-01-15 "Första versionen"
        "1.1" 2025-02-29 "Period ändrad"
    }`,
        });
        expect(await v.codes(text, CODES)).toEqual([`SU034 ${rangeOf(text, '2025-06-31')}`, `SU034 ${rangeOf(text, '2025-02-29')}`].sort());
    });

    it('SU026 message shows the range', async () => {
        const [d] = (await v.diagnostics(plan({ who: who({ ålder: '17..0' }) }))).filter(x => x.code === 'SU026');
        expect(d.message).toBe('Åldersintervallet 17..0 är ogiltigt.');
    });
});
