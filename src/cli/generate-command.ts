import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { CliError, cliError } from './cli-error.js';
import { displayPath } from './display-path.js';
import { sourceRevision } from '../files/git-revision.js';
import { loadPlanModel } from './load-plan-model.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';
import { writeFilesAtomic, type FileToWrite } from './write-file-atomic.js';
import { TARGETS, TargetUnavailableError, findTarget, type GeneratorTarget } from '../generators/registry.js';

export interface GenerateOptions {
    readonly target: string;
    readonly out: string;
    readonly lang: CliLanguage;
    readonly catalogue?: readonly string[];
}

export const DEFAULT_OUT = './suplan-output';

/** `suplan generate <plan> --target json[,…] [--out dir]`. */
export function registerGenerateCommand(program: Command, language: CliLanguage): void {
    const targets = TARGETS.map(target => `${target.id} (${target.description[language]})`).join(', ');
    program.command('generate')
        .summary(t(language, 'generateSummary'))
        .description(t(language, 'generateDescription'))
        .argument('<plan>', t(language, 'generatePlan'))
        .requiredOption('-t, --target <targets>', `${t(language, 'targetOption')}: ${targets}`)
        .option('-o, --out <dir>', t(language, 'outOption'), DEFAULT_OUT)
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .option('-c, --catalogue <paths...>', t(language, 'catalogueOption'))
        .addHelpText('after', '\n' + t(language, 'exitCodes'))
        .action(async (plan: string, options: GenerateOptions) => {
            process.exitCode = await runGenerate(plan, options);
        });
}

/** The targets named in a comma list, in order and without repeats; unknown names are a usage error. */
export function parseTargets(list: string, language: CliLanguage): GeneratorTarget[] {
    const available = TARGETS.map(target => target.id).join(', ');
    const ids = [...new Set(list.split(',').map(id => id.trim()).filter(id => id !== ''))];
    if (ids.length === 0) throw cliError(language, 'noTarget', available);
    return ids.map(id => {
        const target = findTarget(id);
        if (!target) throw cliError(language, 'unknownTarget', id, available);
        return target;
    });
}

export async function runGenerate(planFile: string, options: GenerateOptions): Promise<0 | 1> {
    const language = options.lang;
    const targets = parseTargets(options.target, language);
    const model = await loadPlanModel(planFile, { language, catalogue: options.catalogue });
    if (!model) return 1;
    const baseName = path.basename(planFile, '.suplan');
    // Every target is generated before anything is written, and all files are then written as one
    // step: an error in one target, or a file that cannot be written, leaves the folder as it was.
    const files: FileToWrite[] = [];
    // The commit the plan is generated from goes into the documents that show it (plan-html, plan-pdf);
    // git is asked only when one of them is generated.
    const revision = targets.some(target => target.showsRevision) ? sourceRevision(planFile) : undefined;
    for (const target of targets) {
        const generate = await target.load();
        let generated;
        try {
            generated = await generate(model, { baseName, language, revision });
        } catch (error) {
            if (error instanceof TargetUnavailableError) throw new CliError(error.text[language]);
            throw error;
        }
        for (const file of generated) files.push({ target: path.join(options.out, file.path), content: file.content });
    }
    writeFilesAtomic(files, { language });
    for (const file of files) process.stdout.write(t(language, 'wrote', displayPath(process.cwd(), file.target)) + '\n');
    return 0;
}
