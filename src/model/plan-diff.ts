import type { RegistrationBurden } from '../language/registration-burden.js';
import { planBurden } from './plan-burden.js';
import type {
    AcceptedWarning, AnalysisKind, AnalysisModel, CodeModel, ConditionModel, ExtractModel, MeasurementPointModel, PhaseModel, PlanModel, RefinedCodeModel,
    ReferenceTableModel, RoundingModel,
    SamplingModel, ScenarioModel, ScenarioRulePart, ValueSetModel, VariableModel,
} from './plan-model.js';

/**
 * The change in meaning between two versions of a plan, computed on the plan model (never on the
 * text, so layout and comments do not count). `suplan diff` renders it as text, Markdown for a
 * pull-request comment, or JSON: this file's types are that JSON's documented shape.
 *
 * A change that breaks comparability with data already collected carries a `warning`:
 *
 * - `codeRelabelled`: a code kept its number but got another label (its meaning changed);
 * - `codeReused`: a code's number now means what another code meant before (numbers moved);
 * - `codeRemoved`: a code of a kept value set is gone (data holds it, new data cannot);
 * - `valueSetKind`: a variable now holds another kind of value (a count became a choice, …);
 * - `refinementRollup`: a refined code rolls up to another catalogue code than before;
 * - `pointMoved`: a measurement point's timing changed, or a variable is no longer registered at
 *   a point where it was (or moved between once per client and per point);
 * - `roundingChanged`: an analysis rounds its figures differently;
 * - `suppressionChanged`: the small-cell rule (`minsta cell`, secondary suppression) changed.
 */

/** The version of the JSON shape of `suplan diff --format json`. */
export const PLAN_DIFF_SCHEMA_VERSION = 1;

export type DiffSection =
    | 'plan' | 'targetGroup' | 'sampling' | 'period' | 'measurementPoints' | 'valueSets'
    | 'variables' | 'data' | 'analyses' | 'scenarios' | 'privacy';

/** The order of the sections in every rendering. */
export const DIFF_SECTIONS: readonly DiffSection[] = [
    'plan', 'targetGroup', 'sampling', 'period', 'measurementPoints', 'valueSets', 'variables', 'data', 'analyses', 'scenarios', 'privacy',
];

export type ComparabilityWarning =
    | 'codeRelabelled' | 'codeReused' | 'codeRemoved' | 'valueSetKind' | 'refinementRollup'
    | 'pointMoved' | 'roundingChanged' | 'suppressionChanged';

export const COMPARABILITY_WARNINGS: readonly ComparabilityWarning[] = [
    'codeRelabelled', 'codeReused', 'codeRemoved', 'valueSetKind', 'refinementRollup', 'pointMoved', 'roundingChanged', 'suppressionChanged',
];

/**
 * One change. `subject` names what changed (a variable, analysis, point or value set id; a
 * catalogue name; the scenario's letters; empty for a plan-wide field); `aspect` says which of its
 * properties (`label`, `code`, `points`, …, or `item` when the subject itself was added or
 * removed). `before` and `after` are written as in the plan (absent when added or removed).
 */
export interface DiffChange {
    readonly section: DiffSection;
    readonly change: 'added' | 'removed' | 'changed';
    readonly subject: string;
    readonly aspect: string;
    /** For a change of one code of a value set or refinement. */
    readonly code?: number;
    readonly before?: string;
    readonly after?: string;
    readonly warning?: ComparabilityWarning;
}

