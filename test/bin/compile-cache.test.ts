import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, runCli, tempDir } from '../cli/cli-helper.js';

// bin/cli.js runs dist/cli/main.cjs through V8's code cache (bin/compile-cache.js). The cache may
// only make the CLI faster: every command must print and write the same with it, without it, with a
// damaged one and where it cannot be written.

const PLAN = 'examples/plans/02-missbruk-behandling.suplan';
let temp: string;

beforeAll(() => {
    ensureBuilt();
    temp = tempDir('compile-cache');
});

afterAll(() => {
    rmSync(temp, { recursive: true, force: true });
});

/** The cache files under `root`: `<folder>/<file>` → bytes. */
function cacheFiles(root: string): Map<string, Buffer> {
    const files = new Map<string, Buffer>();
    if (!existsSync(root)) return files;
    for (const folder of readdirSync(root)) {
        for (const file of readdirSync(path.join(root, folder))) files.set(`${folder}/${file}`, readFileSync(path.join(root, folder, file)));
    }
    return files;
}

describe('the code cache of bin/cli.js', () => {
    test('the first check writes it, the second reads it (V8 accepts it: it is not rewritten), the output is the same as without it', async () => {
        const root = path.join(temp, 'check');
        const without = await runCli(['check', PLAN, '--format', 'json'], { env: { SUPLAN_DISABLE_COMPILE_CACHE: '1', SUPLAN_COMPILE_CACHE: root } });
        expect(without.code).toBe(0);
        expect(cacheFiles(root).size, 'SUPLAN_DISABLE_COMPILE_CACHE=1 writes nothing').toBe(0);

        const first = await runCli(['check', PLAN, '--format', 'json'], { env: { SUPLAN_COMPILE_CACHE: root } });
        expect(first).toEqual(without);
        const written = cacheFiles(root);
        expect([...written.keys()]).toEqual([expect.stringMatching(new RegExp(`^[0-9a-f]{16}-${process.version.replaceAll('.', '\\.')}-${process.arch}/check\\.bin$`))]);
        const [file] = written.keys();
        const data = written.get(file)!;
        expect(data.length).toBeGreaterThan(100_000);
        const stamp = statSync(path.join(root, file)).mtimeMs;

        const second = await runCli(['check', PLAN, '--format', 'json'], { env: { SUPLAN_COMPILE_CACHE: root } });
        expect(second).toEqual(without);
        expect(statSync(path.join(root, file)).mtimeMs, 'an accepted cache is not written again').toBe(stamp);
        expect(cacheFiles(root).get(file)).toEqual(data);
    });

    test('a damaged cache file is rejected by V8 and replaced; the command runs as without it', async () => {
        const root = path.join(temp, 'damaged');
        const without = await runCli(['check', PLAN], { env: { SUPLAN_DISABLE_COMPILE_CACHE: '1' } });
        await runCli(['check', PLAN], { env: { SUPLAN_COMPILE_CACHE: root } });
        const [file] = cacheFiles(root).keys();
        const garbage = Buffer.alloc(cacheFiles(root).get(file)!.length, 0x5a);
        writeFileSync(path.join(root, file), garbage);
        const damaged = await runCli(['check', PLAN], { env: { SUPLAN_COMPILE_CACHE: root } });
        expect(damaged).toEqual(without);
        expect(cacheFiles(root).get(file)!.equals(garbage), 'replaced by a good cache').toBe(false);
        const again = await runCli(['check', PLAN], { env: { SUPLAN_COMPILE_CACHE: root } });
        expect(again).toEqual(without);
    });

    test('a cache folder that cannot be made changes nothing: same output, nothing on stderr', async () => {
        const blocker = path.join(temp, 'a-file');
        writeFileSync(blocker, 'not a folder');
        const without = await runCli(['check', PLAN], { env: { SUPLAN_DISABLE_COMPILE_CACHE: '1' } });
        const result = await runCli(['check', PLAN], { env: { SUPLAN_COMPILE_CACHE: path.join(blocker, 'cache') } });
        expect(result).toEqual(without);
        expect(result.stderr).toBe('');
    });

    test('each command has its own file, and the caches of other builds of the CLI are removed', async () => {
        const root = path.join(temp, 'builds');
        const old = path.join(root, '0123456789abcdef-v20.0.0-x64');
        mkdirSync(old, { recursive: true });
        writeFileSync(path.join(old, 'check.bin'), 'old build');
        expect((await runCli(['check', PLAN], { env: { SUPLAN_COMPILE_CACHE: root } })).code).toBe(0);
        expect((await runCli(['--version'], { env: { SUPLAN_COMPILE_CACHE: root } })).code).toBe(0);
        const names = [...cacheFiles(root).keys()].map(key => key.split('/')[1]).sort();
        expect(names).toEqual(['check.bin', 'suplan.bin']);
        expect(existsSync(old)).toBe(false);
    });

    test('generate loads exceljs (a run-time dependency outside the bundle) from the cached code too', async () => {
        const root = path.join(temp, 'generate');
        for (const round of ['first run (writes the cache)', 'second run (reads it)']) {
            const out = path.join(temp, `xlsx-${round.split(' ')[0]}`);
            const result = await runCli(['generate', PLAN, '--target', 'form-xlsx', '--out', out], { env: { SUPLAN_COMPILE_CACHE: root } });
            expect(result.stderr, round).toBe('');
            expect(result.code, round).toBe(0);
            const workbook = readFileSync(path.join(out, '02-missbruk-behandling.form.xlsx'));
            expect(workbook.subarray(0, 2).toString('latin1'), round).toBe('PK');
        }
        expect([...cacheFiles(root).keys()].map(key => key.split('/')[1])).toEqual(['generate.bin']);
    });
});
