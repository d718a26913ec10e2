import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, runCli, stackLines, tempDir } from './cli-helper.js';

/**
 * The files `catalogue import` and `data import` read (workbooks and CSV) are read as plans are:
 * a regular file only, so a FIFO never blocks the command, and at most 100 MB. Each run is killed
 * after a minute, so a hang shows as code -1 instead of a stuck suite.
 */
const dir = tempDir('import-input');
const plan = path.resolve('examples/plans/02-missbruk-behandling.suplan');
beforeAll(() => {
    ensureBuilt();
    execFileSync('mkfifo', [path.join(dir, 'bbic-2023.csv')]);
    execFileSync('mkfifo', [path.join(dir, 'data.csv')]);
    // A sparse file: 101 MB by its size, nothing on disk, refused before it is read.
    writeFileSync(path.join(dir, 'huge-2023.csv'), '');
    truncateSync(path.join(dir, 'huge-2023.csv'), 101 * 1024 * 1024);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files to import', () => {
    test('catalogue import of a FIFO: one line, exit 2, nothing written', async () => {
        const result = await runCli(['catalogue', 'import', path.join(dir, 'bbic-2023.csv'), '--out', path.join(dir, 'out.sucat')], { timeoutMs: 60_000 });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/bbic-2023\.csv: ingen vanlig fil \(en FIFO, en enhet eller en mapp\); läses inte\n$/);
        expect(stackLines(result.stderr)).toEqual([]);
        expect(existsSync(path.join(dir, 'out.sucat'))).toBe(false);
    });

    test('catalogue import of a file over 100 MB is refused with its size, in English too', async () => {
        const result = await runCli(['catalogue', 'import', path.join(dir, 'huge-2023.csv'), '--out', '-', '--lang', 'en'], { timeoutMs: 60_000 });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/huge-2023\.csv: the file is 101 MB; a file to import may be at most 100 MB\n$/);
    });

    test('data import of a FIFO: one line, exit 2', async () => {
        const result = await runCli(['data', 'import', path.join(dir, 'data.csv'), '--plan', plan, '--out', path.join(dir, 'data-out.csv')], { timeoutMs: 60_000 });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/data\.csv: ingen vanlig fil/);
        expect(existsSync(path.join(dir, 'data-out.csv'))).toBe(false);
    });
});