/** One plan of the comparison. */
export interface PlanDiffEntry {
    /** renamed: the file moved (and may also have changed); unchanged: only the text changed (layout, comments). */
    readonly status: 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged';
    /** The plan's path in the new version (in the old one when removed). */
    readonly path: string;
    /** The path in the old version, when renamed. */
    readonly oldPath?: string;
    /** The plan's title (the new one unless removed). */
    readonly title: string;
    /** Empty for an added or removed plan. */
    readonly changes: readonly DiffChange[];
    /** How many changes carry a comparability warning. */
    readonly warnings: number;
    /** Fields per client and measurement point, before and after (one side for an added or removed plan). */
    readonly burden: { readonly before?: RegistrationBurden<string>; readonly after?: RegistrationBurden<string> };
    /**
     * How many errors `suplan check` reports in each version, when there are any. A version with
     * errors is compared when it can still be read (no syntax error, every name found); the
     * comparison then covers what the plan says as written.
     */
    readonly errors?: { readonly before?: number; readonly after?: number };
}

/** What `suplan diff` reports: the plans that differ between two versions. */
export interface PlanDiffReport {
    readonly schemaVersion: typeof PLAN_DIFF_SCHEMA_VERSION;
    /** The old version: a plan file, or a git revision as given (`HEAD~1`). */
    readonly from: string;
    /** The new version: a plan file, or a git revision as given. */
    readonly to: string;
    readonly plans: readonly PlanDiffEntry[];
}

/** A plan's entry from its old and new model (either may be absent: added, removed). */
export function diffPlanVersions(before: PlanModel | undefined, after: PlanModel | undefined, paths: { readonly path: string; readonly oldPath?: string }): PlanDiffEntry {
    const changes = before && after ? comparePlans(before, after) : [];
    const moved = paths.oldPath !== undefined && paths.oldPath !== paths.path;
    const status = !before ? 'added' : !after ? 'removed' : moved ? 'renamed' : changes.length > 0 ? 'changed' : 'unchanged';
    return {
        status,
        path: paths.path,
        ...(moved ? { oldPath: paths.oldPath } : {}),
        title: (after ?? before)?.title ?? '',
        changes,
        warnings: changes.filter(change => change.warning).length,
        burden: { ...(before ? { before: planBurden(before) } : {}), ...(after ? { after: planBurden(after) } : {}) },
    };
}

