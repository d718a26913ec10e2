/**
 * Builds the plan model (plan-model.ts) from a linked plan AST. A pure function: it reads the AST
 * and the catalogue variables it links to, and never throws on an incomplete or unresolved plan
 * (a reference that does not resolve leaves its field, or the element that needs it, out).
 *
 * Grammar concept (keyword)                       → model field
 * ----------------------------------------------- → -------------------------------------------------
 * plan "…"                                        → title
 * version, status, beslut … datum … diarienummer  → governance.version, .status (default utkast), .decision
 * ändringslogg { "1.1" 2025-01-01 "…" }           → governance.revisions[]
 * återkoppling "…" till "…"                       → governance.feedback
 * syfte                                           → purpose (left out unless one of the five purposes)
 * fråga                                           → question
 * nivå                                            → level (default verksamhet)
 * katalog <namn> version "…"                      → catalogues[] {name, version, title}
 * datakälla <slag> "…"                            → dataSource
 * roller { mandat registrerar sammanställer analyserar } → roles.mandate/.registers/.compiles/.analyses
 * målgrupp { inkludera exkludera ålder förväntat antal } → targetGroup.include/.exclude/.age/.expected
 * urval alla | födelsedagar … | jämna/udda veckor | hela perioden → sampling.method (+ days)
 * period … .. … upprepas årligen 2021..2025       → period.start/.end/.repeatYears
 * klientmål N "…"                                 → clientGoals
 * mätpunkter före, under varje vecka, uppföljning 6 månader som uppf6 → measurementPoints[] (id = `som` name or the kind)
 * faser baslinje 2 veckor, …                      → phases[]
 * värdemängder { namn "…" ordinal { … } }         → valueSets[]; a variable typed by one has valueSet.named
 * använd katalog.variabel                         → variables[] origin catalogue, with the full `catalogue` block
 *   fördjupa { 11 "Ja – sms" -> 1 }               → valueSet (the detailed codes) + refinement[] {code, label, original, originalLabel}
 * lokal namn "…" : typ                            → variables[] origin local; typ → valueSet.kind
 *   (antal count, tal number, datum date, ja/nej yesno, val choice, flerval multi, skala scale,
 *    poäng score, mål4 goal4, gas5 goal5, text text, a named value set choice/scale)
 *   text förtydligar x motivering "…"             → clarifies, justification
 * frågegrupp g "…" : typ { a "…" … index summa }  → one variable per item (origin item, group g), then the index g
 *                                                   (origin derived, derivation {kind sum|mean, items})
 * härledd x "…" = klassa | summa/medel | skillnad → variables[] origin derived with derivation classify | sum/mean | difference
 * vid, svarar, när, bakgrund, per klientmål, frivillig, definition → points, respondents, condition, background,
 *                                                   perClientGoal, optional, definition
 * referensdata { tabell t "…" per x|fråga källa "…" { … } } → referenceTables[]
 * uttag "system" { fil nyckel kolumn "…" -> x vid p { "kod" -> 1 } } → extract
 * analyser { id "titel": frekvens | korstabell | beskriv | förändring | andel | måluppfyllelse | tidsserie
 *            | fasmedel | takt | jämför | koncentration }
 *                                                 → analyses[].kind frequency | crosstab | describe | change | share
 *                                                   | goalAttainment | timeSeries | phaseMeans | rate | compare | concentration
 *   vid p, per x, decimaler n, bland villkor      → at, groups, decimals, filter
 * scenarier { A när id < 60 % "…"  B, C bedöms vid genomgång "…" } → scenarios[] (rule absent = judged at review)
 * integritet { minsta cell … rättslig grund … }   → privacy (minCell default 5)
 * acceptera SU031 för x "…"                       → acceptedWarnings[]
 *
 * Variables, points, analyses and tables are referred to by their plan name (`använd bbic.kön` is `kön`).
 */
