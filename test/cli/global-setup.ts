import { ensureBuilt } from './cli-helper.js';

/**
 * Optional vitest globalSetup for the CLI tests: bundles dist/cli/ once before any test file runs.
 * Each CLI test file also calls `ensureBuilt()` in its `beforeAll`, which is then cheap.
 */
export default function setup(): void {
    ensureBuilt();
}