/** Every change from `before` to `after`, section by section. */
export function comparePlans(before: PlanModel, after: PlanModel): DiffChange[] {
    const changes: DiffChange[] = [];
    const out = new Collector(changes);
    // The plan itself.
    out.value('plan', '', 'title', before.title, after.title);
    out.value('plan', '', 'version', before.governance.version, after.governance.version);
    out.value('plan', '', 'status', before.governance.status, after.governance.status);
    out.value('plan', '', 'purpose', before.purpose, after.purpose);
    out.value('plan', '', 'question', before.question, after.question);
    out.value('plan', '', 'level', before.level, after.level);
    const source = (m: PlanModel) => (m.dataSource ? `${m.dataSource.kind}${m.dataSource.description ? ` "${m.dataSource.description}"` : ''}` : undefined);
    out.value('plan', '', 'dataSource', source(before), source(after));
    for (const role of ['mandate', 'registers', 'compiles', 'analyses'] as const) {
        out.value('plan', '', `role.${role}`, before.roles[role], after.roles[role]);
    }
    const goals = (m: PlanModel) => (m.clientGoals ? `${m.clientGoals.max}${m.clientGoals.description ? ` "${m.clientGoals.description}"` : ''}` : undefined);
    out.value('plan', '', 'clientGoals', goals(before), goals(after));
    out.keyed('plan', 'catalogue', before.catalogues, after.catalogues, c => c.name, c => `version "${c.version}"`, (a, b) => {
        out.value('plan', a.name, 'catalogue', `version "${a.version}"`, `version "${b.version}"`);
    });
    // Target group, sampling, period.
    out.list('targetGroup', 'include', before.targetGroup.include, after.targetGroup.include);
    out.list('targetGroup', 'exclude', before.targetGroup.exclude, after.targetGroup.exclude);
    const age = (m: PlanModel) => (m.targetGroup.age ? `${m.targetGroup.age.min}..${m.targetGroup.age.max}` : undefined);
    out.value('targetGroup', '', 'age', age(before), age(after));
    const expected = (m: PlanModel) => (m.targetGroup.expected ? `${m.targetGroup.expected.count} per ${m.targetGroup.expected.per}` : undefined);
    out.value('targetGroup', '', 'expected', expected(before), expected(after));
    out.value('sampling', '', 'sampling', samplingText(before.sampling), samplingText(after.sampling));
    out.value('period', '', 'period', periodText(before), periodText(after));
    // Measurement points.
    out.keyed('measurementPoints', 'item', before.measurementPoints, after.measurementPoints, p => p.id, pointText, (a, b) => {
        out.value('measurementPoints', a.id, 'timing', pointText(a), pointText(b), 'pointMoved');
        out.value('measurementPoints', a.id, 'label', a.label, b.label);
    });
    out.keyed('measurementPoints', 'phase', before.phases, after.phases, p => p.id, phaseText, (a, b) => {
        out.value('measurementPoints', a.id, 'phase', phaseText(a), phaseText(b));
    });
    // Named value sets.
    out.keyed('valueSets', 'item', before.valueSets, after.valueSets, s => s.id, s => codesText(s.codes), (a, b) => {
        out.value('valueSets', a.id, 'label', a.label, b.label);
        out.value('valueSets', a.id, 'ordinal', String(a.ordinal), String(b.ordinal));
        out.codes('valueSets', a.id, a.codes, b.codes);
    });
    // Variables.
    out.keyed('variables', 'item', before.variables, after.variables, v => v.id, v => `"${v.label}": ${valueSetText(v.valueSet)}`, (a, b) => compareVariables(out, a, b));
    // Reference data and the extract from the case-management system.
    out.keyed('data', 'referenceTable', before.referenceTables, after.referenceTables, t => t.id, referenceTableText, (a, b) => {
        out.value('data', a.id, 'referenceTable', referenceTableText(a), referenceTableText(b));
    });
    const extract = (m: PlanModel) => (m.extract ? [`"${m.extract.system}"`, m.extract.file ? `fil "${m.extract.file}"` : '', m.extract.keyColumn ? `nyckel "${m.extract.keyColumn}"` : ''].filter(Boolean).join(' ') : undefined);
    out.value('data', '', 'extract', extract(before), extract(after));
    out.keyed('data', 'extractColumn', before.extract?.columns ?? [], after.extract?.columns ?? [], c => c.column, extractColumnText, (a, b) => {
        out.value('data', a.column, 'extractColumn', extractColumnText(a), extractColumnText(b));
    });
    // The plan's rounding (`decimaler`, `avrundning` before the analyses) once, as every analysis without its own shows it.
    out.value('plan', '', 'rounding', planRounding(before), planRounding(after), 'roundingChanged');
    // Analyses.
    out.keyed('analyses', 'item', before.analyses, after.analyses, a => a.id, analysisText, (a, b) => compareAnalyses(out, a, b));
    // Scenarios, keyed by their letters (and their order among scenarios with the same letters).
    const keyedScenarios = (list: readonly ScenarioModel[]) => {
        const seen = new Map<string, number>();
        return list.map(scenario => {
            const letters = scenario.letters.join(', ');
            const n = (seen.get(letters) ?? 0) + 1;
            seen.set(letters, n);
            return { key: n === 1 ? letters : `${letters} (${n})`, scenario };
        });
    };
    out.keyed('scenarios', 'item', keyedScenarios(before.scenarios), keyedScenarios(after.scenarios), s => s.key, s => scenarioText(s.scenario), (a, b) => {
        out.value('scenarios', a.key, 'rule', ruleText(a.scenario.rule), ruleText(b.scenario.rule));
        out.value('scenarios', a.key, 'nextStep', a.scenario.nextStep, b.scenario.nextStep);
    });
    // Warnings the team accepted, with their reasons (shown in the plan document).
    const accepted = (w: AcceptedWarning) => (w.subject ? `${w.code} för ${w.subject}` : w.code);
    out.keyed('plan', 'accepted', before.acceptedWarnings, after.acceptedWarnings, accepted, w => `"${w.reason}"`, (a, b) => {
        out.value('plan', accepted(a), 'accepted', `"${a.reason}"`, `"${b.reason}"`);
    });
    // Privacy.
    out.value('privacy', '', 'minCell', String(before.privacy.suppression.minCell), String(after.privacy.suppression.minCell), 'suppressionChanged');
    out.value('privacy', '', 'secondary', onOff(before.privacy.suppression.secondary), onOff(after.privacy.suppression.secondary), 'suppressionChanged');
    out.list('privacy', 'legalBasis', before.privacy.legalBasis, after.privacy.legalBasis);
    for (const field of ['storage', 'controller', 'retention', 'impactAssessment', 'pseudonymisation'] as const) {
        out.value('privacy', '', field, before.privacy[field], after.privacy[field]);
    }
    return changes;
}

