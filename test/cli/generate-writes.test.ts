import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliPath, ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

/** `generate` writes every file or none, names the target when it cannot, and leaves no temporary files. */
const PLAN = path.join(repoRoot, 'examples/plans/01-ekonomiskt-bistand.suplan');

/** Every file under a folder, hidden ones included. */
function allFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('suplan generate writes', () => {
    test('--out naming an existing file: the message names it, nothing is written', async () => {
        const dir = tempDir('gen-outfile');
        const out = path.join(dir, 'ut.txt');
        writeFileSync(out, 'finns');
        const result = await runCli(['generate', PLAN, '--target', 'json,markdown', '--out', out, '--lang', 'en']);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`suplan: ${out} is a file, not a folder; give a folder with --out\n`);
        expect(allFiles(dir)).toEqual(['ut.txt']);
    });

    test('a read-only --out folder: the message names the target, not a temporary file; no temporary file is left', async () => {
        if (process.getuid?.() === 0) {
            // root writes into read-only folders; a file in the way of a target fails the same path.
            const dir = tempDir('gen-readonly');
            mkdirSync(path.join(dir, '01-ekonomiskt-bistand.md'));
            const result = await runCli(['generate', PLAN, '--target', 'json,markdown', '--out', dir, '--lang', 'en']);
            expect(result.code).toBe(2);
            expect(result.stderr).toBe(`suplan: cannot write ${path.join(dir, '01-ekonomiskt-bistand.md')}: it is a folder\n`);
            expect(result.stderr).not.toMatch(/\.tmp/);
            expect(allFiles(dir)).toEqual([]);
            return;
        }
        const dir = tempDir('gen-readonly');
        chmodSync(dir, 0o555);
        const result = await runCli(['generate', PLAN, '--target', 'json', '--out', dir, '--lang', 'en']);
        chmodSync(dir, 0o755);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`suplan: cannot write ${path.join(dir, '01-ekonomiskt-bistand.json')} (EACCES)\n`);
        expect(allFiles(dir)).toEqual([]);
    });

    test('with several targets, one that cannot be written means none is written (no rename before every file is written)', async () => {
        const dir = tempDir('gen-none');
        // The Markdown target's file name is taken by a folder; the JSON target comes first.
        mkdirSync(path.join(dir, '01-ekonomiskt-bistand.md'));
        writeFileSync(path.join(dir, '01-ekonomiskt-bistand.json'), 'gammal');
        const result = await runCli(['generate', PLAN, '--target', 'json,markdown', '--out', dir]);
        expect(result.code).toBe(2);
        expect(stackLines(result.stderr)).toEqual([]);
        expect(readFileSync(path.join(dir, '01-ekonomiskt-bistand.json'), 'utf8')).toBe('gammal');
        expect(allFiles(dir)).toEqual(['01-ekonomiskt-bistand.json']);
    });

    test('SIGINT or SIGTERM while writing large files leaves no hidden .tmp files behind', async () => {
        const dir = tempDir('gen-signal');
        // A plan with a 6 MB question: every target writes megabytes.
        const plan = readFileSync(PLAN, 'utf8').replace(/fråga "[^"]*"/, `fråga "${'Hur många månader? '.repeat(330_000)}"`);
        const planFile = path.join(dir, 'stor.suplan');
        writeFileSync(planFile, plan);
        const out = path.join(dir, 'ut');
        for (const [signal, delay] of [['SIGINT', 50], ['SIGTERM', 150], ['SIGINT', 400], ['SIGINT', 900], ['SIGTERM', 1500], ['SIGINT', 2500]] as const) {
            const child = spawn(process.execPath, [cliPath, 'generate', planFile, '--target', 'json,markdown,form-html', '--out', out], { stdio: 'ignore' });
            const exited = new Promise<number | null>(resolve => child.on('exit', (exitCode, exitSignal) => resolve(exitCode ?? (exitSignal ? -1 : null))));
            // Send the signal as soon as a temporary file appears, or after the delay.
            await new Promise<void>(resolve => {
                const started = Date.now();
                const timer = setInterval(() => {
                    let temporaries: string[] = [];
                    try {
                        temporaries = readdirSync(out).filter(name => name.endsWith('.tmp'));
                    } catch { /* not created yet */ }
                    if (temporaries.length > 0 || Date.now() - started > delay || child.exitCode !== null) {
                        clearInterval(timer);
                        child.kill(signal);
                        resolve();
                    }
                }, 2);
            });
            const code = await exited;
            // Killed by the signal before the CLI started (-1), finished, or stopped by it (130, 143).
            expect([-1, 0, 130, 143]).toContain(code);
            let left: string[] = [];
            try {
                left = readdirSync(out).filter(name => name.startsWith('.'));
            } catch { /* never created */ }
            expect(left, `${signal} after ${delay} ms`).toEqual([]);
        }
    }, 240_000);
});
