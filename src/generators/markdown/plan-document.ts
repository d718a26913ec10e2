/**
 * The plan as a readable Markdown document for every role: who does what, the variables with
 * their definitions and values, the analyses, the scenarios and the privacy settings. A pure
 * function of the plan model; every piece of plan text is escaped (see markdown-escape.ts).
 */
import type {
    AnalysisModel, CodeModel, CompareOp, ConditionModel, PlanModel, SamplingModel, ScenarioModel, ValueSetModel, VariableModel,
} from '../../model/plan-model.js';
import { formatDecimal } from '../../text/numbers.js';
import { mdCell, mdCode, mdLineStart, mdTable, mdText } from '../../text/markdown-escape.js';
import { docTexts, type DocLanguage, type DocTexts } from './texts.js';

export interface PlanDocumentOptions {
    /** Swedish (default) or English headings and fixed wording; plan text is never translated. */
    readonly language?: DocLanguage;
}

const SCENARIO_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** A number with a decimal comma in Swedish, a decimal point in English; never exponent notation. */
export function formatNumber(value: number, language: DocLanguage = 'sv'): string {
    return formatDecimal(value, language);
}

function codesOf(valueSet: ValueSetModel): readonly CodeModel[] | undefined {
    return 'codes' in valueSet ? valueSet.codes : undefined;
}

class PlanDocument {
    private readonly t: DocTexts;
    private readonly lines: string[] = [];
    private readonly variables: ReadonlyMap<string, VariableModel>;

    constructor(private readonly model: PlanModel, private readonly language: DocLanguage) {
        this.t = docTexts(language);
        this.variables = new Map(model.variables.map(v => [v.id, v]));
    }

    render(): string {
        this.push(`# ${mdText(this.model.title)}`);
        this.governance();
        this.purpose();
        this.targetGroup();
        this.roles();
        this.catalogues();
        this.points();
        this.variableSection();
        this.referenceTables();
        this.analyses();
        this.scenarios();
        this.privacy();
        this.acceptedWarnings();
        this.heading(this.t.causalityHeading);
        this.push(this.t.causality);
        if (this.model.source) this.push(`*${mdText(this.t.generatedFrom(this.model.source))}*`);
        return this.lines.join('\n\n') + '\n';
    }

    // ---- helpers ----------------------------------------------------------------------------

    private push(block: string): void {
        this.lines.push(block);
    }

    private heading(text: string, level = 2): void {
        this.push(`${'#'.repeat(level)} ${mdText(text)}`);
    }

    /** A bullet list of `**name:** value` items; items whose value is undefined are left out. */
    private facts(items: ReadonlyArray<readonly [string, string | undefined]>): void {
        const shown = items.filter((item): item is readonly [string, string] => item[1] !== undefined);
        if (shown.length > 0) this.push(shown.map(([name, value]) => `- **${mdText(name)}:** ${value}`).join('\n'));
    }

    private num(value: number): string {
        return formatNumber(value, this.language);
    }

    /** A variable named in running text: its label and its id. */
    private variable(id: string): string {
        const variable = this.variables.get(id);
        return variable && variable.label !== id ? `${mdText(variable.label)} (${mdCode(id)})` : mdCode(id);
    }

    private point(id: string): string {
        const point = this.model.measurementPoints.find(p => p.id === id);
        return point?.label ? `${mdCode(id)} (${mdText(point.label)})` : mdCode(id);
    }

    /** Codes with their labels; `original` codes of a refined variable take the catalogue's labels. */
    private codeList(variableId: string, codes: readonly number[], level?: 'refined' | 'original'): string {
        const known = this.variables.get(variableId);
        const original = level === 'original' && known?.catalogue !== undefined;
        const labels = known ? codesOf(original && known.catalogue ? known.catalogue.valueSet : known.valueSet) : undefined;
        const list = codes.map(code => {
            const label = labels?.find(c => c.code === code)?.label;
            return label !== undefined ? `${this.num(code)} ${mdText(label)}` : this.num(code);
        }).join(', ');
        return original ? `${list} ${this.t.originalCodes}` : list;
    }

    private op(op: CompareOp): string {
        return op === '!=' ? '≠' : op === '<=' ? '≤' : op === '>=' ? '≥' : mdText(op);
    }

