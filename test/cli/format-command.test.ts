import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

const example = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'plans', name), 'utf8');
/** The example's lines indented by 2 spaces per level instead of 4 (strings keep their spaces: none starts a line). */
const twoSpaces = (text: string) => text.replace(/^((?: {4})+)/gm, indent => ' '.repeat(indent.length / 2));

/** A folder with one plan in the house style, one badly indented, one with CRLF and tabs, and a catalogue. */
function project(): string {
    const dir = tempDir('format');
    cpSync(path.join(repoRoot, 'examples', 'catalogues'), path.join(dir, 'kataloger'), { recursive: true });
    writeFileSync(path.join(dir, 'clean.suplan'), example('01-ekonomiskt-bistand.suplan'));
    writeFileSync(path.join(dir, 'indented.suplan'), twoSpaces(example('02-missbruk-behandling.suplan')));
    writeFileSync(path.join(dir, 'windows.suplan'), example('03-hemmaplansteam.suplan').replace(/^((?: {4})+)/gm, i => '\t'.repeat(i.length / 4)).replace(/\n/g, '\r\n'));
    return dir;
}

describe('suplan format', () => {
    test('npx suplan format --check examples: exit 0, nothing listed', async () => {
        const result = await runCli(['format', '--check', 'examples']);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^0 av \d+ filer skulle formateras\n$/);
        expect(result.code).toBe(0);
    });

    test('--check lists the files that would change and exits 1, changing nothing', async () => {
        const dir = project();
        const before = readdirSync(dir).map(f => [f, f.endsWith('.suplan') ? readFileSync(path.join(dir, f), 'utf8') : '']);
        const result = await runCli(['format', '--check', '.'], { cwd: dir });
        expect(result.stdout).toBe('indented.suplan\nwindows.suplan\n');
        expect(result.code).toBe(1);
        expect(readdirSync(dir).map(f => [f, f.endsWith('.suplan') ? readFileSync(path.join(dir, f), 'utf8') : ''])).toEqual(before);
    });

    test('without --check rewrites the changed files, lists them, and a second run changes nothing', async () => {
        const dir = project();
        const result = await runCli(['format', '.', '--lang', 'en'], { cwd: dir });
        expect(result.stdout).toBe('Formatted indented.suplan\nFormatted windows.suplan\n');
        expect(result.stderr).toMatch(/^2 of \d+ files formatted\n$/);
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(dir, 'indented.suplan'), 'utf8')).toBe(example('02-missbruk-behandling.suplan'));
        // CRLF kept, tabs become four spaces.
        expect(readFileSync(path.join(dir, 'windows.suplan'), 'utf8')).toBe(example('03-hemmaplansteam.suplan').replace(/\n/g, '\r\n'));
        expect(readdirSync(dir).sort()).toEqual(['clean.suplan', 'indented.suplan', 'kataloger', 'windows.suplan']);
        const again = await runCli(['format', '--check', '.'], { cwd: dir });
        expect(again.stdout).toBe('');
        expect(again.code).toBe(0);
        const checked = await runCli(['check', '.'], { cwd: dir });
        expect(checked.code).toBe(0);
    });

    test('catalogues are formatted too', async () => {
        const dir = tempDir('format-sucat');
        const catalogue = readFileSync(path.join(repoRoot, 'examples', 'catalogues', 'bbic-2023.sucat'), 'utf8');
        writeFileSync(path.join(dir, 'bbic-2023.sucat'), twoSpaces(catalogue));
        const check = await runCli(['format', '--check', 'bbic-2023.sucat'], { cwd: dir });
        expect(check.stdout).toBe('bbic-2023.sucat\n');
        expect(check.stderr).toBe('1 av 1 fil skulle formateras\n');
        expect(check.code).toBe(1);
        const result = await runCli(['format', 'bbic-2023.sucat'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(dir, 'bbic-2023.sucat'), 'utf8')).toBe(catalogue);
    });

    test('a byte-order mark is kept', async () => {
        const dir = tempDir('format-bom');
        writeFileSync(path.join(dir, 'bom.suplan'), '\uFEFFplan "B" {\n  syfte kontroll\n  fråga "Vad?"\n}\n');
        const result = await runCli(['format', 'bom.suplan'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(dir, 'bom.suplan'), 'utf8')).toBe('\uFEFFplan "B" {\n    syfte kontroll\n    fråga "Vad?"\n}\n');
    });

    test('a file with a syntax error is reported with its place and left untouched: exit 1; the others are formatted', async () => {
        const dir = tempDir('format-syntax');
        const broken = 'plan "Trasig" {\n  syfte kontroll\n  fråga "Vad?"\n  variabler { lokal x "X" : }\n}\n';
        writeFileSync(path.join(dir, 'broken.suplan'), broken);
        writeFileSync(path.join(dir, 'good.suplan'), 'plan "Hel" {\n  syfte kontroll\n  fråga "Vad?"\n}\n');
        const result = await runCli(['format', '.'], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^broken\.suplan:4:\d+: error SU001: Syntaxfel: /m);
        expect(result.stderr).toContain('broken.suplan har syntaxfel och formaterades inte');
        expect(stackLines(result.stderr)).toEqual([]);
        expect(result.stdout).toBe('Formaterade good.suplan\n');
        expect(readFileSync(path.join(dir, 'broken.suplan'), 'utf8')).toBe(broken);
        const checkOnly = await runCli(['format', '--check', 'broken.suplan'], { cwd: dir });
        expect(checkOnly.code).toBe(1);
        expect(checkOnly.stdout).toBe('');
    });

    test('a missing path, a file of another kind, or an unreadable file: exit 2', async () => {
        const dir = tempDir('format-io');
        const missing = await runCli(['format', 'nope.suplan'], { cwd: dir });
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/^suplan: .*nope\.suplan/);
        writeFileSync(path.join(dir, 'notes.txt'), 'x');
        const other = await runCli(['format', 'notes.txt'], { cwd: dir });
        expect(other.code).toBe(2);
        expect(other.stderr).toBe('suplan: notes.txt är varken en plan (.suplan) eller en katalog (.sucat)\n');
        writeFileSync(path.join(dir, 'latin1.suplan'), Buffer.from([0x70, 0x6c, 0x61, 0x6e, 0x20, 0xe5, 0x0a]));
        const unreadable = await runCli(['format', '--check', '.'], { cwd: dir });
        expect(unreadable.code).toBe(2);
        expect(unreadable.stderr).toContain('latin1.suplan:1:6: error: ogiltig UTF-8');
        const usage = await runCli(['format'], { cwd: dir });
        expect(usage.code).toBe(2);
    });
});
