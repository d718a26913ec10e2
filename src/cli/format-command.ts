import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { CATALOGUE_EXTENSION, PLAN_EXTENSION, collectFiles } from '../files/discovery.js';
import { describeEntryProblem } from '../files/messages.js';
import { readSourceFile } from '../files/read-source.js';
import type { SourceText } from '../workspace/load.js';
import { ioError } from './cli-error.js';
import { displayPath } from './display-path.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';
import { reviewError, sayReview } from './review-messages.js';
import { writeFilesAtomic } from './write-file-atomic.js';

export interface FormatOptions {
    readonly check?: boolean;
    readonly lang: CliLanguage;
}

/** `suplan format [--check] <paths...>`: the editor's formatter from the command line. */
export function registerFormatCommand(program: Command, language: CliLanguage): void {
    program.command('format')
        .summary(sayReview(language, 'formatSummary'))
        .description(sayReview(language, 'formatDescription'))
        .argument('<paths...>', sayReview(language, 'formatPaths'))
        .option('--check', sayReview(language, 'checkOption'))
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .addHelpText('after', '\n' + sayReview(language, 'formatExitCodes'))
        .action(async (paths: string[], options: FormatOptions) => {
            process.exitCode = await runFormat(paths, options);
        });
}

/** Whether the file starts with a UTF-8 byte-order mark (the reader drops it; formatting keeps it). */
function startsWithBom(file: string): boolean {
    const fd = openSync(file, 'r');
    try {
        const head = Buffer.alloc(3);
        const read = readSync(fd, head, 0, 3, 0);
        return read === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
        closeSync(fd);
    }
}

/**
 * Formats the plans and catalogues under `paths` (folders as `check` walks them). Changed files
 * are written as one atomic step and listed on standard output; with `check`, only listed.
 * Returns 2 when a file cannot be read, else 1 for a syntax error or (with `check`) a file that
 * would change, else 0.
 */
export async function runFormat(paths: readonly string[], options: FormatOptions): Promise<0 | 1 | 2> {
    const language = options.lang;
    const cwd = process.cwd();
    for (const entry of paths) {
        let isFile: boolean;
        try {
            isFile = statSync(entry).isFile();
        } catch (error) {
            throw ioError(error, language, entry, 'cannotRead');
        }
        if (isFile && !entry.endsWith(PLAN_EXTENSION) && !entry.endsWith(CATALOGUE_EXTENSION)) throw reviewError(language, 'notFormattable', [entry]);
    }
    let found;
    try {
        found = collectFiles(paths);
    } catch (error) {
        throw ioError(error, language, paths.join(', '), 'cannotRead');
    }
    const files = [...found.plans, ...found.catalogues];
    if (files.length + found.problems.length === 0) throw reviewError(language, 'nothingToFormat', [paths.join(', ')]);

    let unreadable = false;
    const problem = (file: string, line: number, column: number, message: string): void => {
        process.stderr.write(`${displayPath(cwd, file)}:${line}:${column}: error: ${message}\n`);
    };
    for (const entry of found.problems) {
        if (entry.problem.kind === 'outsideTree') continue;
        unreadable = true;
        problem(entry.path, 1, 1, describeEntryProblem(entry.problem, language));
    }
    const sources: SourceText[] = [];
    for (const file of files) {
        const read = readSourceFile(file);
        if (read.problem) {
            unreadable = true;
            const place = read.problem.kind === 'invalidUtf8' ? read.problem : { line: 1, column: 1 };
            problem(file, place.line, place.column, describeEntryProblem(read.problem, language));
        } else {
            sources.push({ file, text: read.text });
        }
    }

    const [{ EmptyFileSystem }, { createSuServices }, { formatSources }] = await Promise.all([
        import('langium'), import('../language/suplan-services.js'), import('../workspace/format-sources.js'),
    ]);
    const services = createSuServices(EmptyFileSystem, undefined, { batch: true });
    services.suplan.catalogue.MessageLocale.language = language;
    const results = sources.length > 0 ? await formatSources(services, sources) : [];

    let syntaxErrors = false;
    const changed: { target: string; content: string }[] = [];
    for (const result of results) {
        if (result.formatted === undefined) {
            syntaxErrors = true;
            for (const d of result.syntaxErrors) {
                const message = typeof d.message === 'string' ? d.message : String(d.message);
                process.stderr.write(`${displayPath(cwd, result.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: error SU001: ${message.replace(/\r?\n/g, ' ')}\n`);
            }
            process.stderr.write(sayReview(language, 'syntaxErrorsKept', displayPath(cwd, result.file)) + '\n');
            continue;
        }
        if (result.formatted === result.text) continue;
        changed.push({ target: result.file, content: (startsWithBom(result.file) ? '\uFEFF' : '') + result.formatted });
    }
    changed.sort((a, b) => a.target.localeCompare(b.target));
    if (options.check) {
        for (const file of changed) process.stdout.write(displayPath(cwd, file.target) + '\n');
        process.stderr.write(sayReview(language, results.length === 1 ? 'formatCheckDoneOne' : 'formatCheckDone', changed.length, results.length) + '\n');
    } else {
        writeFilesAtomic(changed, { language });
        for (const file of changed) process.stdout.write(sayReview(language, 'formatted', displayPath(cwd, file.target)) + '\n');
        process.stderr.write(sayReview(language, results.length === 1 ? 'formatDoneOne' : 'formatDone', changed.length, results.length) + '\n');
    }
    if (unreadable) return 2;
    if (syntaxErrors || (options.check && changed.length > 0)) return 1;
    return 0;
}