function compareVariables(out: Collector, a: VariableModel, b: VariableModel): void {
    const id = a.id;
    out.value('variables', id, 'label', a.label, b.label);
    out.value('variables', id, 'origin', originText(a), originText(b));
    const kindA = valueSetText(a.valueSet);
    const kindB = valueSetText(b.valueSet);
    if (a.valueSet.kind !== b.valueSet.kind) {
        out.value('variables', id, 'valueSet', kindA, kindB, 'valueSetKind');
    } else {
        out.value('variables', id, 'valueSet', kindA, kindB);
        const namedA = 'codes' in a.valueSet ? a.valueSet.named : undefined;
        const namedB = 'codes' in b.valueSet ? b.valueSet.named : undefined;
        // A named value set's codes are compared once, under value sets.
        const sameNamedSet = namedA !== undefined && namedA === namedB;
        if ('codes' in a.valueSet && 'codes' in b.valueSet && !sameNamedSet) out.codes('variables', id, a.valueSet.codes, b.valueSet.codes);
    }
    compareRefinements(out, id, a.refinement, b.refinement);
    // A derived value is available where its sources are: only a registered variable's points can move.
    const registered = a.origin !== 'derived' && b.origin !== 'derived';
    const moved = registered && (a.points.some(point => !b.points.includes(point)) || (a.points.length === 0) !== (b.points.length === 0));
    out.value('variables', id, 'points', a.points.join(', '), b.points.join(', '), moved ? 'pointMoved' : undefined);
    out.value('variables', id, 'respondents', a.respondents.join(', '), b.respondents.join(', '));
    out.value('variables', id, 'condition', conditionText(a.condition), conditionText(b.condition));
    out.value('variables', id, 'definition', a.definition, b.definition);
    out.value('variables', id, 'derivation', derivationText(a), derivationText(b));
    out.value('variables', id, 'flags', flagsText(a), flagsText(b));
    out.value('variables', id, 'group', a.group, b.group);
}

function compareRefinements(out: Collector, id: string, a: readonly RefinedCodeModel[] | undefined, b: readonly RefinedCodeModel[] | undefined): void {
    if (!a && !b) return;
    if (!a || !b) {
        out.value('variables', id, 'refinement', a ? refinementText(a) : undefined, b ? refinementText(b) : undefined);
        return;
    }
    const newByCode = new Map(b.map(code => [code.code, code]));
    for (const old of a) {
        const now = newByCode.get(old.code);
        if (now && now.original !== old.original) {
            out.push({ section: 'variables', change: 'changed', subject: id, aspect: 'rollup', code: old.code, before: `${old.code} -> ${old.original}`, after: `${now.code} -> ${now.original}`, warning: 'refinementRollup' });
        }
    }
}

