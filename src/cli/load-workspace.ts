import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SuCoreServices } from '../language/su-core-services.js';
import { CATALOGUE_EXTENSION, PLAN_EXTENSION, collectFiles, discoverCatalogues, findRepositoryRoot, type EntryProblem, type FileSet } from '../files/discovery.js';
import { describeEntryProblem } from '../files/messages.js';
import { readSourceFile } from '../files/read-source.js';
import type { LoadedDocument, SourceText } from '../workspace/load.js';
import { cliError, ioError } from './cli-error.js';
import { displayPath } from './display-path.js';
import type { CliLanguage } from './messages.js';

export interface WorkspaceRequest {
    /** Plans, catalogues and folders given on the command line. */
    readonly paths: readonly string[];
    /** `--catalogue` files and folders. */
    readonly catalogues: readonly string[];
    readonly language: CliLanguage;
    readonly cwd: string;
    /** Only plans may be given (`generate`). */
    readonly plansOnly?: boolean;
}

export interface CheckedDocument extends LoadedDocument {
    /** The path shown to the user. */
    readonly shown: string;
    /** Given on the command line (or with `--catalogue`), or found next to or above a plan. */
    readonly role: 'given' | 'discovered';
}

/** A file or folder entry that was not read or not followed, with a one-line reason. */
export interface FileProblem {
    /** The path shown to the user. */
    readonly shown: string;
    /** 1-based; 1 unless the problem has a place in the file (invalid UTF-8). */
    readonly line: number;
    readonly column: number;
    /** A link out of the tree is only noted; everything else is an error. */
    readonly severity: 'error' | 'info';
    readonly message: string;
}

export interface LoadedWorkspace {
    readonly repositoryRoot: string;
    readonly services: SuCoreServices;
    readonly documents: readonly CheckedDocument[];
    /** Entries that could not be read (each reported, the rest checked). */
    readonly problems: readonly FileProblem[];
}

/** The only words by which a plan refers to a catalogue (the grammar's `katalog` line and `använd`). */
const MAY_USE_CATALOGUE = /\b(katalog|använd)\b/;

/** Checks that every path exists and that files given by name are plans or catalogues. */
function checkPaths(paths: readonly string[], language: CliLanguage, allowed: 'any' | 'plan' | 'catalogue'): void {
    for (const entry of paths) {
        let isFile: boolean;
        try {
            isFile = statSync(entry).isFile();
        } catch (error) {
            throw ioError(error, language, entry, 'cannotRead');
        }
        if (!isFile) {
            if (allowed === 'plan') throw cliError(language, 'notPlan', entry);
            continue;
        }
        const isPlan = entry.endsWith(PLAN_EXTENSION);
        const isCatalogue = entry.endsWith(CATALOGUE_EXTENSION);
        if (allowed === 'plan' && !isPlan) throw cliError(language, 'notPlan', entry);
        if (allowed === 'catalogue' && !isCatalogue) throw cliError(language, 'notCatalogue', entry);
        if (allowed === 'any' && !isPlan && !isCatalogue) throw cliError(language, 'notPlanOrCatalogue', entry);
    }
}

/**
 * Where catalogue discovery above a plan's folder stops: the plan's repository root (the nearest
 * folder with `.git`); without one, the current folder when the plan lies inside it, else the
 * plan's folder.
 */
function rootFor(folder: string, cwd: string): string {
    const root = findRepositoryRoot(folder);
    if (root !== path.resolve(folder) || existsSync(path.join(root, '.git'))) return root;
    const current = findRepositoryRoot(cwd);
    const relative = path.relative(current, folder);
    return relative.startsWith('..') || path.isAbsolute(relative) ? root : current;
}

function collect(paths: readonly string[], language: CliLanguage): FileSet {
    try {
        return collectFiles(paths);
    } catch (error) {
        throw ioError(error, language, paths.join(', '), 'cannotRead');
    }
}

