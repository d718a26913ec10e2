import { closeSync, openSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { CatalogueChange, CatalogueDiff, Impact, PlanFinding } from '../language/catalogue-diff.js';
import type { TextChange } from '../language/catalogue-upgrade.js';
import type { Catalogue, Plan } from '../language/generated/ast.js';
import { CliError, ioError } from './cli-error.js';
import { displayPath } from './display-path.js';
import { errorLines } from './formats/text.js';
import { say } from './catalogue-review-messages.js';
import { loadWorkspace, type CheckedDocument } from './load-workspace.js';
import type { CliLanguage } from './messages.js';
import { writeFilesAtomic, type FileToWrite } from './write-file-atomic.js';

/**
 * `suplan catalogue diff <old> <new> [--plans dir]` and `suplan catalogue upgrade <plan…> --to v`:
 * the computations are the language layer's (src/language/catalogue-diff.ts and
 * catalogue-upgrade.ts, shared with the editor's quick fix); this file loads the files, renders the
 * report as text, Markdown or JSON, and writes upgraded plans atomically.
 */

export type DiffFormat = 'text' | 'md' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'md', 'json'];

export interface DiffOptions {
    readonly plans?: string;
    readonly format: DiffFormat;
    readonly lang: CliLanguage;
}

export interface UpgradeOptions {
    readonly to: string;
    readonly dryRun?: boolean;
    readonly catalogue?: readonly string[];
    readonly lang: CliLanguage;
}

/** One plan tried against the changes: what each change does to it. */
interface PlanReport {
    readonly file: string;
    readonly findings: readonly PlanFinding[];
}

interface DiffReport {
    readonly oldFile: string;
    readonly newFile: string;
    readonly diff: CatalogueDiff;
    /** With --plans: the plans that pin the older version, and the others of the same catalogue. */
    readonly plans?: {
        readonly folder: string;
        readonly pinning: readonly PlanReport[];
        readonly otherVersions: ReadonlyArray<{ readonly file: string; readonly version: string }>;
    };
}

const IMPACTS: readonly Impact[] = ['breaks', 'incomparable', 'review', 'renamed'];

function isCatalogueDocument(document: LangiumDocument): boolean {
    return document.parseResult.value.$type === 'Catalogue';
}

/** A catalogue given on the command line, or a one-line error; a catalogue with errors prints them and yields undefined. */
function catalogueOf(loaded: readonly CheckedDocument[], file: string, language: CliLanguage): Catalogue | undefined {
    const document = loaded.find(d => d.file === path.resolve(file));
    if (!document || !isCatalogueDocument(document.document)) throw new CliError(say(language, 'notACatalogue', file));
    const errors = document.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0) {
        for (const line of errorLines(document.shown, errors)) process.stderr.write(`${line}\n`);
        process.stderr.write(`${say(language, 'catalogueHasErrors', document.shown)}\n`);
        return undefined;
    }
    return document.document.parseResult.value as Catalogue;
}

function checkFile(file: string, language: CliLanguage, kind: 'catalogue' | 'folder'): void {
    let stat;
    try {
        stat = statSync(file);
    } catch (error) {
        throw ioError(error, language, file, 'cannotRead');
    }
    if (kind === 'folder' && !stat.isDirectory()) throw new CliError(say(language, 'notAFolder', file));
    if (kind === 'catalogue' && (!stat.isFile() || path.extname(file).toLowerCase() !== '.sucat')) throw new CliError(say(language, 'notACatalogue', file));
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions): Promise<0 | 1> {
    const language = options.lang;
    checkFile(oldFile, language, 'catalogue');
    checkFile(newFile, language, 'catalogue');
    if (options.plans !== undefined) checkFile(options.plans, language, 'folder');
    const workspace = await loadWorkspace({
        paths: [oldFile, newFile, ...(options.plans !== undefined ? [options.plans] : [])],
        catalogues: [], language, cwd: process.cwd(),
    });
    // A catalogue that could not be read (a FIFO, over 10 MB, not UTF-8) is a file error; an unreadable plan is reported and left out.
    for (const file of [oldFile, newFile]) {
        const problem = workspace.problems.find(p => p.severity === 'error' && p.shown === displayPath(workspace.repositoryRoot, file));
        if (problem) throw new CliError(`${problem.shown}: ${problem.message}`);
    }
    for (const problem of workspace.problems) process.stderr.write(`${problem.shown}:${problem.line}:${problem.column}: ${problem.message}\n`);
    const older = catalogueOf(workspace.documents, oldFile, language);
    const newer = catalogueOf(workspace.documents, newFile, language);
    if (!older || !newer) return 1;
    const shown = (file: string): string => workspace.documents.find(d => d.file === path.resolve(file))?.shown ?? file;
    if (older.name !== newer.name) throw new CliError(say(language, 'notSameCatalogue', shown(oldFile), shown(newFile), older.name, newer.name));
    const { diffCatalogues, catalogueUses, planFindings, pinsOf } = await import('../language/catalogue-diff.js');
    const diff = diffCatalogues([older, newer]);
    let plans: DiffReport['plans'];
    if (options.plans !== undefined) {
        const pinning: PlanReport[] = [];
        const otherVersions: Array<{ file: string; version: string }> = [];
        const planDocuments = workspace.documents.filter(d => d.document.parseResult.value.$type === 'Plan')
            .sort((a, b) => a.shown.localeCompare(b.shown));
        for (const document of planDocuments) {
            const plan = document.document.parseResult.value as Plan;
            const pins = pinsOf(plan, older.name);
            if (pins.some(pin => pin.version === older.version)) {
                pinning.push({ file: document.shown, findings: planFindings(diff, catalogueUses(plan, older.name)) });
            } else if (pins.length > 0) {
                otherVersions.push({ file: document.shown, version: pins.map(pin => pin.version).join('", "') });
            }
        }
        plans = { folder: options.plans, pinning, otherVersions };
    }
    const report: DiffReport = { oldFile: shown(oldFile), newFile: shown(newFile), diff, ...(plans ? { plans } : {}) };
    const render = { text: renderText, md: renderMarkdown, json: renderJson }[options.format];
    process.stdout.write(render(report, language));
    return 0;
}

