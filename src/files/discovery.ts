import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { problemOfError, type SourceProblem } from './read-source.js';

export const PLAN_EXTENSION = '.suplan';
export const CATALOGUE_EXTENSION = '.sucat';

/** Folders, next to a plan or above it, where catalogues are looked for. */
const CATALOGUE_FOLDERS = ['kataloger', 'catalogues', 'katalog', 'catalogue'];

export interface FileSet {
    readonly plans: string[];
    readonly catalogues: string[];
    /** Entries under the given folders that were not followed or cannot be read, each with why. */
    readonly problems: EntryProblem[];
}

/** A folder entry that was skipped: a dangling link, a link loop, a link out of the tree, an unreadable folder. */
export interface EntryProblem {
    readonly path: string;
    readonly problem: SourceProblem | { readonly kind: 'outsideTree'; readonly target: string };
}

/** The nearest folder at or above `start` that holds `.git`; `start` itself when there is none. */
export function findRepositoryRoot(start: string): string {
    let dir = path.resolve(start);
    for (;;) {
        if (existsSync(path.join(dir, '.git'))) return dir;
        const parent = path.dirname(dir);
        if (parent === dir) return path.resolve(start);
        dir = parent;
    }
}

function isInside(file: string, folder: string): boolean {
    const relative = path.relative(folder, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Plans and catalogues under the given files and folders (folders are walked; dot folders and
 * node_modules are skipped). A link to a folder is followed only when its target lies inside the
 * folder given on the command line, and each folder is walked once (so a link loop ends); a dangling
 * link, a link loop or an unreadable folder is a problem of that entry and the walk goes on. A
 * path given by name is returned as it is (reading it reports what is wrong with it).
 */
export function collectFiles(paths: readonly string[]): FileSet {
    const plans = new Set<string>();
    const catalogues = new Set<string>();
    const problems: EntryProblem[] = [];
    const addFile = (entry: string): void => {
        if (entry.endsWith(PLAN_EXTENSION)) plans.add(path.resolve(entry));
        else if (entry.endsWith(CATALOGUE_EXTENSION)) catalogues.add(path.resolve(entry));
    };
    for (const given of paths) {
        let stats: Stats;
        try {
            stats = statSync(given);
        } catch (error) {
            // A given path that cannot be looked at: a dangling link or a loop named on the command line.
            problems.push({ path: path.resolve(given), problem: problemOfError(error, isSymlink(given)) });
            continue;
        }
        if (!stats.isDirectory()) {
            addFile(given);
            continue;
        }
        const tree = realpathSync(given);
        const walked = new Set<string>();
        const walk = (folder: string): void => {
            let real: string;
            let names: string[];
            try {
                real = realpathSync(folder);
                names = readdirSync(folder).sort();
            } catch (error) {
                problems.push({ path: path.resolve(folder), problem: problemOfError(error, false) });
                return;
            }
            if (walked.has(real)) return;
            walked.add(real);
            for (const name of names) {
                if (name.startsWith('.') || name === 'node_modules') continue;
                const entry = path.join(folder, name);
                let entryStats: Stats;
                try {
                    entryStats = lstatSync(entry);
                } catch (error) {
                    problems.push({ path: path.resolve(entry), problem: problemOfError(error, false) });
                    continue;
                }
                if (entryStats.isSymbolicLink()) {
                    let target: Stats;
                    let targetPath: string;
                    try {
                        target = statSync(entry);
                        targetPath = realpathSync(entry);
                    } catch (error) {
                        if (name.endsWith(PLAN_EXTENSION) || name.endsWith(CATALOGUE_EXTENSION) || errnoOf(error) === 'ELOOP') {
                            problems.push({ path: path.resolve(entry), problem: problemOfError(error, true) });
                        }
                        continue;
                    }
                    if (target.isDirectory()) {
                        if (isInside(targetPath, tree)) walk(entry);
                        else problems.push({ path: path.resolve(entry), problem: { kind: 'outsideTree', target: targetPath } });
                        continue;
                    }
                    addFile(entry);
                } else if (entryStats.isDirectory()) {
                    walk(entry);
                } else {
                    addFile(entry);
                }
            }
        };
        walk(given);
    }
    return { plans: [...plans], catalogues: [...catalogues], problems };
}

function isSymlink(file: string): boolean {
    try {
        return lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

function errnoOf(error: unknown): string | undefined {
    return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Catalogues a plan can see without being told: `*.sucat` in the plan's folder and in every folder
 * above it up to the repository root, and in their `kataloger/` or `catalogues/` subfolders.
 */
export function discoverCatalogues(planFile: string, repositoryRoot: string): string[] {
    const found = new Set<string>();
    const root = path.resolve(repositoryRoot);
    let dir = path.dirname(path.resolve(planFile));
    for (;;) {
        for (const folder of [dir, ...CATALOGUE_FOLDERS.map(f => path.join(dir, f))]) {
            if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
            for (const name of readdirSync(folder).sort()) {
                if (name.endsWith(CATALOGUE_EXTENSION)) found.add(path.join(folder, name));
            }
        }
        if (dir === root || !dir.startsWith(root)) break;
        const parent = path.dirname(dir);
        if (parent === dir) break;
        dir = parent;
    }
    return [...found];
}
