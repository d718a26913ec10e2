/**
 * The plan model: plain, typed, JSON-serialisable objects built from a checked plan, with the
 * catalogue resolved and refinements expanded. Every generator and the analysis engine read
 * only this model, never the AST. Field names are English; texts are the plan's own (Swedish).
 * The JSON Schema in `plan-model.schema.json` describes exactly this shape.
 */

import type { Purpose, Level, Status, TimeUnit, TimeUnits, Respondent, ProcessStep, CompareOp, CodeModel, ValueSetModel } from '../language/plan-vocabulary.js';
export type { Purpose, Level, Status, TimeUnit, TimeUnits, Respondent, ProcessStep, CompareOp, CodeModel, ValueSetModel, CodedValueSetModel } from '../language/plan-vocabulary.js';

export const MODEL_SCHEMA_VERSION = 1;


/**
 * Built by `buildPlanModel` (build-model.ts). Every variable, point, table and analysis that a field
 * names is in the same model: a reference that did not resolve is left out, never kept dangling.
 */
export interface PlanModel {
    readonly schemaVersion: typeof MODEL_SCHEMA_VERSION;
    /** The plan file, relative to the repository root when known. */
    readonly source: string;
    readonly title: string;
    readonly governance: Governance;
    readonly purpose?: Purpose;
    readonly question?: string;
    readonly level: Level;
    readonly catalogues: readonly CatalogueRefModel[];
    readonly dataSource?: { readonly kind: string; readonly description?: string };
    readonly roles: Roles;
    readonly targetGroup: TargetGroupModel;
    readonly sampling?: SamplingModel;
    readonly period?: PeriodModel;
    readonly clientGoals?: { readonly max: number; readonly description?: string };
    readonly measurementPoints: readonly MeasurementPointModel[];
    readonly phases: readonly PhaseModel[];
    readonly valueSets: readonly NamedValueSetModel[];
    /**
     * Every variable in declaration order. A question group contributes its items (origin `item`,
     * `group` set) followed by its index (origin `derived`) when the group has `index summa|medel`.
     */
    readonly variables: readonly VariableModel[];
    readonly referenceTables: readonly ReferenceTableModel[];
    readonly extract?: ExtractModel;
    readonly analyses: readonly AnalysisModel[];
    readonly scenarios: readonly ScenarioModel[];
    readonly privacy: PrivacyModel;
    readonly acceptedWarnings: readonly AcceptedWarning[];
}

export interface Governance {
    readonly version?: string;
    readonly status: Status;
    readonly decision?: { readonly by: string; readonly date?: string; readonly caseNumber?: string };
    readonly revisions: ReadonlyArray<{ readonly version: string; readonly date: string; readonly text: string }>;
    readonly feedback?: { readonly when: string; readonly to?: string };
}

export interface CatalogueRefModel {
    readonly name: string;
    readonly version: string;
    /** The catalogue's own title, when the catalogue was found. */
    readonly title?: string;
}

export interface Roles {
    readonly mandate?: string;
    readonly registers?: string;
    readonly compiles?: string;
    readonly analyses?: string;
}

export interface TargetGroupModel {
    readonly include: readonly string[];
    readonly exclude: readonly string[];
    readonly age?: { readonly min: number; readonly max: number };
    readonly expected?: { readonly count: number; readonly per: TimeUnit };
}

export type SamplingModel =
    | { readonly method: 'alla' }
    | { readonly method: 'födelsedagar'; readonly days: readonly number[] }
    | { readonly method: 'jämna veckor' | 'udda veckor' }
    | { readonly method: 'hela perioden' };

export interface PeriodModel {
    readonly start: string;
    readonly end: string;
    /** The same period repeated every year from `from` to `to` (e.g. one quarter a year). */
    readonly repeatYears?: { readonly from: number; readonly to: number };
}

export interface MeasurementPointModel {
    readonly id: string;
    readonly kind: 'före' | 'under' | 'efter' | 'uppföljning';
    readonly label?: string;
    /** For repeated points (`under varje vecka`). */
    readonly every?: TimeUnit;
    /** For follow-ups (`uppföljning 6 månader`). */
    readonly offset?: { readonly amount: number; readonly unit: TimeUnits };
}

export interface PhaseModel {
    readonly id: string;
    readonly label?: string;
    readonly length: number;
    readonly unit: TimeUnits;
}

export interface NamedValueSetModel {
    readonly id: string;
    readonly label?: string;
    readonly ordinal: boolean;
    readonly codes: readonly CodeModel[];
}

export interface CatalogueVariableModel {
    readonly catalogue: string;
    readonly version: string;
    readonly id: string;
    readonly label: string;
    readonly comment?: string;
    readonly processStep?: ProcessStep;
    readonly nationalStatistics: boolean;
    readonly valueSet: ValueSetModel;
}

export interface RefinedCodeModel extends CodeModel {
    /** The catalogue code this detailed value maps back to. */
    readonly original: number;
    readonly originalLabel: string;
}

export interface ConditionModel {
    /** All parts must hold (`och`). */
    readonly parts: ReadonlyArray<
        | { readonly variable: string; readonly op: CompareOp; readonly value: number }
        | { readonly variable: string; readonly codes: readonly number[] }
    >;
}

