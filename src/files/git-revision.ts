import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** A commit and whether the plan file differs from it (`modified`) or is not in git at all (`untracked`). */
export interface SourceRevision {
    readonly commit: string;
    readonly state: 'committed' | 'modified' | 'untracked';
}

function git(args: readonly string[], cwd: string): string | undefined {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return result.error === undefined && result.status === 0 ? result.stdout : undefined;
}

/**
 * The commit a plan file is generated from: `git rev-parse HEAD` in the file's folder, and
 * `git status --porcelain` of the file for whether it has changed since (or is not committed at
 * all). Undefined outside a git repository, in one without commits, or without git. Used by
 * `suplan generate` and the Node language server (the editor's "Generera…"), never in a browser.
 */
export function sourceRevision(planFile: string): SourceRevision | undefined {
    const dir = path.dirname(path.resolve(planFile));
    const commit = git(['rev-parse', 'HEAD'], dir)?.trim();
    if (commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    const status = git(['status', '--porcelain', '--ignored', '--', path.basename(planFile)], dir);
    if (status === undefined) return undefined;
    const line = status.split('\n')[0] ?? '';
    const state = line === '' ? 'committed' : line.startsWith('??') || line.startsWith('!!') ? 'untracked' : 'modified';
    return { commit, state };
}
