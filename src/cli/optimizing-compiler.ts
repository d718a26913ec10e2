import { setFlagsFromString } from 'node:v8';

/**
 * Source text (in characters, all files together) up to which the CLI builds a workspace with
 * V8's optimizing compiler (TurboFan) turned off. Building the parsers and checking a few plans is
 * a short burst of code that runs a few times each: TurboFan compiles much of it on background
 * threads and the result is hardly used, which costs about a quarter of the CPU time of
 * `suplan check` of one plan (and more wall time on a busy machine with two cores). From a few
 * hundred plans on, the optimized code pays for itself (`npm run bench`, section 1), so large
 * workspaces keep it.
 */
export const SMALL_WORKSPACE_CHARACTERS = 256 * 1024;

/** The V8 flag; Node 20 to 24 all have it (test/cli/optimizing-compiler.test.ts). */
export const OPTIMIZING_COMPILER_FLAG = 'turbofan';

/**
 * Runs `work` with the optimizing compiler off when the workspace is small, and turns it on again
 * afterwards, so that a command doing more after the check (generators) runs at full speed.
 * Only the speed changes: V8 runs the same code, interpreted or baseline-compiled.
 */
export async function withoutOptimizingCompilerWhenSmall<T>(characters: number, work: () => Promise<T>): Promise<T> {
    if (characters > SMALL_WORKSPACE_CHARACTERS) return work();
    setFlagsFromString(`--no-${OPTIMIZING_COMPILER_FLAG}`);
    try {
        return await work();
    } finally {
        setFlagsFromString(`--${OPTIMIZING_COMPILER_FLAG}`);
    }
}
