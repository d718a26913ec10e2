import { createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CODES, helpFor, type Code, type Severity } from '../language/diagnostics/codes.js';
import type { SuServices } from '../language/suplan-services.js';
import type { SuDiagnosticData } from '../language/validators/common.js';
import { CATALOGUE_EXTENSION, PLAN_EXTENSION, collectFiles, discoverCatalogues, findRepositoryRoot } from '../files/discovery.js';
import type { LoadedDocument } from '../workspace/load.js';
import { compareDiagnostics, type CheckReport, type CliDiagnostic, type ToolInfo } from './formats/report.js';
import { t, type CliLanguage, type TextKey } from './messages.js';

/** A problem with the command line or the file system: one line for the user, no stack trace. */
export class CliError extends Error {
    constructor(message: string, readonly exitCode: 1 | 2 = 2) {
        super(message);
        this.name = 'CliError';
    }
}

export function cliError(language: CliLanguage, key: TextKey, ...args: readonly (string | number)[]): CliError {
    return new CliError(t(language, key, ...args));
}

/** A file shown to the user: relative to the repository root with forward slashes, absolute when outside it. */
export function displayPath(repositoryRoot: string, file: string): string {
    const relative = path.relative(repositoryRoot, path.resolve(file));
    const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
    return shown.split(path.sep).join('/');
}

function errnoCode(error: unknown): string | undefined {
    return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function errnoPath(error: unknown, fallback: string): string {
    return error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : fallback;
}

/** Turns a file-system error into a one-line CLI error; anything else is rethrown. */
export function ioError(error: unknown, language: CliLanguage, file: string, key: 'cannotRead' | 'cannotWrite'): CliError {
    const code = errnoCode(error);
    if (code === undefined) throw error;
    const where = errnoPath(error, file);
    if (code === 'ENOENT' && key === 'cannotRead') return cliError(language, 'notFound', where);
    return cliError(language, key, where, code);
}

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

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

function isSuData(data: unknown): data is SuDiagnosticData {
    return typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string';
}

function isCode(code: string): code is Code {
    return Object.prototype.hasOwnProperty.call(CODES, code);
}

/**
 * The diagnostics to show: all of the given files', and the errors of discovered catalogues
 * (their warnings are not the user's concern here). Sorted by file and position.
 */
export function collectDiagnostics(documents: readonly CheckedDocument[], language: CliLanguage): CliDiagnostic[] {
    const result: CliDiagnostic[] = [];
    const occurrences = new Map<string, number>();
    for (const document of documents) {
        for (const diagnostic of document.diagnostics) {
            const converted = toCliDiagnostic(document, diagnostic, language, occurrences);
            if (document.role === 'discovered' && converted.severity !== 'error') continue;
            result.push(converted);
        }
    }
    return result.sort(compareDiagnostics);
}

function toCliDiagnostic(document: CheckedDocument, d: Diagnostic, language: CliLanguage, occurrences: Map<string, number>): CliDiagnostic {
    const data = isSuData(d.data) ? d.data : undefined;
    const code = typeof d.code === 'string' ? d.code : data?.code ?? '';
    const severity = SEVERITIES[(d.severity ?? 1) - 1] ?? 'error';
    const help = isCode(code) ? helpFor(code, language, data?.args ?? []) : undefined;
    const snippet = document.document.textDocument.getText(d.range);
    const key = [document.shown, code, snippet].join('\u0000');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
    return {
        file: document.shown,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity,
        code,
        message: typeof d.message === 'string' ? d.message : String(d.message),
        help,
        ...(data?.accepted !== undefined ? { accepted: data.accepted } : {}),
        fingerprint,
    };
}

let packageInfo: ToolInfo | undefined;

/** Name, version and home page from package.json (two folders up from both src/cli and out/cli). */
export function toolInfo(): ToolInfo {
    if (!packageInfo) {
        const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
        const json = JSON.parse(text) as { version?: string; homepage?: string; repository?: { url?: string } | string };
        const repository = typeof json.repository === 'string' ? json.repository : json.repository?.url;
        const home = json.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '') ?? 'https://example.invalid/su-plan';
        packageInfo = { name: 'suplan', version: json.version ?? '0.0.0', informationUri: home };
    }
    return packageInfo;
}

export function makeReport(workspace: LoadedWorkspace, language: CliLanguage): CheckReport {
    return {
        tool: toolInfo(),
        language,
        repositoryRoot: workspace.repositoryRoot,
        files: workspace.documents.filter(d => d.role === 'given').map(d => d.shown).sort(),
        diagnostics: collectDiagnostics(workspace.documents, language),
    };
}

/**
 * Writes a file so that it is never seen half-written: the content goes to a temporary file in
 * the same folder, which is then renamed (or, when `overwrite` is false, hard-linked so that an
 * existing file is never replaced). Missing folders are created.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: { overwrite: boolean; language: CliLanguage }): void {
    const { language } = options;
    const directory = path.dirname(path.resolve(target));
    const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        mkdirSync(directory, { recursive: true });
        writeFileSync(temporary, content, { flag: 'wx' });
        if (options.overwrite) {
            renameSync(temporary, target);
            return;
        }
        try {
            linkSync(temporary, target);
        } catch (error) {
            if (errnoCode(error) === 'EEXIST') throw cliError(language, 'fileExists', target);
            // File systems without hard links: check, then rename.
            if (existsSync(target)) throw cliError(language, 'fileExists', target);
            renameSync(temporary, target);
        }
    } catch (error) {
        if (error instanceof CliError) throw error;
        throw ioError(error, language, target, 'cannotWrite');
    } finally {
        if (existsSync(temporary)) unlinkSync(temporary);
    }
}
