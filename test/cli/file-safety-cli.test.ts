import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

/** `check` on hostile folders and files: every bad entry is reported on its own line and the rest is checked. */
const plan = readFileSync(path.join(repoRoot, 'examples/plans/01-ekonomiskt-bistand.suplan'), 'utf8');

/** A folder with the example catalogues in `kataloger/` and a plans folder holding two good plans. */
function workspace(prefix: string): { dir: string; plans: string } {
    const dir = tempDir(prefix);
    cpSync(path.join(repoRoot, 'examples/catalogues'), path.join(dir, 'kataloger'), { recursive: true });
    const plans = path.join(dir, 'plans');
    mkdirSync(plans);
    writeFileSync(path.join(plans, 'a.suplan'), plan);
    writeFileSync(path.join(plans, 'b.suplan'), readFileSync(path.join(repoRoot, 'examples/plans/06-single-case.suplan')));
    return { dir, plans };
}

describe('check on hostile folders and files', () => {
    beforeAll(() => ensureBuilt());

    test('a FIFO, a dangling link, a link loop, a link to /dev/zero and a link out of the tree are each reported; both plans are checked', async () => {
        const { dir, plans } = workspace('hostile');
        execFileSync('mkfifo', [path.join(plans, 'fifo.suplan')]);
        symlinkSync('missing.suplan', path.join(plans, 'dangling.suplan'));
        symlinkSync('loop-b.suplan', path.join(plans, 'loop-a.suplan'));
        symlinkSync('loop-a.suplan', path.join(plans, 'loop-b.suplan'));
        symlinkSync('/dev/zero', path.join(plans, 'zero.suplan'));
        symlinkSync('/usr', path.join(plans, 'usr'));
        symlinkSync('..', path.join(plans, 'parent'));
        const result = await runCli(['check', 'plans', '--lang', 'en', '--format', 'json'], { cwd: dir });
        expect(stackLines(result.stderr)).toEqual([]);
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout) as { files: string[]; diagnostics: { file: string; severity: string; message: string }[] };
        expect(report.files).toEqual(['plans/a.suplan', 'plans/b.suplan']);
        const byFile = Object.fromEntries(report.diagnostics.map(d => [d.file, `${d.severity}: ${d.message}`]));
        expect(byFile).toEqual({
            'plans/fifo.suplan': 'error: not a regular file (a FIFO, a device or a folder); not read',
            'plans/dangling.suplan': 'error: the link points to a file that does not exist',
            'plans/loop-a.suplan': 'error: the link points in a loop',
            'plans/loop-b.suplan': 'error: the link points in a loop',
            'plans/zero.suplan': 'error: not a regular file (a FIFO, a device or a folder); not read',
            'plans/usr': 'info: the link points out of the folder (/usr) and is not followed',
            'plans/parent': `info: the link points out of the folder (${dir}) and is not followed`,
        });
    }, 60_000);

    test('a link to a folder inside the tree is followed once, even when it points back up', async () => {
        const { dir, plans } = workspace('inside');
        mkdirSync(path.join(plans, 'sub'));
        writeFileSync(path.join(plans, 'sub', 'c.suplan'), plan);
        symlinkSync('..', path.join(plans, 'sub', 'up'));
        const result = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
        const report = JSON.parse(result.stdout) as { files: string[] };
        // Every example catalogue once (copied to kataloger/), and each plan once.
        const catalogues = readdirSync(path.join(repoRoot, 'examples/catalogues')).filter(f => f.endsWith('.sucat')).map(f => `kataloger/${f}`);
        expect(catalogues.length).toBeGreaterThanOrEqual(2);
        expect(report.files).toEqual(['plans/a.suplan', 'plans/b.suplan', 'plans/sub/c.suplan', ...catalogues].sort());
    }, 60_000);

    test('a file over 10 MB is refused with one line; a plan with an 8 MB string is checked and gets its diagnostics', async () => {
        const { dir, plans } = workspace('large');
        writeFileSync(path.join(plans, 'huge.suplan'), `// ${'x'.repeat(11 * 1024 * 1024)}\n`);
        // No purpose: SU003, in a plan whose question is an 8 MB string.
        writeFileSync(path.join(plans, 'long-string.suplan'), `plan "Lång" {\n    fråga "${'å'.repeat(4 * 1024 * 1024)}"\n}\n`);
        const result = await runCli(['check', 'plans', '--lang', 'en', '--format', 'json'], { cwd: dir });
        expect(stackLines(result.stderr)).toEqual([]);
        expect(result.stderr).not.toMatch(/internal error/);
        const report = JSON.parse(result.stdout) as { files: string[]; diagnostics: { file: string; line: number; code: string; message: string }[] };
        const huge = report.diagnostics.filter(d => d.file === 'plans/huge.suplan').map(d => `${d.line} ${d.message}`);
        expect(huge).toEqual(['1 the file is 11 MB; plans and catalogues may be at most 10 MB']);
        expect(report.diagnostics.filter(d => d.file === 'plans/long-string.suplan').map(d => d.code)).toContain('SU003');
        expect(report.files).toContain('plans/long-string.suplan');
    }, 120_000);

    test('UTF-16 is named in one line; invalid UTF-8 is an error at its line and column', async () => {
        const { dir, plans } = workspace('encoding');
        writeFileSync(path.join(plans, 'utf16.suplan'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')]));
        // In Latin-1 the first non-ASCII character is the first invalid UTF-8 byte.
        const latin1 = plan;
        const first = [...latin1].findIndex(c => c.charCodeAt(0) > 0x7f);
        const before = latin1.slice(0, first).split('\n');
        const line = before.length;
        const column = before[before.length - 1].length + 1;
        writeFileSync(path.join(plans, 'latin1.suplan'), Buffer.from(latin1, 'latin1'));
        const result = await runCli(['check', 'plans', '--lang', 'en'], { cwd: dir });
        const lines = result.stdout.split('\n');
        expect(lines.filter(l => l.startsWith('plans/utf16.suplan'))).toEqual(['plans/utf16.suplan:1:1: error: the file is saved as UTF-16; save it as UTF-8']);
        expect(lines.filter(l => l.startsWith('plans/latin1.suplan'))).toEqual([
            `plans/latin1.suplan:${line}:${column}: error: invalid UTF-8 at line ${line}, column ${column}; save the file as UTF-8`,
        ]);
        expect(result.stdout).not.toContain('\uFFFD');
    }, 60_000);

    test('a plan given by an absolute path finds its catalogues from any current folder', async () => {
        const dir = tempDir('absolute');
        mkdirSync(path.join(dir, '.git'));
        cpSync(path.join(repoRoot, 'examples/catalogues'), path.join(dir, 'kataloger'), { recursive: true });
        mkdirSync(path.join(dir, 'planer', 'team'), { recursive: true });
        const file = path.join(dir, 'planer', 'team', 'plan.suplan');
        writeFileSync(file, readFileSync(path.join(repoRoot, 'examples/plans/08-bbic-samtal.suplan')));
        // The current folder is another repository (this one).
        const result = await runCli(['check', file], { cwd: path.join(repoRoot, 'examples') });
        expect(result.stdout).not.toContain('SU010');
        expect(result.code).toBe(0);
    }, 60_000);
});

/**
 * `catalogue export`, `catalogue import --update` and `new --catalogue` read catalogues as `check`
 * does (src/files/read-source.ts): a FIFO or a link to a device named `*.sucat` is refused without
 * being read (a plain read would block or never end), a file over 10 MB in one line, UTF-16 named.
 * Each run is killed after a minute, so a read that blocks fails the test instead of hanging it.
 */
describe('catalogues read by export, import --update and new', () => {
    beforeAll(() => ensureBuilt());
    const limit = { timeoutMs: 60_000 };

    test('export and import --update refuse a FIFO, a link to /dev/zero, a file over 10 MB and UTF-16 with one line each, exit 2', async () => {
        const dir = tempDir('catalogue-read');
        execFileSync('mkfifo', [path.join(dir, 'fifo.sucat')]);
        symlinkSync('/dev/zero', path.join(dir, 'zero.sucat'));
        writeFileSync(path.join(dir, 'huge.sucat'), `// ${'x'.repeat(11 * 1024 * 1024)}\n`);
        const catalogue = readFileSync(path.join(repoRoot, 'examples/catalogues/bbic-2023.sucat'), 'utf8');
        writeFileSync(path.join(dir, 'utf16.sucat'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(catalogue, 'utf16le')]));
        const expected: Record<string, string> = {
            'fifo.sucat': 'suplan: fifo.sucat: not a regular file (a FIFO, a device or a folder); not read',
            'zero.sucat': 'suplan: zero.sucat: not a regular file (a FIFO, a device or a folder); not read',
            'huge.sucat': 'suplan: huge.sucat: the file is 11 MB; plans and catalogues may be at most 10 MB',
            'utf16.sucat': 'suplan: utf16.sucat: the file is saved as UTF-16; save it as UTF-8',
        };
        for (const [file, line] of Object.entries(expected)) {
            const exported = await runCli(['catalogue', 'export', file, '--out', 'out.csv', '--lang', 'en'], { cwd: dir, ...limit });
            expect([exported.code, exported.stderr], `export ${file}`).toEqual([2, `${line}\n`]);
            const updated = await runCli(['catalogue', 'import', 'in.csv', '--update', file, '--out', 'out.sucat', '--lang', 'en'], { cwd: dir, ...limit });
            expect([updated.code, updated.stderr], `import --update ${file}`).toEqual([2, `${line}\n`]);
        }
        expect(readdirSync(dir).sort()).toEqual(['fifo.sucat', 'huge.sucat', 'utf16.sucat', 'zero.sucat']);
        // A catalogue that is not there is still "not found".
        const missing = await runCli(['catalogue', 'export', 'missing.sucat'], { cwd: dir, ...limit });
        expect([missing.code, missing.stderr]).toEqual([2, 'suplan: hittar inte missing.sucat\n']);
    }, 300_000);

    test('new --catalogue names each catalogue it cannot read on standard error and starts from the one it asked for', async () => {
        const dir = tempDir('new-catalogue-read');
        mkdirSync(path.join(dir, '.git'));
        cpSync(path.join(repoRoot, 'examples/catalogues'), path.join(dir, 'kataloger'), { recursive: true });
        execFileSync('mkfifo', [path.join(dir, 'kataloger', 'fifo.sucat')]);
        symlinkSync('/dev/zero', path.join(dir, 'kataloger', 'zero.sucat'));
        writeFileSync(path.join(dir, 'kataloger', 'huge.sucat'), `// ${'x'.repeat(11 * 1024 * 1024)}\n`);
        const created = await runCli(['new', 'planer/plan.suplan', '--catalogue', 'bbic@2023'], { cwd: dir, ...limit });
        expect(created.code, created.stderr).toBe(0);
        expect(created.stderr.split('\n').filter(Boolean).sort()).toEqual([
            'kataloger/fifo.sucat: ingen vanlig fil (en FIFO, en enhet eller en mapp); läses inte',
            'kataloger/huge.sucat: filen är 11 MB; planer och kataloger får vara högst 10 MB',
            'kataloger/zero.sucat: ingen vanlig fil (en FIFO, en enhet eller en mapp); läses inte',
        ]);
        expect(stackLines(created.stderr)).toEqual([]);
        expect(readFileSync(path.join(dir, 'planer', 'plan.suplan'), 'utf8')).toContain('katalog bbic version "2023"');
    }, 120_000);
});