// ------------------------------------------------------------------ rendering

function changeArgs(change: CatalogueChange, language: CliLanguage): Array<string | number> {
    switch (change.kind) {
        case 'stepChanged': return [change.id, change.from || say(language, 'noStep'), change.to || say(language, 'noStep')];
        case 'nationalChanged': return [change.id, ...[change.from, change.to].map(flag => say(language, flag ? 'national' : 'notNational'))];
        case 'added': return [change.id, change.label];
        case 'removed': return [change.oldId, change.label];
        case 'renamed': return [change.oldId, change.id];
        case 'relabelled':
        case 'redefined':
            return [change.id, change.from, change.to];
        case 'codeAdded':
        case 'codeRemoved': return [change.id, change.code, change.label];
        case 'codeRelabelled': return [change.id, change.code, change.from, change.to];
        case 'valueSetChanged': return [change.id, change.from, change.to];
    }
}

/** One line of the change list. */
export function describeChange(change: CatalogueChange, language: CliLanguage): string {
    return say(language, `change.${change.kind}`, ...changeArgs(change, language));
}

/** What a change does to a plan, naming the variable by the plan's name. */
export function describeFinding(finding: PlanFinding, catalogue: string, language: CliLanguage): string {
    const { change } = finding;
    const oldId = change.kind === 'added' ? change.id : change.oldId;
    const name = finding.name === oldId ? finding.name : say(language, 'variableIn', finding.name, catalogue, oldId);
    switch (change.kind) {
        case 'added':
        case 'stepChanged':
        case 'nationalChanged':
            return '';
        case 'removed': return say(language, 'finding.removed', name);
        case 'renamed':
            return finding.name === change.oldId
                ? say(language, 'finding.renamed', catalogue, change.oldId, change.id)
                : say(language, 'finding.renamedAs', finding.name, catalogue, change.oldId, change.id);
        case 'relabelled':
        case 'redefined':
            return say(language, `finding.${change.kind}`, name, change.from, change.to);
        case 'codeAdded':
        case 'codeRemoved': return say(language, `finding.${change.kind}`, name, change.code, change.label);
        case 'codeRelabelled': return say(language, 'finding.codeRelabelled', name, change.code, change.from, change.to);
        case 'valueSetChanged': return say(language, 'finding.valueSetChanged', name, change.from, change.to);
    }
}

function linesOf(finding: PlanFinding): number[] {
    return [...new Set(finding.places.map(p => p.line))].sort((a, b) => a - b);
}

export function linesText(finding: PlanFinding, language: CliLanguage): string {
    const lines = linesOf(finding);
    return say(language, lines.length === 1 ? 'line' : 'lines', lines.join(', '));
}

/** Findings in the order of their impact (breaks first), each impact in the order of the changes. */
export function byImpact(findings: readonly PlanFinding[]): PlanFinding[] {
    return IMPACTS.flatMap(impact => findings.filter(f => f.impact === impact));
}

function sections(diff: CatalogueDiff): Array<{ kind: CatalogueChange['kind']; changes: CatalogueChange[] }> {
    const kinds = [...new Set(diff.changes.map(c => c.kind))];
    return kinds.map(kind => ({ kind, changes: diff.changes.filter(c => c.kind === kind) }));
}

