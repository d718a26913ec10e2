import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli, tempDir } from './cli-helper.js';

/**
 * Catalogues found near a plan (its folder and upward, in kataloger/) are read only when a plan
 * being checked can name one (`katalog` or `använd`): a plan that uses no catalogue is checked
 * without reading or parsing them, which is most of a one-plan check's start-up (issue 10).
 */
const dir = tempDir('discovery');
beforeAll(() => {
    ensureBuilt();
    mkdirSync(path.join(dir, 'planer'));
    mkdirSync(path.join(dir, 'kataloger'));
    mkdirSync(path.join(dir, '.git'));
    cpSync(path.join(repoRoot, 'examples/plans/02-missbruk-behandling.suplan'), path.join(dir, 'planer/utan-katalog.suplan'));
    cpSync(path.join(repoRoot, 'examples/plans/08-bbic-samtal.suplan'), path.join(dir, 'planer/med-katalog.suplan'));
    cpSync(path.join(repoRoot, 'examples/catalogues/bbic-2023.sucat'), path.join(dir, 'kataloger/bbic-2023.sucat'));
    writeFileSync(path.join(dir, 'kataloger/trasig-2024.sucat'), 'katalog trasig "Trasig" version "2024" {\n    variabel\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a plan without katalog or använd is checked without the catalogues near it', async () => {
    const result = await runCli(['check', 'planer/utan-katalog.suplan'], { cwd: dir });
    expect(result.stdout + result.stderr).not.toContain('trasig');
    expect(result.code).toBe(0);
});

test('a plan that names a catalogue reads them all, and an error in one is reported', async () => {
    const result = await runCli(['check', 'planer/med-katalog.suplan'], { cwd: dir });
    expect(result.stdout).toMatch(/^kataloger\/trasig-2024\.sucat:\d+:\d+: error SU001/m);
    expect(result.code).toBe(1);
});

test('checked together, the plan that names a catalogue makes them read for both', async () => {
    const result = await runCli(['check', 'planer'], { cwd: dir });
    expect(result.stdout).toMatch(/^kataloger\/trasig-2024\.sucat:\d+:\d+: error SU001/m);
    expect(result.stdout).not.toMatch(/^planer\//m);
});
