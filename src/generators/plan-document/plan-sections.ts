/**
 * The sections of the plan document for every role, as blocks of the document model: who does
 * what, the variables with their definitions and values, the analyses, the scenarios and the
 * privacy settings. The Markdown plan document shows them in order; the official plan document
 * (official-document.ts) puts a summary before them and the variables in an appendix. A pure
 * function of the plan model; plan text stays plain text here and is escaped by each renderer.
 */
import type {
    AnalysisModel, CodeModel, CompareOp, ConditionModel, PlanModel, SamplingModel, ScenarioModel, ValueSetModel, VariableModel,
} from '../../model/plan-model.js';
import { startSentence } from '../../text/language.js';
import { formatDecimal } from '../../text/numbers.js';
import { fillInline, inlines, join, type Block, type Inline, type Inlines } from './document.js';
import { docTexts, type DocLanguage, type DocTexts } from './texts.js';

export interface PlanSectionsOptions {
    /** Swedish (default) or English headings and fixed wording; plan text is never translated. */
    readonly language?: DocLanguage;
    /** How a date (YYYY-MM-DD) is written; as it is by default. */
    readonly date?: (isoDate: string) => string;
}

export const SCENARIO_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** A number with a decimal comma in Swedish, a decimal point in English; never exponent notation. */
export function formatNumber(value: number, language: DocLanguage = 'sv'): string {
    return formatDecimal(value, language);
}

function codesOf(valueSet: ValueSetModel): readonly CodeModel[] | undefined {
    return 'codes' in valueSet ? valueSet.codes : undefined;
}

const code = (text: string): Inline => ({ code: text });
const em = (text: string): Inline => ({ em: [text] });
/** Optional plan text: itself, or nothing. */
const opt = (text: string | undefined): Inlines => text !== undefined ? [text] : [];

/** Builds the blocks of each section of the plan document. */
export class PlanSections {
    readonly t: DocTexts;
    readonly language: DocLanguage;
    private readonly variables: ReadonlyMap<string, VariableModel>;
    private readonly dateText: (isoDate: string) => string;

    constructor(readonly model: PlanModel, options: PlanSectionsOptions = {}) {
        this.language = options.language ?? 'sv';
        this.t = docTexts(this.language);
        this.variables = new Map(model.variables.map(v => [v.id, v]));
        this.dateText = options.date ?? (date => date);
    }

    /** Every section in the order of the Markdown plan document. */
    all(): Block[] {
        return [
            ...this.governance(), ...this.purpose(), ...this.targetGroup(), ...this.roles(), ...this.catalogues(), ...this.points(),
            ...this.variableSection(), ...this.referenceTables(), ...this.analyses(), ...this.scenarios(), ...this.privacy(),
            ...this.acceptedWarnings(), ...this.interpretation(),
        ];
    }

    // ---- helpers ----------------------------------------------------------------------------

    heading(text: Inlines | string, level: 2 | 3 = 2): Block {
        return { kind: 'heading', level, text: typeof text === 'string' ? [text] : text };
    }

    /** `name: value` items; items whose value is undefined are left out (no block when none is left). */
    facts(items: ReadonlyArray<readonly [string, Inlines | undefined]>): Block[] {
        const shown = items.filter((item): item is readonly [string, Inlines] => item[1] !== undefined);
        return shown.length > 0 ? [{ kind: 'facts', items: shown.map(([name, value]) => ({ name, value })) }] : [];
    }

    table(header: readonly string[], rows: ReadonlyArray<readonly Inlines[]>, rowHeaders = false): Block {
        return { kind: 'table', header, rows, rowHeaders };
    }

    num(value: number): string {
        return formatNumber(value, this.language);
    }

    date(isoDate: string): string {
        return this.dateText(isoDate);
    }

    /** A variable named in running text: its label and its id. */
    variable(id: string): Inline[] {
        const variable = this.variables.get(id);
        return variable && variable.label !== id ? [variable.label, ' (', code(id), ')'] : [code(id)];
    }