function renderText(report: DiffReport, language: CliLanguage): string {
    const { diff } = report;
    const out: string[] = [say(language, 'heading', diff.name, diff.from, diff.to)];
    if (diff.changes.length === 0) out.push(`  ${say(language, 'noChanges')}`);
    for (const section of sections(diff)) {
        out.push('', `${say(language, `section.${section.kind}`)} (${section.changes.length}):`);
        for (const change of section.changes) out.push(`  ${describeChange(change, language)}`);
    }
    if (report.plans) {
        const { pinning, otherVersions, folder } = report.plans;
        out.push('');
        if (pinning.length === 0) out.push(say(language, 'noPlansPinning', folder, diff.name, diff.from));
        else out.push(`${say(language, 'plansPinning', diff.name, diff.from, pinning.length)}:`);
        for (const plan of pinning) {
            out.push(`  ${plan.file}${plan.findings.length === 0 ? `: ${say(language, 'planUnaffected')}` : ''}`);
            for (const finding of byImpact(plan.findings)) {
                out.push(`    ${say(language, `impact.${finding.impact}`)}: ${describeFinding(finding, diff.name, language)} (${linesText(finding, language)})`);
            }
        }
        if (otherVersions.length > 0) {
            out.push('', say(language, 'otherVersions', diff.name, otherVersions.map(p => say(language, 'otherVersion', p.file, p.version)).join(', ')));
        }
    }
    return `${out.join('\n')}\n`;
}

function md(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*`[\]<>])/g, '\\$1');
}

function renderMarkdown(report: DiffReport, language: CliLanguage): string {
    const { diff } = report;
    const out: string[] = [`## ${md(say(language, 'heading', diff.name, diff.from, diff.to))}`, ''];
    if (diff.changes.length === 0) out.push(md(say(language, 'noChanges')), '');
    for (const section of sections(diff)) {
        out.push(`### ${md(say(language, `section.${section.kind}`))} (${section.changes.length})`, '');
        for (const change of section.changes) out.push(`- ${md(describeChange(change, language))}`);
        out.push('');
    }
    if (report.plans) {
        const { pinning, otherVersions, folder } = report.plans;
        if (pinning.length === 0) {
            out.push(md(say(language, 'noPlansPinning', folder, diff.name, diff.from)), '');
        } else {
            out.push(`### ${md(say(language, 'plansPinning', diff.name, diff.from, pinning.length))}`, '');
            out.push(`| ${['mdPlan', 'mdImpact', 'mdChange', 'mdLines'].map(k => say(language, k as 'mdPlan')).join(' | ')} |`, '| --- | --- | --- | --- |');
            for (const plan of pinning) {
                if (plan.findings.length === 0) out.push(`| ${md(plan.file)} | ${md(say(language, 'planUnaffected'))} | | |`);
                for (const finding of byImpact(plan.findings)) {
                    out.push(`| ${md(plan.file)} | ${md(say(language, `impact.${finding.impact}`))} | ${md(describeFinding(finding, diff.name, language))} | ${linesOf(finding).join(', ')} |`);
                }
            }
            out.push('');
        }
        if (otherVersions.length > 0) {
            out.push(md(say(language, 'otherVersions', diff.name, otherVersions.map(p => say(language, 'otherVersion', p.file, p.version)).join(', '))), '');
        }
    }
    return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The JSON report: the changes as the language layer gives them, and per plan each finding with its lines. */
function renderJson(report: DiffReport, language: CliLanguage): string {
    const { diff } = report;
    const json = {
        schemaVersion: 1,
        catalogue: diff.name, from: diff.from, to: diff.to, old: report.oldFile, new: report.newFile,
        changes: diff.changes.map(change => ({ ...change, text: describeChange(change, language) })),
        ...(report.plans ? {
            plans: report.plans.pinning.map(plan => ({
                file: plan.file,
                findings: byImpact(plan.findings).map(f => ({
                    impact: f.impact, change: f.change.kind, variable: f.name,
                    ...('oldId' in f.change ? { oldId: f.change.oldId } : {}),
                    ...('id' in f.change ? { id: f.change.id } : {}),
                    ...('code' in f.change ? { code: f.change.code } : {}),
                    lines: linesOf(f), text: describeFinding(f, diff.name, language),
                })),
            })),
            otherVersions: report.plans.otherVersions,
        } : {}),
    };
    return `${JSON.stringify(json, null, 2)}\n`;
}

// ------------------------------------------------------------------ upgrade

/** Whether the file starts with a UTF-8 byte-order mark, which the loaded text no longer has: written back as it was. */
function startsWithBom(file: string): boolean {
    const fd = openSync(file, 'r');
    try {
        const head = Buffer.alloc(3);
        return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
        closeSync(fd);
    }
}

/** Changed lines as `-`/`+` pairs with their line numbers (an upgrade never adds or removes a line). */
function changedLines(before: string, after: string, language: CliLanguage): string[] {
    const [a, b] = [before.split('\n'), after.split('\n')];
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] === b[i]) continue;
        out.push(`  ${say(language, 'line', i + 1)}:`, `  - ${(a[i] ?? '').replace(/\r$/, '')}`, `  + ${(b[i] ?? '').replace(/\r$/, '')}`);
    }
    return out;
}

