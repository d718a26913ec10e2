import type { RegistrationBurden } from '../language/registration-burden.js';
import { startSentence, type Language } from '../text/language.js';
import { mdCell, mdCode, mdTable, mdText } from '../text/markdown-escape.js';
import { pick } from '../text/messages.js';
import { DIFF_SECTIONS, type DiffChange, type PlanDiffEntry, type PlanDiffReport } from './plan-diff.js';
import { CHANGE, SECTION, STATUS, WARNING, aspectName, sayDiff } from './plan-diff-messages.js';

/**
 * Renderings of a plan diff (src/model/plan-diff.ts): text for a terminal, Markdown for a
 * pull-request comment (headings, lists and tables only, so it renders on any forge), and JSON.
 */

/** `suplan diff --format json`: the report as it is, two-space indented. */
export function renderDiffJson(report: PlanDiffReport): string {
    return JSON.stringify(report, null, 2) + '\n';
}

/** What a change is about: the subject (`hinder`), the aspect and the code (`kod 4`). */
function what(change: DiffChange, language: Language, code: (text: string) => string): string {
    const aspect = change.aspect === 'item' ? '' : aspectName(change.aspect, language);
    const aspectAndCode = change.code !== undefined ? `${aspect} ${change.code}` : aspect;
    return [change.subject ? code(change.subject) : '', aspectAndCode].filter(Boolean).join(' · ');
}

/** Burden rows: each point of either version (the new order first), then the busiest registration. */
function burdenRows(burden: PlanDiffEntry['burden'], language: Language): Array<[string, string, string]> {
    const count = (side: RegistrationBurden<string> | undefined, point: string): string => {
        const found = side?.perPoint.find(p => p.point === point);
        return found ? String(found.fields) : sayDiff(language, 'none');
    };
    const points = [...new Set([...(burden.after?.perPoint ?? []), ...(burden.before?.perPoint ?? [])].map(p => p.point))];
    const rows: Array<[string, string, string]> = points.map(point => [point, count(burden.before, point), count(burden.after, point)]);
    const busiest = (side: RegistrationBurden<string> | undefined) => (side ? String(side.busiest) : sayDiff(language, 'none'));
    rows.push([sayDiff(language, 'burdenBusiest'), busiest(burden.before), busiest(burden.after)]);
    return rows;
}

/** `ändrad, 5 ändringar, 2 varningar`; `text` escapes the words, `code` marks the old path. */
function statusLine(entry: PlanDiffEntry, language: Language, text: (words: string) => string, code: (path: string) => string): string {
    const parts = [text(pick(STATUS[entry.status], language))];
    if (entry.oldPath) parts.push(text(sayDiff(language, 'renamedFrom', '\u0000')).replace('\u0000', code(entry.oldPath)));
    if (entry.status !== 'added' && entry.status !== 'removed') {
        parts.push(text(sayDiff(language, entry.changes.length === 1 ? 'changesOne' : 'changesMany', entry.changes.length)));
        parts.push(text(sayDiff(language, entry.warnings === 1 ? 'warningsOne' : 'warningsMany', entry.warnings)));
    }
    return parts.join(', ');
}

/** `Versionen före har 2 fel (suplan check visar dem); …`, when a version has errors. */
function errorsNote(entry: PlanDiffEntry, language: Language): string | undefined {
    const sides: string[] = [];
    const before = entry.errors?.before ?? 0;
    const after = entry.errors?.after ?? 0;
    if (before > 0) sides.push(sayDiff(language, before === 1 ? 'errorsBeforeOne' : 'errorsBeforeMany', before));
    if (after > 0) sides.push(sayDiff(language, after === 1 ? 'errorsAfterOne' : 'errorsAfterMany', after));
    if (sides.length === 0) return undefined;
    const text = sayDiff(language, 'errorsNote', sides.join(sayDiff(language, 'errorsJoin')));
    return startSentence(text, language);
}

function note(entry: PlanDiffEntry, language: Language): string | undefined {
    if (entry.status === 'added') return sayDiff(language, 'addedPlan');
    if (entry.status === 'removed') return sayDiff(language, 'removedPlan');
    if (entry.status === 'renamed' && entry.changes.length === 0) return sayDiff(language, 'sameMeaning');
    if (entry.changes.length === 0) return sayDiff(language, 'noSemanticChange');
    return undefined;
}

// ---------------------------------------------------------------- Markdown

/** What the Markdown may hold: `maxLength` characters at most (GitHub takes 65,536 in a comment). */
export interface MarkdownDiffOptions {
    readonly maxLength?: number;
}

/**
 * Markdown for a pull-request comment. With `maxLength`, plans are shown in full while they fit;
 * a plan that does not fit keeps its heading, status line and comparability warnings (what a
 * reviewer must see) without its tables, and the plans after the limit are counted in a last line.
 */
