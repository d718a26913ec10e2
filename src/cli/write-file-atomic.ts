import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CliError, cliError, errnoCode } from './cli-error.js';
import type { CliLanguage } from './messages.js';

/** Temporary files written and not yet renamed or removed: removed on SIGINT and SIGTERM. */
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
    for (const file of pending) {
        try {
            unlinkSync(file);
        } catch { /* already gone */ }
    }
    pending.clear();
}

/**
 * Removes the temporary files on the way out when the user interrupts (Ctrl+C) or the system
 * stops the process: with a listener, Node runs it once the synchronous write in progress has
 * finished, so no temporary file is left half-written or behind. Exits 130 or 143 as shells do.
 */
export function removeTemporariesOnSignal(): void {
    if (handlersInstalled) return;
    handlersInstalled = true;
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
        process.on(signal, () => {
            removePending();
            process.exit(code);
        });
    }
}

function temporaryFor(target: string): string {
    return path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** A file-system error as a CLI error naming `target` (never the temporary file the error may name). */
function targetError(error: unknown, language: CliLanguage, target: string): CliError {
    if (error instanceof CliError) return error;
    const code = errnoCode(error);
    if (code === undefined) throw error;
    return cliError(language, 'cannotWrite', target, code);
}

/** Creates the folder of a target; an existing file where a folder should be is named as the problem. */
function ensureFolder(target: string, language: CliLanguage): void {
    const directory = path.dirname(path.resolve(target));
    try {
        mkdirSync(directory, { recursive: true });
    } catch (error) {
        const code = errnoCode(error);
        if (code === 'EEXIST' || code === 'ENOTDIR') throw cliError(language, 'outIsFile', directory);
        throw targetError(error, language, directory);
    }
    if (!statSync(directory).isDirectory()) throw cliError(language, 'outIsFile', directory);
}

export interface FileToWrite {
    readonly target: string;
    readonly content: string | Uint8Array;
}

/**
 * Writes several files as one step: every file goes to a temporary file in its folder first, and
 * only when all are written are they renamed onto their targets. If any write fails (a full disk,
 * a read-only folder, a folder where a file should go), every temporary file is removed and no
 * target is replaced; the message names the target, not the temporary file.
 */
export function writeFilesAtomic(files: readonly FileToWrite[], options: { language: CliLanguage }): void {
    const { language } = options;
    removeTemporariesOnSignal();
    const written: { target: string; temporary: string }[] = [];
    try {
        for (const { target, content } of files) {
            ensureFolder(target, language);
            if (existsSync(target) && statSync(target).isDirectory()) throw cliError(language, 'targetIsFolder', target);
            const temporary = temporaryFor(target);
            pending.add(temporary);
            try {
                writeFileSync(temporary, content, { flag: 'wx' });
            } catch (error) {
                throw targetError(error, language, target);
            }
            written.push({ target, temporary });
        }
        for (const { target, temporary } of written) {
            try {
                renameSync(temporary, target);
            } catch (error) {
                throw targetError(error, language, target);
            }
            pending.delete(temporary);
        }
    } finally {
        for (const { temporary } of written) {
            if (pending.has(temporary)) {
                try {
                    unlinkSync(temporary);
                } catch { /* gone */ }
                pending.delete(temporary);
            }
        }
        removePending();
    }
}

/**
 * Writes a file so that it is never seen half-written: the content goes to a temporary file in
 * the same folder, which is then renamed (or, when `overwrite` is false, hard-linked so that an
 * existing file is never replaced). Missing folders are created.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: { overwrite: boolean; language: CliLanguage }): void {
    const { language } = options;
    if (options.overwrite) {
        writeFilesAtomic([{ target, content }], { language });
        return;
    }
    removeTemporariesOnSignal();
    const temporary = temporaryFor(target);
    try {
        ensureFolder(target, language);
        pending.add(temporary);
        writeFileSync(temporary, content, { flag: 'wx' });
        try {
            linkSync(temporary, target);
        } catch (error) {
            if (errnoCode(error) === 'EEXIST') throw cliError(language, 'fileExists', target);
            // File systems without hard links: check, then rename.
            if (existsSync(target)) throw cliError(language, 'fileExists', target);
            renameSync(temporary, target);
        }
    } catch (error) {
        throw targetError(error, language, target);
    } finally {
        if (existsSync(temporary)) unlinkSync(temporary);
        pending.delete(temporary);
    }
}