export async function runUpgrade(plans: readonly string[], options: UpgradeOptions): Promise<0 | 1> {
    const language = options.lang;
    const workspace = await loadWorkspace({ paths: plans, catalogues: options.catalogue ?? [], language, cwd: process.cwd(), plansOnly: true });
    const [{ planUpgrade, applyChanges }, { compareVersions }, { isCatalogueRef }] = await Promise.all([
        import('../language/catalogue-upgrade.js'), import('../language/catalogue-diff.js'), import('../language/generated/ast.js'),
    ]);
    const resolver = workspace.services.suplan.catalogue.CatalogueResolver;
    const out: string[] = [];
    const toWrite: FileToWrite[] = [];
    let status: 0 | 1 = 0;
    let tried = 0;
    const problem = (line: string): void => {
        process.stderr.write(`${line}\n`);
        status = 1;
    };
    for (const entry of workspace.problems) problem(`${entry.shown}:${entry.line}:${entry.column}: ${entry.message}`);
    const planDocuments = workspace.documents.filter(d => d.role === 'given' && d.document.parseResult.value.$type === 'Plan');
    for (const loaded of planDocuments) {
        const { document, shown } = loaded;
        if (document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) {
            problem(say(language, 'planHasSyntaxErrors', shown));
            continue;
        }
        const plan = document.parseResult.value as Plan;
        const pins = plan.elements.filter(isCatalogueRef).filter(pin => pin.catalogue && pin.version !== undefined);
        if (pins.length === 0) {
            out.push(say(language, 'noPins', shown));
            continue;
        }
        const withTarget = pins.filter(pin => resolver.versions(pin.catalogue).some(c => c.version === options.to));
        if (withTarget.length === 0) {
            const available = [...new Set(pins.flatMap(pin => resolver.versions(pin.catalogue).map(c => `${pin.catalogue} "${c.version}"`)))];
            out.push(say(language, 'noSuchVersion', shown, options.to, available.join(', ') || '–'));
            continue;
        }
        tried++;
        const before = document.textDocument.getText();
        const changes: TextChange[] = [];
        for (const pin of withTarget) {
            const versions = resolver.versions(pin.catalogue);
            const order = compareVersions(pin.version, options.to);
            if (order === 0) {
                out.push(say(language, 'alreadyAt', shown, pin.catalogue, pin.version));
                continue;
            }
            if (order > 0) {
                problem(say(language, 'newerPinned', shown, pin.catalogue, pin.version, options.to));
                continue;
            }
            const upgrade = planUpgrade(plan, pin, versions, options.to);
            if (!upgrade) {
                problem(say(language, 'pinnedMissing', shown, pin.catalogue, pin.version));
                continue;
            }
            // Each pin's changes are computed on the plan's text as it is; they never overlap.
            changes.push(...upgrade.changes);
            out.push(say(language, options.dryRun ? 'upgradedDryRun' : 'upgraded', shown, pin.catalogue, pin.version, options.to));
            for (const rename of upgrade.renames) {
                if (rename.keptName !== undefined) out.push(say(language, 'renamedKept', rename.from, rename.to, rename.keptName));
                else if (rename.name) out.push(say(language, 'renamedName', rename.from, rename.to));
                else out.push(say(language, 'renamedRef', rename.from, rename.to));
            }
            if (upgrade.decisions.length === 0) {
                out.push(say(language, 'nothingToDecide'));
            } else {
                status = 1;
                out.push(say(language, 'toDecide', upgrade.decisions.length));
                for (const finding of byImpact(upgrade.decisions)) {
                    out.push(`    ${say(language, `impact.${finding.impact}`)}: ${describeFinding(finding, pin.catalogue, language)} (${linesText(finding, language)})`);
                }
            }
        }
        const after = applyChanges(before, changes);
        if (options.dryRun) out.push(...changedLines(before, after, language));
        else if (after !== before) toWrite.push({ target: loaded.file, content: (startsWithBom(loaded.file) ? '\uFEFF' : '') + after });
    }
    if (tried === 0 && status === 0 && planDocuments.length > 0) problem(say(language, 'nothingUpgraded', options.to));
    // All plans or none: a plan is never left half-upgraded beside another that was written.
    if (toWrite.length > 0) writeFilesAtomic(toWrite, { language });
    if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
    return status;
}
