import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { machineIsBusy, OPTIMIZING_COMPILER_FLAG, SMALL_WORKSPACE_CHARACTERS, withoutOptimizingCompilerWhenSmall } from '../../src/cli/optimizing-compiler.js';

/**
 * In a fresh Node with V8's test intrinsics: whether a function asked to be optimized gets
 * TurboFan code with the flag turned off at run time, and again after turning it back on.
 */
const PROBE = `
import { setFlagsFromString } from 'node:v8';
const flag = process.argv[1];
function optimizedAfterWarmUp() {
    const f = new Function('a', 'b', 'return a * b + 1;');
    eval('%PrepareFunctionForOptimization(f)');
    f(1, 2); f(3, 4);
    eval('%OptimizeFunctionOnNextCall(f)');
    f(5, 6);
    return (eval('%GetOptimizationStatus(f)') & 64) !== 0; // 64: kTurboFanned
}
setFlagsFromString('--no-' + flag);
const off = optimizedAfterWarmUp();
setFlagsFromString('--' + flag);
const on = optimizedAfterWarmUp();
console.log(JSON.stringify({ off, on }));
`;

describe('V8 optimizing compiler off while a small workspace is built', () => {
    test(`this Node's V8 knows --${OPTIMIZING_COMPILER_FLAG} and it switches TurboFan off and on at run time`, () => {
        const result = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', PROBE, OPTIMIZING_COMPILER_FLAG], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        // An unknown flag would print "unrecognized flag" on stderr (execFileSync keeps it) and leave
        // TurboFan on: then src/cli/optimizing-compiler.ts must name the flag of this V8.
        expect(JSON.parse(result)).toEqual({ off: false, on: true });
    });

    test('the work runs and its result or error comes back, for small and large workspaces, busy machine or not', async () => {
        for (const characters of [0, SMALL_WORKSPACE_CHARACTERS, SMALL_WORKSPACE_CHARACTERS + 1]) {
            for (const busy of [true, false]) {
                await expect(withoutOptimizingCompilerWhenSmall(characters, async () => 42, () => busy)).resolves.toBe(42);
                await expect(withoutOptimizingCompilerWhenSmall(characters, async () => { throw new Error('stop'); }, () => busy)).rejects.toThrow('stop');
            }
        }
    });

    test('machineIsBusy reads the load average and the number of cores', () => {
        expect(typeof machineIsBusy()).toBe('boolean');
    });
});
