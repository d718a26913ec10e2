import * as path from 'node:path';
import { Option, type Command } from 'commander';
import type { LangiumDocument } from 'langium';
import { CATALOGUE_EXTENSION } from '../files/discovery.js';
import type { PlanModel } from '../model/plan-model.js';
import type { PlanDiffEntry, PlanDiffReport } from '../model/plan-diff.js';
import type { SourceText } from '../workspace/load.js';
import { CliError } from './cli-error.js';
import { makeReport } from './check-report.js';
import { diagnosticLine } from './formats/text.js';
import { changedPlans, filesAt, resolveRange, showFile, type GitRange } from './git-versions.js';
import { loadWorkspace } from './load-workspace.js';
import { LANGUAGES, t, type CliLanguage } from './messages.js';
import { reviewError, sayReview } from './review-messages.js';

export const DIFF_FORMATS = ['text', 'md', 'json'] as const;
export type DiffFormat = typeof DIFF_FORMATS[number];

export interface DiffOptions {
    readonly git?: string;
    readonly format: DiffFormat;
    readonly lang: CliLanguage;
    readonly catalogue?: readonly string[];
    readonly maxLength?: string;
}

/** `suplan diff <old> <new>` and `suplan diff --git <range> [paths...]`: the change in meaning of plans. */
export function registerDiffCommand(program: Command, language: CliLanguage): void {
    program.command('diff')
        .summary(sayReview(language, 'diffSummary'))
        .description(sayReview(language, 'diffDescription'))
        .argument('[paths...]', sayReview(language, 'diffArgs'))
        .option('--git <range>', sayReview(language, 'gitOption'))
        .addOption(new Option('-f, --format <format>', sayReview(language, 'diffFormatOption')).choices(DIFF_FORMATS).default('text'))
        .addOption(new Option('--lang <language>', t(language, 'langOption')).choices(LANGUAGES).default(language))
        .option('-c, --catalogue <paths...>', t(language, 'catalogueOption'))
        .option('--max-length <characters>', sayReview(language, 'maxLengthOption'))
        .addHelpText('after', '\n' + sayReview(language, 'diffExitCodes'))
        .action(async (paths: string[], options: DiffOptions) => {
            process.exitCode = await runDiff(paths, options);
        });
}

export async function runDiff(paths: readonly string[], options: DiffOptions): Promise<0> {
    const language = options.lang;
    if (options.git !== undefined && options.catalogue) throw reviewError(language, 'gitWithCatalogue');
    const maxLength = parseMaxLength(options, language);
    const report = options.git !== undefined ? await gitReport(options.git, paths, language) : await filesReport(paths, options);
    const { renderDiffJson, renderDiffMarkdown, renderDiffText } = await import('../model/plan-diff-render.js');
    const rendered = options.format === 'json' ? renderDiffJson(report) : options.format === 'md' ? renderDiffMarkdown(report, language, { maxLength }) : renderDiffText(report, language);
    process.stdout.write(rendered);
    return 0;
}

/** `--max-length`: a whole number of at least 1000 (room for the title and the last line), with `--format md`. */
function parseMaxLength(options: DiffOptions, language: CliLanguage): number | undefined {
    if (options.maxLength === undefined) return undefined;
    if (options.format !== 'md') throw reviewError(language, 'maxLengthOnlyMarkdown');
    const value = Number(options.maxLength);
    if (!/^\d+$/.test(options.maxLength) || value < 1000) throw reviewError(language, 'badMaxLength', [options.maxLength]);
    return value;
}

/** Two plan files, each checked with the catalogues it can see (as `check` finds them). */
async function filesReport(paths: readonly string[], options: DiffOptions): Promise<PlanDiffReport> {
    const language = options.lang;
    if (paths.length !== 2) throw reviewError(language, 'diffTwoPlans');
    const versions: ReadVersion[] = [];
    for (const file of paths) {
        const workspace = await loadWorkspace({ paths: [file], catalogues: options.catalogue ?? [], language, cwd: process.cwd(), plansOnly: true });
        const document = workspace.documents.find(d => d.role === 'given' && d.file === path.resolve(file));
        const errors = makeReport(workspace, language).diagnostics.filter(d => d.severity === 'error');
        const root = document?.document.parseResult.value;
        const { isPlan } = await import('../language/generated/ast.js');
        if (!document || !isPlan(root) || !readable(document.document)) {
            for (const error of errors) process.stderr.write(diagnosticLine(error) + '\n');
            throw reviewError(language, 'diffPlanHasErrors', [document?.shown ?? file], 1);
        }
        const { buildPlanModel } = await import('../model/build-model.js');
        const model = buildPlanModel(root, { source: document.shown, catalogues: workspace.services.suplan.catalogue.CatalogueResolver });
        versions.push({ model, errors: errors.filter(error => error.file === document.shown).length });
    }
    const { diffPlanVersions, PLAN_DIFF_SCHEMA_VERSION } = await import('../model/plan-diff.js');
    const [before, after] = versions;
    const entry = withErrors(diffPlanVersions(before.model, after.model, { path: after.model.source }), before, after);
    return { schemaVersion: PLAN_DIFF_SCHEMA_VERSION, from: before.model.source, to: after.model.source, plans: [entry] };
}