    point(id: string): Inline[] {
        const point = this.model.measurementPoints.find(p => p.id === id);
        return point?.label ? [code(id), ' (', point.label, ')'] : [code(id)];
    }

    /** Codes with their labels; `original` codes of a refined variable take the catalogue's labels. */
    codeList(variableId: string, codes: readonly number[], level?: 'refined' | 'original'): Inline[] {
        const known = this.variables.get(variableId);
        const original = level === 'original' && known?.catalogue !== undefined;
        const labels = known ? codesOf(original && known.catalogue ? known.catalogue.valueSet : known.valueSet) : undefined;
        const list = join(codes.map(value => {
            const label = labels?.find(c => c.code === value)?.label;
            return label !== undefined ? [this.num(value), ' ', label] : [this.num(value)];
        }), ', ');
        return original ? [...list, ' ', this.t.originalCodes] : list;
    }

    op(op: CompareOp): string {
        return op === '!=' ? '≠' : op === '<=' ? '≤' : op === '>=' ? '≥' : op;
    }

    condition(condition: ConditionModel): Inline[] {
        return join(condition.parts.map(part => 'codes' in part
            ? [...this.variable(part.variable), ` ${this.t.isOneOf} `, ...this.codeList(part.variable, part.codes, part.level)]
            : [...this.variable(part.variable), ` ${this.op(part.op)} ${this.num(part.value)}`],
        ), ` ${this.t.and} `);
    }

    /** The period, `start – end` and its yearly repetition. */
    period(): Inlines | undefined {
        const p = this.model.period;
        if (!p) return undefined;
        return [`${this.date(p.start)} – ${this.date(p.end)}`
            + (p.repeatYears ? `, ${this.t.repeat(String(p.repeatYears.from), String(p.repeatYears.to))}` : '')];
    }

    /** Who decided and when. */
    decision(): Inlines | undefined {
        const d = this.model.governance.decision;
        return d ? [d.by + (d.date ? `, ${this.t.decisionDate} ${this.date(d.date)}` : '')] : undefined;
    }

    feedback(): Inlines | undefined {
        const f = this.model.governance.feedback;
        return f ? [f.when + (f.to ? ` ${this.t.feedbackTo} ${f.to}` : '')] : undefined;
    }

    purposeText(): Inlines {
        const purpose = this.model.purpose ? this.t.purposes[this.model.purpose] : undefined;
        // The purpose's name opens a sentence: "Verksamhetsutveckling. Att utveckla …".
        return [purpose ? `${startSentence(purpose.name, this.language)}. ${purpose.explanation}` : this.t.noPurpose];
    }

    /** A role's text, or *not given*. */
    role(text: string | undefined): Inlines {
        return text !== undefined ? [text] : [em(this.t.notGiven)];
    }

    roleFacts(): ReadonlyArray<readonly [string, Inlines]> {
        const r = this.model.roles;
        return [
            [this.t.mandate, this.role(r.mandate)],
            [this.t.registers, this.role(r.registers)],
            [this.t.compiles, this.role(r.compiles)],
            [this.t.analyses, this.role(r.analyses)],
        ];
    }

    // ---- sections ---------------------------------------------------------------------------

    governance(): Block[] {
        const g = this.model.governance;
        const blocks = [this.heading(this.t.governance), ...this.facts([
            [this.t.version, g.version !== undefined ? [g.version] : undefined],
            [this.t.status, [this.t.statuses[g.status]]],
            [this.t.decision, this.decision()],
            [this.t.caseNumber, g.decision?.caseNumber !== undefined ? [g.decision.caseNumber] : undefined],
            [this.t.feedback, this.feedback()],
        ])];
        if (g.revisions.length > 0) {
            blocks.push(this.heading(this.t.revisions, 3),
                this.table([this.t.version, this.t.date, this.t.change], g.revisions.map(r => [[r.version], [this.date(r.date)], [r.text]])));
        }
        return blocks;
    }

