import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TITLE, fileNameFor, planString, renderNewPlan, templateExampleTexts } from '../../src/template/plan-template.js';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

interface JsonReport {
    diagnostics: Array<{ severity: string; code: string; accepted?: string }>;
}

beforeAll(() => ensureBuilt(), 300_000);

/** The plan with each of the template's example texts replaced by a text of the plan's own. */
function replaceExamples(text: string): string {
    let result = text;
    let n = 0;
    for (const example of templateExampleTexts()) result = result.replaceAll(planString(example), planString(`Planens egen uppgift ${++n}`));
    return result;
}

/** A temporary project with the example catalogues in `kataloger/`. */
function projectWithCatalogues(): string {
    const dir = tempDir('new');
    mkdirSync(path.join(dir, 'kataloger'));
    for (const name of readdirSync(path.join(repoRoot, 'examples', 'catalogues')).filter(f => f.endsWith('.sucat'))) {
        copyFileSync(path.join(repoRoot, 'examples', 'catalogues', name), path.join(dir, 'kataloger', name));
    }
    return dir;
}

describe('suplan new', () => {
    test('scaffolds a plan without a catalogue: no errors, a warning at each example text, clean once they are replaced', async () => {
        const dir = tempDir('new-plain');
        const created = await runCli(['new', 'plan.suplan', '--title', 'Stöd till föräldrar'], { cwd: dir });
        expect(created.code).toBe(0);
        expect(created.stdout).toContain('Skapade plan.suplan');
        expect(created.stdout).toContain('Ersätt mallens exempeltexter och kontrollera planen med: suplan check plan.suplan');
        const text = readFileSync(path.join(dir, 'plan.suplan'), 'utf8');
        expect(text).toContain('plan "Stöd till föräldrar" {');
        expect(text).toMatch(/\/\/ Syfte: /);
        const examples = [...templateExampleTexts()].filter(e => e !== DEFAULT_TITLE);
        const checked = await runCli(['check', 'plan.suplan'], { cwd: dir });
        const questionLine = text.split('\n').findIndex(line => line.startsWith('    fråga "')) + 1;
        expect(checked.stdout).toContain(`plan.suplan:${questionLine}:11: warning SU090: Mallens exempeltext står kvar: "Minskar klienternas problem under…".\n`);
        expect(checked.stdout).toContain('\n  hjälp: Ersätt den med planens egen uppgift.');
        expect(checked.stdout.split('\n').filter(line => / (error|warning) /.test(line)).map(line => line.split(' ')[2])).toEqual(examples.map(() => 'SU090:'));
        expect(checked.stdout).toMatch(new RegExp(`^0 fel, ${examples.length} varningar i 1 fil$`, 'm'));
        expect(checked.code).toBe(1);
        writeFileSync(path.join(dir, 'plan.suplan'), replaceExamples(text));
        const clean = await runCli(['check', 'plan.suplan'], { cwd: dir });
        expect(clean.stdout).toBe('0 fel, 0 varningar i 1 fil\n');
        expect(clean.code).toBe(0);
        // The plan and its .editorconfig (four spaces): no temporary file is left behind.
        expect(readdirSync(dir).sort()).toEqual(['.editorconfig', 'plan.suplan']);
        expect(readFileSync(path.join(dir, '.editorconfig'), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'examples', '.editorconfig'), 'utf8'));
        expect(readFileSync(path.join(dir, '.editorconfig'), 'utf8')).toContain('indent_style = space\nindent_size = 4\n');
    });

    test('with --catalogue: pins the version, uses one of its variables; only the example texts warn, and replaced it checks clean', async () => {
        const dir = projectWithCatalogues();
        const created = await runCli(['new', 'planer/barn.suplan', '--catalogue', 'bbic@2023', '--title', 'Barn "i" fokus'], { cwd: dir });
        expect(created.code).toBe(0);
        const text = readFileSync(path.join(dir, 'planer', 'barn.suplan'), 'utf8');
        expect(text).toContain('katalog bbic version "2023"');
        expect(text).toMatch(/^\s+använd bbic\.\S+$/m);
        const checked = await runCli(['check', 'planer/barn.suplan', '--format', 'json'], { cwd: dir });
        const examples = [...templateExampleTexts()].filter(e => e !== DEFAULT_TITLE);
        expect((JSON.parse(checked.stdout) as JsonReport).diagnostics.map(d => [d.code, d.severity])).toEqual(examples.map(() => ['SU090', 'warning']));
        expect(checked.code).toBe(1);
        writeFileSync(path.join(dir, 'planer', 'barn.suplan'), replaceExamples(text));
        const clean = await runCli(['check', 'planer/barn.suplan', '--format', 'json'], { cwd: dir });
        expect((JSON.parse(clean.stdout) as JsonReport).diagnostics).toEqual([]);
        expect(clean.code).toBe(0);
    });

    test('the default file name comes from the title', async () => {
        const dir = tempDir('new-default');
        const created = await runCli(['new', '--title', 'Ålder och öppenvård'], { cwd: dir });
        expect(created.code).toBe(0);
        expect(readdirSync(dir).sort()).toEqual(['.editorconfig', 'alder-och-oppenvard.suplan']);
    });

    test('without --title the default title is an example text too', async () => {
        const dir = tempDir('new-untitled');
        const created = await runCli(['new'], { cwd: dir });
        expect(created.code).toBe(0);
        const checked = await runCli(['check', 'ny-uppfoljningsplan.suplan', '--lang', 'en'], { cwd: dir });
        expect(checked.stdout).toContain(`ny-uppfoljningsplan.suplan:4:6: warning SU090: The template's example text is still here: "${DEFAULT_TITLE}".`);
        expect(checked.stdout).toMatch(new RegExp(`^0 errors, ${templateExampleTexts().size} warnings in 1 file$`, 'm'));
    });

    test('refuses to overwrite an existing file: exit 2, file untouched', async () => {
        const dir = tempDir('new-exists');
        writeFileSync(path.join(dir, 'plan.suplan'), 'original\n');
        const result = await runCli(['new', 'plan.suplan'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr.trimEnd().split('\n')).toEqual(['suplan: plan.suplan finns redan; välj ett annat filnamn (filen skrivs inte över)']);
        expect(stackLines(result.stderr)).toEqual([]);
        expect(readFileSync(path.join(dir, 'plan.suplan'), 'utf8')).toBe('original\n');
        expect(readdirSync(dir)).toEqual(['plan.suplan']);
    });

    test('an .editorconfig already in the folder or above it is kept, and none is added', async () => {
        const dir = tempDir('new-editorconfig');
        mkdirSync(path.join(dir, '.git'));
        writeFileSync(path.join(dir, '.editorconfig'), 'root = true\n');
        mkdirSync(path.join(dir, 'planer'));
        const created = await runCli(['new', 'planer/plan.suplan'], { cwd: dir });
        expect(created.code).toBe(0);
        expect(readdirSync(path.join(dir, 'planer'))).toEqual(['plan.suplan']);
        expect(readFileSync(path.join(dir, '.editorconfig'), 'utf8')).toBe('root = true\n');
    });

    test('an unknown catalogue version or a malformed spec: exit 2, nothing written', async () => {
        const dir = projectWithCatalogues();
        const missing = await runCli(['new', 'p.suplan', '--catalogue', 'bbic@1999', '--lang', 'en'], { cwd: dir });
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/^suplan: cannot find the catalogue bbic version "1999"/);
        const malformed = await runCli(['new', 'p.suplan', '--catalogue', 'bbic'], { cwd: dir });
        expect(malformed.code).toBe(2);
        expect(malformed.stderr).toMatch(/^suplan: ange katalogen som namn@version/);
        expect(existsSync(path.join(dir, 'p.suplan'))).toBe(false);
    });
});

