import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CliError, cliError, errnoCode, ioError } from './cli-error.js';
import type { CliLanguage } from './messages.js';

/**
 * Writes a file so that it is never seen half-written: the content goes to a temporary file in
 * the same folder, which is then renamed (or, when `overwrite` is false, hard-linked so that an
 * existing file is never replaced). Missing folders are created.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: { overwrite: boolean; language: CliLanguage }): void {
    const { language } = options;
    const directory = path.dirname(path.resolve(target));
    const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        mkdirSync(directory, { recursive: true });
        writeFileSync(temporary, content, { flag: 'wx' });
        if (options.overwrite) {
            renameSync(temporary, target);
            return;
        }
        try {
            linkSync(temporary, target);
        } catch (error) {
            if (errnoCode(error) === 'EEXIST') throw cliError(language, 'fileExists', target);
            // File systems without hard links: check, then rename.
            if (existsSync(target)) throw cliError(language, 'fileExists', target);
            renameSync(temporary, target);
        }
    } catch (error) {
        if (error instanceof CliError) throw error;
        throw ioError(error, language, target, 'cannotWrite');
    } finally {
        if (existsSync(temporary)) unlinkSync(temporary);
    }
}