import { DEFAULT_MIN_CELL } from '../language/settings.js';
import { defaultChart, isoDate, phaseSpans, roundingStepValue, statedChart } from '../language/analysis-semantics.js';
import {
    isAcceptance, isAggregateExpression, isCodeLevelOption, isPlanDecimals, isPlanRounding, isRoundingOption, isAllSampling, isAnalyses, isAtOption, isBirthdaySampling, isCatalogueRef, isChange,
    isClassifyExpression, isClientGoals, isComparison_, isConcentration, isCrosstab, isDataSource, isDecimalsOption, isDecisionDecl,
    isDescribe, isDifferenceExpression, isExtract, isFeedback, isFilterOption, isFrequency, isGoalAttainment, isGroupOption,
    isItemGroup, isLevelDecl, isLocalVariable, isPeriodDecl, isPeriodSampling, isPhaseMeans, isPrivacy, isPurposeDecl,
    isQuestionDecl, isRate, isReferenceData, isRevisionLog, isRoles, isSampling, isScenarios, isShare, isStatusDecl, isTargetGroup,
    isTextType, isTimeSeries, isUseVariable, isValueSets, isVariables, isVersionDecl, isWeekSampling, isDerivedVariable,
    type Analysis, type Catalogue, type Condition, type DerivedExpression, type DerivedVariable, type ItemGroup, type LocalType,
    type LocalVariable, type Plan, type PlanVariable, type PointRef, type UseVariable, type VarRef,
} from '../language/generated/ast.js';
import {
    allPoints, allVariables, conditionOf, definitionOf, firstSection, hasBackground, isOptional, isPerClientGoal, pointName, pointsOf,
    respondentsOf, sections, variableName,
} from '../language/plan-access.js';
import {
    MODEL_SCHEMA_VERSION,
    type AcceptedWarning, type AnalysisModel, type CatalogueRefModel, type CatalogueVariableModel, type CodeModel, type CompareOp,
    type ConditionModel, type DerivationModel, type ExtractModel, type Governance, type Level, type MeasurementPointModel,
    type NamedValueSetModel, type PeriodModel, type PhaseModel, type PlanModel, type PrivacyModel, type Purpose, type RefinedCodeModel,
    type ReferenceTableModel, type Respondent, type Roles, type SamplingModel, type ScenarioModel, type Status, type TargetGroupModel,
    type TimeUnit, type TimeUnits, type ValueSetModel, type VariableModel, type RoundingModel, type ChartModel, type ChangeModel,
    type CodeListLevel, type ScenarioRulePart,
} from './plan-model.js';
import { catalogueOf, catalogueValueSet, GOAL_REACHED, isCoded, localValueSet, valueSetOf } from '../language/value-sets.js';

export interface BuildModelOptions {
    /** The plan file as it should appear in the model, e.g. relative to the repository root. */
    readonly source: string;
    /**
     * Finds a pinned catalogue version, for the title of a catalogue none of whose variables the
     * plan uses. Optional: titles are otherwise read from the catalogue variables the plan links to.
     */
    readonly catalogues?: { resolve(name: string, version: string): { readonly catalogue: Catalogue } | undefined };
}

export const PURPOSES: readonly Purpose[] = ['kontroll', 'kvalitetssäkring', 'jämförelse', 'verksamhetsutveckling', 'lärande'];
export const LEVELS: readonly Level[] = ['individ', 'verksamhet', 'nationell'];
export { DEFAULT_MIN_CELL };

const RESPONDENTS: readonly Respondent[] = ['barn', 'förälder', 'klient', 'anhörig', 'personal'];
const TIME_UNITS: readonly TimeUnit[] = ['dag', 'vecka', 'månad', 'kvartal', 'år'];
const TIME_UNITS_PLURAL: readonly TimeUnits[] = ['dagar', 'veckor', 'månader', 'år'];
const COMPARE_OPS: readonly CompareOp[] = ['=', '!=', '<', '<=', '>', '>='];
const POINT_KINDS: readonly MeasurementPointModel['kind'][] = ['före', 'under', 'efter', 'uppföljning'];
const SCENARIO_LETTERS: readonly ScenarioModel['letters'][number][] = ['A', 'B', 'C', 'D', 'E'];

/** `{ key: value }` when the value is present, otherwise `{}`: the model never holds `undefined`. */
function opt<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
    return (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
    return allowed.find(a => a === value);
}

function isNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

function isText(value: unknown): value is string {
    return typeof value === 'string';
}

function unique<T>(values: readonly T[]): T[] {
    return [...new Set(values)];
}

export function buildPlanModel(plan: Plan, options: BuildModelOptions): PlanModel {
    return new ModelBuilder(plan).build(options);
}

// ---------------------------------------------------------------- governance and purpose

function governance(plan: Plan): Governance {
    const version = firstSection(plan, isVersionDecl)?.value;
    const status: Status = firstSection(plan, isStatusDecl)?.value === 'fastställd' ? 'fastställd' : 'utkast';
    const decision = firstSection(plan, isDecisionDecl);
    const feedback = firstSection(plan, isFeedback);
    const revisions = sections(plan, isRevisionLog).flatMap(log => log.entries ?? [])
        .filter(r => isText(r.version) && isText(r.date) && isText(r.text))
        .map(r => ({ version: r.version, date: r.date, text: r.text }));
    return {
        ...opt('version', isText(version) ? version : undefined),
        status,
        ...opt('decision', decision && isText(decision.by)
            ? { by: decision.by, ...opt('date', decision.date), ...opt('caseNumber', decision.caseNumber) } : undefined),
        revisions,
        ...opt('feedback', feedback && isText(feedback.when) ? { when: feedback.when, ...opt('to', feedback.to) } : undefined),
    };
}

