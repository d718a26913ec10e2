import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, runCli, stackLines, tempDir } from './cli-helper.js';

/** The CLI as a subprocess on randomly damaged plans: it answers with diagnostics (exit 0 or 1), never a crash. */
const seeds = readdirSync('examples/plans').filter(f => f.endsWith('.suplan')).map(f => readFileSync(path.join('examples/plans', f), 'utf8'));

const damaged = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(60), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 5 }))
    .map(([seed, edits]) => edits.reduce((text, [at, length, insert]) => {
        const i = at % Math.max(1, text.length);
        return text.slice(0, i) + insert + text.slice(i + length);
    }, seed));

describe('CLI robustness (fast-check)', () => {
    beforeAll(() => ensureBuilt());

    test('damaged plans give diagnostics and exit 0 or 1, never a stack trace', async () => {
        const dir = tempDir('suplan-fuzz-');
        mkdirSync(path.join(dir, 'kataloger'));
        for (const file of readdirSync('examples/catalogues')) {
            writeFileSync(path.join(dir, 'kataloger', file), readFileSync(path.join('examples/catalogues', file)));
        }
        const samples = fc.sample(damaged, { numRuns: 40, seed: 20261123 });
        samples.forEach((text, i) => writeFileSync(path.join(dir, `plan-${i}.suplan`), text));
        for (const format of ['json', 'text']) {
            const result = await runCli(['check', dir, '--format', format]);
            expect([0, 1]).toContain(result.code);
            expect(stackLines(result.stdout + result.stderr)).toEqual([]);
            if (format === 'json') expect(() => JSON.parse(result.stdout)).not.toThrow();
        }
    });
});