    private condition(condition: ConditionModel): string {
        return condition.parts.map(part => 'codes' in part
            ? `${this.variable(part.variable)} ${this.t.isOneOf} ${this.codeList(part.variable, part.codes, part.level)}`
            : `${this.variable(part.variable)} ${this.op(part.op)} ${this.num(part.value)}`,
        ).join(` ${this.t.and} `);
    }

    // ---- sections ---------------------------------------------------------------------------

    private governance(): void {
        const g = this.model.governance;
        this.heading(this.t.governance);
        const decision = g.decision
            ? mdText(g.decision.by) + (g.decision.date ? `, ${this.t.decisionDate} ${mdText(g.decision.date)}` : '')
            : undefined;
        const feedback = g.feedback
            ? mdText(g.feedback.when) + (g.feedback.to ? ` ${this.t.feedbackTo} ${mdText(g.feedback.to)}` : '')
            : undefined;
        this.facts([
            [this.t.version, g.version !== undefined ? mdText(g.version) : undefined],
            [this.t.status, mdText(this.t.statuses[g.status])],
            [this.t.decision, decision],
            [this.t.caseNumber, g.decision?.caseNumber !== undefined ? mdText(g.decision.caseNumber) : undefined],
            [this.t.feedback, feedback],
        ]);
        if (g.revisions.length > 0) {
            this.heading(this.t.revisions, 3);
            this.push(mdTable([this.t.version, this.t.date, this.t.change].map(mdCell),
                g.revisions.map(r => [mdCell(r.version), mdCell(r.date), mdCell(r.text)])));
        }
    }

    private purpose(): void {
        const m = this.model;
        this.heading(this.t.purposeHeading);
        const purpose = m.purpose ? this.t.purposes[m.purpose] : undefined;
        this.facts([
            [this.t.purpose, purpose ? `${mdText(purpose.name)}. ${mdText(purpose.explanation)}` : mdText(this.t.noPurpose)],
            [this.t.question, m.question !== undefined ? mdText(m.question) : undefined],
            [this.t.level, mdText(this.t.levels[m.level])],
            [this.t.dataSource, m.dataSource
                ? mdText(m.dataSource.kind) + (m.dataSource.description ? `: ${mdText(m.dataSource.description)}` : '')
                : undefined],
            [this.t.clientGoals(this.num(m.clientGoals?.max ?? 0)), m.clientGoals
                ? (m.clientGoals.description !== undefined ? mdText(m.clientGoals.description) : this.t.yes) : undefined],
        ]);
    }

    private sampling(sampling: SamplingModel): string {
        switch (sampling.method) {
            case 'alla': return this.t.samplingAll;
            case 'födelsedagar': return this.t.samplingBirthdays(sampling.days.map(d => this.num(d)).join(', '));
            case 'jämna veckor': return this.t.samplingEven;
            case 'udda veckor': return this.t.samplingOdd;
            case 'hela perioden': return this.t.samplingWhole;
        }
    }

    private targetGroup(): void {
        const m = this.model;
        const group = m.targetGroup;
        this.heading(this.t.targetGroupHeading);
        const period = m.period
            ? `${mdText(m.period.start)} – ${mdText(m.period.end)}`
                + (m.period.repeatYears ? `, ${this.t.repeat(String(m.period.repeatYears.from), String(m.period.repeatYears.to))}` : '')
            : undefined;
        this.facts([
            [this.t.include, group.include.length > 0 ? group.include.map(mdText).join('; ') : undefined],
            [this.t.exclude, group.exclude.length > 0 ? group.exclude.map(mdText).join('; ') : undefined],
            [this.t.ageLabel, group.age ? this.t.age(this.num(group.age.min), this.num(group.age.max)) : undefined],
            [this.t.expected, group.expected ? `${this.num(group.expected.count)} ${this.t.per[group.expected.per]}` : undefined],
            [this.t.sampling, m.sampling ? this.sampling(m.sampling) : undefined],
            [this.t.period, period],
        ]);
    }

    private roles(): void {
        const r = this.model.roles;
        this.heading(this.t.rolesHeading);
        const role = (text: string | undefined): string => text !== undefined ? mdText(text) : `*${this.t.notGiven}*`;
        this.facts([
            [this.t.mandate, role(r.mandate)],
            [this.t.registers, role(r.registers)],
            [this.t.compiles, role(r.compiles)],
            [this.t.analyses, role(r.analyses)],
        ]);
    }