function catalogues(plan: Plan, options: BuildModelOptions): CatalogueRefModel[] {
    // Titles of the catalogues the plan's variables link to.
    const titles = new Map<string, string>();
    for (const block of sections(plan, isVariables)) {
        for (const declaration of block.variables ?? []) {
            const target = isUseVariable(declaration) ? declaration.variable?.ref : undefined;
            const catalogue = target ? catalogueOf(target) : undefined;
            if (catalogue?.title !== undefined) titles.set(`${catalogue.name}\u0000${catalogue.version}`, catalogue.title);
        }
    }
    return sections(plan, isCatalogueRef)
        .filter(ref => isText(ref.catalogue) && isText(ref.version))
        .map(ref => {
            const title = titles.get(`${ref.catalogue}\u0000${ref.version}`) ?? options.catalogues?.resolve(ref.catalogue, ref.version)?.catalogue.title;
            return { name: ref.catalogue, version: ref.version, ...opt('title', title) };
        });
}

function roles(plan: Plan): Roles {
    const result: { mandate?: string; registers?: string; compiles?: string; analyses?: string } = {};
    const fields = { mandat: 'mandate', registrerar: 'registers', sammanställer: 'compiles', analyserar: 'analyses' } as const;
    for (const role of sections(plan, isRoles).flatMap(r => r.roles ?? [])) {
        const field = role.kind ? fields[role.kind] : undefined;
        if (field && isText(role.who) && result[field] === undefined) result[field] = role.who;
    }
    return result;
}

// ---------------------------------------------------------------- who and when

function targetGroup(plan: Plan): TargetGroupModel {
    const group = firstSection(plan, isTargetGroup);
    const age = group?.age;
    const per = oneOf(TIME_UNITS, group?.expectedPer);
    return {
        include: (group?.include ?? []).filter(isText),
        exclude: (group?.exclude ?? []).filter(isText),
        ...opt('age', age && isNumber(age.min) && isNumber(age.max) ? { min: age.min, max: age.max } : undefined),
        ...opt('expected', group && isNumber(group.expected) && per ? { count: group.expected, per } : undefined),
    };
}

function sampling(plan: Plan): SamplingModel | undefined {
    const method = firstSection(plan, isSampling)?.method;
    if (isAllSampling(method)) return { method: 'alla' };
    if (isBirthdaySampling(method)) return { method: 'födelsedagar', days: (method.days ?? []).filter(isNumber) };
    if (isWeekSampling(method)) {
        if (method.parity === 'jämna') return { method: 'jämna veckor' };
        if (method.parity === 'udda') return { method: 'udda veckor' };
        return undefined;
    }
    if (isPeriodSampling(method)) return { method: 'hela perioden' };
    return undefined;
}

function period(plan: Plan): PeriodModel | undefined {
    const p = firstSection(plan, isPeriodDecl);
    if (!p || !isText(p.start) || !isText(p.end)) return undefined;
    const years = p.years;
    return {
        start: p.start,
        end: p.end,
        ...opt('repeatYears', years && isNumber(years.min) && isNumber(years.max) ? { from: years.min, to: years.max } : undefined),
    };
}

function measurementPoints(plan: Plan): MeasurementPointModel[] {
    const result: MeasurementPointModel[] = [];
    for (const point of allPoints(plan)) {
        const kind = oneOf(POINT_KINDS, point.kind);
        if (!kind) continue;
        const unit = oneOf(TIME_UNITS_PLURAL, point.offsetUnit);
        result.push({
            id: pointName(point),
            kind,
            ...opt('label', point.label),
            ...opt('every', oneOf(TIME_UNITS, point.every)),
            ...opt('offset', isNumber(point.offset) && unit ? { amount: point.offset, unit } : undefined),
        });
    }
    return result;
}

function phases(plan: Plan): PhaseModel[] {
    const result: PhaseModel[] = [];
    for (const span of phaseSpans(plan)) {
        const phase = span.phase;
        const unit = oneOf(TIME_UNITS_PLURAL, phase.unit);
        if (!isText(phase.name) || !isNumber(phase.length) || !unit) continue;
        const known = span.start !== undefined && span.end !== undefined && span.end >= span.start;
        result.push({
            id: phase.name, ...opt('label', phase.label), length: phase.length, unit,
            ...(known ? { start: isoDate(span.start as number), end: isoDate(span.end as number) } : {}),
            startStated: span.stated,
        });
    }
    return result;
}

// ---------------------------------------------------------------- value sets and variables

function codeList(codes: readonly { code: number; label: string }[] | undefined): CodeModel[] {
    return (codes ?? []).filter(c => isNumber(c.code)).map(c => ({ code: c.code, label: c.label ?? '' }));
}

