import { execFileSync } from 'node:child_process';
import { CATALOGUE_EXTENSION, PLAN_EXTENSION } from '../files/discovery.js';
import { decodeSource } from '../files/read-source.js';
import { errnoCode } from './cli-error.js';
import type { CliLanguage } from './messages.js';
import { reviewError } from './review-messages.js';

/**
 * Plan and catalogue files of two git revisions, read with `git show rev:path` (local only, no
 * network). Paths are relative to the repository root, with forward slashes, as git writes them.
 */

export interface GitRange {
    readonly root: string;
    /** The revisions as the user wrote them (for the report), and the commits they name. */
    readonly fromLabel: string;
    readonly toLabel: string;
    readonly from: string;
    readonly to: string;
}

/** A plan that differs between the two revisions; `oldPath` absent when added, `newPath` absent when removed. */
export interface ChangedPlan {
    readonly oldPath?: string;
    readonly newPath?: string;
    /** Listed only because a catalogue changed: the plan's own text is the same. */
    readonly viaCatalogue?: true;
}

function git(args: readonly string[], cwd: string, language: CliLanguage): Buffer {
    try {
        return execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    } catch (error) {
        if (errnoCode(error) === 'ENOENT') throw reviewError(language, 'gitMissing');
        const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr).trim().split('\n')[0] : String(error);
        throw reviewError(language, 'gitFailed', [args.slice(0, 2).join(' '), stderr]);
    }
}

function gitText(args: readonly string[], cwd: string, language: CliLanguage): string {
    return git(args, cwd, language).toString('utf8').trim();
}

/** `A..B` (B empty: HEAD), or `A...B` (from the merge base of A and B, as a pull request shows it). */
export function resolveRange(range: string, cwd: string, language: CliLanguage): GitRange {
    const match = /^(.*?)(\.\.\.?)(.*)$/.exec(range);
    if (!match || range.startsWith('-') || /\s/.test(range)) throw reviewError(language, 'badRange', [range]);
    const fromLabel = match[1] || 'HEAD';
    const toLabel = match[3] || 'HEAD';
    const root = gitText(['rev-parse', '--show-toplevel'], cwd, language);
    const commit = (rev: string) => gitText(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`], root, language);
    const to = commit(toLabel);
    const from = match[2] === '...' ? gitText(['merge-base', commit(fromLabel), to], root, language) : commit(fromLabel);
    return { root, fromLabel, toLabel, from, to };
}

/** Splits `git … -z` output into its fields. */
function fields(output: Buffer): string[] {
    const list = output.toString('utf8').split('\0');
    if (list[list.length - 1] === '') list.pop();
    return list;
}

/**
 * The plans added, removed, renamed or changed between the two revisions, limited to `paths`
 * (relative to `cwd`, as git reads pathspecs). When a catalogue changed, every plan present in
 * both revisions is a candidate too: its catalogue variables may have changed.
 */
export function changedPlans(range: GitRange, paths: readonly string[], cwd: string, language: CliLanguage): ChangedPlan[] {
    const pathspec = ['--', ...paths];
    const out = fields(git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', range.from, range.to, ...pathspec], cwd, language));
    const plans: ChangedPlan[] = [];
    let catalogueChanged = false;
    for (let i = 0; i < out.length;) {
        const status = out[i++];
        const first = out[i++];
        const second = status.startsWith('R') || status.startsWith('C') ? out[i++] : undefined;
        const isPlan = (file: string | undefined) => file?.endsWith(PLAN_EXTENSION) ?? false;
        if ([first, second].some(file => file?.endsWith(CATALOGUE_EXTENSION))) catalogueChanged = true;
        if (status.startsWith('R')) {
            if (isPlan(first) && isPlan(second)) plans.push({ oldPath: first, newPath: second });
            else if (isPlan(first)) plans.push({ oldPath: first });
            else if (isPlan(second)) plans.push({ newPath: second });
        } else if (isPlan(first)) {
            if (status === 'A' || status.startsWith('C')) plans.push({ newPath: second ?? first });
            else if (status === 'D') plans.push({ oldPath: first });
            else plans.push({ oldPath: first, newPath: first });
        }
    }
    if (catalogueChanged) {
        const before = new Set(filesAt(range.from, PLAN_EXTENSION, range.root, language, paths, cwd));
        const listed = new Set(plans.flatMap(plan => [plan.oldPath, plan.newPath]));
        for (const file of filesAt(range.to, PLAN_EXTENSION, range.root, language, paths, cwd)) {
            if (before.has(file) && !listed.has(file)) plans.push({ oldPath: file, newPath: file, viaCatalogue: true });
        }
    }
    return plans.sort((a, b) => (a.newPath ?? a.oldPath ?? '').localeCompare(b.newPath ?? b.oldPath ?? ''));
}

/** Files of a revision with the given extension (repository-relative), optionally limited to pathspecs relative to `cwd`. */
export function filesAt(rev: string, extension: string, root: string, language: CliLanguage, paths: readonly string[] = [], cwd = root): string[] {
    const listed = fields(git(['ls-tree', '-r', '-z', '--name-only', '--full-name', rev, '--', ...paths], paths.length > 0 ? cwd : root, language));
    return listed.filter(file => file.endsWith(extension));
}

/** The text of a file at a revision (`git show rev:path`), as UTF-8; a file that is not UTF-8 is a usage error naming it. */
export function showFile(rev: string, file: string, root: string, language: CliLanguage, label: string): string {
    const read = decodeSource(git(['show', `${rev}:${file}`], root, language));
    if (read.problem) throw reviewError(language, 'gitFailed', ['show', `${label}:${file}`]);
    return read.text;
}