    private catalogues(): void {
        this.heading(this.t.cataloguesHeading);
        if (this.model.catalogues.length === 0) {
            this.push(this.t.noCatalogues);
            return;
        }
        this.push(mdTable([this.t.catalogue, this.t.version, this.t.title].map(mdCell),
            this.model.catalogues.map(c => [mdCode(c.name), mdCell(c.version), mdCell(c.title)])));
    }

    private points(): void {
        const m = this.model;
        this.heading(this.t.pointsHeading);
        if (m.measurementPoints.length === 0) {
            this.push(this.t.noPoints);
        } else {
            this.push(mdTable([this.t.point, this.t.kind, this.t.description, this.t.timing].map(mdCell),
                m.measurementPoints.map(p => [
                    mdCode(p.id),
                    mdCell(this.t.pointKinds[p.kind]),
                    mdCell(p.label),
                    p.every ? mdCell(this.t.every(p.every))
                        : p.offset ? mdCell(this.t.after(this.num(p.offset.amount), this.t.units[p.offset.unit])) : ' ',
                ])));
        }
        if (m.phases.length > 0) {
            this.heading(this.t.phases, 3);
            this.push(mdTable([this.t.phase, this.t.description, this.t.length].map(mdCell),
                m.phases.map(p => [mdCode(p.id), mdCell(p.label), mdCell(`${this.num(p.length)} ${this.t.units[p.unit]}`)])));
        }
    }

    private valueSetText(valueSet: ValueSetModel): string {
        const k = this.t.valueKinds;
        const range = (min?: number, max?: number): string =>
            min !== undefined || max !== undefined ? ` ${min !== undefined ? this.num(min) : ''}–${max !== undefined ? this.num(max) : ''}` : '';
        switch (valueSet.kind) {
            case 'date': return mdText(k.date);
            case 'text': return mdText(k.text);
            case 'count': return mdText(k.count) + range(valueSet.min, valueSet.max);
            case 'number': return mdText(k.number) + range(valueSet.min, valueSet.max)
                + (valueSet.unit !== undefined ? ` ${mdText(valueSet.unit)}` : '')
                + (valueSet.decimals !== undefined ? `, ${this.t.decimals(this.num(valueSet.decimals))}` : '');
            case 'score': return mdText(k.score) + range(valueSet.min, valueSet.max)
                + (valueSet.instrument !== undefined ? ` (${mdText(valueSet.instrument)})` : '');
            default: return mdText(k[valueSet.kind]) + (valueSet.named !== undefined ? ` (${mdCode(valueSet.named)})` : '');
        }
    }

    private derivationText(variable: VariableModel): string | undefined {
        const d = variable.derivation;
        if (!d) return undefined;
        switch (d.kind) {
            case 'classify': return this.t.classify(this.variable(d.source));
            case 'sum': return this.t.sum(d.items.map(i => this.variable(i)).join(', '));
            case 'mean': return this.t.mean(d.items.map(i => this.variable(i)).join(', '));
            case 'difference': return this.t.difference(this.variable(d.source), this.point(d.from), this.point(d.to));
        }
    }

    private variableSection(): void {
        this.heading(this.t.variablesHeading);
        if (this.model.variables.length === 0) {
            this.push(this.t.noVariables);
            return;
        }
        for (const v of this.model.variables) this.oneVariable(v);
    }