    purpose(): Block[] {
        const m = this.model;
        return [this.heading(this.t.purposeHeading), ...this.facts([
            [this.t.purpose, this.purposeText()],
            [this.t.question, m.question !== undefined ? [m.question] : undefined],
            [this.t.level, [this.t.levels[m.level]]],
            [this.t.dataSource, m.dataSource ? [m.dataSource.kind + (m.dataSource.description ? `: ${m.dataSource.description}` : '')] : undefined],
            [this.t.clientGoals(this.num(m.clientGoals?.max ?? 0)), m.clientGoals
                ? [m.clientGoals.description !== undefined ? m.clientGoals.description : this.t.yes] : undefined],
        ])];
    }

    sampling(sampling: SamplingModel): string {
        switch (sampling.method) {
            case 'alla': return this.t.samplingAll;
            case 'födelsedagar': return this.t.samplingBirthdays(sampling.days.map(d => this.num(d)).join(', '));
            case 'jämna veckor': return this.t.samplingEven;
            case 'udda veckor': return this.t.samplingOdd;
            case 'hela perioden': return this.t.samplingWhole;
        }
    }

    /** Who is included and excluded, the age range and the expected number. */
    targetGroupFacts(): ReadonlyArray<readonly [string, Inlines | undefined]> {
        const group = this.model.targetGroup;
        return [
            [this.t.include, group.include.length > 0 ? [group.include.join('; ')] : undefined],
            [this.t.exclude, group.exclude.length > 0 ? [group.exclude.join('; ')] : undefined],
            [this.t.ageLabel, group.age ? [this.t.age(this.num(group.age.min), this.num(group.age.max))] : undefined],
            [this.t.expected, group.expected ? [`${this.num(group.expected.count)} ${this.t.per[group.expected.per]}`] : undefined],
        ];
    }

    targetGroup(): Block[] {
        const m = this.model;
        return [this.heading(this.t.targetGroupHeading), ...this.facts([
            ...this.targetGroupFacts(),
            [this.t.sampling, m.sampling ? [this.sampling(m.sampling)] : undefined],
            [this.t.period, this.period()],
        ])];
    }

    roles(): Block[] {
        return [this.heading(this.t.rolesHeading), ...this.facts(this.roleFacts())];
    }

    catalogues(): Block[] {
        const blocks = [this.heading(this.t.cataloguesHeading)];
        if (this.model.catalogues.length === 0) return [...blocks, { kind: 'paragraph', text: [this.t.noCatalogues] }];
        return [...blocks, this.table([this.t.catalogue, this.t.version, this.t.title],
            this.model.catalogues.map(c => [[code(c.name)], [c.version], opt(c.title)]))];
    }

    points(): Block[] {
        const m = this.model;
        const blocks = [this.heading(this.t.pointsHeading)];
        if (m.measurementPoints.length === 0) {
            blocks.push({ kind: 'paragraph', text: [this.t.noPoints] });
        } else {
            blocks.push(this.table([this.t.point, this.t.kind, this.t.description, this.t.timing],
                m.measurementPoints.map(p => [
                    [code(p.id)],
                    [this.t.pointKinds[p.kind]],
                    opt(p.label),
                    p.every ? [this.t.every(p.every)]
                        : p.offset ? [this.t.after(this.num(p.offset.amount), this.t.units[p.offset.unit])] : [],
                ])));
        }
        if (m.phases.length > 0) {
            blocks.push(this.heading(this.t.phases, 3), this.table([this.t.phase, this.t.description, this.t.length],
                m.phases.map(p => [[code(p.id)], opt(p.label), [`${this.num(p.length)} ${this.t.units[p.unit]}`]])));
        }
        return blocks;
    }

