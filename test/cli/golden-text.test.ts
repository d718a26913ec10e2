import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli } from './cli-helper.js';

/**
 * Golden files of `suplan check`'s text format: each plan under test/cli/fixtures/golden/ is
 * checked in Swedish and English and the whole output compared with `<plan>.<lang>.txt`. Run with
 * UPDATE_GOLDEN=1 to write the files after a deliberate change, and read the diff.
 */
const goldenDir = path.join(repoRoot, 'test', 'cli', 'fixtures', 'golden');
const plans = ['carets.suplan'];

beforeAll(() => ensureBuilt(), 300_000);

describe('suplan check: text output against golden files', () => {
    test.each(plans.flatMap(plan => (['sv', 'en'] as const).map(language => [plan, language] as const)))('%s (%s)', async (plan, language) => {
        const file = path.posix.join('test/cli/fixtures/golden', plan);
        const result = await runCli(['check', file, '--catalogue', 'test/fixtures/catalogues', '--lang', language]);
        expect(result.stderr).toBe('');
        const golden = path.join(goldenDir, `${plan.replace(/\.suplan$/, '')}.${language}.txt`);
        if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(golden)) {
            if (process.env['CI'] === 'true') throw new Error(`${golden} is missing`);
            writeFileSync(golden, result.stdout);
        }
        expect(result.stdout).toBe(readFileSync(golden, 'utf8'));
    });

    test('the README\'s example of the text format is golden output (with the plan at planer/samtal.suplan)', () => {
        const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
        const block = /<!-- text-example:start[^>]*-->\n```text\n([\s\S]*?)```\n<!-- text-example:end -->/.exec(readme)?.[1];
        expect(block, 'README has the text-example block').toBeDefined();
        const golden = readFileSync(path.join(goldenDir, 'carets.sv.txt'), 'utf8').replaceAll('test/cli/fixtures/golden/carets.suplan', 'planer/samtal.suplan');
        expect(golden).toContain(block!);
    });
});