describe('accepted warnings', () => {
    test('an accepted warning is reported as information with its reason and does not fail the check', async () => {
        const dir = tempDir('accepted');
        const base = replaceExamples(renderNewPlan({ title: 'Säsong', year: 2025 })).replace('urval alla', 'urval hela perioden')
            .replace('period 2025-01-01 .. 2025-12-31', 'period 2025-01-01 .. 2025-03-31');
        writeFileSync(path.join(dir, 'warned.suplan'), base);
        writeFileSync(path.join(dir, 'accepted.suplan'), base.replace(/\n}\n$/, '\n    acceptera SU031 "Säsongen beskrivs i rapporten"\n}\n'));

        const warned = await runCli(['check', 'warned.suplan', '--format', 'json'], { cwd: dir });
        expect((JSON.parse(warned.stdout) as JsonReport).diagnostics.map(d => [d.code, d.severity])).toEqual([['SU031', 'warning']]);
        expect(warned.code).toBe(1);

        const accepted = await runCli(['check', 'accepted.suplan', '--format', 'json'], { cwd: dir });
        const diagnostics = (JSON.parse(accepted.stdout) as JsonReport).diagnostics;
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ code: 'SU031', severity: 'info', accepted: 'Säsongen beskrivs i rapporten' });
        expect(accepted.code).toBe(0);
    });
});

describe('template helpers', () => {
    test('plan strings escape quotes and backslashes', () => {
        expect(planString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    });

    test('file names drop diacritics and punctuation', () => {
        expect(fileNameFor('Föräldrastöd – Jourpatrullen 2025')).toBe('foraldrastod-jourpatrullen-2025.suplan');
        expect(fileNameFor('???')).toBe('uppfoljningsplan.suplan');
    });
});