/** The analysis fields compared one by one (`rounding` and `chart` are compared as a whole). */
const ANALYSIS_FIELDS: readonly (keyof AnalysisModel)[] = [
    'title', 'variables', 'column', 'from', 'to', 'change', 'codes', 'codesLevel', 'op', 'value', 'target', 'unit',
    'dateVariable', 'timeBasis', 'per', 'counts', 'population', 'populationVariable', 'condition', 'between', 'targetValue',
    'targetTable', 'shares', 'topRounding', 'codeLevel', 'groups', 'at', 'filter',
];

function compareAnalyses(out: Collector, a: AnalysisModel, b: AnalysisModel): void {
    out.value('analyses', a.id, 'kind', ANALYSIS_KEYWORDS[a.kind], ANALYSIS_KEYWORDS[b.kind]);
    for (const field of ANALYSIS_FIELDS) {
        out.value('analyses', a.id, field, fieldText(a[field]), fieldText(b[field]));
    }
    // An analysis that follows the plan's rounding in both versions changes with it (reported once, for the plan).
    const own = (rounding: RoundingModel) => rounding.from === 'analysis';
    if (own(a.rounding) || own(b.rounding)) out.value('analyses', a.id, 'rounding', roundingText(a.rounding), roundingText(b.rounding), 'roundingChanged');
    out.value('analyses', a.id, 'chart', a.chart.kind, b.chart.kind);
}

/** Collects changes; equal values give none. */
class Collector {
    constructor(private readonly changes: DiffChange[]) {}

    push(change: DiffChange): void {
        this.changes.push(change);
    }

    /** A value that may be absent on either side. */
    value(section: DiffSection, subject: string, aspect: string, before: string | undefined, after: string | undefined, warning?: ComparabilityWarning): void {
        const a = before === '' ? undefined : before;
        const b = after === '' ? undefined : after;
        if (a === b) return;
        const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
        this.changes.push({ section, change, subject, aspect, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}), ...(warning ? { warning } : {}) });
    }

    /** A list of texts: each entry added or removed. */
    list(section: DiffSection, aspect: string, before: readonly string[], after: readonly string[]): void {
        for (const text of before) if (!after.includes(text)) this.changes.push({ section, change: 'removed', subject: '', aspect, before: text });
        for (const text of after) if (!before.includes(text)) this.changes.push({ section, change: 'added', subject: '', aspect, after: text });
    }

    /** Items with ids: removed, added, and `compare` for those in both (in the new order). */
    keyed<T>(section: DiffSection, aspect: string, before: readonly T[], after: readonly T[], key: (item: T) => string, text: (item: T) => string, compare: (a: T, b: T) => void): void {
        const old = new Map(before.map(item => [key(item), item]));
        const now = new Set(after.map(key));
        for (const item of before) if (!now.has(key(item))) this.changes.push({ section, change: 'removed', subject: key(item), aspect, before: text(item) });
        for (const item of after) {
            const previous = old.get(key(item));
            if (previous === undefined) this.changes.push({ section, change: 'added', subject: key(item), aspect, after: text(item) });
            else compare(previous, item);
        }
    }

    /** The codes of a kept value set: removed, relabelled or reused codes break comparability. */
    codes(section: DiffSection, subject: string, before: readonly CodeModel[], after: readonly CodeModel[]): void {
        const newByCode = new Map(after.map(code => [code.code, code.label]));
        const oldByCode = new Map(before.map(code => [code.code, code.label]));
        const codeOfOldLabel = new Map(before.map(code => [code.label, code.code]));
        const codeOfNewLabel = new Map(after.map(code => [code.label, code.code]));
        for (const { code, label } of before) {
            const now = newByCode.get(code);
            if (now === undefined) {
                this.changes.push({ section, change: 'removed', subject, aspect: 'code', code, before: codeText(code, label), warning: 'codeRemoved' });
            } else if (now !== label) {
                // Reused: the number now means what another code meant, or its old meaning moved to another number.
                const reused = (codeOfOldLabel.get(now) ?? code) !== code || (codeOfNewLabel.get(label) ?? code) !== code;
                this.changes.push({ section, change: 'changed', subject, aspect: 'code', code, before: codeText(code, label), after: codeText(code, now), warning: reused ? 'codeReused' : 'codeRelabelled' });
            }
        }
        for (const { code, label } of after) {
            if (!oldByCode.has(code)) this.changes.push({ section, change: 'added', subject, aspect: 'code', code, after: codeText(code, label) });
        }
    }
}

