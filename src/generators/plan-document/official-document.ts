/**
 * The official plan document (`plan-html`, `plan-pdf`): a one-page summary for the manager and the
 * board (purpose, question, target group, period, who does what, the decision rules and the
 * approval), then the plan in detail, then the variables in an appendix with the analyses that use
 * each. The same sections as the Markdown plan document (plan-sections.ts), dates written out.
 */
import type { AnalysisModel, PlanModel, VariableModel } from '../../model/plan-model.js';
import { formatLongDate } from '../../text/dates.js';
import type { SourceRevision } from '../target.js';
import { inlines, join, type Block, type Inlines, type PlanDocumentModel } from './document.js';
import { PlanSections, SCENARIO_LETTERS } from './plan-sections.js';
import type { DocLanguage } from './texts.js';

export interface OfficialDocumentOptions {
    readonly language?: DocLanguage;
    /** The git commit of the plan file, when it is in a repository (the CLI finds it). */
    readonly revision?: SourceRevision;
}

/** The ids of the document's parts: each starts on a new page in print. */
export const PART_IDS = { summary: 'sammanfattning', details: 'planen', appendix: 'bilaga' } as const;

/** Every variable an analysis reads: its variables, columns, groups, dates and conditions. */
export function analysisVariables(a: AnalysisModel): Set<string> {
    const ids = new Set<string>([...a.variables, ...a.groups]);
    for (const id of [a.column, a.between, a.dateVariable, a.populationVariable]) if (id !== undefined) ids.add(id);
    for (const part of [...(a.filter?.parts ?? []), ...(a.condition?.parts ?? [])]) ids.add(part.variable);
    return ids;
}

/** The variables a derived variable is computed from. */
function derivationSources(v: VariableModel): readonly string[] {
    const d = v.derivation;
    if (!d) return [];
    return d.kind === 'classify' || d.kind === 'difference' ? [d.source] : d.items;
}

class OfficialDocument {
    private readonly s: PlanSections;

    constructor(private readonly model: PlanModel, private readonly options: OfficialDocumentOptions) {
        const language = options.language ?? 'sv';
        this.s = new PlanSections(model, { language, date: date => formatLongDate(date, language) });
    }

    build(): PlanDocumentModel {
        const s = this.s;
        const details: Block[] = [
            ...s.governance(), ...s.purpose(), ...s.targetGroup(), ...s.roles(), ...s.catalogues(), ...s.points(),
            { kind: 'paragraph', text: [s.t.variablesInAppendix] },
            ...s.referenceTables(), ...s.analyses(), ...s.scenarios(), ...s.privacy(), ...s.acceptedWarnings(), ...s.interpretation(),
        ];
        return {
            title: this.model.title,
            parts: [
                { id: PART_IDS.summary, blocks: this.summary() },
                { id: PART_IDS.details, blocks: details },
                { id: PART_IDS.appendix, blocks: this.appendix() },
            ],
        };
    }

    private summary(): Block[] {
        const s = this.s;
        const t = s.t;
        const m = this.model;
        const group = s.targetGroupFacts().filter((fact): fact is readonly [string, Inlines] => fact[1] !== undefined);
        const targetGroup = group.length > 0 ? join(group.map(([name, value]) => [`${name}: `, ...value]), '. ') : undefined;
        return [
            { kind: 'paragraph', role: 'lead', text: [t.documentKind + (m.governance.version !== undefined ? `, ${t.version.toLowerCase()} ${m.governance.version}` : '')
                + ` (${t.statuses[m.governance.status]})`] },
            s.heading(t.summaryHeading),
            ...s.facts([
                [t.purpose, s.purposeText()],
                [t.question, m.question !== undefined ? [m.question] : undefined],
                [t.targetGroup, targetGroup],
                [t.sampling, m.sampling ? [s.sampling(m.sampling)] : undefined],
                [t.period, s.period()],
            ]),
            s.heading(t.whoDoesWhat, 3),
            ...s.facts([...s.roleFacts(), [t.feedback, s.feedback()]]),
            s.heading(t.decisionRulesHeading, 3),
            this.decisionRules(),
            { kind: 'group', id: 'godkannande', blocks: [s.heading(t.approvalHeading, 3), ...this.approval()] },
        ];
    }

    /** The scenarios the plan gives, each with its rule and next step. */
    private decisionRules(): Block {
        const s = this.s;
        if (this.model.scenarios.length === 0) return { kind: 'paragraph', text: [s.t.noScenarios] };
        const letters = (letters: readonly string[]): string => SCENARIO_LETTERS.filter(l => letters.includes(l))
            .map(l => `${l} ${s.t.scenarioNames[l]}`).join(', ');
        return s.table([s.t.scenario, s.t.rule, s.t.nextStep], this.model.scenarios.map(scenario => [
            [{ strong: [letters(scenario.letters)] }],
            s.rule(scenario),
            scenario.nextStep !== undefined ? [scenario.nextStep] : [],
        ]), true);
    }

    private approval(): Block[] {
        const s = this.s;
        const t = s.t;
        const g = this.model.governance;
        const revision = this.options.revision;
        const commit: Inlines = revision
            ? inlines({ code: revision.commit.slice(0, 12) }, revision.state === 'modified' ? ` (${t.modifiedSince})`
                : revision.state === 'untracked' ? ` (${t.untracked})` : undefined)
            : [{ em: [t.noCommit] }];
        return s.facts([
            [t.planVersion, [g.version ?? '–']],
            [t.status, [t.statuses[g.status]]],
            [t.decidedBy, g.decision ? [g.decision.by] : [{ em: [t.notDecided] }]],
            [t.date, g.decision?.date !== undefined ? [s.date(g.decision.date)] : undefined],
            [t.caseNumber, g.decision?.caseNumber !== undefined ? [g.decision.caseNumber] : undefined],
            [t.sourceFile, this.model.source ? [{ code: this.model.source }] : undefined],
            [t.commit, commit],
        ]);
    }

    private appendix(): Block[] {
        const s = this.s;
        const t = s.t;
        const blocks: Block[] = [s.heading(t.appendixHeading), { kind: 'paragraph', text: [t.appendixIntro] }];
        if (this.model.variables.length === 0) return [...blocks, { kind: 'paragraph', text: [t.noVariables] }];
        const uses = this.model.analyses.map(a => ({ id: a.id, variables: analysisVariables(a) }));
        for (const v of this.model.variables) {
            const analyses = uses.filter(use => use.variables.has(v.id)).map(use => s.analysisName(use.id));
            const derived = this.model.variables.filter(other => derivationSources(other).includes(v.id)).map(other => s.variable(other.id));
            blocks.push(...s.oneVariable(v, [
                [t.usedInAnalyses, analyses.length > 0 ? join(analyses, ', ') : [{ em: [t.noAnalysis] }]],
                [t.usedToDerive, derived.length > 0 ? join(derived, ', ') : undefined],
            ]));
        }
        return blocks;
    }
}

/** The official plan document as a document model. */
export function buildOfficialDocument(model: PlanModel, options: OfficialDocumentOptions = {}): PlanDocumentModel {
    return new OfficialDocument(model, options).build();
}
