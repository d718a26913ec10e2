import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const PLAN_EXTENSION = '.suplan';
export const CATALOGUE_EXTENSION = '.sucat';

/** Folders, next to a plan or above it, where catalogues are looked for. */
const CATALOGUE_FOLDERS = ['kataloger', 'catalogues', 'katalog', 'catalogue'];

export interface FileSet {
    readonly plans: string[];
    readonly catalogues: string[];
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

/** Plans and catalogues under the given files and folders (folders are walked; dot folders and node_modules are skipped). */
export function collectFiles(paths: readonly string[]): FileSet {
    const plans = new Set<string>();
    const catalogues = new Set<string>();
    const visit = (entry: string): void => {
        const stats = statSync(entry);
        if (stats.isDirectory()) {
            for (const name of readdirSync(entry).sort()) {
                if (name.startsWith('.') || name === 'node_modules') continue;
                visit(path.join(entry, name));
            }
        } else if (entry.endsWith(PLAN_EXTENSION)) {
            plans.add(path.resolve(entry));
        } else if (entry.endsWith(CATALOGUE_EXTENSION)) {
            catalogues.add(path.resolve(entry));
        }
    };
    for (const p of paths) visit(p);
    return { plans: [...plans], catalogues: [...catalogues] };
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
