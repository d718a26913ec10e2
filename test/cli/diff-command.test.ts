import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PlanDiffReport } from '../../src/model/plan-diff.js';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'diff');
const example = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'plans', name), 'utf8');

/** A folder (no repository above it) with the example catalogues in `kataloger/`. */
function project(prefix: string): string {
    const dir = tempDir(prefix);
    cpSync(path.join(repoRoot, 'examples', 'catalogues'), path.join(dir, 'kataloger'), { recursive: true });
    return dir;
}

function git(dir: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' } });
}

function repository(prefix: string): string {
    const dir = project(prefix);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'user.email', 'test@example.invalid');
    git(dir, 'config', 'user.name', 'Test');
    git(dir, 'config', 'commit.gpgsign', 'false');
    return dir;
}

function commit(dir: string, message: string): void {
    git(dir, 'add', '-A', '.');
    git(dir, 'commit', '-q', '-m', message);
}

describe('suplan diff <old> <new>', () => {
    test('two files: the same output as the golden pair, as text, Markdown and JSON, in Swedish and English', async () => {
        const dir = project('diff-files');
        for (const file of ['old.suplan', 'new.suplan']) cpSync(path.join(FIXTURES, 'kod-ny-etikett', file), path.join(dir, file));
        const expected = (file: string) => readFileSync(path.join(FIXTURES, 'kod-ny-etikett', file), 'utf8');
        const text = await runCli(['diff', 'old.suplan', 'new.suplan'], { cwd: dir });
        expect(text.stderr).toBe('');
        expect(text.code).toBe(0);
        expect(text.stdout).toBe(expected('diff.sv.txt'));
        expect((await runCli(['diff', 'old.suplan', 'new.suplan', '--format', 'md', '--lang', 'en'], { cwd: dir })).stdout).toBe(expected('diff.en.md'));
        expect((await runCli(['diff', '--format', 'md', 'old.suplan', 'new.suplan'], { cwd: dir })).stdout).toBe(expected('diff.sv.md'));
        expect((await runCli(['diff', '-f', 'json', 'old.suplan', 'new.suplan'], { cwd: dir })).stdout).toBe(expected('diff.json'));
    });

    test('a plan that cannot be read (a syntax error) cannot be compared: its errors with their places, exit 1', async () => {
        const dir = project('diff-errors');
        writeFileSync(path.join(dir, 'old.suplan'), example('08-bbic-samtal.suplan'));
        writeFileSync(path.join(dir, 'new.suplan'), example('08-bbic-samtal.suplan').replace('lokal hinder', 'lokal hinder hinder'));
        const result = await runCli(['diff', 'old.suplan', 'new.suplan'], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^new\.suplan:\d+:\d+: error SU\d{3}: /m);
        expect(result.stderr).toContain('suplan: new.suplan kan inte läsas (syntaxfel eller ett namn som inte finns) och kan inte jämföras');
        expect(stackLines(result.stderr)).toEqual([]);
    });

    test('a version with errors that can still be read is compared: its errors are counted in the report, exit 0', async () => {
        const dir = project('diff-readable-errors');
        // The old version has no purpose (SU003) and a code outside its value set would be another
        // such error; the pull request that adds the purpose must still show what it changes.
        writeFileSync(path.join(dir, 'old.suplan'), example('08-bbic-samtal.suplan').replace('    syfte verksamhetsutveckling\n', ''));
        writeFileSync(path.join(dir, 'new.suplan'), example('08-bbic-samtal.suplan'));
        const check = await runCli(['check', 'old.suplan'], { cwd: dir });
        expect(check.stdout).toMatch(/^old\.suplan:\d+:\d+: error SU003: /m);
        const errorCount = Number(/^(\d+) fel/m.exec(check.stdout)?.[1]);
        expect(errorCount).toBeGreaterThan(0);

        const json = await runCli(['diff', 'old.suplan', 'new.suplan', '--format', 'json'], { cwd: dir });
        expect([json.code, json.stderr]).toEqual([0, '']);
        const [entry] = (JSON.parse(json.stdout) as PlanDiffReport).plans;
        expect(entry.errors).toEqual({ before: errorCount });
        expect(entry.changes.map(change => [change.section, change.aspect, change.change, change.after])).toContainEqual(['plan', 'purpose', 'added', 'verksamhetsutveckling']);

        const text = await runCli(['diff', 'old.suplan', 'new.suplan'], { cwd: dir });
        expect(text.code).toBe(0);
        expect(text.stdout).toContain(`\n  Versionen före har ${errorCount} fel (suplan check visar dem); jämförelsen gäller planen som den är skriven.\n`);
        const markdown = await runCli(['diff', 'new.suplan', 'old.suplan', '--format', 'md', '--lang', 'en'], { cwd: dir });
        expect(markdown.code).toBe(0);
        expect(markdown.stdout).toContain(`\n\n**The new version has ${errorCount} error${errorCount === 1 ? '' : 's'} (suplan check shows them); the comparison covers the plan as written.**\n\n`);
    });

    test('usage: one plan, a missing file, an unknown format: exit 2', async () => {
        const dir = project('diff-usage');
        writeFileSync(path.join(dir, 'a.suplan'), example('01-ekonomiskt-bistand.suplan'));
        const one = await runCli(['diff', 'a.suplan'], { cwd: dir });
        expect(one.code).toBe(2);
        expect(one.stderr).toBe('suplan: ange två planer (gammal och ny), eller --git <intervall>\n');
        const missing = await runCli(['diff', 'a.suplan', 'b.suplan'], { cwd: dir });
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('b.suplan');
        const format = await runCli(['diff', 'a.suplan', 'a.suplan', '--format', 'html'], { cwd: dir });
        expect(format.code).toBe(2);
    });

    test('--max-length keeps the Markdown within a comment\'s length; only with --format md, at least 1000', async () => {
        const dir = project('diff-max-length');
        const old = example('08-bbic-samtal.suplan');
        writeFileSync(path.join(dir, 'old.suplan'), old);
        // Relabel every code of the plan's own value sets: many rows, each a comparability warning.
        writeFileSync(path.join(dir, 'new.suplan'), old.replace(/(\d+) "([^"]+)"/g, '$1 "$2 (ny)"'));
        const whole = await runCli(['diff', 'old.suplan', 'new.suplan', '--format', 'md'], { cwd: dir });
        expect(whole.code, whole.stderr).toBe(0);
        const limit = whole.stdout.length - 200;
        expect(limit).toBeGreaterThan(1000);
        const cut = await runCli(['diff', 'old.suplan', 'new.suplan', '--format', 'md', '--max-length', String(limit)], { cwd: dir });
        expect(cut.code, cut.stderr).toBe(0);
        expect(cut.stdout.length).toBeLessThanOrEqual(limit);
        expect(cut.stdout).toContain(`Tabellerna för planen visas inte här: kommentaren får vara högst ${limit} tecken.`);
        expect((cut.stdout.match(/^- \*\*VARNING\*\*/gm) ?? []).length).toBe((whole.stdout.match(/^- \*\*VARNING\*\*/gm) ?? []).length);

        const text = await runCli(['diff', 'old.suplan', 'new.suplan', '--max-length', '60000'], { cwd: dir });
        expect([text.code, text.stderr]).toEqual([2, 'suplan: --max-length gäller bara --format md\n']);
        for (const bad of ['999', '6e4', 'många']) {
            const result = await runCli(['diff', 'old.suplan', 'new.suplan', '--format', 'md', '--max-length', bad], { cwd: dir });
            expect([result.code, result.stderr]).toEqual([2, `suplan: ogiltigt --max-length ${bad}: ange ett heltal från 1000 och uppåt\n`]);
        }
    });
});

