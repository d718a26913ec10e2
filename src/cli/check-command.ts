import { Option, type Command } from 'commander';
import { makeReport } from './check-report.js';
import { FORMATS, FORMAT_NAMES, type FormatName } from './formats/index.js';
import { exitCodeFor, summarize, summaryLine } from './formats/report.js';
import { loadWorkspace } from './load-workspace.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';

export interface CheckOptions {
    readonly format: FormatName;
    readonly lang: CliLanguage;
    readonly catalogue?: readonly string[];
}

/** `suplan check <paths...>`: prints every diagnostic and sets the exit code (0 clean, 1 errors or unaccepted warnings). */
export function registerCheckCommand(program: Command, language: CliLanguage): void {
    program.command('check')
        .summary(t(language, 'checkSummary'))
        .description(t(language, 'checkDescription'))
        .argument('<paths...>', t(language, 'checkPaths'))
        .addOption(new Option('-f, --format <format>', t(language, 'formatOption')).choices(FORMAT_NAMES).default('text'))
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .option('-c, --catalogue <paths...>', t(language, 'catalogueOption'))
        .addHelpText('after', '\n' + t(language, 'exitCodes'))
        .action(async (paths: string[], options: CheckOptions) => {
            process.exitCode = await runCheck(paths, options);
        });
}

export async function runCheck(paths: readonly string[], options: CheckOptions): Promise<0 | 1> {
    const language = options.lang;
    const workspace = await loadWorkspace({ paths, catalogues: options.catalogue ?? [], language, cwd: process.cwd() });
    const report = makeReport(workspace, language);
    process.stdout.write(FORMATS[options.format](report));
    if (options.format !== 'text') {
        // Machine formats are usually redirected to a file; the summary goes to the terminal.
        process.stderr.write(summaryLine(summarize(report), language) + '\n');
    }
    return exitCodeFor(report.diagnostics);
}