export function renderDiffMarkdown(report: PlanDiffReport, language: Language, options: MarkdownDiffOptions = {}): string {
    const code = (text: string) => mdCode(text);
    // The template has no Markdown in it; the versions go in code spans (`HEAD~1`, a path).
    const title = `## ${sayDiff(language, 'reportTitle', code(report.from), code(report.to))}`;
    if (report.plans.length === 0) return [title, sayDiff(language, 'noPlans')].join('\n\n') + '\n';
    const max = options.maxLength ?? Infinity;
    const limit = String(options.maxLength ?? '');
    const leftOut = (count: number) => count === 1 ? sayDiff(language, 'planLeftOut', limit) : sayDiff(language, 'plansLeftOut', String(count), limit);
    let text = title;
    for (const [index, entry] of report.plans.entries()) {
        const { summary, tables } = planBlocks(entry, language);
        const rest = report.plans.length - index - 1;
        // Room is kept for the last line about the plans left out, should any follow. The two lines
        // about what is left out are Markdown of ours (a code span), with only numbers put in.
        const reserve = rest > 0 ? leftOut(rest).length + 2 : 0;
        const full = [text, ...summary, ...tables].join('\n\n');
        if (full.length + 1 + reserve <= max) {
            text = full;
            continue;
        }
        const short = [text, ...summary, sayDiff(language, 'tablesLeftOut', limit)].join('\n\n');
        if (short.length + 1 + reserve <= max) {
            text = short;
            continue;
        }
        text += '\n\n' + leftOut(rest + 1);
        break;
    }
    return text + '\n';
}

/** One plan's Markdown: what a reviewer must see (heading, status, warnings) and its tables. */
function planBlocks(entry: PlanDiffEntry, language: Language): { summary: string[]; tables: string[] } {
    const code = (text: string) => mdCode(text);
    const summary = [`### ${mdText(entry.title)} (${code(entry.path)})`, statusLine(entry, language, mdText, code)];
    const errors = errorsNote(entry, language);
    if (errors) summary.push(`**${mdText(errors)}**`);
    const noteText = note(entry, language);
    if (noteText) summary.push(mdText(noteText));
    const warned = entry.changes.filter(change => change.warning);
    if (warned.length > 0) {
        summary.push(`#### ${mdText(sayDiff(language, 'warningsHeading'))}`);
        summary.push(warned.map(change => {
            const values = [change.before, change.after].filter(v => v !== undefined).map(v => code(v as string)).join(' → ');
            return `- **${sayDiff(language, 'warningWord')}** ${pick(SECTION[change.section], language)}: ${what(change, language, code)}: ${mdText(pick(WARNING[change.warning ?? 'codeRemoved'], language))}${values ? ` (${values})` : ''}`;
        }).join('\n'));
    }
    const tables: string[] = [];
    for (const section of DIFF_SECTIONS) {
        const changes = entry.changes.filter(change => change.section === section);
        if (changes.length === 0) continue;
        tables.push(`#### ${mdText(pick(SECTION[section], language))}`);
        const header = [sayDiff(language, 'columnChange'), sayDiff(language, 'columnWhat'), sayDiff(language, 'columnBefore'), sayDiff(language, 'columnAfter')];
        tables.push(mdTable(header, changes.map(change => [
            pick(CHANGE[change.change], language) + (change.warning ? ` **${sayDiff(language, 'warningWord')}**` : ''),
            what(change, language, code) || ' ',
            mdCell(change.before),
            mdCell(change.after),
        ])));
    }
    tables.push(`#### ${mdText(sayDiff(language, 'burdenHeading'))}`);
    const header = [sayDiff(language, 'burdenPoint'), sayDiff(language, 'columnBefore'), sayDiff(language, 'columnAfter')];
    tables.push(mdTable(header, burdenRows(entry.burden, language).map(row => row.map(cell => mdCell(cell)))));
    return { summary, tables };
}

// ---------------------------------------------------------------- text

/** Plain text for a terminal. */
export function renderDiffText(report: PlanDiffReport, language: Language): string {
    const lines: string[] = [sayDiff(language, 'reportTitle', report.from, report.to)];
    if (report.plans.length === 0) lines.push(sayDiff(language, 'noPlans'));
    const plain = (text: string) => text;
    const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
    for (const entry of report.plans) {
        lines.push('', `${entry.path}: "${oneLine(entry.title)}": ${statusLine(entry, language, plain, plain)}`);
        const errors = errorsNote(entry, language);
        if (errors) lines.push(`  ${errors}`);
        const noteText = note(entry, language);
        if (noteText) lines.push(`  ${noteText}`);
        for (const section of DIFF_SECTIONS) {
            const changes = entry.changes.filter(change => change.section === section);
            if (changes.length === 0) continue;
            lines.push(`  ${pick(SECTION[section], language)}`);
            for (const change of changes) {
                const values = change.change === 'changed'
                    ? `${oneLine(change.before ?? '')} → ${oneLine(change.after ?? '')}`
                    : oneLine(change.before ?? change.after ?? '');
                const subject = what(change, language, plain);
                lines.push(`    ${pick(CHANGE[change.change], language)}: ${subject}${subject ? ': ' : ''}${values}`);
                if (change.warning) lines.push(`      ${sayDiff(language, 'warningWord')}: ${pick(WARNING[change.warning], language)}`);
            }
        }
        lines.push(`  ${sayDiff(language, 'burdenHeading')}`);
        for (const [point, before, after] of burdenRows(entry.burden, language)) lines.push(`    ${point}: ${before} → ${after}`);
    }
    return lines.join('\n') + '\n';
}
