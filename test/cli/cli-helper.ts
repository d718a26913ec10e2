import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'cli.js');

const lockDir = path.join(repoRoot, 'out', '.build-lock');
let built = false;

function sleep(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Compiles the sources into out/ with `tsc -b` (incremental, so cheap when nothing changed). Test
 * files run in parallel workers; a lock folder keeps two compilations from writing out/ at once.
 * Used by test/cli/global-setup.ts and by each CLI test file's `beforeAll`.
 */
export function ensureBuilt(): void {
    if (built) return;
    mkdirSync(path.dirname(lockDir), { recursive: true });
    const deadline = Date.now() + 300_000;
    for (;;) {
        try {
            mkdirSync(lockDir);
            break;
        } catch {
            // A lock older than five minutes was left by a killed run.
            try {
                if (Date.now() - statSync(lockDir).mtimeMs > 300_000) rmSync(lockDir, { recursive: true, force: true });
            } catch { /* released meanwhile */ }
            if (Date.now() > deadline) throw new Error('timed out waiting for another build of out/');
            sleep(200);
        }
    }
    try {
        const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], {
            cwd: repoRoot, encoding: 'utf8',
        });
        if (result.status !== 0) {
            throw new Error(`tsc -b failed (${result.status}):\n${result.stdout}${result.stderr}`);
        }
        built = true;
    } finally {
        rmSync(lockDir, { recursive: true, force: true });
    }
}

export interface CliResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs `node bin/cli.js …` as a subprocess. */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliResult> {
    return new Promise(resolve => {
        execFile(process.execPath, [cliPath, ...args], {
            cwd: options.cwd ?? repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SUPLAN_DEBUG: '' },
        }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

/** A fresh temporary folder outside the repository (so no `.git` above it). */
export function tempDir(prefix: string): string {
    return mkdtempSync(path.join(os.tmpdir(), `suplan-${prefix}-`));
}

/** Lines that look like a JavaScript stack frame. */
export function stackLines(text: string): string[] {
    return text.split('\n').filter(line => /^\s+at /.test(line));
}
