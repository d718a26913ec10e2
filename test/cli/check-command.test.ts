import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSuServices } from '../../src/language/suplan-services.js';
import { collectFiles } from '../../src/files/discovery.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';
import { expectedDiagnostics } from '../fixture-expectations.js';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

const threeErrors = 'test/cli/fixtures/three-errors.suplan';
const testCatalogues = 'test/fixtures/catalogues';

interface JsonDiagnostic {
    file: string; line: number; column: number; endLine: number; endColumn: number;
    severity: string; code: string; message: string; help: string | null; accepted?: string;
}

beforeAll(() => ensureBuilt(), 300_000);

describe('suplan check: exit codes and usage problems', () => {
    test('a missing file: exit 2, one line on stderr, no stack trace', async () => {
        const result = await runCli(['check', 'missing.suplan']);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trimEnd().split('\n')).toEqual(['suplan: hittar inte missing.suplan']);
        expect(stackLines(result.stderr)).toEqual([]);
    });

    test('the message follows --lang', async () => {
        const result = await runCli(['check', 'missing.suplan', '--lang', 'en']);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('suplan: not found: missing.suplan\n');
    });

    test('a file that is neither plan nor catalogue: exit 2', async () => {
        const result = await runCli(['check', 'package.json']);
        expect(result.code).toBe(2);
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(/^suplan: package\.json är varken en plan/);
    });

    test('a folder without plans or catalogues: exit 2', async () => {
        const empty = tempDir('empty');
        const result = await runCli(['check', empty]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^suplan: inga planer eller kataloger/);
    });

    test('an unknown format: exit 2 with the allowed formats', async () => {
        const result = await runCli(['check', threeErrors, '--format', 'xml']);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe("suplan: ogiltigt värde 'xml' för --format; tillåtna värden: text, json, sarif, github, gitlab\n");
        expect(stackLines(result.stderr)).toEqual([]);
    });

    test('an unreadable file inside a folder: reported on its own line with exit 1, no stack trace', async () => {
        const dir = tempDir('broken');
        // A dangling symbolic link: listed in the folder, but reading it fails.
        const { symlinkSync } = await import('node:fs');
        symlinkSync(path.join(dir, 'nowhere.suplan'), path.join(dir, 'dangling.suplan'));
        const result = await runCli(['check', dir]);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/dangling\.suplan:1:1: error: länken pekar på en fil som inte finns\n/);
        expect(stackLines(result.stdout + result.stderr)).toEqual([]);
    });
});

