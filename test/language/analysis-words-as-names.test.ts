import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';

const parse = parseHelper<Plan>(createSuServices(EmptyFileSystem).suplan);

/** The words of the analysis settings (issue 14) that plans written before them may use as names. */
const WORDS = [
    'grupp', 'original', 'procent', 'klienter', 'registreringar', 'linje', 'stapel', 'diagram', 'mått', 'riktning', 'målet',
    'fördjupad', 'ingen', 'båda', 'lägre', 'högre', 'bättre', 'uppåt', 'nedåt', 'sekundär', 'undertryckning', 'grupperad',
    'förbättrade', 'avrundning', 'avrundat', 'räknar', 'någon',
];

describe('the words of the analysis settings still work as names', () => {
    test.each(WORDS)('%s as a variable, an analysis and a group, next to the settings themselves', async word => {
        const text = `plan "x" {
    mätpunkter före, efter
    variabler { lokal ${word} "X" : antal 0..9 vid före, efter }
    analyser {
        ${word}: beskriv ${word} avrundning 0,5 diagram stapel
        b: förändring ${word} före -> efter mått andel förbättrade riktning lägre är bättre
        t: takt per 1000 av variabeln ${word} räknar klienter per ${word}
    }
    scenarier { A när någon grupp i ${word} < 3 och ${word} > 2 "Gå igenom" }
}`;
        const document = await parse(text);
        expect([...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(e => e.message)).toEqual([]);
        const plan = document.parseResult.value;
        expect(plan.elements.some(e => e.$type === 'Analyses')).toBe(true);
    });
});
