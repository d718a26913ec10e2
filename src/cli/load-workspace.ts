import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { SuServices } from '../language/suplan-services.js';
import { CATALOGUE_EXTENSION, PLAN_EXTENSION, collectFiles, discoverCatalogues, findRepositoryRoot } from '../files/discovery.js';
import type { LoadedDocument } from '../workspace/load.js';
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

export interface LoadedWorkspace {
    readonly repositoryRoot: string;
    readonly services: SuServices;
    readonly documents: readonly CheckedDocument[];
}

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

function collect(paths: readonly string[], language: CliLanguage): { plans: string[]; catalogues: string[] } {
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
    if (given.plans.length + given.catalogues.length === 0) {
        throw cliError(language, 'nothingToCheck', request.paths.join(', '));
    }
    const repositoryRoot = findRepositoryRoot(request.cwd);
    const roles = new Map<string, 'given' | 'discovered'>();
    for (const file of [...given.plans, ...given.catalogues, ...extra.catalogues]) roles.set(file, 'given');
    // Plans in one folder see the same catalogues: look once per folder.
    const byFolder = new Map<string, string[]>();
    for (const plan of given.plans) {
        const folder = path.dirname(plan);
        let found = byFolder.get(folder);
        if (!found) {
            try {
                found = discoverCatalogues(plan, repositoryRoot);
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
    const files = [...roles.keys()];

    const [{ EmptyFileSystem }, { createSuServices }, { buildWorkspace, readSources }] = await Promise.all([
        import('langium'), import('../language/suplan-services.js'), import('../workspace/load.js'),
    ]);
    let sources;
    try {
        sources = readSources(files);
    } catch (error) {
        throw ioError(error, language, files.join(', '), 'cannotRead');
    }
    const services = createSuServices(EmptyFileSystem, undefined, { batch: true });
    // The validators read the language when they run, so it must be set before the build.
    services.suplan.catalogue.MessageLocale.language = language;
    const built = await buildWorkspace(services, sources);
    const documents = built.map(d => ({ ...d, shown: displayPath(repositoryRoot, d.file), role: roles.get(d.file) ?? 'given' as const }));
    return { repositoryRoot, services, documents };
}