function valueSets(plan: Plan): NamedValueSetModel[] {
    return sections(plan, isValueSets).flatMap(s => s.sets ?? [])
        .filter(set => isText(set.name))
        .map(set => ({ id: set.name, ...opt('label', set.label), ordinal: !!set.ordinal, codes: codeList(set.codes) }));
}

// ---------------------------------------------------------------- privacy and acceptances

function privacy(plan: Plan, level: Level): PrivacyModel {
    const p = firstSection(plan, isPrivacy);
    // A non-integer minimum is rounded up (a warning says so); below 1 it is 1 (an error says so).
    const minCell = isNumber(p?.minCell) ? Math.max(1, Math.ceil(p.minCell)) : DEFAULT_MIN_CELL;
    return {
        minCell,
        suppression: { minCell, secondary: p?.secondary !== 'av', exempt: level === 'individ' },
        legalBasis: (p?.legalBasis ?? []).filter(isText),
        ...opt('storage', p?.storage),
        ...opt('controller', p?.controller),
        ...opt('retention', p?.retention),
        ...opt('impactAssessment', p?.impactAssessment),
        ...opt('pseudonymisation', p?.pseudonymisation),
    };
}

function acceptedWarnings(plan: Plan): AcceptedWarning[] {
    return sections(plan, isAcceptance)
        .filter(a => isText(a.code) && isText(a.reason))
        .map(a => ({ code: a.code, ...opt('subject', a.subject), reason: a.reason }));
}

// ---------------------------------------------------------------- references, variables, analyses

type AnalysisCore = Omit<AnalysisModel, 'id' | 'title' | 'groups' | 'at' | 'filter' | 'decimals' | 'rounding' | 'chart'>;

const CHANGE_FORMULAS: Readonly<Record<string, ChangeModel['formula']>> = {
    skillnad: 'meanDifference', procent: 'percentOfFirstMean', andelförbättrade: 'shareImproved',
};

/** Whether a reference names a catalogue variable refined in the plan (`fördjupa`). */
function isRefined(ref: VarRef | undefined): boolean {
    const variable = ref?.ref?.ref;
    return isUseVariable(variable) && (variable.refinements ?? []).length > 0;
}

function codeListLevel(level: string | undefined): CodeListLevel | undefined {
    return level === 'original' ? 'original' : level === 'fördjupad' ? 'refined' : undefined;
}

/** The rounding of an analysis: its own `decimaler`/`avrundning`, else the plan's, else one decimal. */
function rounding(plan: Plan, analysis: Analysis): RoundingModel {
    const options = analysis.options ?? [];
    const ownDecimals = options.filter(isDecimalsOption).map(o => o.decimals).find(isNumber);
    const ownStep = options.filter(isRoundingOption).map(o => roundingStepValue(o.step)).find(isNumber);
    const fromAnalysis = ownDecimals !== undefined || ownStep !== undefined;
    const planDecimals = firstSection(plan, isPlanDecimals)?.decimals;
    const planStep = roundingStepValue(firstSection(plan, isPlanRounding)?.step);
    const decimals = fromAnalysis ? ownDecimals : isNumber(planDecimals) ? planDecimals : undefined;
    const step = fromAnalysis ? ownStep : planStep;
    const from = fromAnalysis ? 'analysis' : decimals !== undefined || step !== undefined ? 'plan' : 'default';
    return {
        decimals: decimals ?? 1,
        percentDecimals: decimals ?? 1,
        ...opt('step', step !== undefined && step > 0 ? step : undefined),
        half: 'awayFromZero',
        significantDigits: 12,
        from,
    };
}

function chart(analysis: Analysis): ChartModel {
    const stated = statedChart(analysis);
    const kind = stated ?? defaultChart(analysis);
    return { kind, phaseMarkers: kind === 'line' && isPhaseMeans(analysis.kind), stated: stated !== undefined };
}

/**
 * One build. References resolve to plan names only when what they name is in the model, so every
 * variable, table and analysis a model field names is in that same model.
 */
class ModelBuilder {
    /** Names of the variables in the model; before the variables are settled, every declared name. */
    private variableIds: ReadonlySet<string>;
    private tableIds: ReadonlySet<string> = new Set();
    private analysisIds: ReadonlySet<string> = new Set();

    constructor(private readonly plan: Plan) {
        this.variableIds = new Set(allVariables(plan).map(variableName).filter(name => !!name));
    }