    private oneVariable(v: VariableModel): void {
        this.push(`### ${mdText(v.label)} (${mdCode(v.id)})`);
        const catalogue = v.catalogue;
        const origin = v.origin === 'catalogue' && catalogue
            ? mdText(this.t.origins.catalogue(catalogue.catalogue, catalogue.version)) + ` (${mdCode(catalogue.id)})`
                + (catalogue.nationalStatistics ? `, ${this.t.nationalStatistics}` : '')
            : v.origin === 'item' ? mdText(this.t.origins.item(v.group ?? ''))
                : v.origin === 'local' ? this.t.origins.local
                    : this.t.origins.derived;
        const definition = v.definition ?? catalogue?.comment;
        this.facts([
            [this.t.label, mdText(v.label)],
            [this.t.origin, origin],
            [this.t.definition, definition !== undefined ? mdText(definition) : undefined],
            [this.t.valueSet, this.valueSetText(v.valueSet)],
            [this.t.derivation, this.derivationText(v)],
            [this.t.points, v.points.length > 0 ? v.points.map(p => this.point(p)).join(', ') : this.t.oncePerClient],
            [this.t.respondents, v.respondents.length > 0 ? v.respondents.map(r => this.t.respondentNames[r]).join(', ') : undefined],
            [this.t.condition, v.condition ? this.condition(v.condition) : undefined],
            [this.t.background, v.background ? this.t.yes : undefined],
            [this.t.perClientGoal, v.perClientGoal ? this.t.yes : undefined],
            [this.t.optional, v.optional ? this.t.yes : undefined],
            [this.t.clarifies, v.clarifies !== undefined ? mdText(v.clarifies) : undefined],
            [this.t.justification, v.justification !== undefined ? mdText(v.justification) : undefined],
        ]);
        const codes = codesOf(v.valueSet);
        if (v.refinement && v.refinement.length > 0) {
            this.push(`${mdText(this.t.refinement)}:`);
            this.push(mdTable([this.t.detailedCode, this.t.label, this.t.originalCode, this.t.originalLabel].map(mdCell),
                v.refinement.map(r => [this.num(r.code), mdCell(r.label), this.num(r.original), mdCell(r.originalLabel)])));
        } else if (codes && codes.length > 0) {
            this.push(mdTable([this.t.code, this.t.label].map(mdCell), codes.map(c => [this.num(c.code), mdCell(c.label)])));
        } else if (v.derivation?.kind === 'classify') {
            this.push(mdTable([this.t.code, this.t.label, this.t.value].map(mdCell),
                v.derivation.classes.map(c => [this.num(c.code), mdCell(c.label), `${this.num(c.min)}–${this.num(c.max)}`])));
        }
    }

    private referenceTables(): void {
        if (this.model.referenceTables.length === 0) return;
        this.heading(this.t.referenceTablesHeading);
        for (const table of this.model.referenceTables) {
            this.push(`### ${mdText(table.label)} (${mdCode(table.id)})`);
            if (table.source !== undefined) this.facts([[this.t.source, mdText(table.source)]]);
            this.push(mdTable([this.t.key, this.t.value].map(mdCell), table.rows.map(row => [
                typeof row.key === 'number' && table.key.kind === 'codes' ? this.codeList(table.key.variable, [row.key])
                    : typeof row.key === 'number' ? this.num(row.key) : this.variable(row.key),
                this.num(row.value),
            ])));
        }
    }

    private analysisSentence(a: AnalysisModel): string {
        const t = this.t.analysis;
        const first = a.variables[0] !== undefined ? this.variable(a.variables[0]) : '';
        const parts: string[] = [];
        switch (a.kind) {
            case 'frequency': parts.push(t.frequency(first)); break;
            case 'crosstab': parts.push(t.crosstab(first, a.column !== undefined ? this.variable(a.column) : '')); break;
            case 'describe': parts.push(t.describe(first)); break;
            case 'change': parts.push(t.change(first, a.from !== undefined ? this.point(a.from) : '', a.to !== undefined ? this.point(a.to) : '')); break;
            case 'share': {
                const what = a.codes && a.variables[0] !== undefined
                    ? `${this.t.isOneOf} ${this.codeList(a.variables[0], a.codes, a.codesLevel)}`
                    : a.op !== undefined && a.value !== undefined ? `${this.op(a.op)} ${this.num(a.value)}` : '';
                parts.push(t.share(first, what));
                if (a.target !== undefined) parts.push(t.target(this.num(a.target)));
                break;
            }
            case 'goalAttainment':
                parts.push(t.goalAttainment(first, a.variables[0] !== undefined ? this.codeList(a.variables[0], a.codes ?? []) : ''));
                break;
            case 'timeSeries': parts.push(t.timeSeries(first, a.unit ? this.t.per[a.unit] : '')); break;
            case 'phaseMeans': parts.push(t.phaseMeans(first)); break;
            case 'rate':
                parts.push(t.rate(this.num(a.per ?? 1), a.population !== undefined ? mdCode(a.population) : ''));
                if (a.condition) parts.push(t.counting(this.condition(a.condition)));
                break;
            case 'compare':
                parts.push(t.compare(a.variables.map(v => this.variable(v)).join(', '), a.between !== undefined ? this.variable(a.between) : ''));
                if (a.targetValue !== undefined) parts.push(t.targetValue(this.num(a.targetValue)));
                if (a.targetTable !== undefined) parts.push(t.targetTable(mdCode(a.targetTable)));
                break;
            case 'concentration': parts.push(t.concentration(first, (a.shares ?? []).map(s => this.num(s)).join(', '))); break;
        }
        if (a.dateVariable !== undefined) parts.push(t.dated(this.variable(a.dateVariable)));
        if (a.groups.length > 0) parts.push(t.groups(a.groups.map(g => this.variable(g)).join(', ')));
        if (a.at !== undefined) parts.push(t.at(this.point(a.at)));
        if (a.filter) parts.push(t.filter(this.condition(a.filter)));
        if (a.decimals !== undefined) parts.push(t.decimals(this.num(a.decimals)));
        return parts.join(' ');
    }

