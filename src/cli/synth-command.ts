import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { cliError } from './cli-error.js';
import { displayPath } from './display-path.js';
import { loadPlanModel } from './load-plan-model.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface SynthCommandOptions {
    readonly clients: string;
    readonly seed: string;
    readonly units: string;
    readonly out?: string;
    readonly lang: CliLanguage;
    readonly catalogue?: readonly string[];
}

/** `suplan synth <plan> --clients N --seed S [--units K] [--out file]`. */
export function registerSynthCommand(program: Command, language: CliLanguage): void {
    program.command('synth')
        .summary(t(language, 'synthSummary'))
        .description(t(language, 'synthDescription'))
        .argument('<plan>', t(language, 'generatePlan'))
        .option('-n, --clients <n>', t(language, 'clientsOption'), '40')
        .option('-s, --seed <s>', t(language, 'seedOption'), '1')
        .option('-u, --units <k>', t(language, 'unitsOption'), '1')
        .option('-o, --out <file>', t(language, 'synthOutOption'))
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .option('-c, --catalogue <paths...>', t(language, 'catalogueOption'))
        .addHelpText('after', '\n' + t(language, 'exitCodes'))
        .action(async (plan: string, options: SynthCommandOptions) => {
            process.exitCode = await runSynth(plan, options);
        });
}

function integer(language: CliLanguage, flag: string, text: string, min: number, max: number): number {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) throw cliError(language, 'badInteger', flag, min, max, text);
    return value;
}

export async function runSynth(planFile: string, options: SynthCommandOptions): Promise<0 | 1> {
    const language = options.lang;
    const clients = integer(language, '--clients', options.clients, 1, 1_000_000);
    const seed = integer(language, '--seed', options.seed, 0, 2 ** 31 - 1);
    const units = integer(language, '--units', options.units, 1, 1000);
    const model = await loadPlanModel(planFile, { language, catalogue: options.catalogue });
    if (!model) return 1;
    const { codebookMarkdown, dataLayout, dataPackage, synthesize, writeDataCsv } = await import('../data/index.js');
    const layout = dataLayout(model);
    const csv = Buffer.from(writeDataCsv(layout, synthesize(model, { clients, seed, units })), 'utf8');
    if (options.out === undefined) {
        process.stdout.write(csv);
        return 0;
    }
    const stem = path.basename(options.out).replace(/\.csv$/i, '');
    const files: Array<[string, string | Uint8Array]> = [
        [options.out, csv],
        [path.join(path.dirname(options.out), `${stem}.datapackage.json`), JSON.stringify(dataPackage(model, { path: path.basename(options.out) }, layout), null, 2) + '\n'],
        [path.join(path.dirname(options.out), `${stem}.kodbok.md`), codebookMarkdown(model, layout)],
    ];
    for (const [file, content] of files) {
        writeFileAtomic(file, content, { overwrite: true, language });
        process.stderr.write(t(language, 'wrote', displayPath(process.cwd(), file)) + '\n');
    }
    return 0;
}
