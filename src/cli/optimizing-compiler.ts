import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * Source text (in characters, all files together) up to which the CLI builds a workspace with
 * V8's optimizing compiler (TurboFan) turned off when the machine is busy. Building the parsers
 * and checking a few plans is a short burst of code: TurboFan compiles much of it on background
 * threads, about a third of the CPU time of `suplan check` of one plan. On an idle core that is
 * free (the main thread's CPU time is the same within a few per cent either way); when every core
 * is busy the background threads take turns with the main thread, and `suplan check` of one plan
 * took 40 % longer with them (load 4 to 8 on two cores). From a few hundred plans on, the optimized code pays
 * for itself anyway, so large workspaces keep it.
 */
export const SMALL_WORKSPACE_CHARACTERS = 256 * 1024;

/** The V8 flag; Node 20 to 24 all have it (test/cli/optimizing-compiler.test.ts). */
export const OPTIMIZING_COMPILER_FLAG = 'turbofan';

/** Whether the cores are busy: the load average of the last minute is at least their number. */
export function machineIsBusy(): boolean {
    return loadavg()[0] >= availableParallelism();
}

/**
 * Runs `work` with the optimizing compiler off when the workspace is small and the machine busy,
 * and turns it on again afterwards, so that a command doing more after the check (generators)
 * runs at full speed. Only the speed changes: V8 runs the same code, interpreted or
 * baseline-compiled.
 */
export async function withoutOptimizingCompilerWhenSmall<T>(characters: number, work: () => Promise<T>, busy: () => boolean = machineIsBusy): Promise<T> {
    if (characters > SMALL_WORKSPACE_CHARACTERS || !busy()) return work();
    setFlagsFromString(`--no-${OPTIMIZING_COMPILER_FLAG}`);
    try {
        return await work();
    } finally {
        setFlagsFromString(`--${OPTIMIZING_COMPILER_FLAG}`);
    }
}