    valueSetText(valueSet: ValueSetModel): Inline[] {
        const k = this.t.valueKinds;
        const range = (min?: number, max?: number): string =>
            min !== undefined || max !== undefined ? ` ${min !== undefined ? this.num(min) : ''}–${max !== undefined ? this.num(max) : ''}` : '';
        switch (valueSet.kind) {
            case 'date': return [k.date];
            case 'text': return [k.text];
            case 'count': return [k.count + range(valueSet.min, valueSet.max)];
            case 'number': return [k.number + range(valueSet.min, valueSet.max)
                + (valueSet.unit !== undefined ? ` ${valueSet.unit}` : '')
                + (valueSet.decimals !== undefined ? `, ${this.t.decimals(this.num(valueSet.decimals))}` : '')];
            case 'score': return [k.score + range(valueSet.min, valueSet.max)
                + (valueSet.instrument !== undefined ? ` (${valueSet.instrument})` : '')];
            default: return valueSet.named !== undefined ? [k[valueSet.kind], ' (', code(valueSet.named), ')'] : [k[valueSet.kind]];
        }
    }

    derivationText(variable: VariableModel): Inline[] | undefined {
        const d = variable.derivation;
        if (!d) return undefined;
        const list = (ids: readonly string[]): Inlines => join(ids.map(i => this.variable(i)), ', ');
        switch (d.kind) {
            case 'classify': return fillInline(this.t.classify, [this.variable(d.source)]);
            case 'sum': return fillInline(this.t.sum, [list(d.items)]);
            case 'mean': return fillInline(this.t.mean, [list(d.items)]);
            case 'difference': return fillInline(this.t.difference, [this.variable(d.source), this.point(d.from), this.point(d.to)]);
        }
    }

    variableSection(extra?: (v: VariableModel) => ReadonlyArray<readonly [string, Inlines | undefined]>): Block[] {
        const blocks = [this.heading(this.t.variablesHeading)];
        if (this.model.variables.length === 0) return [...blocks, { kind: 'paragraph', text: [this.t.noVariables] }];
        for (const v of this.model.variables) blocks.push(...this.oneVariable(v, extra?.(v) ?? []));
        return blocks;
    }

    oneVariable(v: VariableModel, extra: ReadonlyArray<readonly [string, Inlines | undefined]> = []): Block[] {
        const catalogue = v.catalogue;
        const origin: Inlines = v.origin === 'catalogue' && catalogue
            ? [this.t.origins.catalogue(catalogue.catalogue, catalogue.version), ' (', code(catalogue.id), ')',
                ...(catalogue.nationalStatistics ? [`, ${this.t.nationalStatistics}`] : [])]
            : v.origin === 'item' ? [this.t.origins.item(v.group ?? '')]
                : v.origin === 'local' ? [this.t.origins.local]
                    : [this.t.origins.derived];
        const definition = v.definition ?? catalogue?.comment;
        const yes = (flag: boolean | undefined): Inlines | undefined => flag ? [this.t.yes] : undefined;
        const blocks: Block[] = [this.heading([v.label, ' (', code(v.id), ')'], 3), ...this.facts([
            [this.t.label, [v.label]],
            [this.t.origin, origin],
            [this.t.definition, definition !== undefined ? [definition] : undefined],
            [this.t.valueSet, this.valueSetText(v.valueSet)],
            [this.t.derivation, this.derivationText(v)],
            [this.t.points, v.points.length > 0 ? join(v.points.map(p => this.point(p)), ', ') : [this.t.oncePerClient]],
            [this.t.respondents, v.respondents.length > 0 ? [v.respondents.map(r => this.t.respondentNames[r]).join(', ')] : undefined],
            [this.t.condition, v.condition ? this.condition(v.condition) : undefined],
            [this.t.background, yes(v.background)],
            [this.t.perClientGoal, yes(v.perClientGoal)],
            [this.t.optional, yes(v.optional)],
            [this.t.clarifies, v.clarifies !== undefined ? [v.clarifies] : undefined],
            [this.t.justification, v.justification !== undefined ? [v.justification] : undefined],
            ...extra,
        ])];
        const codes = codesOf(v.valueSet);
        if (v.refinement && v.refinement.length > 0) {
            blocks.push({ kind: 'paragraph', text: [`${this.t.refinement}:`] });
            blocks.push(this.table([this.t.detailedCode, this.t.label, this.t.originalCode, this.t.originalLabel],
                v.refinement.map(r => [[this.num(r.code)], [r.label], [this.num(r.original)], opt(r.originalLabel)])));
        } else if (codes && codes.length > 0) {
            blocks.push(this.table([this.t.code, this.t.label], codes.map(c => [[this.num(c.code)], [c.label]])));
        } else if (v.derivation?.kind === 'classify') {
            blocks.push(this.table([this.t.code, this.t.label, this.t.value],
                v.derivation.classes.map(c => [[this.num(c.code)], [c.label], [`${this.num(c.min)}–${this.num(c.max)}`]])));
        }
        return blocks;
    }

