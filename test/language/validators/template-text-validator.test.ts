import { describe, expect, test } from 'vitest';
import { DEFAULT_TITLE, planString, renderNewPlan, templateExampleTexts } from '../../../src/template/plan-template.js';
import { rangeOf, Validation } from './plan-validation-helper.js';

const validation = new Validation();

/** The warnings and errors of a plan, as `code range`, sorted. */
async function problems(text: string): Promise<string[]> {
    const found = await validation.diagnostics(text);
    return found.filter(d => d.severity === 1 || d.severity === 2).map(d => `${d.code} ${d.range}`).sort();
}

/** The plan with every example text of the template replaced by a text of the plan's own. */
function replaced(text: string): string {
    let result = text;
    let n = 0;
    for (const example of templateExampleTexts()) result = result.replaceAll(planString(example), planString(`Planens egen uppgift ${++n}`));
    return result;
}

describe('SU090: the template\'s example texts are warnings until replaced', () => {
    test('the template marks its example texts: the question, who is included, feedback, next steps, legal basis, …, and the default title', () => {
        const examples = [...templateExampleTexts()];
        expect(examples).toContain(DEFAULT_TITLE);
        expect(examples.some(e => e.startsWith('Ange lagrum'))).toBe(true);
        expect(examples.length).toBe(13);
        // Generic defaults that are often right as they stand are not examples: a real plan may say them.
        for (const text of ['Enhetschef', 'Socialnämnden', 'Verksamhetssystemet']) expect(examples).not.toContain(text);
    });

    test('a new plan without a catalogue: one SU090 at each example text and nothing else; replaced, it checks clean', async () => {
        const text = renderNewPlan({ title: DEFAULT_TITLE, year: 2025 });
        const expected = [...templateExampleTexts()].map(example => `SU090 ${rangeOf(text, planString(example))}`).sort();
        expect(await problems(text)).toEqual(expected);
        expect(await problems(replaced(text))).toEqual([]);
    });

    test('a new plan following a catalogue, with a title of its own: the title is no example', async () => {
        const text = renderNewPlan({ title: 'Samtal med barn', year: 2025, catalogue: { name: 'test', version: '1', variable: { name: 'samtal', label: 'Enskilt samtal' } } });
        const expected = [...templateExampleTexts()].filter(e => e !== DEFAULT_TITLE).map(example => `SU090 ${rangeOf(text, planString(example))}`).sort();
        expect(expected.length).toBe(12);
        expect(await problems(text)).toEqual(expected);
        expect(await problems(replaced(text))).toEqual([]);
    });

    test('only the template\'s own text counts: a text that starts like it, or an escape that reads as it, is told apart', async () => {
        const text = renderNewPlan({ title: 'Egen', year: 2025 });
        const own = replaced(text).replace(planString('Planens egen uppgift 1'), '"Minskar klienternas problem under insatsen?"');
        expect(await problems(own)).toEqual([]);
        // Surrounding spaces do not hide it; the message quotes its start, the help says what to do.
        const spaced = replaced(text).replace(/rättslig grund "[^"]*"/, 'rättslig grund "  Ange lagrum, t.ex. socialtjänstlagen och lagen om behandling av personuppgifter inom socialtjänsten "');
        const found = (await validation.diagnostics(spaced)).filter(d => d.code === 'SU090');
        expect(found.map(d => d.message)).toEqual(['Mallens exempeltext står kvar: "Ange lagrum, t.ex. socialtjänstlagen och…".']);
        const english = (await validation.diagnostics(spaced, 'en')).filter(d => d.code === 'SU090');
        expect(english.map(d => [d.severity, d.message])).toEqual([[2, 'The template\'s example text is still here: "Ange lagrum, t.ex. socialtjänstlagen och…".']]);
    });
});