    private analysisName(id: string): string {
        const analysis = this.model.analyses.find(a => a.id === id);
        return analysis?.title !== undefined ? `${mdCode(id)} (${mdText(analysis.title)})` : mdCode(id);
    }

    private analyses(): void {
        this.heading(this.t.analysesHeading);
        if (this.model.analyses.length === 0) {
            this.push(this.t.noAnalyses);
            return;
        }
        for (const a of this.model.analyses) {
            this.push(`### ${mdCode(a.id)}${a.title !== undefined ? ` ${mdText(a.title)}` : ''} (${mdText(this.t.analysisKinds[a.kind])})`);
            this.push(mdLineStart(this.analysisSentence(a)));
        }
    }

    private rule(scenario: ScenarioModel): string {
        if (!scenario.rule) return this.t.judgedAtReview;
        return scenario.rule.map(part => {
            const groups = part.groups === 'some' ? `${this.t.someGroupIn} ` : part.groups === 'every' ? `${this.t.everyGroupIn} ` : '';
            const value = part.value === undefined ? this.t.theTarget : `${this.num(part.value)}${part.percent ? ' %' : ''}`;
            return `${groups}${this.analysisName(part.analysis)} ${this.op(part.op)} ${value}`;
        }).join(` ${this.t.and} `);
    }

    private scenarios(): void {
        this.heading(this.t.scenariosHeading);
        const rows = SCENARIO_LETTERS.map(letter => {
            const scenario = this.model.scenarios.find(s => s.letters.includes(letter));
            return [
                `**${letter}**`,
                mdCell(this.t.scenarioMeanings[letter]),
                scenario ? this.rule(scenario) : `*${this.t.notInPlan}*`,
                scenario?.nextStep !== undefined ? mdCell(scenario.nextStep) : ' ',
            ];
        });
        this.push(mdTable([this.t.scenario, this.t.meaning, this.t.rule, this.t.nextStep].map(mdCell), rows));
    }

    private privacy(): void {
        const p = this.model.privacy;
        this.heading(this.t.privacyHeading);
        this.facts([
            [this.t.minCell, this.t.minCellExplanation(this.num(p.minCell))],
            [this.t.legalBasis, p.legalBasis.length > 0 ? p.legalBasis.map(mdText).join('; ') : `*${this.t.notGiven}*`],
            [this.t.storage, p.storage !== undefined ? mdText(p.storage) : undefined],
            [this.t.controller, p.controller !== undefined ? mdText(p.controller) : undefined],
            [this.t.retention, p.retention !== undefined ? mdText(p.retention) : undefined],
            [this.t.impactAssessment, p.impactAssessment !== undefined ? mdText(p.impactAssessment) : undefined],
            [this.t.pseudonymisation, p.pseudonymisation !== undefined ? mdText(p.pseudonymisation) : undefined],
        ]);
    }

    private acceptedWarnings(): void {
        if (this.model.acceptedWarnings.length === 0) return;
        this.heading(this.t.warningsHeading);
        this.push(mdTable([this.t.warningCode, this.t.subject, this.t.reason].map(mdCell),
            this.model.acceptedWarnings.map(w => [mdCode(w.code), mdCell(w.subject), mdCell(w.reason)])));
    }
}

/** The plan document in Markdown (CommonMark with GitHub tables). */
export function renderPlanDocument(model: PlanModel, options: PlanDocumentOptions = {}): string {
    return new PlanDocument(model, options.language ?? 'sv').render();
}
