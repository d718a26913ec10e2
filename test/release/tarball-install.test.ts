import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EmptyFileSystem } from 'langium';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createSuServices } from '../../src/language/suplan-services.js';
import { applyStep, tutorialBlocks } from '../readme-tutorial.js';

/**
 * The release as a user gets it: `npm pack` of this repository, installed with npm into an empty
 * folder outside the repository, offline and with an empty npm cache (the tarball carries its
 * run-time dependencies, exceljs and playwright-core, so nothing is fetched), by the README tutorial's own commands; then
 * the installed `suplan` checks, creates and generates plans there. The only consumer is npm itself
 * (and git and tar, which the tutorial and the listing use).
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
/** How the README names the tarball in its tutorial; the test puts the real path there. */
const tarballInReadme = `/väg/till/suplan-${version}.tgz`;

const temp = mkdtempSync(path.join(os.tmpdir(), 'suplan-release-'));
const emptyCache = path.join(temp, 'npm-cache');
const work = path.join(temp, 'work');
/** The folder the tutorial makes and installs into: a git repository for plans. */
const project = path.join(work, 'uppfoljning');
const suplanBin = path.join(project, 'node_modules', '.bin', 'suplan');

/**
 * The environment of npm and the installed CLI: none of the outer npm's settings (vitest may run
 * under `npm run`), offline, an empty cache, no audit, fund or update notices, and a git identity
 * for the tutorial's commit.
 */
function environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) {
        if (!/^npm_/i.test(name) && value !== undefined) env[name] = value;
    }
    return {
        ...env,
        npm_config_offline: 'true',
        npm_config_cache: emptyCache,
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        GIT_AUTHOR_NAME: 'SU-plan test', GIT_AUTHOR_EMAIL: 'test@example.invalid',
        GIT_COMMITTER_NAME: 'SU-plan test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
        SUPLAN_DEBUG: '',
    };
}

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
    return new Promise(resolve => {
        execFile(command, [...args], { cwd, env: environment(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

/** The installed `suplan`, run as a user runs it (node_modules/.bin/suplan, its shebang picks node). */
function suplan(args: readonly string[], cwd = project): Promise<Run> {
    return run(suplanBin, args, cwd);
}

/**
 * The README's tutorial in two scripts and the plan steps between them: the shell commands (its
 * ```sh blocks, in order) up to the one that creates the plan, the steps of plan text the user
 * makes in the editor, and the rest of the commands.
 */
function tutorialParts(): { readonly before: string; readonly steps: readonly string[]; readonly after: string } {
    const blocks = tutorialBlocks(readme);
    const created = blocks.findIndex(b => b.language === 'sh' && /suplan new /.test(b.text));
    expect(created, 'the tutorial creates a plan with suplan new').toBeGreaterThanOrEqual(0);
    const commands = (from: number, to: number): string => blocks.slice(from, to).filter(b => b.language === 'sh').map(b => b.text).join('\n');
    const firstCheck = blocks.findIndex((b, i) => i > created && b.language === 'sh');
    return {
        before: commands(0, created + 1),
        steps: blocks.slice(created + 1, firstCheck).filter(b => b.language === '').map(b => b.text),
        after: commands(firstCheck, blocks.length),
    };
}

/** The plan the tutorial writes (step 3) and edits (steps 4–7). */
const tutorialPlan = 'planer/samtal.suplan';

let tarball = '';
let listing: string[] = [];
let tutorial: Run & { readonly script: string } = { code: -1, stdout: '', stderr: '', script: '' };

beforeAll(async () => {
    mkdirSync(emptyCache, { recursive: true });
    mkdirSync(work, { recursive: true });
    // `npm pack` runs the prepack script (node esbuild.mjs cli), so the tarball has a fresh bundle.
    const packDir = path.join(temp, 'pack');
    mkdirSync(packDir);
    const pack = await run('npm', ['pack', '--pack-destination', packDir], repoRoot);
    expect(pack.code, `npm pack failed:\n${pack.stdout}\n${pack.stderr}`).toBe(0);
    tarball = path.join(packDir, `suplan-${version}.tgz`);
    expect(existsSync(tarball), `npm pack wrote ${readdirSync(packDir).join(', ')}`).toBe(true);

    const tar = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(tar.status, tar.stderr).toBe(0);
    listing = tar.stdout.split('\n').filter(line => line !== '');

    // The commands as written, the plan edited as the steps say (as a user does in the editor), the rest of the commands.
    const parts = tutorialParts();
    expect(parts.before, `the tutorial installs ${tarballInReadme}`).toContain(tarballInReadme);
    const before = `set -euxo pipefail\n${parts.before.replaceAll(tarballInReadme, tarball)}`;
    writeFileSync(path.join(temp, 'tutorial-1.sh'), before);
    const first = await run('bash', [path.join(temp, 'tutorial-1.sh')], work);
    tutorial = { ...first, script: before };
    if (first.code !== 0) return;
    const planFile = path.join(project, tutorialPlan);
    const services = createSuServices(EmptyFileSystem);
    let plan = readFileSync(planFile, 'utf8');
    for (const step of parts.steps) plan = applyStep(services, plan, step);
    writeFileSync(planFile, plan);
    const after = `set -euxo pipefail\ncd ${JSON.stringify(project)}\n${parts.after}`;
    writeFileSync(path.join(temp, 'tutorial-2.sh'), after);
    const second = await run('bash', [path.join(temp, 'tutorial-2.sh')], work);
    tutorial = { code: second.code, stdout: first.stdout + second.stdout, stderr: first.stderr + second.stderr, script: `${before}\n# (steps ${parts.steps.length} applied to ${tutorialPlan})\n${after}` };
}, 600_000);

afterAll(() => {
    rmSync(temp, { recursive: true, force: true });
});

describe('the npm tarball', () => {
    test('holds bin/ (cli.js, the code-cache loader), the CLI bundle, the plan model schema, the examples and the run-time dependencies, and no sources or editor bundles', () => {
        for (const file of [
            'package/package.json', 'package/README.md', 'package/LICENSE', 'package/CHANGELOG.md',
            'package/bin/cli.js', 'package/bin/compile-cache.js', 'package/bin/package.json', 'package/dist/cli/main.cjs', 'package/src/model/plan-model.schema.json',
            'package/examples/catalogues/bbic-2023.sucat', 'package/examples/plans/08-bbic-samtal.suplan',
            'package/node_modules/exceljs/package.json', 'package/node_modules/playwright-core/package.json',
        ]) {
            expect(listing, file).toContain(file);
        }
        const unwanted = listing.filter(file => !file.startsWith('package/node_modules/')
            && (/\.ts$/.test(file) || /^package\/(out|test|scripts|\.ci|syntaxes)\//.test(file) || /^package\/dist\/(server|extension|web)/.test(file)));
        expect(unwanted).toEqual([]);
        // Only the run-time dependencies (exceljs, iconv-lite, playwright-core) and what they need
        // are bundled: the rest of the CLI is in dist/cli/main.cjs.
        const bundled = new Set(listing.map(file => /^package\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]).filter(name => name !== undefined));
        expect(bundled.has('iconv-lite')).toBe(true);
        for (const name of ['langium', 'chevrotain', 'commander', 'vscode-languageserver', 'papaparse']) {
            expect(bundled.has(name), `${name} is not in the tarball`).toBe(false);
        }
    });

    test('the README tutorial\'s commands run as written, its plan steps applied in between: offline install with an empty cache, git repository, catalogue, new, edits, check, generate, commit', () => {
        const log = `script:\n${tutorial.script}\nstdout:\n${tutorial.stdout}\nstderr:\n${tutorial.stderr}`;
        expect(tutorial.code, log).toBe(0);
        // npm prints no warning (no EBADENGINE, no install scripts to approve).
        expect(tutorial.stderr, log).not.toMatch(/npm warn|EBADENGINE/i);
        const lines = tutorial.stdout.split('\n');
        expect(lines, log).toContain(version);
        expect(lines, log).toContain('Skapade planer/samtal.suplan');
        expect(lines, log).toContain('0 fel, 0 varningar i 1 fil');
        expect(lines, log).toContain('Skrev ut/samtal.md');
        expect(lines, log).toContain('Skrev ut/samtal.json');

        const sarif = JSON.parse(readFileSync(path.join(project, 'resultat.sarif'), 'utf8')) as { runs: Array<{ tool: { driver: { name: string; version: string } }; results: unknown[] }> };
        expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'suplan', version });
        expect(sarif.runs[0].results).toEqual([]);

        const committed = spawnSync('git', ['ls-files'], { cwd: project, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
        expect(committed).toEqual(expect.arrayContaining(['.gitignore', 'kataloger/bbic-2023.sucat', 'planer/samtal.suplan']));
        expect(committed.filter(file => !/^(\.gitignore|kataloger\/|planer\/)/.test(file))).toEqual([]);
        expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    });

    test('installs suplan with exceljs inside it and nothing else', () => {
        expect(readdirSync(path.join(project, 'node_modules')).filter(name => !name.startsWith('.'))).toEqual(['suplan']);
        const inside = readdirSync(path.join(project, 'node_modules', 'suplan', 'node_modules'));
        expect(inside).toContain('exceljs');
        expect(inside).toContain('playwright-core');
        expect(inside).not.toContain('langium');
        expect(inside).not.toContain('commander');
    });
});

describe('the installed suplan, outside this repository', () => {
    test('check: an unknown catalogue variable is an error at its place, with the path from the repository root, exit 1', async () => {
        const plan = readFileSync(path.join(project, 'planer', 'samtal.suplan'), 'utf8');
        const used = /använd bbic\.(\w+)/.exec(plan)?.[1];
        expect(used, 'the template uses a catalogue variable').toBeDefined();
        // A typo in the catalogue name; `som` keeps the plan's name, so nothing else breaks.
        const broken = plan.replace(`använd bbic.${used}`, `använd bbic.${used}x som ${used}`);
        writeFileSync(path.join(project, 'planer', 'fel.suplan'), broken);
        onTestFinished(() => rmSync(path.join(project, 'planer', 'fel.suplan'), { force: true }));
        const line = broken.split('\n').findIndex(text => text.includes(`bbic.${used}x`)) + 1;
        const column = broken.split('\n')[line - 1].indexOf(`bbic.${used}x`) + 1;

        // From a subfolder: paths are still relative to the repository root.
        const result = await suplan(['check', 'fel.suplan'], path.join(project, 'planer'));
        expect(result.code, result.stderr).toBe(1);
        expect(result.stdout).toMatch(new RegExp(`^planer/fel\\.suplan:${line}:${column}: error SU012: Variabeln "bbic\\.${used}x" finns inte i den katalogversion planen anger\\. Menade du "bbic\\.${used}"`, 'm'));
        expect(result.stdout).toMatch(/^1 fel, \d+ varning(?:ar)? i 1 fil$/m);

        const english = await suplan(['check', 'planer/fel.suplan', '--lang', 'en', '--format', 'json']);
        expect(english.code).toBe(1);
        const report = JSON.parse(english.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }> };
        const errors = report.diagnostics.filter(d => d.severity === 'error');
        expect(errors.map(d => [d.file, d.line, d.column, d.code])).toEqual([['planer/fel.suplan', line, column, 'SU012']]);
        expect(errors[0].message).toMatch(new RegExp(`^The variable "bbic\\.${used}x"`));
    });

    test('generate: the plan model passes the JSON Schema shipped in the package; the plan document has the title', () => {
        const schema = JSON.parse(readFileSync(path.join(project, 'node_modules', 'suplan', 'src', 'model', 'plan-model.schema.json'), 'utf8')) as object;
        const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
        const model = JSON.parse(readFileSync(path.join(project, 'ut', 'samtal.json'), 'utf8')) as { title: string };
        expect(validate(model), JSON.stringify(validate.errors)).toBe(true);
        expect(model.title).toBe('Samtal med barn');
        expect(readFileSync(path.join(project, 'ut', 'samtal.md'), 'utf8').split('\n')[0]).toBe('# Samtal med barn');
    });

    test('generate --target plan-pdf prints with the package\'s playwright-core and the system\'s Chromium; the approval block names the tutorial\'s commit', async () => {
        const result = await suplan(['generate', 'planer/samtal.suplan', '--target', 'plan-pdf', '--out', 'ut']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const pdf = path.join(project, 'ut', 'samtal.pdf');
        const first = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
        expect(first.status, first.stderr).toBe(0);
        const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: project, encoding: 'utf8' }).stdout.trim();
        expect(first.stdout).toContain('Samtal med barn');
        expect(first.stdout).toMatch(new RegExp(`Git-version\\s+${head.slice(0, 12)}`));
        expect(first.stdout).toMatch(/Sida 1 av \d+/);
    });

    test('check and new load none of the run-time dependencies (exceljs, iconv-lite, playwright-core): they work with them removed', async () => {
        const packages = ['exceljs', 'iconv-lite', 'playwright-core'].map(name => path.join(project, 'node_modules', 'suplan', 'node_modules', name));
        for (const folder of packages) renameSync(folder, `${folder}.hidden`);
        try {
            const check = await suplan(['check', 'planer/']);
            expect(check.stdout).toBe('0 fel, 0 varningar i 1 fil\n');
            expect(check.code).toBe(0);
            const created = await suplan(['new', 'planer/andra.suplan', '--title', 'Andra planen']);
            expect(created.code, created.stderr).toBe(0);
            expect(readFileSync(path.join(project, 'planer', 'andra.suplan'), 'utf8')).toContain('plan "Andra planen" {');
            // A fresh plan has no errors; the template's example texts are warnings until replaced.
            const fresh = await suplan(['check', 'planer/andra.suplan']);
            expect(fresh.stdout).toMatch(/^planer\/andra\.suplan:\d+:\d+: warning SU090: Mallens exempeltext står kvar: /m);
            expect(fresh.stdout).toMatch(/^0 fel, 12 varningar i 1 fil$/m);
            expect(fresh.code).toBe(1);
        } finally {
            for (const folder of packages) renameSync(`${folder}.hidden`, folder);
            rmSync(path.join(project, 'planer', 'andra.suplan'), { force: true });
        }
    });

    test('catalogue export and import of .xlsx load exceljs from the package: the round trip keeps every variable', async () => {
        const catalogue = readFileSync(path.join(project, 'kataloger', 'bbic-2023.sucat'), 'utf8');
        const variables = catalogue.match(/^\s*variabel \w+/gm) ?? [];
        expect(variables.length).toBeGreaterThan(10);
        cpSync(path.join(project, 'kataloger', 'bbic-2023.sucat'), path.join(temp, 'bbic-2023.sucat'));

        const exported = await suplan(['catalogue', 'export', path.join(temp, 'bbic-2023.sucat'), '--out', path.join(temp, 'bbic-2023.xlsx')], temp);
        expect(exported.code, exported.stderr).toBe(0);
        expect(readFileSync(path.join(temp, 'bbic-2023.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');

        const imported = await suplan(['catalogue', 'import', path.join(temp, 'bbic-2023.xlsx'), '--out', '-'], temp);
        expect(imported.code, imported.stderr).toBe(0);
        expect(imported.stdout).toMatch(/^katalog bbic .*version "2023"/m);
        expect((imported.stdout.match(/^\s*variabel \w+/gm) ?? []).map(v => v.trim())).toEqual(variables.map(v => v.trim()));
    });

    test('a windows-1252 CSV (export and import) loads iconv-lite from the package: å, ä and ö come back', async () => {
        const source = path.join(project, 'kataloger', 'bbic-2023.sucat');
        const csv = path.join(temp, 'bbic-2023-ansi.csv');
        const exported = await suplan(['catalogue', 'export', source, '--encoding', 'windows-1252', '--out', csv], temp);
        expect(exported.code, exported.stderr).toBe(0);
        const bytes = readFileSync(csv);
        // Windows-1252: ä is the single byte 0xE4 (UTF-8 would be 0xC3 0xA4).
        expect(bytes.includes(0xe4)).toBe(true);
        expect(bytes.includes(Buffer.from([0xc3, 0xa4]))).toBe(false);
        const imported = await suplan(['catalogue', 'import', csv, '--encoding', 'windows-1252', '--name', 'bbic', '--version', '2023', '--out', '-'], temp);
        expect(imported.code, imported.stderr).toBe(0);
        const labels = (text: string): string[] => (text.match(/"[^"\n]*[åäöÅÄÖ][^"\n]*"/g) ?? []);
        expect(labels(imported.stdout).length).toBeGreaterThan(5);
        expect(labels(readFileSync(source, 'utf8'))).toEqual(expect.arrayContaining(labels(imported.stdout)));
    });
});