    build(options: BuildModelOptions): PlanModel {
        const plan = this.plan;
        const dataSource = firstSection(plan, isDataSource);
        const question = firstSection(plan, isQuestionDecl)?.text;
        const clientGoals = firstSection(plan, isClientGoals);
        const variables = this.settledVariables();
        const referenceTables = this.referenceTables();
        this.tableIds = new Set(referenceTables.map(t => t.id));
        const level = oneOf(LEVELS, firstSection(plan, isLevelDecl)?.level) ?? 'verksamhet';
        const analyses = sections(plan, isAnalyses).flatMap(s => s.analyses ?? []).map(a => this.analysisModel(a)).filter(a => a !== undefined);
        this.analysisIds = new Set(analyses.map(a => a.id));
        return {
            schemaVersion: MODEL_SCHEMA_VERSION,
            source: options.source,
            title: plan.title ?? '',
            governance: governance(plan),
            ...opt('purpose', oneOf(PURPOSES, firstSection(plan, isPurposeDecl)?.purpose)),
            ...opt('question', isText(question) ? question : undefined),
            level,
            catalogues: catalogues(plan, options),
            ...opt('dataSource', dataSource && isText(dataSource.kind)
                ? { kind: dataSource.kind, ...opt('description', dataSource.description) } : undefined),
            roles: roles(plan),
            targetGroup: targetGroup(plan),
            ...opt('sampling', sampling(plan)),
            ...opt('period', period(plan)),
            ...opt('clientGoals', clientGoals && isNumber(clientGoals.max)
                ? { max: clientGoals.max, ...opt('description', clientGoals.description) } : undefined),
            measurementPoints: measurementPoints(plan),
            phases: phases(plan),
            valueSets: valueSets(plan),
            variables,
            referenceTables,
            ...opt('extract', this.extract()),
            analyses,
            scenarios: this.scenarios(),
            privacy: privacy(plan, level),
            acceptedWarnings: acceptedWarnings(plan),
        };
    }

    /**
     * The variables, built until every reference between them names a variable in the model: a
     * derived variable whose source was left out is left out too, and so on (the set only shrinks).
     */
    private settledVariables(): VariableModel[] {
        const rounds = this.variableIds.size + 1;
        for (let round = 0; ; round++) {
            const built = this.variables();
            const ids = new Set(built.map(v => v.id));
            if (round >= rounds || [...this.variableIds].every(id => ids.has(id))) return built;
            this.variableIds = ids;
        }
    }

    /** The plan name of a referenced variable, or undefined while it does not resolve. */
    private varName(ref: VarRef | undefined): string | undefined {
        const target = ref?.ref?.ref;
        const name = target ? variableName(target) : undefined;
        return name && this.variableIds.has(name) ? name : undefined;
    }

    private tableName(name: string | undefined): string | undefined {
        return name !== undefined && this.tableIds.has(name) ? name : undefined;
    }

    private pointId(ref: PointRef | undefined): string | undefined {
        const target = ref?.ref?.ref;
        return target && target.kind ? pointName(target) : undefined;
    }

    /** For a refined variable, the level its code list means (refined unless `original`); undefined otherwise. */
    private codeLevelOf(ref: VarRef | undefined, level: string | undefined): CodeListLevel | undefined {
        return isRefined(ref) ? codeListLevel(level) ?? 'refined' : undefined;
    }

    private conditionModel(condition: Condition | undefined): ConditionModel | undefined {
        if (!condition) return undefined;
        const parts: ConditionModel['parts'][number][] = [];
        for (const part of condition.parts ?? []) {
            const variable = this.varName(part.variable);
            if (!variable) continue;
            const op = oneOf(COMPARE_OPS, part.op);
            if (op) {
                if (isNumber(part.value)) parts.push({ variable, op, value: part.value });
            } else {
                const codes = (part.codes ?? []).filter(isNumber);
                if (codes.length > 0) parts.push({ variable, codes, ...opt('level', this.codeLevelOf(part.variable, part.level)) });
            }
        }
        return parts.length > 0 ? { parts } : undefined;
    }

    /** Several conditions that must all hold, as one. */
    private allOf(conditions: readonly (Condition | undefined)[]): ConditionModel | undefined {
        const parts = conditions.flatMap(c => this.conditionModel(c)?.parts ?? []);
        return parts.length > 0 ? { parts } : undefined;
    }

    private variables(): VariableModel[] {
        const result: VariableModel[] = [];
        for (const block of sections(this.plan, isVariables)) {
            for (const declaration of block.variables ?? []) {
                if (isUseVariable(declaration)) result.push(...this.useVariable(declaration));
                else if (isLocalVariable(declaration)) result.push(...this.localVariable(declaration));
                else if (isItemGroup(declaration)) result.push(...this.itemGroup(declaration));
                else if (isDerivedVariable(declaration)) result.push(...this.derivedVariable(declaration));
            }
        }
        return result;
    }

