import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan } from '../validators/plan-validation-helper.js';

const services = createSuServices(EmptyFileSystem);

/** The SU001 messages of a plan. */
async function syntaxMessages(text: string): Promise<string[]> {
    const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text }, TEST_CATALOGUE]);
    return loaded.diagnostics.filter(d => d.code === 'SU001').map(d => String(d.message));
}

describe('syntax errors say what was probably meant', () => {
    test('a misspelt section keyword: "menade du `variabler`?"', async () => {
        const text = plan().replace('variabler {', 'variabel {');
        const messages = await syntaxMessages(text);
        expect(messages.length).toBeGreaterThan(0);
        expect(messages[0]).toContain('Menade du `variabler`?');
        // The section keywords after it are right, only out of place: no suggestion for them.
        expect(messages.slice(1).filter(m => m.includes('Menade du'))).toEqual([]);
    });

    test('a misspelt keyword inside a block: "menade du `inkludera`?"', async () => {
        const text = plan().replace('inkludera "Barn som utreds"', 'inkludra "Barn som utreds"');
        const messages = await syntaxMessages(text);
        expect(messages[0]).toContain('Menade du `inkludera`?');
    });
});
