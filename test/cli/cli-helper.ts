import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'cli.js');

const lockDir = path.join(repoRoot, 'dist', '.cli-build-lock');
const bundle = path.join(repoRoot, 'dist', 'cli', 'main.cjs');
let built = false;

function sleep(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The newest modification time of a file under `folder` (recursively), or of `folder` itself. */
function newestMtime(folder: string): number {
    const stat = statSync(folder);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let newest = 0;
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
    return newest;
}

/** Whether dist/cli/main.cjs is newer than everything it is built from. */
function bundleIsFresh(): boolean {
    if (!existsSync(bundle)) return false;
    const sources = Math.max(...['src', 'esbuild.mjs', 'package.json'].map(file => newestMtime(path.join(repoRoot, file))));
    return statSync(bundle).mtimeMs >= sources;
}

/**
 * Bundles the CLI into dist/cli/ (`node esbuild.mjs cli`), which `bin/cli.js` runs, unless the
 * bundle is newer than src/. Test files run in parallel workers; a lock folder keeps two builds from
 * running at once, and esbuild.mjs replaces changed files by renaming, so a CLI started meanwhile
 * never reads a half-written file. Used by each CLI test file's `beforeAll`.
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
            if (Date.now() > deadline) throw new Error('timed out waiting for another build of dist/cli/');
            sleep(200);
        }
    }
    try {
        if (!bundleIsFresh()) {
            const result = spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.mjs'), 'cli'], { cwd: repoRoot, encoding: 'utf8' });
            if (result.status !== 0) {
                throw new Error(`node esbuild.mjs cli failed (${result.status}):\n${result.stdout}${result.stderr}`);
            }
            // An unchanged bundle is not rewritten: mark it as built from the current sources.
            const now = new Date();
            utimesSync(bundle, now, now);
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

/**
 * Runs `node bin/cli.js …` as a subprocess, with `env` added to the environment; with `timeoutMs`,
 * one that has not ended by then is killed (code -1).
 */
export function runCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<CliResult> {
    return new Promise(resolve => {
        execFile(process.execPath, [cliPath, ...args], {
            cwd: options.cwd ?? repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SUPLAN_DEBUG: '', ...options.env },
            ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
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