    /** The fields every variable has from its options (`vid`, `svarar`, `när`, …); items read their group's. */
    private optionFields(variable: PlanVariable) {
        return {
            ...opt('definition', definitionOf(variable)),
            points: unique(pointsOf(variable).filter(p => !!p.kind).map(pointName)),
            respondents: unique(respondentsOf(variable).map(r => oneOf(RESPONDENTS, r)).filter(r => r !== undefined)),
            ...opt('condition', this.conditionModel(conditionOf(variable))),
            background: hasBackground(variable),
            perClientGoal: isPerClientGoal(variable),
            optional: isOptional(variable),
        };
    }

    /** Free text: which fixed question it clarifies and why it is needed. */
    private textFields(type: LocalType | undefined): { clarifies?: string; justification?: string } {
        if (!isTextType(type)) return {};
        return { ...opt('clarifies', this.varName(type.clarifies)), ...opt('justification', type.justification) };
    }

    private useVariable(use: UseVariable): VariableModel[] {
        const target = use.variable?.ref;
        const catalogue = target ? catalogueOf(target) : undefined;
        const id = variableName(use);
        if (!target || !catalogue || !isText(target.name) || !id) return [];
        const original = catalogueValueSet(target.valueSet);
        const label = target.label ?? target.name;
        const catalogueModel: CatalogueVariableModel = {
            catalogue: catalogue.name,
            version: catalogue.version,
            id: target.name,
            label,
            ...opt('comment', target.comment),
            ...opt('processStep', target.processStep),
            nationalStatistics: !!target.nationalStatistics,
            valueSet: original,
        };
        let valueSet: ValueSetModel = original;
        let refinement: RefinedCodeModel[] | undefined;
        const refinements = use.refinements ?? [];
        if (refinements.length > 0 && isCoded(original)) {
            // Only detailed codes that map to a code of the catalogue; the validator reports the rest.
            const originals = new Map(original.codes.map(c => [c.code, c.label]));
            refinement = [];
            for (const r of refinements) {
                const originalLabel = originals.get(r.original);
                if (!isNumber(r.code) || originalLabel === undefined) continue;
                refinement.push({ code: r.code, label: r.label ?? '', original: r.original, originalLabel });
            }
            valueSet = { kind: original.kind === 'yesno' ? 'choice' : original.kind, codes: refinement.map(r => ({ code: r.code, label: r.label })) };
        }
        const { definition, ...fields } = this.optionFields(use);
        return [{
            id,
            label,
            origin: 'catalogue',
            catalogue: catalogueModel,
            valueSet,
            ...opt('refinement', refinement),
            ...opt('definition', definition),
            ...fields,
        }];
    }

    private localVariable(local: LocalVariable): VariableModel[] {
        const valueSet = localValueSet(local.type);
        if (!valueSet || !isText(local.name)) return [];
        return [{
            id: local.name,
            label: local.label ?? local.name,
            origin: 'local',
            valueSet,
            ...this.optionFields(local),
            ...this.textFields(local.type),
        }];
    }

    private itemGroup(group: ItemGroup): VariableModel[] {
        const itemSet = localValueSet(group.type);
        if (!itemSet || !isText(group.name)) return [];
        const items: VariableModel[] = (group.items ?? []).filter(item => isText(item.name)).map(item => ({
            id: item.name,
            label: item.label ?? item.name,
            origin: 'item',
            valueSet: itemSet,
            ...this.optionFields(item),
            group: group.name,
            ...this.textFields(group.type),
        }));
        if (group.index !== 'summa' && group.index !== 'medel') return items;
        const index: VariableModel = {
            id: group.name,
            label: group.label ?? group.name,
            origin: 'derived',
            valueSet: valueSetOf(group) ?? { kind: 'number' },
            ...this.optionFields(group),
            derivation: { kind: group.index === 'summa' ? 'sum' : 'mean', items: items.map(i => i.id) },
        };
        return [...items, index];
    }

    private derivation(expression: DerivedExpression | undefined): DerivationModel | undefined {
        if (isClassifyExpression(expression)) {
            const source = this.varName(expression.source);
            if (!source) return undefined;
            const classes = (expression.classes ?? [])
                .filter(c => isNumber(c.code) && isNumber(c.range?.min) && isNumber(c.range?.max))
                .map(c => ({ code: c.code, label: c.label ?? '', min: c.range.min, max: c.range.max }));
            return { kind: 'classify', source, classes };
        }
        if (isAggregateExpression(expression)) {
            const items = (expression.items ?? []).map(x => this.varName(x));
            if (items.length === 0 || items.some(i => i === undefined)) return undefined;
            return { kind: expression.function === 'medel' ? 'mean' : 'sum', items: items.filter(i => i !== undefined) };
        }
        if (isDifferenceExpression(expression)) {
            const source = this.varName(expression.source);
            const from = this.pointId(expression.from);
            const to = this.pointId(expression.to);
            return source && from && to ? { kind: 'difference', source, from, to } : undefined;
        }
        return undefined;
    }