describe('suplan diff --git', () => {
    test('acceptance: a repository with two commits of a plan shows the change', async () => {
        const dir = repository('diff-git-two');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan'));
        commit(dir, 'first');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan').replace('minsta cell 5', 'minsta cell 3'));
        commit(dir, 'second');
        const result = await runCli(['diff', '--git', 'HEAD~1..HEAD'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe([
            'Ändringar i planerna (HEAD~1 → HEAD)',
            '',
            'plan.suplan: "BBIC – enskilda samtal med barnet under utredningen": ändrad, 1 ändring, 1 varning',
            '  Integritet och undertryckning',
            '    ändrad: minsta cell: 5 → 3',
            '      VARNING: regeln för små celler har ändrats: vad som visas och döljs i tidigare rapporter ändras',
            '  Registreringsbörda (fält per klient och mätpunkt)',
            '    efter: 6 → 6',
            '    tyngsta registreringen: 6 → 6',
            '',
        ].join('\n'));
    });

    test('commits that change, add, rename and remove plans, reformat one and change a catalogue: HEAD~3..HEAD', async () => {
        const dir = repository('diff-git');
        mkdirSync(path.join(dir, 'planer'));
        const put = (file: string, text: string) => writeFileSync(path.join(dir, 'planer', file), text);
        put('samtal.suplan', example('08-bbic-samtal.suplan'));
        put('bistand.suplan', example('01-ekonomiskt-bistand.suplan'));
        put('gas.suplan', example('04-malupfyllelse-gas.suplan'));
        put('hemmaplan.suplan', example('03-hemmaplansteam.suplan'));
        put('utredningar.suplan', example('07-barnavardsutredningar.suplan'));
        commit(dir, 'base');
        // 1: change a plan, add one.
        put('samtal.suplan', example('08-bbic-samtal.suplan').replace('4 "Annat skäl"', '4 "Annat"'));
        put('single.suplan', example('06-single-case.suplan'));
        commit(dir, 'change and add');
        // 2: rename one, reformat another (same meaning).
        renameSync(path.join(dir, 'planer', 'bistand.suplan'), path.join(dir, 'planer', 'ekonomiskt-bistand.suplan'));
        put('hemmaplan.suplan', example('03-hemmaplansteam.suplan').replace(/^( {4})+/gm, indent => '  '.repeat(indent.length / 4)));
        commit(dir, 'rename and reformat');
        // 3: remove one; relabel a code of a catalogue variable that only samtal.suplan uses.
        rmSync(path.join(dir, 'planer', 'gas.suplan'));
        const catalogue = path.join(dir, 'kataloger', 'bbic-2023.sucat');
        writeFileSync(catalogue, readFileSync(catalogue, 'utf8').replace('3 "Annat eller okänt"', '3 "Annat kön eller okänt"'));
        commit(dir, 'remove, and a catalogue change');

        const json = await runCli(['diff', '--git', 'HEAD~3..HEAD', '--format', 'json'], { cwd: dir });
        expect(json.stderr).toBe('');
        expect(json.code).toBe(0);
        const report = JSON.parse(json.stdout) as PlanDiffReport;
        expect(report.schemaVersion).toBe(1);
        expect([report.from, report.to]).toEqual(['HEAD~3', 'HEAD']);
        expect(report.plans.map(plan => [plan.path, plan.status, plan.oldPath ?? ''])).toEqual([
            ['planer/ekonomiskt-bistand.suplan', 'renamed', 'planer/bistand.suplan'],
            ['planer/gas.suplan', 'removed', ''],
            ['planer/hemmaplan.suplan', 'unchanged', ''],
            ['planer/samtal.suplan', 'changed', ''],
            ['planer/single.suplan', 'added', ''],
        ]);
        const samtal = report.plans.find(plan => plan.path === 'planer/samtal.suplan');
        expect(samtal?.changes.map(change => [change.subject, change.aspect, change.code, change.warning])).toEqual([
            ['hinder', 'code', 4, 'codeRelabelled'],
            ['kön', 'code', 3, 'codeRelabelled'],
        ]);
        // utredningar.suplan pins bbic 2024: the catalogue change does not touch it, so it is not listed.
        expect(report.plans.find(plan => plan.path === 'planer/single.suplan')?.burden.before).toBeUndefined();

        const markdown = await runCli(['diff', '--git', 'HEAD~3..HEAD', '--format', 'md', '--lang', 'en'], { cwd: dir });
        expect(markdown.code).toBe(0);
        const headings = markdown.stdout.split('\n').filter(line => line.startsWith('#'));
        expect(headings.slice(0, 2)).toEqual(['## Changes to the plans (`HEAD~3` → `HEAD`)', '### Ekonomiskt bistånd – biståndsmånader och koncentration 2024 (`planer/ekonomiskt-bistand.suplan`)']);
        expect(markdown.stdout).toContain('renamed, moved from `planer/bistand.suplan`, 0 changes, 0 warnings');
        expect(markdown.stdout).toContain('No change in meaning (layout or comments only).');
        expect(markdown.stdout).toContain('renamed, moved from `planer/bistand.suplan`, 0 changes, 0 warnings\n\nThe same content.');
        expect(markdown.stdout).toContain('- **WARNING** Variables: `kön` · code 3: the code has a new label');

        // Paths limit the plans; a path is read relative to the current folder, as git does.
        const limited = await runCli(['diff', '--git', 'HEAD~3..HEAD', '--format', 'json', 'samtal.suplan'], { cwd: path.join(dir, 'planer') });
        expect((JSON.parse(limited.stdout) as PlanDiffReport).plans.map(plan => plan.path)).toEqual(['planer/samtal.suplan']);
        // The same commits: nothing to report.
        const none = await runCli(['diff', '--git', 'HEAD..HEAD'], { cwd: dir });
        expect(none.stdout).toBe('Ändringar i planerna (HEAD → HEAD)\nInga planer har ändrats.\n');
        expect(none.code).toBe(0);
    });

    test('A...B compares from the merge base, as a pull request does', async () => {
        const dir = repository('diff-git-branch');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan'));
        commit(dir, 'base');
        git(dir, 'checkout', '-q', '-b', 'feature');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan').replace('minsta cell 5', 'minsta cell 3'));
        commit(dir, 'feature');
        git(dir, 'checkout', '-q', 'main');
        writeFileSync(path.join(dir, 'other.suplan'), example('01-ekonomiskt-bistand.suplan'));
        commit(dir, 'main moves on');
        const result = await runCli(['diff', '--git', 'main...feature', '--format', 'json'], { cwd: dir });
        expect(result.code).toBe(0);
        expect((JSON.parse(result.stdout) as PlanDiffReport).plans.map(plan => [plan.path, plan.status])).toEqual([['plan.suplan', 'changed']]);
    });

    test('a pull request that mends a plan with errors (no purpose) shows the change, with the old version\'s errors counted', async () => {
        const dir = repository('diff-git-mended');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan').replace('    syfte verksamhetsutveckling\n', ''));
        commit(dir, 'without a purpose');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan'));
        commit(dir, 'purpose added');
        const result = await runCli(['diff', '--git', 'HEAD~1..HEAD', '--format', 'json'], { cwd: dir });
        expect([result.code, result.stderr]).toEqual([0, '']);
        const [entry] = (JSON.parse(result.stdout) as PlanDiffReport).plans;
        expect(entry.status).toBe('changed');
        expect(entry.errors?.before).toBeGreaterThan(0);
        expect(entry.errors?.after).toBeUndefined();
        expect(entry.changes.map(change => change.aspect)).toContain('purpose');
    });

    test('exit codes: a version with a syntax error 1; no repository, a bad range or an unknown revision 2', async () => {
        const dir = repository('diff-git-errors');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan'));
        commit(dir, 'first');
        writeFileSync(path.join(dir, 'plan.suplan'), example('08-bbic-samtal.suplan').replace('variabler {', 'variabler { lokal'));
        commit(dir, 'broken');
        const broken = await runCli(['diff', '--git', 'HEAD~1..HEAD'], { cwd: dir });
        expect(broken.code).toBe(1);
        expect(broken.stderr).toMatch(/^HEAD:plan\.suplan:\d+:\d+: error SU001: /m);
        expect(broken.stderr).toContain('suplan: HEAD:plan.suplan kan inte läsas (syntaxfel eller ett namn som inte finns) och kan inte jämföras');
        expect(broken.stdout).toBe('');

        const unknown = await runCli(['diff', '--git', 'nosuch..HEAD'], { cwd: dir });
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/^suplan: git rev-parse --verify misslyckades: /);
        const bad = await runCli(['diff', '--git', 'HEAD'], { cwd: dir });
        expect(bad.code).toBe(2);
        expect(bad.stderr).toBe('suplan: ogiltigt intervall HEAD; skriv till exempel HEAD~1..HEAD\n');
        const outside = await runCli(['diff', '--git', 'HEAD~1..HEAD'], { cwd: tempDir('diff-no-repo') });
        expect(outside.code).toBe(2);
        expect(outside.stderr).toMatch(/^suplan: git rev-parse --show-toplevel misslyckades: /);
        const withCatalogue = await runCli(['diff', '--git', 'HEAD~1..HEAD', '--catalogue', 'kataloger'], { cwd: dir });
        expect(withCatalogue.code).toBe(2);
        expect(withCatalogue.stderr).toBe('suplan: --catalogue gäller inte med --git: katalogerna läses från varje version i git\n');
        for (const result of [unknown, bad, outside, withCatalogue]) expect(stackLines(result.stderr)).toEqual([]);
    });
});
