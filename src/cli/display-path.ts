import * as path from 'node:path';

/** A file shown to the user: relative to the repository root with forward slashes, absolute when outside it. */
export function displayPath(repositoryRoot: string, file: string): string {
    const relative = path.relative(repositoryRoot, path.resolve(file));
    const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
    return shown.split(path.sep).join('/');
}