describe('suplan check: diagnostics', () => {
    test('a plan with three different errors gets all three in one run, with help lines and a summary', async () => {
        const result = await runCli(['check', threeErrors, '--catalogue', testCatalogues]);
        expect(result.code).toBe(1);
        const lines = result.stdout.trimEnd().split('\n');
        const errors = lines.filter(line => /: error SU\d{3}: /.test(line));
        expect(errors.map(line => /error (SU\d{3})/.exec(line)![1]).sort()).toEqual(['SU004', 'SU012', 'SU033']);
        for (const line of errors) {
            expect(line).toMatch(/^test\/cli\/fixtures\/three-errors\.suplan:\d+:\d+: error SU\d{3}: \S/);
            // The source line with its number, carets under the range, then the help.
            const at = lines.indexOf(line);
            expect(lines[at + 1]).toMatch(/^ {2}\d+ \| ./);
            expect(lines[at + 2]).toMatch(/^ {2} +\| +\^+$/);
            expect(lines[at + 3]).toMatch(/^ {2}hjälp: \S/);
        }
        expect(lines.at(-1)).toMatch(/^3 fel, \d+ varning(ar)? i 2 filer$/);
    });

    test('--lang en changes the messages, help and summary', async () => {
        const sv = await runCli(['check', threeErrors, '--catalogue', testCatalogues]);
        const en = await runCli(['check', threeErrors, '--catalogue', testCatalogues, '--lang', 'en']);
        expect(en.code).toBe(1);
        const su004 = (out: string): string => out.split('\n').find(line => line.includes('SU004'))!;
        expect(su004(sv.stdout)).toContain('Syftet är angivet som "oklart"');
        expect(su004(en.stdout)).toContain('The purpose is given as "oklart"');
        expect(en.stdout).toMatch(/\n {2}help: \S/);
        expect(en.stdout.trimEnd().split('\n').at(-1)).toMatch(/^3 errors, \d+ warnings? in 2 files$/);
    });

    test('paths are relative to the repository root, whatever the working folder', async () => {
        const result = await runCli(['check', 'fixtures/three-errors.suplan', '--catalogue', '../fixtures/catalogues'], { cwd: path.join(repoRoot, 'test', 'cli') });
        expect(result.code).toBe(1);
        const located = result.stdout.split('\n').filter(line => /^\S+:\d+:\d+: /.test(line));
        expect(located.length).toBeGreaterThanOrEqual(3);
        for (const line of located) expect(line.startsWith('test/cli/fixtures/three-errors.suplan:')).toBe(true);
    });

    test('catalogues are found from the plan\'s folder upwards; a discovered catalogue is reported only for errors', async () => {
        const dir = tempDir('discover');
        mkdirSync(path.join(dir, 'kataloger'));
        mkdirSync(path.join(dir, 'planer'));
        writeFileSync(path.join(dir, 'kataloger', 'trasig.sucat'), 'katalog trasig version "1" {\n    variabel x {\n');
        const plan = path.join(dir, 'planer', 'plan.suplan');
        writeFileSync(plan, 'plan "P" {\n    syfte lärande\n    katalog trasig version "1"\n}\n');
        const result = await runCli(['check', 'planer/plan.suplan', '--format', 'json'], { cwd: dir });
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout) as { files: string[]; diagnostics: JsonDiagnostic[] };
        expect(report.files).toEqual(['planer/plan.suplan']);
        const fromCatalogue = report.diagnostics.filter(d => d.file === 'kataloger/trasig.sucat');
        expect(fromCatalogue.length).toBeGreaterThan(0);
        expect(fromCatalogue.map(d => d.code)).toContain('SU001');
        expect(fromCatalogue.every(d => d.severity === 'error')).toBe(true);
        // The plan resolves its catalogue: the catalogue name is known (no SU010).
        expect(report.diagnostics.filter(d => d.code === 'SU010')).toEqual([]);
    });

    test('a discovered catalogue with only warnings is not reported; given directly, its warnings are', async () => {
        const dir = tempDir('discover-warning');
        mkdirSync(path.join(dir, 'catalogues'));
        writeFileSync(path.join(dir, 'catalogues', 'k.sucat'), [
            'katalog k version "1" {',
            '    variabel a { etikett "Samma" värdemängd ja/nej kommentar "A." processteg utredning }',
            '    variabel b { etikett "Samma" värdemängd ja/nej kommentar "B." processteg utredning }',
            '}',
        ].join('\n'));
        writeFileSync(path.join(dir, 'plan.suplan'), 'plan "P" {\n    syfte lärande\n    katalog k version "1"\n}\n');
        const viaPlan = JSON.parse((await runCli(['check', 'plan.suplan', '--format', 'json'], { cwd: dir })).stdout) as { diagnostics: JsonDiagnostic[] };
        expect(viaPlan.diagnostics.filter(d => d.file === 'catalogues/k.sucat')).toEqual([]);
        expect(viaPlan.diagnostics.filter(d => d.code === 'SU010')).toEqual([]);
        const direct = await runCli(['check', 'catalogues/k.sucat', '--format', 'json'], { cwd: dir });
        const diagnostics = (JSON.parse(direct.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
        expect(diagnostics.map(d => [d.file, d.severity, d.code])).toEqual([['catalogues/k.sucat', 'warning', 'SU083']]);
        expect(direct.code).toBe(1);
    });

    test('every invalid fixture: the JSON output holds exactly the diagnostics the language reports, with file, line and column', async () => {
        const invalid = 'test/fixtures/invalid';
        const result = await runCli(['check', invalid, '--format', 'json']);
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] };

        // The same files built in-process: the CLI must neither lose nor invent diagnostics.
        const given = collectFiles([path.join(repoRoot, invalid)]);
        const catalogueFiles = readdirSync(path.join(repoRoot, testCatalogues)).map(f => path.join(repoRoot, testCatalogues, f));
        const services = createSuServices(EmptyFileSystem);
        const documents = await buildWorkspace(services, readSources([...given.plans, ...given.catalogues, ...catalogueFiles]));
        const render = (file: string, code: string, line: number, column: number, endLine: number, endColumn: number): string =>
            `${file} ${code} ${line}:${column}-${endLine}:${endColumn}`;
        const inProcess = documents
            .flatMap(d => d.diagnostics
                .filter(x => !d.file.startsWith(path.join(repoRoot, testCatalogues)) || x.severity === 1)
                .map(x => render(path.relative(repoRoot, d.file), String(x.code),
                    x.range.start.line + 1, x.range.start.character + 1, x.range.end.line + 1, x.range.end.character + 1)))
            .sort();
        const fromCli = report.diagnostics.map(d => render(d.file, d.code, d.line, d.column, d.endLine, d.endColumn)).sort();
        expect(fromCli).toEqual(inProcess);

        // Every code that has a fixture is reported for that fixture, at a real position.
        for (const name of readdirSync(path.join(repoRoot, invalid)).filter(f => /\.su(plan|cat)$/.test(f))) {
            const file = `${invalid}/${name}`;
            for (const code of new Set(expectedDiagnostics(path.join(repoRoot, file)).map(e => e.split(' ')[0]))) {
                const hit = report.diagnostics.find(d => d.file === file && d.code === code);
                expect(hit, `${code} in ${file}`).toBeDefined();
                expect(Number.isInteger(hit!.line) && hit!.line >= 1).toBe(true);
                expect(Number.isInteger(hit!.column) && hit!.column >= 1).toBe(true);
                expect(hit!.message).not.toBe('');
            }
        }
    });

    test('a plan with no `katalog` line that uses catalogue variables: check exits 1 with SU012, generate exits 1 and writes nothing', async () => {
        // In a folder of its own: the fixture folder holds catalogues with errors of their own.
        const plan = path.join(tempDir('unpinned'), 'utan-katalog.suplan');
        writeFileSync(plan, readFileSync(path.join(repoRoot, 'test/fixtures/invalid/SU012-utan-katalog.suplan'), 'utf8'));
        const check = await runCli(['check', plan, '--catalogue', testCatalogues]);
        expect(check.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 fel, 0 varningar/);
        expect(check.code).toBe(1);
        expect(check.stdout).toContain('error SU012: Variabeln "test.samtal" finns inte');
        expect(check.stdout).toContain('Planen anger inte katalogen "test": lägg till `katalog test version "…"`');
        const out = tempDir('generate-unpinned');
        const generate = await runCli(['generate', plan, '--target', 'json,markdown', '--out', out, '--catalogue', testCatalogues]);
        expect(generate.code).toBe(1);
        expect(generate.stderr).toContain('har fel; inga filer skrevs.');
        expect(readdirSync(out)).toEqual([]);
    });

    test('the example plans and catalogues check clean: exit 0', async () => {
        const result = await runCli(['check', 'examples']);
        expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 fel, 0 varningar/);
        expect(result.code).toBe(0);
    });
});