// ---------------------------------------------------------------- values written as in the plan

function codeText(code: number, label: string): string {
    return `${code} "${label}"`;
}

function codesText(codes: readonly CodeModel[]): string {
    return `{ ${codes.map(c => codeText(c.code, c.label)).join(' ')} }`;
}

const KIND_WORDS: Readonly<Record<ValueSetModel['kind'], string>> = {
    date: 'datum', text: 'text', count: 'antal', number: 'tal', score: 'poäng',
    yesno: 'ja/nej', choice: 'val', multi: 'flerval', scale: 'skala', goal4: 'mål4', goal5: 'gas5',
};

/** A value set as its kind and range (`antal 0..100`, `val`, `tal 0..40 enhet "dagar"`); codes are compared one by one. */
export function valueSetText(set: ValueSetModel): string {
    const parts = [KIND_WORDS[set.kind]];
    if ('named' in set && set.named) return set.named;
    if ('min' in set && (set.min !== undefined || set.max !== undefined)) parts.push(`${set.min ?? ''}..${set.max ?? ''}`);
    if (set.kind === 'number' && set.unit) parts.push(`enhet "${set.unit}"`);
    if (set.kind === 'number' && set.decimals !== undefined) parts.push(`decimaler ${set.decimals}`);
    if (set.kind === 'score' && set.instrument) parts.push(`instrument "${set.instrument}"`);
    return parts.join(' ');
}

function refinementText(codes: readonly RefinedCodeModel[]): string {
    return `fördjupa { ${codes.map(c => `${codeText(c.code, c.label)} -> ${c.original}`).join(' ')} }`;
}

function originText(variable: VariableModel): string {
    // The pinned version is one change of the plan (`katalog`), not one per variable.
    if (variable.catalogue) return `använd ${variable.catalogue.catalogue}.${variable.catalogue.id}`;
    return { local: 'lokal', item: 'frågegrupp', derived: 'härledd', catalogue: 'använd' }[variable.origin];
}

function flagsText(variable: VariableModel): string {
    return [variable.background ? 'bakgrund' : '', variable.optional ? 'frivillig' : '', variable.perClientGoal ? 'per klientmål' : ''].filter(Boolean).join(', ');
}

function derivationText(variable: VariableModel): string | undefined {
    const d = variable.derivation;
    if (!d) return undefined;
    switch (d.kind) {
        case 'classify': return `klassa ${d.source} { ${d.classes.map(c => `${c.code} "${c.label}" ${c.min}..${c.max}`).join(' ')} }`;
        case 'sum': return `summa(${d.items.join(', ')})`;
        case 'mean': return `medel(${d.items.join(', ')})`;
        case 'difference': return `skillnad ${d.source} ${d.from} -> ${d.to}`;
    }
}

export function conditionText(condition: ConditionModel | undefined): string | undefined {
    if (!condition) return undefined;
    return condition.parts.map(part => ('codes' in part
        ? `${part.variable} i ${part.level === 'original' ? 'original ' : ''}${part.codes.join(', ')}`
        : `${part.variable} ${part.op} ${part.value}`)).join(' och ');
}

function samplingText(sampling: SamplingModel | undefined): string | undefined {
    if (!sampling) return undefined;
    return sampling.method === 'födelsedagar' ? `födelsedagar ${sampling.days.join(', ')}` : sampling.method;
}

