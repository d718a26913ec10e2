import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import type { ImportOptions } from '../catalogue/catalogue-import.js';
import type { CatalogueEntry } from '../catalogue/model.js';
import { renderIssue, type ImportIssue } from '../catalogue/issues.js';
import { CatalogueUsageError } from '../catalogue/messages.js';
import { CliError, cliError } from './cli-error.js';
import { errorLines } from './formats/text.js';
import { readInputBytes, readSourceText } from './read-input.js';
import { say } from './catalogue-review-messages.js';
import type { DiffOptions, UpgradeOptions } from './catalogue-review.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * `suplan catalogue import|export`: variable lists as municipalities keep them in Excel (CSV or
 * XLSX) to `.sucat` catalogues and back. The heavy parts (Langium, exceljs) load only when a
 * subcommand runs, so registering the command costs nothing for `suplan check`.
 *
 * Exit codes: 0 done (warnings allowed), 1 problems in the input (nothing written),
 * 2 wrong usage or a file that cannot be read or written.
 */

/** The import flags: the import's own options (less those the command fills in) plus output and language. */
export type CatalogueImportOptions = Omit<ImportOptions, 'fileName' | 'language' | 'base'> & {
    readonly out?: string; readonly force?: boolean; readonly update?: string; readonly lang: CliLanguage;
};

export interface CatalogueExportOptions {
    readonly out?: string;
    readonly separator?: string;
    readonly encoding?: string;
    readonly lang: CliLanguage;
}

/** Adds `catalogue import`, `export`, `diff` and `upgrade` to the program. `language` is that of the help texts. */
export function registerCatalogueCommand(program: Command, language: CliLanguage): void {
    const langOption = (): Option => new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language);
    const catalogue = program.command('catalogue')
        .summary(t(language, 'catalogueSummary'))
        .description(t(language, 'catalogueDescription'));

    catalogue.command('import')
        .summary(t(language, 'importSummary'))
        .description(t(language, 'importDescription'))
        .argument('<file>', t(language, 'importFile'))
        .option('-o, --out <file>', t(language, 'importOut'))
        .option('--name <name>', t(language, 'catalogueNameOption'))
        .option('--version <version>', t(language, 'catalogueVersionOption'))
        .option('--title <title>', t(language, 'catalogueTitleOption'))
        .option('--columns <mapping>', t(language, 'columnsOption'))
        .option('--sheet <name>', t(language, 'sheetOption'))
        .option('--encoding <encoding>', t(language, 'importEncodingOption'))
        .option('-f, --force', t(language, 'forceOption'))
        .option('-u, --update <catalogue>', t(language, 'updateOption'))
        .addOption(langOption())
        .addHelpText('after', `\n${t(language, 'importDetails')}\n\n${t(language, 'importExitCodes')}`)
        .action(async (file: string, options: CatalogueImportOptions) => {
            process.exitCode = await withUsageErrors(options.lang, () => runImport(file, options));
        });

    catalogue.command('export')
        .summary(t(language, 'exportSummary'))
        .description(t(language, 'exportDescription'))
        .argument('<file>', t(language, 'exportFile'))
        .option('-o, --out <file>', t(language, 'exportOut'))
        .option('--separator <separator>', t(language, 'separatorOption'))
        .option('--encoding <encoding>', t(language, 'exportEncodingOption'))
        .addOption(langOption())
        .addHelpText('after', `\n${t(language, 'exportDetails')}\n\n${t(language, 'exportExitCodes')}`)
        .action(async (file: string, options: CatalogueExportOptions) => {
            process.exitCode = await withUsageErrors(options.lang, () => runExport(file, options));
        });

    catalogue.command('diff')
        .summary(say(language, 'diffSummary'))
        .description(say(language, 'diffDescription'))
        .argument('<old>', say(language, 'diffOld'))
        .argument('<new>', say(language, 'diffNew'))
        .option('--plans <folder>', say(language, 'plansOption'))
        .addOption(new Option('--format <format>', say(language, 'diffFormatOption')).choices(['text', 'md', 'json']).default('text'))
        .addOption(langOption())
        .addHelpText('after', `\n${say(language, 'diffDetails')}\n\n${say(language, 'diffExitCodes')}`)
        .action(async (oldFile: string, newFile: string, options: DiffOptions) => {
            const { runDiff } = await import('./catalogue-review.js');
            process.exitCode = await runDiff(oldFile, newFile, options);
        });

    catalogue.command('upgrade')
        .summary(say(language, 'upgradeSummary'))
        .description(say(language, 'upgradeDescription'))
        .argument('<plans...>', say(language, 'upgradePlans'))
        .requiredOption('--to <version>', say(language, 'toOption'))
        .option('-c, --catalogue <paths...>', t(language, 'catalogueOption'))
        .option('-n, --dry-run', say(language, 'dryRunOption'))
        .addOption(langOption())
        .addHelpText('after', `\n${say(language, 'upgradeDetails')}\n\n${say(language, 'upgradeExitCodes')}`)
        .action(async (plans: string[], options: UpgradeOptions) => {
            const { runUpgrade } = await import('./catalogue-review.js');
            process.exitCode = await runUpgrade(plans, options);
        });
}

