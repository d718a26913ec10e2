import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { starterVariable } from '../language/catalogue-starter.js';
import { discoverCatalogues, findRepositoryRoot, PLAN_EXTENSION } from '../files/discovery.js';
import { readSourceFile } from '../files/read-source.js';
import type { SourceText } from '../workspace/load.js';
import { cliError, ioError } from './cli-error.js';
import { displayPath } from './display-path.js';
import { describeSourceProblem } from './read-input.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { EDITORCONFIG, EDITORCONFIG_NAME } from '../template/editorconfig.js';
import { DEFAULT_TITLE, fileNameFor, renderNewPlan, type StarterVariable } from '../template/plan-template.js';

export interface NewOptions {
    readonly title: string;
    readonly catalogue?: string;
    readonly lang: CliLanguage;
}

/** `suplan new [file] [--title …] [--catalogue name@version]`: scaffolds a plan without errors, whose example texts are warnings (SU090) until replaced. */
export function registerNewCommand(program: Command, language: CliLanguage): void {
    program.command('new')
        .summary(t(language, 'newSummary'))
        .description(t(language, 'newDescription'))
        .argument('[file]', t(language, 'newFile'))
        .option('--title <title>', t(language, 'titleOption'), DEFAULT_TITLE)
        .option('-c, --catalogue <name@version>', t(language, 'newCatalogueOption'))
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .addHelpText('after', '\n' + t(language, 'exitCodes'))
        .action(async (file: string | undefined, options: NewOptions) => {
            process.exitCode = await runNew(file, options);
        });
}

export async function runNew(file: string | undefined, options: NewOptions): Promise<0> {
    const language = options.lang;
    const title = options.title.trim();
    if (title === '' || /[\r\n]/.test(title)) throw cliError(language, 'badTitle');
    let target = file ?? fileNameFor(title);
    if (!target.endsWith(PLAN_EXTENSION)) target += PLAN_EXTENSION;
    if (existsSync(target)) throw cliError(language, 'fileExists', target);

    const catalogue = options.catalogue ? await findStarter(options.catalogue, target, language) : undefined;
    const text = renderNewPlan({ title, year: new Date().getFullYear(), catalogue });
    writeFileAtomic(target, text, { overwrite: false, language });
    const shown = target.split(path.sep).join('/');
    process.stdout.write(t(language, 'created', shown) + '\n');
    const editorconfig = editorconfigFor(target);
    if (editorconfig) {
        writeFileAtomic(editorconfig, EDITORCONFIG, { overwrite: false, language });
        process.stdout.write(t(language, 'created', editorconfig.split(path.sep).join('/')) + '\n');
    }
    process.stdout.write(t(language, 'createdNext', shown) + '\n');
    return 0;
}

/**
 * Where `.editorconfig` goes beside a new plan: its folder, unless that folder or one above it up
 * to the repository root already has an `.editorconfig` (the project's own settings win).
 */
function editorconfigFor(target: string): string | undefined {
    const folder = path.dirname(target);
    const root = findRepositoryRoot(folder);
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
        if (existsSync(path.join(dir, EDITORCONFIG_NAME))) return undefined;
        if (dir === root || path.dirname(dir) === dir) break;
    }
    return path.join(folder, EDITORCONFIG_NAME);
}

function parseCatalogueSpec(spec: string, language: CliLanguage): { name: string; version: string } {
    const match = /^([^@\s]+)@(\S+)$/.exec(spec.trim());
    if (!match) throw cliError(language, 'badCatalogueSpec', spec);
    return { name: match[1], version: match[2] };
}

/** Finds `name@version` among the catalogues the new plan will see, and picks a variable to start from. */
async function findStarter(spec: string, target: string, language: CliLanguage): Promise<{ name: string; version: string; variable: StarterVariable }> {
    const { name, version } = parseCatalogueSpec(spec, language);
    const folder = path.dirname(path.resolve(target));
    let files: string[];
    try {
        files = discoverCatalogues(target, findRepositoryRoot(process.cwd()));
    } catch (error) {
        throw ioError(error, language, folder, 'cannotRead');
    }
    const [{ EmptyFileSystem }, { createSuServices }, { buildWorkspace }, ast] = await Promise.all([
        import('langium'), import('../language/suplan-services.js'), import('../workspace/load.js'), import('../language/generated/ast.js'),
    ]);
    // Read as `check` reads them: a catalogue that is no regular file, too large or not UTF-8 is
    // named on standard error and left out; the others are searched.
    const root = findRepositoryRoot(process.cwd());
    const sources: SourceText[] = [];
    for (const file of files) {
        const read = readSourceFile(file);
        if (read.problem) process.stderr.write(`${describeSourceProblem(displayPath(root, file), read.problem, language)}\n`);
        else sources.push({ file: path.resolve(file), text: read.text });
    }
    const services = createSuServices(EmptyFileSystem);
    const documents = await buildWorkspace(services, sources);
    const resolved = services.suplan.catalogue.CatalogueResolver.resolve(name, version);
    if (!resolved) {
        const found = documents.map(d => d.document.parseResult.value).filter(ast.isCatalogue).map(c => `${c.name}@${c.version}`);
        throw cliError(language, 'catalogueNotFound', name, version, folder, found.length ? found.join(', ') : t(language, 'noCatalogues'));
    }

    const variable = starterVariable(resolved.catalogue);
    if (!variable) throw cliError(language, 'catalogueHasNoVariable', name, version);
    return { name, version, variable };
}