function periodText(model: PlanModel): string | undefined {
    const period = model.period;
    if (!period) return undefined;
    const repeat = period.repeatYears ? ` upprepas årligen ${period.repeatYears.from}..${period.repeatYears.to}` : '';
    return `${period.start} .. ${period.end}${repeat}`;
}

function pointText(point: MeasurementPointModel): string {
    const parts: string[] = [point.kind];
    if (point.every) parts.push(`varje ${point.every}`);
    if (point.offset) parts.push(`${point.offset.amount} ${point.offset.unit}`);
    return parts.join(' ');
}

/** The rounding of the analyses that do not state their own: the plan's `decimaler`/`avrundning`, or the default. */
function planRounding(model: PlanModel): string | undefined {
    const shared = model.analyses.find(analysis => analysis.rounding.from !== 'analysis');
    return shared ? roundingText(shared.rounding) : undefined;
}

function phaseText(phase: PhaseModel): string {
    const from = phase.startStated && phase.start ? ` från ${phase.start}` : '';
    return `${phase.id}${phase.label ? ` "${phase.label}"` : ''} ${phase.length} ${phase.unit}${from}`;
}

function referenceTableText(table: ReferenceTableModel): string {
    const key = table.key.kind === 'codes' ? `per ${table.key.variable}` : 'per fråga';
    const source = table.source ? ` källa "${table.source}"` : '';
    return `"${table.label}" ${key}${source} { ${table.rows.map(row => `${row.key} = ${row.value}`).join(' ')} }`;
}

function extractColumnText(column: ExtractModel['columns'][number]): string {
    const point = column.point ? ` vid ${column.point}` : '';
    const codes = column.codes.length > 0 ? ` { ${column.codes.map(c => `"${c.source}" -> ${c.code}`).join(' ')} }` : '';
    return `"${column.column}" -> ${column.variable}${point}${codes}`;
}

function roundingText(rounding: RoundingModel): string {
    if (rounding.step !== undefined) return `avrundning ${String(rounding.step).replace('.', ',')}`;
    return rounding.decimals === rounding.percentDecimals ? `decimaler ${rounding.decimals}` : `decimaler ${rounding.decimals} (procent ${rounding.percentDecimals})`;
}

function ruleText(rule: readonly ScenarioRulePart[] | undefined): string {
    if (!rule) return 'bedöms vid genomgång';
    return rule.map(part => {
        const group = part.groups === 'some' ? 'någon grupp i ' : part.groups === 'every' ? 'varje grupp i ' : '';
        const value = part.againstTarget ? 'målet' : `${part.value ?? ''}${part.percent ? ' %' : ''}`;
        return `${group}${part.analysis} ${part.op} ${value}`;
    }).join(' och ');
}

function scenarioText(scenario: ScenarioModel): string {
    return ruleText(scenario.rule) + (scenario.nextStep ? ` "${scenario.nextStep}"` : '');
}

/** The keyword of each kind of analysis, as the plan writes it. */
const ANALYSIS_KEYWORDS: Readonly<Record<AnalysisKind, string>> = {
    frequency: 'frekvens', crosstab: 'korstabell', describe: 'beskriv', change: 'förändring', share: 'andel',
    goalAttainment: 'måluppfyllelse', timeSeries: 'tidsserie', phaseMeans: 'fasmedel', rate: 'takt', compare: 'jämför',
    concentration: 'koncentration',
};

function analysisText(analysis: AnalysisModel): string {
    return `${analysis.title ? `"${analysis.title}": ` : ''}${ANALYSIS_KEYWORDS[analysis.kind]} ${analysis.variables.join(', ')}`.trim();
}

function onOff(value: boolean): string {
    return value ? 'på' : 'av';
}

/** A field of an analysis as text: a condition as in the plan, lists joined, other objects as compact JSON. */
function fieldText(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(String).join(', ');
    if (typeof value === 'object' && value !== null && 'parts' in value) return conditionText(value as ConditionModel);
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
}