/**
 * The catalogue layer's usage errors (a bad --columns, an unknown encoding, a missing sheet) as
 * CLI errors, so that they take the same path as every other command's: one line, exit code 2.
 */
async function withUsageErrors(language: CliLanguage, run: () => Promise<0 | 1>): Promise<0 | 1> {
    try {
        return await run();
    } catch (error) {
        if (error instanceof CatalogueUsageError) throw new CliError(error.render(language).replace(/\s*\n\s*/g, ' '));
        throw error;
    }
}

/** A summary line: on standard output, or on standard error when the file itself went to standard output. */
function printSummary(line: string, out: string): void {
    (out === '-' ? process.stderr : process.stdout).write(`${line}\n`);
}

function write(target: string, content: string | Uint8Array, language: CliLanguage, overwrite = true): void {
    if (target === '-') {
        process.stdout.write(content);
        return;
    }
    writeFileAtomic(target, content, { overwrite, language });
}

/** Whether two paths name the same file (through links too); false when either does not exist. */
function sameFile(a: string, b: string): boolean {
    try {
        const [x, y] = [statSync(a), statSync(b)];
        return x.dev === y.dev && x.ino === y.ino;
    } catch {
        return false;
    }
}

/**
 * Where an import may write: never over its input (not even with --force), and over an existing
 * file only with --force. Checked before anything is read, so nothing is lost on a refusal.
 */
function checkImportTarget(input: string, out: string, force: boolean, language: CliLanguage): void {
    if (out === '-') return;
    if (path.resolve(out) === path.resolve(input) || sameFile(out, input)) throw cliError(language, 'outIsInput', out);
    if (!force && existsSync(out)) throw cliError(language, 'outExists', out);
}

function printIssues(file: string, issues: readonly ImportIssue[], language: CliLanguage): void {
    for (const issue of issues) process.stderr.write(`${file}: ${renderIssue(issue, language)}\n`);
}