    private derivedVariable(derived: DerivedVariable): VariableModel[] {
        const model = this.derivation(derived.expression);
        if (!model || !isText(derived.name)) return [];
        return [{
            id: derived.name,
            label: derived.label ?? derived.name,
            origin: 'derived',
            valueSet: valueSetOf(derived) ?? { kind: 'number' },
            ...this.optionFields(derived),
            derivation: model,
        }];
    }

    // ---------------------------------------------------------------- reference data and extracts

    private referenceTables(): ReferenceTableModel[] {
        const result: ReferenceTableModel[] = [];
        for (const table of sections(this.plan, isReferenceData).flatMap(s => s.tables ?? [])) {
            if (!isText(table.name)) continue;
            let key: ReferenceTableModel['key'];
            if (table.byVariable) {
                key = { kind: 'variables' };
            } else {
                const variable = this.varName(table.key);
                if (!variable) continue;
                key = { kind: 'codes', variable };
            }
            const rows: { key: number | string; value: number }[] = [];
            for (const row of table.rows ?? []) {
                if (!isNumber(row.value)) continue;
                // A table per question has variable rows; a table per variable has code rows.
                const rowKey = key.kind === 'variables' ? this.varName(row.variable) : isNumber(row.code) ? row.code : undefined;
                if (rowKey !== undefined) rows.push({ key: rowKey, value: row.value });
            }
            result.push({ id: table.name, label: table.label ?? table.name, ...opt('source', table.source), key, rows });
        }
        return result;
    }

    private extract(): ExtractModel | undefined {
        const e = firstSection(this.plan, isExtract);
        if (!e || !isText(e.system)) return undefined;
        const columns: ExtractModel['columns'][number][] = [];
        for (const mapping of e.columns ?? []) {
            const variable = this.varName(mapping.variable);
            if (!isText(mapping.column) || !variable) continue;
            columns.push({
                column: mapping.column,
                variable,
                ...opt('point', this.pointId(mapping.point)),
                codes: (mapping.codes ?? []).filter(c => isText(c.source) && isNumber(c.code)).map(c => ({ source: c.source, code: c.code })),
            });
        }
        return { system: e.system, ...opt('file', e.file), ...opt('keyColumn', e.keyColumn), columns };
    }

    // ---------------------------------------------------------------- analyses and scenarios

    private analysisCore(analysis: Analysis): AnalysisCore | undefined {
        const k = analysis.kind;
        if (isFrequency(k) || isDescribe(k)) {
            const variable = this.varName(k.variable);
            return variable ? { kind: isFrequency(k) ? 'frequency' : 'describe', variables: [variable] } : undefined;
        }
        if (isCrosstab(k)) {
            const row = this.varName(k.row);
            const column = this.varName(k.column);
            return row && column ? { kind: 'crosstab', variables: [row], column } : undefined;
        }
        if (isChange(k)) {
            const variable = this.varName(k.variable);
            if (!variable) return undefined;
            const target = k.variable?.ref?.ref;
            const change: ChangeModel = {
                formula: CHANGE_FORMULAS[k.measure ?? 'skillnad'] ?? 'meanDifference',
                ...opt('direction', k.direction === 'lägre' ? 'lower' as const : k.direction === 'högre' ? 'higher' as const : undefined),
                paired: true,
                respondents: target ? unique(respondentsOf(target).map(r => oneOf(RESPONDENTS, r)).filter(r => r !== undefined)) : [],
            };
            return { kind: 'change', variables: [variable], ...opt('from', this.pointId(k.from)), ...opt('to', this.pointId(k.to)), change };
        }
        if (isShare(k)) {
            const variable = this.varName(k.variable);
            if (!variable) return undefined;
            const codes = (k.codes ?? []).filter(isNumber);
            const op = oneOf(COMPARE_OPS, k.op);
            return {
                kind: 'share',
                variables: [variable],
                ...opt('codes', codes.length > 0 ? codes : undefined),
                ...opt('codesLevel', codes.length > 0 ? this.codeLevelOf(k.variable, k.level) : undefined),
                ...(op && isNumber(k.value) ? { op, value: k.value } : {}),
                ...opt('target', isNumber(k.target) ? k.target : undefined),
            };
        }
        if (isGoalAttainment(k)) {
            const variable = this.varName(k.variable);
            if (!variable) return undefined;
            let codes: readonly number[] | undefined = (k.codes ?? []).filter(isNumber);
            if (codes.length === 0) {
                // The built-in scales know which codes mean "reached".
                const set = valueSetOf(k.variable?.ref?.ref);
                codes = set?.kind === 'goal4' || set?.kind === 'goal5' ? GOAL_REACHED[set.kind] : undefined;
            }
            return { kind: 'goalAttainment', variables: [variable], ...opt('codes', codes ? [...codes] : undefined) };
        }
        if (isTimeSeries(k) || isPhaseMeans(k)) {
            const variable = this.varName(k.variable);
            const unit = oneOf(TIME_UNITS, k.unit);
            const date = k.date ? this.varName(k.date) : undefined;
            const repeated = firstSection(this.plan, isPeriodDecl)?.years !== undefined;
            const timeBasis = date ? 'variable' : unit === 'år' && repeated ? 'periodYear' : 'registrationDate';
            return variable && unit ? { kind: isTimeSeries(k) ? 'timeSeries' : 'phaseMeans', variables: [variable], unit, ...opt('dateVariable', date), timeBasis } : undefined;
        }
        if (isRate(k)) {
            if (!isNumber(k.per)) return undefined;
            return {
                kind: 'rate',
                variables: [],
                per: k.per,
                counts: k.counts === 'klienter' ? 'clients' : 'records',
                ...opt('population', this.tableName(k.population?.ref?.name)),
                ...opt('populationVariable', this.varName(k.populationVariable)),
                ...opt('condition', this.conditionModel(k.condition)),
            };
        }
        if (isComparison_(k)) {
            const compared = (k.variables ?? []).map(x => this.varName(x)).filter(v => v !== undefined);
            if (compared.length === 0) return undefined;
            return {
                kind: 'compare',
                variables: compared,
                ...opt('between', this.varName(k.group)),
                ...opt('targetValue', isNumber(k.targetValue) ? k.targetValue : undefined),
                ...opt('targetTable', this.tableName(k.targetTable?.ref?.name)),
            };
        }
        if (isConcentration(k)) {
            const variable = this.varName(k.variable);
            return variable
                ? { kind: 'concentration', variables: [variable], shares: (k.shares ?? []).filter(isNumber), topRounding: k.topRounding === 'nedåt' ? 'down' : 'up' }
                : undefined;
        }
        return undefined;
    }

