import { Command, CommanderError, Option } from 'commander';
import { registerCatalogueCommand } from './catalogue-command.js';
import { registerCheckCommand } from './check-command.js';
import { CliError } from './cli-error.js';
import { registerDataCommand } from './data-command.js';
import { registerDiffCommand } from './diff-command.js';
import { registerFormatCommand } from './format-command.js';
import { registerGenerateCommand } from './generate-command.js';
import { LANGUAGES, languageFromArgv, t, type CliLanguage } from './messages.js';
import { registerNewCommand } from './new-command.js';
import { registerSynthCommand } from './synth-command.js';
import { toolInfo } from './tool-info.js';

/**
 * The `suplan` program. Descriptions are in the language asked for with `--lang` (read before
 * parsing, so that help follows it too); flags are English.
 */
export function createProgram(language: CliLanguage): Command {
    const program = new Command('suplan')
        .description(t(language, 'programDescription'))
        .version(toolInfo().version, '-V, --version', t(language, 'versionOption'))
        .helpOption('-h, --help', t(language, 'helpOption'))
        .helpCommand('help [command]', t(language, 'helpCommand'))
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .addHelpText('after', '\n' + t(language, 'exitCodes'))
        // Program options only before the command, so that a command may have its own `--version`
        // (`catalogue import --version 2023`) and `--lang`.
        .enablePositionalOptions()
        .exitOverride()
        .configureOutput({ outputError: () => { /* printed by runCli, translated and on one line */ } });
    registerCheckCommand(program, language);
    registerFormatCommand(program, language);
    registerDiffCommand(program, language);
    registerNewCommand(program, language);
    registerGenerateCommand(program, language);
    registerSynthCommand(program, language);
    registerDataCommand(program, language);
    registerCatalogueCommand(program, language);
    return program;
}

/** Runs the CLI and returns the exit code: 0 clean, 1 problems in the plans, 2 usage or I/O problems. */
export async function runCli(argv: readonly string[]): Promise<number> {
    const language = languageFromArgv(argv.slice(2));
    stopQuietlyOnClosedPipe();
    process.exitCode = undefined;
    try {
        await createProgram(language).parseAsync([...argv]);
        return Number(process.exitCode ?? 0);
    } catch (error) {
        if (error instanceof CommanderError) {
            if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
            if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
            process.stderr.write(`suplan: ${usageMessage(error, language)}\n`);
            return 2;
        }
        if (error instanceof CliError) {
            process.stderr.write(`suplan: ${error.message}\n`);
            return error.exitCode;
        }
        const detail = error instanceof Error ? error.message : String(error);
        process.stderr.write(`suplan: ${t(language, 'internalError', detail.split('\n')[0])}\n`);
        if (process.env['SUPLAN_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
        return 2;
    }
}

/** Commander's usage error as one line in the chosen language. */
export function usageMessage(error: CommanderError, language: CliLanguage): string {
    const message = error.message;
    const quoted = [...message.matchAll(/'([^']*)'/g)].map(m => m[1]);
    const suggestion = /\(Did you mean (.+?)\?\)/.exec(message)?.[1];
    const withSuggestion = (line: string): string => suggestion ? `${line} ${t(language, 'didYouMean', suggestion)}` : line;
    switch (error.code) {
        case 'commander.unknownOption':
            if (quoted[0] !== undefined) return withSuggestion(t(language, 'unknownOption', quoted[0]));
            break;
        case 'commander.unknownCommand':
            if (quoted[0] !== undefined) return withSuggestion(t(language, 'unknownCommand', quoted[0]));
            break;
        case 'commander.missingArgument':
            if (quoted[0] !== undefined) return t(language, 'missingArgument', quoted[0]);
            break;
        case 'commander.optionMissingArgument':
            if (quoted[0] !== undefined) return t(language, 'optionMissingArgument', longFlag(quoted[0]));
            break;
        case 'commander.missingMandatoryOptionValue':
            if (quoted[0] !== undefined) return t(language, 'requiredOption', longFlag(quoted[0]));
            break;
        case 'commander.invalidArgument': {
            const choices = /Allowed choices are (.*)\.$/.exec(message)?.[1];
            if (quoted.length >= 2 && choices) return t(language, 'invalidChoice', longFlag(quoted[0]), `'${quoted[1]}'`, choices);
            break;
        }
        case 'commander.excessArguments':
            return t(language, 'excessArguments');
    }
    return message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
}

/** `-f, --format <format>` → `--format`. */
function longFlag(flags: string): string {
    return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

let pipeHandled = false;

/** `suplan check … | head`: when the reader goes away, stop without a stack trace. */
function stopQuietlyOnClosedPipe(): void {
    if (pipeHandled) return;
    pipeHandled = true;
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
            throw error;
        });
    }
}
