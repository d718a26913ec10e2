import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { TARGETS, findTarget } from '../../src/generators/registry.js';
import { parseTargets } from '../../src/cli/generate-command.js';
import { renderNewPlan } from '../../src/template/plan-template.js';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

/** The title written in a plan file (`plan "…" {`), unescaped. */
function titleOf(file: string): string {
    const match = /^\s*plan\s+"((?:\\.|[^"\\])*)"/m.exec(readFileSync(file, 'utf8'));
    if (!match) throw new Error(`no plan title in ${file}`);
    return match[1].replace(/\\(.)/g, '$1');
}

const examplePlans = readdirSync(path.join(repoRoot, 'examples', 'plans')).filter(f => f.endsWith('.suplan')).sort();

describe('suplan generate --target json', () => {
    test('writes <out>/<plan>.json with the plan model of an example plan', async () => {
        expect(examplePlans.length).toBeGreaterThan(0);
        const plan = path.join('examples', 'plans', examplePlans[0]);
        const out = tempDir('generate');
        const result = await runCli(['generate', plan, '--target', 'json', '--out', out]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const written = path.join(out, examplePlans[0].replace(/\.suplan$/, '.json'));
        expect(result.stdout).toBe(`Skrev ${written}\n`);
        const model = JSON.parse(readFileSync(written, 'utf8')) as { title: string; source: string };
        expect(model.title).toBe(titleOf(path.join(repoRoot, plan)));
        expect(model.source).toBe(`examples/plans/${examplePlans[0]}`);
        expect(readdirSync(out)).toEqual([path.basename(written)]);
    });

    test('writes to ./suplan-output by default, and a title with quotes survives', async () => {
        const dir = tempDir('generate-default');
        const title = 'Stöd "hemma" – 2025';
        writeFileSync(path.join(dir, 'hemma.suplan'), renderNewPlan({ title, year: 2025 }));
        const result = await runCli(['generate', 'hemma.suplan', '--target', 'json', '--lang', 'en'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('Wrote suplan-output/hemma.json\n');
        const model = JSON.parse(readFileSync(path.join(dir, 'suplan-output', 'hemma.json'), 'utf8')) as { title: string; source: string };
        expect(model.title).toBe(title);
        expect(model.source).toBe('hemma.suplan');
        expect(readdirSync(path.join(dir, 'suplan-output'))).toEqual(['hemma.json']);
    });

    test('refuses a plan with errors: exit 1, diagnostics shown, nothing written', async () => {
        const out = tempDir('generate-errors');
        const result = await runCli(['generate', 'test/cli/fixtures/three-errors.suplan', '--target', 'json', '--out', out,
            '--catalogue', 'test/fixtures/catalogues']);
        expect(result.code).toBe(1);
        for (const code of ['SU004', 'SU012', 'SU033']) expect(result.stderr).toMatch(new RegExp(`three-errors\\.suplan:\\d+:\\d+: error ${code}: `));
        expect(result.stderr).toContain('har fel; inga filer skrevs.');
        expect(readdirSync(out)).toEqual([]);
    });

    test('an unknown target: exit 2, listing the available targets', async () => {
        const out = tempDir('generate-unknown');
        const result = await runCli(['generate', `examples/plans/${examplePlans[0]}`, '--target', 'json,pdf', '--out', out]);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`suplan: okänt mål "pdf"; tillgängliga mål: ${TARGETS.map(t => t.id).join(', ')}\n`);
        expect(stackLines(result.stderr)).toEqual([]);
        expect(readdirSync(out)).toEqual([]);
    });

    test('no --target, or a file that is not a plan: exit 2', async () => {
        const missingTarget = await runCli(['generate', `examples/plans/${examplePlans[0]}`]);
        expect(missingTarget.code).toBe(2);
        expect(missingTarget.stderr).toBe('suplan: flaggan --target måste anges\n');
        const notPlan = await runCli(['generate', 'package.json', '--target', 'json', '--lang', 'en']);
        expect(notPlan.code).toBe(2);
        expect(notPlan.stderr).toBe('suplan: package.json is not a plan (.suplan)\n');
        const missing = await runCli(['generate', 'nowhere.suplan', '--target', 'json']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe('suplan: hittar inte nowhere.suplan\n');
        expect(existsSync(path.join(repoRoot, 'suplan-output', 'nowhere.json'))).toBe(false);
    });
});

describe('target registry', () => {
    test('targets are parsed from a comma list, in order and without repeats', () => {
        expect(parseTargets('json, json', 'sv').map(t => t.id)).toEqual(['json']);
        expect(() => parseTargets('json,xml', 'en')).toThrow('unknown target "xml"; available targets: json');
        expect(() => parseTargets(' , ', 'en')).toThrow(/give at least one target/);
    });

    test('the json target writes the model as indented JSON named after the plan', async () => {
        const generate = await findTarget('json')!.load();
        const model = JSON.parse(JSON.stringify({ schemaVersion: 1, title: 'T' })) as Parameters<typeof generate>[0];
        const files = await generate(model, { baseName: 'plan', language: 'sv' });
        expect(files).toEqual([{ path: 'plan.json', content: JSON.stringify(model, null, 2) + '\n' }]);
    });
});