    referenceTables(): Block[] {
        if (this.model.referenceTables.length === 0) return [];
        const blocks = [this.heading(this.t.referenceTablesHeading)];
        for (const table of this.model.referenceTables) {
            blocks.push(this.heading([table.label, ' (', code(table.id), ')'], 3));
            if (table.source !== undefined) blocks.push(...this.facts([[this.t.source, [table.source]]]));
            blocks.push(this.table([this.t.key, this.t.value], table.rows.map(row => [
                typeof row.key === 'number' && table.key.kind === 'codes' ? this.codeList(table.key.variable, [row.key])
                    : typeof row.key === 'number' ? [this.num(row.key)] : this.variable(row.key),
                [this.num(row.value)],
            ])));
        }
        return blocks;
    }

    analysisSentence(a: AnalysisModel): Inline[] {
        const t = this.t.analysis;
        const first = a.variables[0] !== undefined ? this.variable(a.variables[0]) : [];
        const parts: Inlines[] = [];
        const say = (template: string, ...args: Inlines[]): void => { parts.push(fillInline(template, args)); };
        switch (a.kind) {
            case 'frequency': say(t.frequency, first); break;
            case 'crosstab': say(t.crosstab, first, a.column !== undefined ? this.variable(a.column) : []); break;
            case 'describe': say(t.describe, first); break;
            case 'change': say(t.change, first, a.from !== undefined ? this.point(a.from) : [], a.to !== undefined ? this.point(a.to) : []); break;
            case 'share': {
                const what = a.codes && a.variables[0] !== undefined
                    ? [`${this.t.isOneOf} `, ...this.codeList(a.variables[0], a.codes, a.codesLevel)]
                    : a.op !== undefined && a.value !== undefined ? [`${this.op(a.op)} ${this.num(a.value)}`] : [];
                say(t.share, first, what);
                if (a.target !== undefined) say(t.target, [this.num(a.target)]);
                break;
            }
            case 'goalAttainment':
                say(t.goalAttainment, first, a.variables[0] !== undefined ? this.codeList(a.variables[0], a.codes ?? []) : []);
                break;
            case 'timeSeries': say(t.timeSeries, first, [a.unit ? this.t.per[a.unit] : '']); break;
            case 'phaseMeans': say(t.phaseMeans, first); break;
            case 'rate':
                say(t.rate, [this.num(a.per ?? 1)], a.population !== undefined ? [code(a.population)] : []);
                if (a.condition) say(t.counting, this.condition(a.condition));
                break;
            case 'compare':
                say(t.compare, join(a.variables.map(v => this.variable(v)), ', '), a.between !== undefined ? this.variable(a.between) : []);
                if (a.targetValue !== undefined) say(t.targetValue, [this.num(a.targetValue)]);
                if (a.targetTable !== undefined) say(t.targetTable, [code(a.targetTable)]);
                break;
            case 'concentration': say(t.concentration, first, [(a.shares ?? []).map(s => this.num(s)).join(', ')]); break;
        }
        if (a.dateVariable !== undefined) say(t.dated, this.variable(a.dateVariable));
        if (a.groups.length > 0) say(t.groups, join(a.groups.map(g => this.variable(g)), ', '));
        if (a.at !== undefined) say(t.at, this.point(a.at));
        if (a.filter) say(t.filter, this.condition(a.filter));
        if (a.decimals !== undefined) say(t.decimals, [this.num(a.decimals)]);
        return join(parts, ' ');
    }