/** A version of a plan that could be read, and how many errors `check` reports in it. */
interface ReadVersion {
    readonly model: PlanModel;
    readonly errors: number;
}

/**
 * Whether a plan with errors can still be compared: no syntax error and every name found. Other
 * errors (a missing purpose, a code outside its value set) leave a model that says what the plan says.
 */
function readable(document: LangiumDocument): boolean {
    const { lexerErrors, parserErrors } = document.parseResult;
    return lexerErrors.length === 0 && parserErrors.length === 0 && !document.references.some(reference => reference.error !== undefined);
}

/** The entry with the error counts of its versions, when either has errors. */
function withErrors(entry: PlanDiffEntry, before: ReadVersion | undefined, after: ReadVersion | undefined): PlanDiffEntry {
    const errors = { ...(before?.errors ? { before: before.errors } : {}), ...(after?.errors ? { after: after.errors } : {}) };
    return Object.keys(errors).length > 0 ? { ...entry, errors } : entry;
}

/** The plans that differ in a git range, each version read with `git show`. */
async function gitReport(rangeText: string, paths: readonly string[], language: CliLanguage): Promise<PlanDiffReport> {
    const cwd = process.cwd();
    const range = resolveRange(rangeText, cwd, language);
    const plans = changedPlans(range, paths, cwd, language);
    const before = await modelsAt(range, 'from', plans.flatMap(p => (p.oldPath ? [p.oldPath] : [])), language);
    const after = await modelsAt(range, 'to', plans.flatMap(p => (p.newPath ? [p.newPath] : [])), language);
    const { diffPlanVersions, PLAN_DIFF_SCHEMA_VERSION } = await import('../model/plan-diff.js');
    const entries: PlanDiffEntry[] = [];
    for (const plan of plans) {
        const old = plan.oldPath ? before.get(plan.oldPath) : undefined;
        const now = plan.newPath ? after.get(plan.newPath) : undefined;
        const entry = withErrors(diffPlanVersions(old?.model, now?.model, { path: plan.newPath ?? plan.oldPath ?? '', ...(plan.oldPath ? { oldPath: plan.oldPath } : {}) }), old, now);
        // A plan whose text changed but whose meaning did not is listed too (layout, comments); a
        // plan that is only a candidate because a catalogue changed is left out when it is the same.
        if (entry.status === 'unchanged' && plan.viaCatalogue) continue;
        entries.push(entry);
    }
    return { schemaVersion: PLAN_DIFF_SCHEMA_VERSION, from: range.fromLabel, to: range.toLabel, plans: entries };
}

/**
 * Builds the models of the given plans at one side of the range, with every catalogue of that
 * revision loaded. A plan that cannot be read (a syntax error, a name not found) stops the command
 * (exit 1) after all its errors are shown; other errors are counted.
 */
async function modelsAt(range: GitRange, side: 'from' | 'to', plans: readonly string[], language: CliLanguage): Promise<Map<string, ReadVersion>> {
    const models = new Map<string, ReadVersion>();
    if (plans.length === 0) return models;
    const rev = range[side];
    const label = side === 'from' ? range.fromLabel : range.toLabel;
    // The files get paths under the repository root (nothing is read from disk), so messages name them as git does.
    const at = (file: string) => path.join(range.root, file);
    const sources: SourceText[] = [
        ...plans.map(file => ({ file: at(file), text: showFile(rev, file, range.root, language, label) })),
        ...filesAt(rev, CATALOGUE_EXTENSION, range.root, language).map(file => ({ file: at(file), text: showFile(rev, file, range.root, language, label) })),
    ];
    const [{ EmptyFileSystem }, { createSuServices }, { buildWorkspace }, { buildPlanModel }, { isPlan }, { collectDiagnostics }] = await Promise.all([
        import('langium'), import('../language/suplan-services.js'), import('../workspace/load.js'), import('../model/build-model.js'),
        import('../language/generated/ast.js'), import('./check-report.js'),
    ]);
    const services = createSuServices(EmptyFileSystem, undefined, { batch: true });
    services.suplan.catalogue.MessageLocale.language = language;
    const built = await buildWorkspace(services, sources);
    let failed: string | undefined;
    for (const [index, file] of plans.entries()) {
        const loaded = built[index];
        const shown = `${label}:${file}`;
        const errors = collectDiagnostics([{ ...loaded, shown, role: 'given' }], language).filter(d => d.severity === 'error');
        const root = loaded.document.parseResult.value;
        if (!isPlan(root) || !readable(loaded.document)) {
            for (const error of errors) process.stderr.write(diagnosticLine(error) + '\n');
            failed ??= shown;
            continue;
        }
        models.set(file, { model: buildPlanModel(root, { source: file, catalogues: services.suplan.catalogue.CatalogueResolver }), errors: errors.length });
    }
    if (failed !== undefined) throw new CliError(sayReview(language, 'diffPlanHasErrors', failed), 1);
    return models;
}
