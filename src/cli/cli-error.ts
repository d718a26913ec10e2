import { t, type CliLanguage, type TextKey } from './messages.js';

/**
 * A problem with the command line or the file system: one line for the user, no stack trace.
 * `runCli` prints it after `suplan: ` and exits with its code: 2 for wrong usage or a file that
 * cannot be read or written (the default), 1 for problems in the input.
 */
export class CliError extends Error {
    constructor(message: string, readonly exitCode: 1 | 2 = 2) {
        super(message);
        this.name = 'CliError';
    }
}

/** A usage error with the CLI text `key`. */
export function cliError(language: CliLanguage, key: TextKey, ...args: readonly (string | number)[]): CliError {
    return new CliError(t(language, key, ...args));
}

/** The `code` of a Node.js file-system error (`ENOENT`, `EEXIST`, …). */
export function errnoCode(error: unknown): string | undefined {
    return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function errnoPath(error: unknown, fallback: string): string {
    return error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : fallback;
}

/** Turns a file-system error into a one-line CLI error; anything else is rethrown. */
export function ioError(error: unknown, language: CliLanguage, file: string, key: 'cannotRead' | 'cannotWrite'): CliError {
    const code = errnoCode(error);
    if (code === undefined) throw error;
    const where = errnoPath(error, file);
    if (code === 'ENOENT' && key === 'cannotRead') return cliError(language, 'notFound', where);
    return cliError(language, key, where, code);
}