export type DerivationModel =
    | { readonly kind: 'classify'; readonly source: string; readonly classes: ReadonlyArray<{ readonly code: number; readonly label: string; readonly min: number; readonly max: number }> }
    | { readonly kind: 'sum' | 'mean'; readonly items: readonly string[] }
    | { readonly kind: 'difference'; readonly source: string; readonly from: string; readonly to: string };

export interface VariableModel {
    readonly id: string;
    readonly label: string;
    /** catalogue: `använd`; local: `lokal`; item: a statement of a question group; derived: `härledd` or a group index. */
    readonly origin: 'catalogue' | 'local' | 'item' | 'derived';
    readonly catalogue?: CatalogueVariableModel;
    /** The values registered. For a refined variable these are the detailed codes. */
    readonly valueSet: ValueSetModel;
    /** Each detailed code with the catalogue code it maps to; exports add the original column. */
    readonly refinement?: readonly RefinedCodeModel[];
    readonly definition?: string;
    /** Measurement point ids; empty means registered once per client. */
    readonly points: readonly string[];
    readonly respondents: readonly Respondent[];
    /** Asked only when this holds (a conditional question). */
    readonly condition?: ConditionModel;
    readonly background: boolean;
    readonly perClientGoal: boolean;
    readonly optional: boolean;
    /** The question group this item belongs to. */
    readonly group?: string;
    readonly derivation?: DerivationModel;
    /** Free text: the fixed question it clarifies and why it is needed. */
    readonly clarifies?: string;
    readonly justification?: string;
}

export interface ReferenceTableModel {
    readonly id: string;
    readonly label: string;
    readonly source?: string;
    /** Keyed by the codes of a variable (`per stadsdel`, integer row keys) or by variable ids (`per fråga`, string row keys). */
    readonly key: { readonly kind: 'codes'; readonly variable: string } | { readonly kind: 'variables' };
    readonly rows: ReadonlyArray<{ readonly key: number | string; readonly value: number }>;
}

export interface ExtractModel {
    readonly system: string;
    readonly file?: string;
    readonly keyColumn?: string;
    readonly columns: ReadonlyArray<{
        readonly column: string;
        readonly variable: string;
        readonly point?: string;
        readonly codes: ReadonlyArray<{ readonly source: string; readonly code: number }>;
    }>;
}

export type AnalysisKind =
    | 'frequency' | 'crosstab' | 'describe' | 'change' | 'share' | 'goalAttainment'
    | 'timeSeries' | 'phaseMeans' | 'rate' | 'compare' | 'concentration';

export interface AnalysisModel {
    readonly id: string;
    readonly title?: string;
    readonly kind: AnalysisKind;
    /** The analysed variables (one for most kinds; several for `jämför`; none for `takt`). */
    readonly variables: readonly string[];
    /** crosstab: the column variable. */
    readonly column?: string;
    /** change: the two points, paired. */
    readonly from?: string;
    readonly to?: string;
    /**
     * share: the codes that count, or a comparison; goalAttainment: the codes that mean "reached"
     * (as given with `nått`, else the built-in scale's: mål4 → 1, gas5 → 3, 4, 5).
     */
    readonly codes?: readonly number[];
    readonly op?: CompareOp;
    readonly value?: number;
    /** share: the target in percent. */
    readonly target?: number;
    /** timeSeries, phaseMeans: the time unit. */
    readonly unit?: TimeUnit;
    /** timeSeries, phaseMeans: the date variable that places each record in time (default: the registration date). */
    readonly dateVariable?: string;
    /** rate: per how many, of which population table, counting records that meet a condition. */
    readonly per?: number;
    readonly population?: string;
    readonly condition?: ConditionModel;
    /** compare: the grouping variable and the target (a number or a reference table). */
    readonly between?: string;
    readonly targetValue?: number;
    readonly targetTable?: string;
    /** concentration: top shares in percent. */
    readonly shares?: readonly number[];
    /** Breakdown variables (`per`). */
    readonly groups: readonly string[];
    /** The point the analysis looks at (`vid`); undefined means all records. */
    readonly at?: string;
    /** Only records meeting this condition (`bland`). */
    readonly filter?: ConditionModel;
    /** Decimals for means and differences; percentages always use one unless given. */
    readonly decimals?: number;
}

export interface ScenarioModel {
    readonly letters: readonly ('A' | 'B' | 'C' | 'D' | 'E')[];
    /** Decision rule: all parts must hold. Absent when the scenario is judged by people at review. */
    readonly rule?: ReadonlyArray<{ readonly analysis: string; readonly op: CompareOp; readonly value: number; readonly percent: boolean }>;
    readonly nextStep?: string;
}

export interface PrivacyModel {
    /** Cells with 1..minCell-1 persons are suppressed; default 5. */
    readonly minCell: number;
    readonly legalBasis: readonly string[];
    readonly storage?: string;
    readonly controller?: string;
    readonly retention?: string;
    readonly impactAssessment?: string;
    readonly pseudonymisation?: string;
}

export interface AcceptedWarning {
    readonly code: string;
    readonly subject?: string;
    readonly reason: string;
}
