import { beforeAll, describe, expect, it } from 'vitest';
import { Validation, plan, rangeOf, rangeWithin } from './plan-validation-helper.js';

const CODES = ['SU030'];

describe('naming validator', () => {
    let v: Validation;
    beforeAll(() => { v = new Validation(); });

    it('accepts unique names, and the same name in different kinds', async () => {
        const text = plan({
            valueSets: 'värdemängder { samtal "Samtal" { 1 "Ja" 2 "Nej" } }',
            points: 'mätpunkter före, efter, uppföljning 6 månader som sexmån',
            extra: 'faser baslinje 2 veckor, behandling 3 veckor',
        });
        expect(await v.codes(text, CODES)).toEqual([]);
    });

    it.each([
        ['two local variables', { variables: 'variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal" : antal\n        lokal antal_samtal "Antal igen" : antal\n    }' }, 'antal_samtal', 2],
        ['a local variable named like a catalogue variable in use', { variables: 'variabler {\n        använd test.samtal\n        lokal samtal "Samtal" : ja/nej\n        lokal antal_samtal "Antal" : antal\n    }' }, 'samtal "Samtal"', 1, 'samtal'],
        ['the same catalogue variable twice', { variables: 'variabler {\n        använd test.samtal\n        använd test.samtal\n        lokal antal_samtal "Antal" : antal\n    }' }, 'test.samtal', 2],
        ['an `använd … som` name', { variables: 'variabler {\n        använd test.samtal\n        använd test.kön som antal_samtal\n        lokal antal_samtal "Antal" : antal\n    }' }, 'antal_samtal "Antal"', 1, 'antal_samtal'],
        ['an item named like a variable', { variables: 'variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal" : antal\n        frågegrupp trygg "Trygghet" : skala { 1 "Nej" 2 "Ja" } {\n            antal_samtal "Jag pratar"\n        }\n    }' }, 'antal_samtal "Jag pratar"', 1, 'antal_samtal'],
        ['two items of different groups', { variables: 'variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal" : antal\n        frågegrupp g1 "Grupp 1" : skala { 1 "Nej" 2 "Ja" } { p1 "Påstående" }\n        frågegrupp g2 "Grupp 2" : skala { 1 "Nej" 2 "Ja" } { p1 "Påstående igen" }\n    }' }, 'p1', 2],
        ['two analyses', { analyses: 'analyser {\n        a1: andel samtal i 1\n        a1: beskriv antal_samtal\n    }' }, 'a1', 2],
        ['two value sets', { valueSets: 'värdemängder {\n        instämmer { 1 "Nej" 2 "Ja" }\n        instämmer { 1 "Aldrig" 2 "Alltid" }\n    }' }, 'instämmer', 2],
        ['two phases', { extra: 'faser baslinje 2 veckor, baslinje 3 veckor' }, 'baslinje', 2],
        ['two reference tables', { extra: 'referensdata {\n        tabell befolkning "Invånare" per samtal { 1 = 100 }\n        tabell befolkning "Invånare igen" per samtal { 1 = 200 }\n    }' }, 'befolkning', 2],
        ['two measurement points of the same kind', { points: 'mätpunkter före, efter, före' }, 'före', 2],
        ['a second follow-up without `som`', { points: 'mätpunkter före, efter, uppföljning 3 månader, uppföljning 12 månader' }, 'uppföljning', 2],
        ['a `som` name given twice', { points: 'mätpunkter före, efter, uppföljning 3 månader som senare, uppföljning 6 månader som senare' }, 'senare', 2],
    ])('SU030: %s, on the repeated name', async (_case, parts, snippet, occurrence, name?: string) => {
        const text = plan(parts);
        const range = name ? rangeWithin(text, snippet, name, occurrence) : rangeOf(text, snippet, occurrence);
        expect(await v.codes(text, CODES)).toEqual([`SU030 ${range}`]);
    });

    it('SU030 on every repeat after the first, with the name in the message', async () => {
        const text = plan({ points: 'mätpunkter före, före, efter, före' });
        expect(await v.codes(text, CODES)).toEqual([`SU030 ${rangeOf(text, 'före', 2)}`, `SU030 ${rangeOf(text, 'före', 3)}`].sort());
        const messages = (await v.diagnostics(text, 'en')).filter(d => d.code === 'SU030').map(d => d.message);
        expect(messages).toEqual(['The name "före" is already used in the plan.', 'The name "före" is already used in the plan.']);
        const [sv] = (await v.diagnostics(text, 'sv')).filter(d => d.code === 'SU030');
        expect(sv.message).toBe('Namnet "före" används redan i planen.');
    });
});
