import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { isPlan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildPlanModel } from '../../src/model/build-model.js';
import { buildWorkspace, type SourceText } from '../../src/workspace/load.js';
import { grammarKeywords, PLAN_GRAMMARS } from '../grammar-keywords.js';

/** Property tests: whatever text arrives, parsing, linking, validation and model building never throw or log. */
const services = createSuServices(EmptyFileSystem);
const keywords = PLAN_GRAMMARS.flatMap(grammarKeywords);
const tokens = [...keywords, '{', '}', '(', ')', ',', ':', '..', '->', '%', '=', '<', '>=', '"', '"text"', '12', '3.5', '2025-02-30', 'x', 'ålder', 'bbic.kön', '\n', '//', '/*'];

function filesUnder(dir: string, extension: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith(extension)).map(f => path.join(dir, f));
}

const catalogues: SourceText[] = [...filesUnder('examples', '.sucat'), ...filesUnder('test/fixtures/catalogues', '.sucat')]
    .map(file => ({ file: path.resolve(file), text: readFileSync(file, 'utf8') }));
const seeds = [...filesUnder('examples/plans', '.suplan'), ...filesUnder('test/fixtures/invalid', '.suplan')].map(f => readFileSync(f, 'utf8'));

async function checkDoesNotThrow(text: string, extension = '.suplan'): Promise<void> {
    const file = path.resolve(`fuzz/input${extension}`);
    const [loaded] = await buildWorkspace(services, [{ file, text }, ...catalogues]);
    const root = loaded.document.parseResult.value;
    if (isPlan(root)) buildPlanModel(root, { source: 'fuzz/input.suplan' });
}

/** A mutation of a seed plan: delete a span, insert a token, duplicate or swap a line. */
const mutated = fc.tuple(fc.constantFrom(...(seeds.length ? seeds : ['plan "x" {}'])), fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.constantFrom(...tokens), fc.nat(3)), { minLength: 1, maxLength: 6 }))
    .map(([seed, edits]) => {
        let text = seed;
        for (const [at, length, token, kind] of edits) {
            const i = text.length ? at % text.length : 0;
            if (kind === 0) text = text.slice(0, i) + text.slice(i + length);
            else if (kind === 1) text = `${text.slice(0, i)} ${token} ${text.slice(i)}`;
            else if (kind === 2) { const lines = text.split('\n'); const l = i % lines.length; lines.splice(l, 0, lines[l]); text = lines.join('\n'); }
            else { const lines = text.split('\n'); const a = i % lines.length; const b = (i + length) % lines.length; [lines[a], lines[b]] = [lines[b], lines[a]]; text = lines.join('\n'); }
        }
        return text;
    });

describe('robustness (fast-check)', () => {
    let logged: unknown[][];
    beforeEach(() => {
        logged = [];
        for (const method of ['error', 'warn', 'log'] as const) {
            vi.spyOn(console, method).mockImplementation((...args: unknown[]) => { logged.push(args); });
        }
    });
    afterEach(() => vi.restoreAllMocks());

    test('random text never crashes the parser, linker, validator or model builder', async () => {
        await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), async text => {
            await checkDoesNotThrow(text);
            await checkDoesNotThrow(text, '.sucat');
        }), { numRuns: 150 });
        expect(logged).toEqual([]);
    });

    test('random token sequences never crash', async () => {
        await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...tokens), { maxLength: 80 }), async parts => {
            await checkDoesNotThrow(`plan "x" {\n${parts.join(' ')}\n}`);
        }), { numRuns: 200 });
        expect(logged).toEqual([]);
    });

    test('mutated example and fixture plans never crash', async () => {
        expect(seeds.length).toBeGreaterThan(0);
        await fc.assert(fc.asyncProperty(mutated, async text => {
            await checkDoesNotThrow(text);
        }), { numRuns: 300 });
        expect(logged).toEqual([]);
    });
});
