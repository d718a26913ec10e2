import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('suplan: help, version and usage errors', () => {
    test('--version prints the package version', async () => {
        const result = await runCli(['--version']);
        expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    test('--help lists the commands and the exit codes, in Swedish by default and in English with --lang en', async () => {
        const sv = await runCli(['--help']);
        expect(sv.code).toBe(0);
        for (const command of ['check', 'new', 'generate']) expect(sv.stdout).toMatch(new RegExp(`^\\s+${command} `, 'm'));
        expect(sv.stdout).toContain('kontrollera planer och kataloger');
        expect(sv.stdout).toContain('Slutkoder:');
        const en = await runCli(['--lang', 'en', '--help']);
        expect(en.code).toBe(0);
        expect(en.stdout).toContain('check plans and catalogues');
        expect(en.stdout).toContain('Exit codes:');
    });

    test.each([
        ['check', '--format <format>', 'Kontrollera planer och kataloger', 'Check plans and catalogues'],
        ['new', '--title <title>', 'Skapa en ny plan', 'Create a new plan'],
        ['generate', '--target <targets>', 'Generera filer från en plan', 'Generate files from a plan'],
    ])('%s --help describes the command and its English flags', async (command, flag, sv, en) => {
        const swedish = await runCli([command, '--help']);
        expect(swedish.code).toBe(0);
        expect(swedish.stdout).toContain(`Usage: suplan ${command}`);
        expect(swedish.stdout).toContain(flag);
        expect(swedish.stdout).toContain(sv);
        const english = await runCli([command, '--help', '--lang', 'en']);
        expect(english.code).toBe(0);
        expect(english.stdout).toContain(en);
        expect(english.stdout).toContain('Exit codes:');
    });

    test('the catalogue command is registered, and its own --version is not taken for the program\'s', async () => {
        const help = await runCli(['--help']);
        expect(help.stdout).toMatch(/^\s+catalogue /m);
        const dir = tempDir('usage-catalogue');
        writeFileSync(path.join(dir, 'k.csv'), 'variabel;etikett;värdemängd;kommentar;processteg\nsamtal;Samtal;ja/nej;Samtal med barnet.;utredning\n');
        const result = await runCli(['catalogue', 'import', 'k.csv', '--name', 'k', '--version', '2023', '-o', 'k.sucat'], { cwd: dir });
        expect(result.stdout).not.toBe(`${version}\n`);
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(dir, 'k.sucat'), 'utf8')).toContain('katalog k version "2023"');
    });

    test('no command: help on stderr, exit 2', async () => {
        const result = await runCli([]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('Usage: suplan');
    });

    test.each([
        [['chek', 'x'], 'sv', 'suplan: okänt kommando chek (menade du check?)'],
        [['check', 'x.suplan', '--formt', 'json'], 'sv', 'suplan: okänd flagga --formt (menade du --format?)'],
        [['check'], 'en', 'suplan: missing required argument paths'],
        [['check', 'x.suplan', '--lang', 'de'], 'sv', "suplan: ogiltigt värde 'de' för --lang; tillåtna värden: sv, en"],
        [['new', 'a.suplan', 'b.suplan'], 'en', 'suplan: too many arguments'],
    ])('usage error %j: exit 2 and one line', async (args, language, line) => {
        const result = await runCli(language === 'en' ? [...args, '--lang', 'en'] : args);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(line + '\n');
        expect(stackLines(result.stderr)).toEqual([]);
    });
});