export async function runImport(file: string, options: CatalogueImportOptions): Promise<0 | 1> {
    const language = options.lang;
    // --update writes the updated catalogue (its own file unless --out says otherwise).
    const out = options.out ?? options.update ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.sucat`);
    const updatesItself = options.update !== undefined && path.resolve(out) === path.resolve(options.update);
    checkImportTarget(file, out, options.force === true || updatesItself, language);
    const base = options.update !== undefined ? await loadBase(options.update, language) : undefined;
    if (base === null) return 1;
    const { importCatalogue } = await import('../catalogue/catalogue-import.js');
    const bytes = readInputBytes(file, language);
    const result = await importCatalogue(bytes, {
        fileName: file, name: options.name, version: options.version, title: options.title,
        columns: options.columns, sheet: options.sheet, encoding: options.encoding, language, ...(base ? { base } : {}),
    });
    printIssues(file, result.issues, language);
    if (result.text === undefined || !result.catalogue) {
        process.stderr.write(`${t(language, 'notWritten', result.issues.filter(i => i.severity === 'error').length)}\n`);
        return 1;
    }
    write(out, result.text, language, options.force === true || updatesItself);
    const { name, version, variables } = result.catalogue;
    printSummary(t(language, 'imported', out, name, version, variables.length), out);
    return 0;
}

/** The catalogue `--update` names, or null (after printing its errors) when it has errors. */
async function loadBase(file: string, language: CliLanguage): Promise<CatalogueEntry | null> {
    if (path.extname(file).toLowerCase() !== '.sucat') throw cliError(language, 'notACatalogueFile', file);
    const { loadCatalogueText } = await import('../catalogue/sucat-reader.js');
    const text = readSourceText(file, language);
    const loaded = await loadCatalogueText(text, path.resolve(file), language);
    const errors = loaded.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0 || !loaded.catalogue) {
        for (const line of errorLines(file, errors)) process.stderr.write(`${line}\n`);
        process.stderr.write(`${t(language, 'catalogueHasErrors', file)}\n`);
        return null;
    }
    return loaded.catalogue;
}

function separatorOf(value: string | undefined, language: CliLanguage): ';' | ',' {
    if (value === undefined) return ';';
    const wanted = value.trim().toLowerCase();
    if ([';', 'semikolon', 'semicolon'].includes(wanted)) return ';';
    if ([',', 'komma', 'comma'].includes(wanted)) return ',';
    throw cliError(language, 'badSeparator', value);
}

function safeFilePart(text: string): string {
    return text.replace(/[^\w.\-\u00C0-\u024F]+/g, '_');
}

export async function runExport(file: string, options: CatalogueExportOptions): Promise<0 | 1> {
    const language = options.lang;
    if (path.extname(file).toLowerCase() !== '.sucat') throw cliError(language, 'notACatalogueFile', file);
    const separator = separatorOf(options.separator, language);
    const [{ outputEncoding }, { loadCatalogueText }, exporter] = await Promise.all([
        import('../catalogue/text-encoding.js'), import('../catalogue/sucat-reader.js'), import('../catalogue/catalogue-export.js'),
    ]);
    const encoding = outputEncoding(options.encoding ?? 'utf8');
    const text = readSourceText(file, language);
    const loaded = await loadCatalogueText(text, path.resolve(file), language);
    const errors = loaded.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0 || !loaded.catalogue) {
        for (const line of errorLines(file, errors)) process.stderr.write(`${line}\n`);
        process.stderr.write(`${t(language, 'catalogueHasErrors', file)}\n`);
        return 1;
    }
    const catalogue = loaded.catalogue;
    const out = options.out ?? path.join(path.dirname(file), `${safeFilePart(catalogue.name)}-${safeFilePart(catalogue.version)}.csv`);
    const extension = out === '-' ? '.csv' : path.extname(out).toLowerCase();
    if (extension !== '.csv' && extension !== '.xlsx') throw cliError(language, 'unknownFileType', extension || out);
    if (extension === '.xlsx') {
        // A workbook carries everything: the notes in a column and the metadata in a sheet of its own.
        write(out, await exporter.variableTableXlsx(exporter.variableTable(catalogue, { notes: true }), catalogue), language);
    } else {
        // A CSV file carries the variables only; `catalogue import --update` puts them back into the catalogue.
        const csv = exporter.variableTableCsvBytes(exporter.variableTable(catalogue), { separator, encoding });
        if (!csv.bytes) {
            printIssues(out, csv.issues, language);
            process.stderr.write(`${t(language, 'notWritten', csv.issues.length)}\n`);
            return 1;
        }
        write(out, csv.bytes, language);
    }
    printSummary(t(language, 'exported', out, catalogue.variables.length), out);
    return 0;
}