/**
 * Collects the plans and catalogues under the given paths, the `--catalogue` files and the
 * catalogues each plan can see (its folder up to the repository root), and builds them in one
 * workspace with messages in the chosen language. Heavy modules (Langium) load only here.
 */
export async function loadWorkspace(request: WorkspaceRequest): Promise<LoadedWorkspace> {
    const { language } = request;
    checkPaths(request.paths, language, request.plansOnly ? 'plan' : 'any');
    checkPaths(request.catalogues, language, 'catalogue');
    const given = collect(request.paths, language);
    const extra = collect(request.catalogues, language);
    if (given.plans.length + given.catalogues.length + given.problems.length === 0) {
        throw cliError(language, 'nothingToCheck', request.paths.join(', '));
    }
    // The repository of the current folder, or of the first plan when it lies outside it (a plan
    // given by an absolute path finds its catalogues from any current folder).
    const firstPlan = given.plans[0];
    const repositoryRoot = firstPlan ? rootFor(path.dirname(firstPlan), request.cwd) : findRepositoryRoot(request.cwd);
    const roles = new Map<string, 'given' | 'discovered'>();
    for (const file of [...given.plans, ...given.catalogues, ...extra.catalogues]) roles.set(file, 'given');
    // Plans in one folder see the same catalogues: look once per folder.
    const byFolder = new Map<string, string[]>();
    for (const plan of given.plans) {
        const folder = path.dirname(plan);
        let found = byFolder.get(folder);
        if (!found) {
            try {
                found = discoverCatalogues(plan, rootFor(folder, request.cwd));
            } catch (error) {
                throw ioError(error, language, folder, 'cannotRead');
            }
            byFolder.set(folder, found);
        }
        for (const catalogue of found) {
            const file = path.resolve(catalogue);
            if (!roles.has(file)) roles.set(file, 'discovered');
        }
    }
    const problems: FileProblem[] = [];
    const note = (file: string, problem: EntryProblem['problem']): void => {
        const place = problem.kind === 'invalidUtf8' ? problem : { line: 1, column: 1 };
        problems.push({
            shown: displayPath(repositoryRoot, file), line: place.line, column: place.column,
            severity: problem.kind === 'outsideTree' ? 'info' : 'error', message: describeEntryProblem(problem, language),
        });
    };
    for (const entry of [...given.problems, ...extra.problems]) note(entry.path, entry.problem);

    // Only regular files up to the size limit, in UTF-8; any other file is reported and left out.
    const sources: SourceText[] = [];
    const read = (file: string): void => {
        const result = readSourceFile(file);
        if (result.problem) note(file, result.problem);
        else sources.push({ file, text: result.text });
    };
    for (const [file, role] of roles) if (role === 'given') read(file);
    // Catalogues found near the plans matter only to a plan that can name one (`katalog`, `använd`):
    // for the others they are neither read nor parsed, which is most of a one-plan check's start-up.
    if (sources.some(source => source.file.endsWith(PLAN_EXTENSION) && MAY_USE_CATALOGUE.test(source.text))) {
        for (const [file, role] of roles) if (role === 'discovered') read(file);
    }
    if (sources.length === 0 && problems.length === 0) throw cliError(language, 'nothingToCheck', request.paths.join(', '));
    // The languages without the editor's LSP layer, which `check` does not need.
    const [{ createSuCoreServices }, { buildWorkspace }] = await Promise.all([
        import('../language/su-core-services.js'), import('../workspace/load.js'),
    ]);
    const services = createSuCoreServices();
    // The validators read the language when they run, so it must be set before the build.
    services.suplan.catalogue.MessageLocale.language = language;
    const built = await buildWorkspace(services, sources);
    const documents = built.map(d => ({ ...d, shown: displayPath(repositoryRoot, d.file), role: roles.get(d.file) ?? 'given' as const }));
    return { repositoryRoot, services, documents, problems };
}
