import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * The median wall time of each command (node with the given arguments, and the environment variables
 * `env` added), the commands taking turns run after run, so that all see the same machine load; the
 * first round is a warm-up and not counted.
 * `suplan check` exits 1 when a plan has errors or warnings: only the time counts here.
 */
export function medians(commands, runs) {
    const times = commands.map(() => []);
    for (let round = 0; round <= runs; round++) {
        commands.forEach(([label, args, env], i) => {
            const start = performance.now();
            const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
            const elapsed = performance.now() - start;
            if (result.status !== 0 && result.status !== 1) throw new Error(`${label} exited with ${result.status}: ${result.stderr}`);
            if (round > 0) times[i].push(elapsed);
        });
    }
    return commands.map(([label], i) => {
        const sorted = times[i].sort((a, b) => a - b);
        const middle = sorted.length >> 1;
        return { label, ms: sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2 };
    });
}
