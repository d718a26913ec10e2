import { describeEntryProblem } from '../files/messages.js';
import { MAX_INPUT_BYTES, readRegularFile, readSourceFile, type SourceProblem } from '../files/read-source.js';
import { CliError, cliError } from './cli-error.js';
import type { CliLanguage } from './messages.js';

/**
 * A plan or catalogue a command reads, with the checks `check` makes (src/files/read-source.ts):
 * a regular file only (a FIFO or a device is not opened for reading), at most 10 MB, UTF-8 (a BOM
 * dropped; UTF-16 and invalid UTF-8 named). Anything else is a one-line error (exit 2).
 */
export function readSourceText(file: string, language: CliLanguage): string {
    const read = readSourceFile(file);
    if (read.problem) throw new CliError(describeSourceProblem(file, read.problem, language));
    return read.text;
}

/**
 * The bytes of a file to import (a workbook or CSV): a regular file only, at most MAX_INPUT_BYTES
 * (100 MB); anything else is a one-line error (exit 2), so a FIFO never blocks the command.
 */
export function readInputBytes(file: string, language: CliLanguage): Buffer {
    const read = readRegularFile(file, false, MAX_INPUT_BYTES);
    if (read.problem) throw new CliError(describeSourceProblem(file, read.problem, language));
    return read.bytes;
}

/** One line saying why `file` was not read: `hittar inte x`, or `x: <reason>`. */
export function describeSourceProblem(file: string, problem: SourceProblem, language: CliLanguage): string {
    if (problem.kind === 'io' && problem.code === 'ENOENT') return cliError(language, 'notFound', file).message;
    return `${file}: ${describeEntryProblem(problem, language)}`;
}