    analysisName(id: string): Inline[] {
        const analysis = this.model.analyses.find(a => a.id === id);
        return analysis?.title !== undefined ? [code(id), ' (', analysis.title, ')'] : [code(id)];
    }

    analyses(): Block[] {
        const blocks = [this.heading(this.t.analysesHeading)];
        if (this.model.analyses.length === 0) return [...blocks, { kind: 'paragraph', text: [this.t.noAnalyses] }];
        for (const a of this.model.analyses) {
            blocks.push(this.heading(inlines(code(a.id), a.title !== undefined ? ` ${a.title}` : undefined, ` (${this.t.analysisKinds[a.kind]})`), 3));
            blocks.push({ kind: 'paragraph', text: this.analysisSentence(a) });
        }
        return blocks;
    }

    rule(scenario: ScenarioModel): Inline[] {
        if (!scenario.rule) return [this.t.judgedAtReview];
        return join(scenario.rule.map(part => {
            const groups = part.groups === 'some' ? `${this.t.someGroupIn} ` : part.groups === 'every' ? `${this.t.everyGroupIn} ` : '';
            const value = part.value === undefined ? this.t.theTarget : `${this.num(part.value)}${part.percent ? ' %' : ''}`;
            return inlines(groups || undefined, this.analysisName(part.analysis), ` ${this.op(part.op)} ${value}`);
        }), ` ${this.t.and} `);
    }

    scenarios(): Block[] {
        const rows = SCENARIO_LETTERS.map(letter => {
            const scenario = this.model.scenarios.find(s => s.letters.includes(letter));
            return [
                [{ strong: [letter] }],
                [this.t.scenarioMeanings[letter]],
                scenario ? this.rule(scenario) : [em(this.t.notInPlan)],
                scenario?.nextStep !== undefined ? [scenario.nextStep] : [],
            ];
        });
        return [this.heading(this.t.scenariosHeading), this.table([this.t.scenario, this.t.meaning, this.t.rule, this.t.nextStep], rows, true)];
    }

    privacy(): Block[] {
        const p = this.model.privacy;
        const text = (value: string | undefined): Inlines | undefined => value !== undefined ? [value] : undefined;
        return [this.heading(this.t.privacyHeading), ...this.facts([
            [this.t.minCell, [this.t.minCellExplanation(this.num(p.minCell))]],
            [this.t.legalBasis, p.legalBasis.length > 0 ? [p.legalBasis.join('; ')] : [em(this.t.notGiven)]],
            [this.t.storage, text(p.storage)],
            [this.t.controller, text(p.controller)],
            [this.t.retention, text(p.retention)],
            [this.t.impactAssessment, text(p.impactAssessment)],
            [this.t.pseudonymisation, text(p.pseudonymisation)],
        ])];
    }

    acceptedWarnings(): Block[] {
        if (this.model.acceptedWarnings.length === 0) return [];
        return [this.heading(this.t.warningsHeading), this.table([this.t.warningCode, this.t.subject, this.t.reason],
            this.model.acceptedWarnings.map(w => [[code(w.code)], opt(w.subject), [w.reason]]))];
    }

    /** What the follow-up can and cannot show, and the plan file it was generated from. */
    interpretation(): Block[] {
        const blocks: Block[] = [this.heading(this.t.causalityHeading), { kind: 'paragraph', text: [this.t.causality] }];
        if (this.model.source) blocks.push({ kind: 'paragraph', text: [em(this.t.generatedFrom(this.model.source))], role: 'note' });
        return blocks;
    }
}