    private analysisModel(analysis: Analysis): AnalysisModel | undefined {
        if (!isText(analysis.name)) return undefined;
        const core = this.analysisCore(analysis);
        if (!core) return undefined;
        const options = analysis.options ?? [];
        const groups = options.filter(isGroupOption).flatMap(o => o.groups ?? []).map(x => this.varName(x)).filter(g => g !== undefined);
        const at = options.filter(isAtOption).map(o => this.pointId(o.point)).find(p => p !== undefined);
        const decimals = options.filter(isDecimalsOption).map(o => o.decimals).find(isNumber);
        const analysed = analysis.kind && 'variable' in analysis.kind ? analysis.kind.variable : undefined;
        const level = options.filter(isCodeLevelOption).map(o => o.level).find(isText);
        const codeLevel: AnalysisModel['codeLevel'] = isRefined(analysed) ? (level === 'original' ? 'original' : level === 'båda' ? 'both' : 'refined') : undefined;
        return {
            id: analysis.name,
            ...opt('title', analysis.title),
            ...core,
            ...opt('codeLevel', codeLevel),
            groups: unique(groups),
            ...opt('at', at),
            ...opt('filter', this.allOf(options.filter(isFilterOption).map(o => o.condition))),
            ...opt('decimals', decimals),
            rounding: rounding(this.plan, analysis),
            chart: chart(analysis),
        };
    }

    private scenarios(): ScenarioModel[] {
        const result: ScenarioModel[] = [];
        for (const scenario of sections(this.plan, isScenarios).flatMap(s => s.scenarios ?? [])) {
            const letters = unique((scenario.letters ?? []).map(l => oneOf(SCENARIO_LETTERS, l)).filter(l => l !== undefined));
            if (letters.length === 0) continue;
            const rule: ScenarioRulePart[] = [];
            for (const part of scenario.rule?.parts ?? []) {
                const analysis = part.analysis?.ref?.name;
                if (analysis === undefined || !this.analysisIds.has(analysis)) continue;
                const op = oneOf(COMPARE_OPS, part.op);
                if (!op || (!isNumber(part.value) && !part.target)) continue;
                const groups = part.quantifier === 'någon' ? 'some' as const : part.quantifier === 'varje' ? 'every' as const : undefined;
                rule.push({
                    analysis, op,
                    ...(part.target ? { againstTarget: true as const } : { value: part.value }),
                    percent: !!part.percent,
                    ...(groups ? { groups, whenSuppressed: 'undecided' as const } : {}),
                });
            }
            result.push({ letters, ...opt('rule', rule.length > 0 ? rule : undefined), ...opt('nextStep', scenario.nextStep) });
        }
        return result;
    }
}
