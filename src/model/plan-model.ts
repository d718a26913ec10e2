/**
 * The plan model: plain, typed, JSON-serialisable objects built from a checked plan, with the
 * catalogue resolved and refinements expanded. Every generator and the analysis engine read
 * only this model, never the AST. Field names are English; texts are the plan's own (Swedish).
 *
 * These types are the single source of the model's JSON Schema: `npm run schema`
 * (scripts/plan-model-schema.js) generates `plan-model.schema.json` from them, and a test fails
 * when the committed schema differs from a fresh one. JSDoc comments become the schema's
 * descriptions; the tags `@asType integer`, `@minimum`, `@maximum`, `@pattern`, `@minItems` and
 * `@uniqueItems` become its constraints. Objects allow no other properties.
 */

import type { Purpose, Level, Status, TimeUnit, TimeUnits, Respondent, ProcessStep, CompareOp, CodeModel, Integer, ValueSetModel } from '../language/plan-vocabulary.js';
export type { Purpose, Level, Status, TimeUnit, TimeUnits, Respondent, ProcessStep, CompareOp, CodeModel, Integer, ValueSetModel, CodedValueSetModel } from '../language/plan-vocabulary.js';

export const MODEL_SCHEMA_VERSION = 1;

/**
 * A date written YYYY-MM-DD.
 * @pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$
 */
export type IsoDate = string;

/**
 * The plan model that `suplan generate --target json` writes: a follow-up plan (uppföljningsplan)
 * with its catalogue resolved and refinements expanded. Field names are English; texts are the
 * plan's own. Every variable, point, table and analysis that a field names is in the same model: a
 * reference that did not resolve is left out, never kept dangling. Built by `buildPlanModel`.
 * @title SU-plan plan model
 */
export interface PlanModel {
    /** The version of this model's shape; a change that breaks readers raises it. */
    readonly schemaVersion: typeof MODEL_SCHEMA_VERSION;
    /** The plan file, relative to the repository root when known. */
    readonly source: string;
    /** The plan's title (`plan "…"`). */
    readonly title: string;
    readonly governance: Governance;
    /** `syfte`: left out unless the plan states one of the five purposes. */
    readonly purpose?: Purpose;
    /** `fråga`: the question the follow-up answers. */
    readonly question?: string;
    /** `nivå`: individ, verksamhet (the default) or nationell. */
    readonly level: Level;
    /** `katalog … version …`: the catalogue versions the plan pins. */
    readonly catalogues: readonly CatalogueRefModel[];
    /** `datakälla`: where the data comes from (e.g. the case-management system, a form). */
    readonly dataSource?: { readonly kind: string; readonly description?: string };
    readonly roles: Roles;
    readonly targetGroup: TargetGroupModel;
    readonly sampling?: SamplingModel;
    readonly period?: PeriodModel;
    /** `klientmål`: at most how many goals each client has. */
    readonly clientGoals?: { readonly max: Integer; readonly description?: string };
    readonly measurementPoints: readonly MeasurementPointModel[];
    /** `faser`: the phases of a single-case design, in order. */
    readonly phases: readonly PhaseModel[];
    /** `värdemängder`: value sets defined once and used by many questions. */
    readonly valueSets: readonly NamedValueSetModel[];
    /**
     * Every variable in declaration order. A question group contributes its items (origin `item`,
     * `group` set) followed by its index (origin `derived`) when the group has `index summa|medel`.
     */
    readonly variables: readonly VariableModel[];
    /** `referensdata`: data that does not come from the form (populations, target scores). */
    readonly referenceTables: readonly ReferenceTableModel[];
    readonly extract?: ExtractModel;
    readonly analyses: readonly AnalysisModel[];
    readonly scenarios: readonly ScenarioModel[];
    readonly privacy: PrivacyModel;
    /** `acceptera`: warnings the team has considered, with their reasons. */
    readonly acceptedWarnings: readonly AcceptedWarning[];
}

/** Version, status, decision, revision log and feedback of the plan. */
export interface Governance {
    readonly version?: string;
    /** utkast (the default) or fastställd. */
    readonly status: Status;
    /** `beslut "…" datum … diarienummer "…"`: who decided, when, under which case number. */
    readonly decision?: { readonly by: string; readonly date?: IsoDate; readonly caseNumber?: string };
    /** `ändringslogg`: version, date and text of each revision. */
    readonly revisions: ReadonlyArray<{ readonly version: string; readonly date: IsoDate; readonly text: string }>;
    /** `återkoppling "…" till "…"`: when results are fed back, and to whom. */
    readonly feedback?: { readonly when: string; readonly to?: string };
}

/** A pinned catalogue version. */
export interface CatalogueRefModel {
    readonly name: string;
    readonly version: string;
    /** The catalogue's own title, when the catalogue was found. */
    readonly title?: string;
}

/** `roller`: who gives the mandate, registers, compiles and analyses. */
export interface Roles {
    readonly mandate?: string;
    readonly registers?: string;
    readonly compiles?: string;
    readonly analyses?: string;
}

/** `målgrupp`: who is included and excluded, the age range and the expected volume. */
export interface TargetGroupModel {
    readonly include: readonly string[];
    readonly exclude: readonly string[];
    readonly age?: { readonly min: number; readonly max: number };
    /** `förväntat antal N per år`: expected clients per time unit. */
    readonly expected?: { readonly count: Integer; readonly per: TimeUnit };
}

/** `urval`: all clients, those born on given days, those in even or odd weeks, or all in the period. */
export type SamplingModel =
    | { readonly method: 'alla' }
    | { readonly method: 'födelsedagar'; readonly days: readonly number[] }
    | { readonly method: 'jämna veckor' | 'udda veckor' }
    | { readonly method: 'hela perioden' };

/** `period`: first and last day of the follow-up. */
export interface PeriodModel {
    readonly start: IsoDate;
    readonly end: IsoDate;
    /** The same period repeated every year from `from` to `to` (e.g. one quarter a year). */
    readonly repeatYears?: { readonly from: number; readonly to: number };
}

/** A measurement point (`mätpunkter`): before, during (possibly repeated), after, follow-up. */
export interface MeasurementPointModel {
    /** The `som` name, or the kind. */
    readonly id: string;
    readonly kind: 'före' | 'under' | 'efter' | 'uppföljning';
    readonly label?: string;
    /** For repeated points (`under varje vecka`). */
    readonly every?: TimeUnit;
    /** For follow-ups (`uppföljning 6 månader`). */
    readonly offset?: { readonly amount: Integer; readonly unit: TimeUnits };
}

/**
 * A phase of a single-case design (`faser baslinje 2 veckor, …`). A phase starts where the one before
 * it ends, the first at the period's start, unless `från` states its start. A week is seven days
 * from the phase's start.
 */
export interface PhaseModel {
    readonly id: string;
    readonly label?: string;
    /**
     * @asType integer
     * @minimum 0
     */
    readonly length: number;
    readonly unit: TimeUnits;
    /** First day of the phase (stated with `från`, or computed); absent when the plan has no valid period. */
    readonly start?: IsoDate;
    /** Last day of the phase (inclusive). */
    readonly end?: IsoDate;
    /** Whether the plan states the start (`från`) rather than it following from the period and the phases before. */
    readonly startStated: boolean;
}

/** A named value set (`värdemängder`); `ordinal` when its codes are ordered. */
export interface NamedValueSetModel {
    readonly id: string;
    readonly label?: string;
    readonly ordinal: boolean;
    readonly codes: readonly CodeModel[];
}

/** A catalogue variable as the pinned catalogue version defines it. */
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

/** A detailed value and the catalogue code it maps back to. */
export interface RefinedCodeModel extends CodeModel {
    /** The catalogue code this detailed value maps back to. */
    readonly original: Integer;
    readonly originalLabel: string;
}

/** A condition (`när`, `bland`, `för`): all parts must hold (`och`). */
export interface ConditionModel {
    /**
     * All parts must hold (`och`): a comparison with a number, or membership of a code list (`i`).
     * @minItems 1
     */
    readonly parts: ReadonlyArray<
        | { readonly variable: string; readonly op: CompareOp; readonly value: number }
        | {
            readonly variable: string;
            /** @minItems 1 */
            readonly codes: readonly Integer[];
            /** For a refined variable: whether the codes are the refined (registered) ones or the catalogue's originals (`i original …`). */
            readonly level?: CodeListLevel;
        }
    >;
}

/** Which codes of a refined variable a code list means: the refined (registered) codes, or the catalogue's original codes. */
export type CodeListLevel = 'refined' | 'original';

/** How a derived variable is computed: classes of a number, a sum or mean of items, a difference between points. */
export type DerivationModel =
    | { readonly kind: 'classify'; readonly source: string; readonly classes: ReadonlyArray<{ readonly code: Integer; readonly label: string; readonly min: number; readonly max: number }> }
    | {
        readonly kind: 'sum' | 'mean';
        /** @minItems 1 */
        readonly items: readonly string[];
    }
    | { readonly kind: 'difference'; readonly source: string; readonly from: string; readonly to: string };

/** A variable of the plan: asked (catalogue, local, item) or computed (derived). */
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

/** A reference table (`referensdata`): values per code of a variable or per question. */
export interface ReferenceTableModel {
    readonly id: string;
    readonly label: string;
    readonly source?: string;
    /** Keyed by the codes of a variable (`per stadsdel`, integer row keys) or by variable ids (`per fråga`, string row keys). */
    readonly key: { readonly kind: 'codes'; readonly variable: string } | { readonly kind: 'variables' };
    readonly rows: ReadonlyArray<{ readonly key: Integer | string; readonly value: number }>;
}

/** `uttag`: which column of an extract from the case-management system holds which variable, and which local codes mean which code. */
export interface ExtractModel {
    readonly system: string;
    readonly file?: string;
    readonly keyColumn?: string;
    readonly columns: ReadonlyArray<{
        readonly column: string;
        readonly variable: string;
        readonly point?: string;
        readonly codes: ReadonlyArray<{ readonly source: string; readonly code: Integer }>;
    }>;
}

/** frekvens, korstabell, beskriv, förändring, andel, måluppfyllelse, tidsserie, fasmedel, takt, jämför, koncentration. */
export type AnalysisKind =
    | 'frequency' | 'crosstab' | 'describe' | 'change' | 'share' | 'goalAttainment'
    | 'timeSeries' | 'phaseMeans' | 'rate' | 'compare' | 'concentration';

/**
 * How an analysis rounds what it reports (`decimaler`, `avrundning`, or the plan's defaults). Every
 * value is first rounded to 12 significant digits, so that floating-point noise never decides a
 * half, then to the step (or to `decimals` decimals), halves away from zero: 2,25 → 2,5 with step 0,5.
 */
export interface RoundingModel {
    /** Decimals for means, differences, rates and other numbers (1 unless stated). */
    readonly decimals: Integer;
    /** Decimals for percentages (1 unless `decimaler` says otherwise). */
    readonly percentDecimals: Integer;
    /**
     * Round to the nearest multiple of this step instead (`avrundning 0,5`); percentages too.
     * @exclusiveMinimum 0
     */
    readonly step?: number;
    /** Halves are rounded away from zero. */
    readonly half: 'awayFromZero';
    /** Values are first rounded to this many significant digits. */
    readonly significantDigits: 12;
    /** Where the setting comes from: the analysis, the plan's default, or the built-in default. */
    readonly from: 'analysis' | 'plan' | 'default';
}

/** What a change analysis reports, paired over the clients measured at both points. */
export interface ChangeModel {
    /**
     * meanDifference: mean at `to` minus mean at `from` (`mått skillnad`, the default);
     * percentOfFirstMean: that difference in percent of the mean at `from` (`mått procent`);
     * shareImproved: the share of clients whose value moved in the better direction (`mått andel förbättrade`).
     */
    readonly formula: 'meanDifference' | 'percentOfFirstMean' | 'shareImproved';
    /** Which direction is an improvement (`riktning lägre är bättre`); absent when the plan does not say. */
    readonly direction?: 'lower' | 'higher';
    /** Only clients (per respondent) with a value at both points are counted. */
    readonly paired: true;
    /** The change is computed separately for each respondent (child, parent, …) when the variable has several; empty when it has none. */
    readonly respondents: readonly Respondent[];
}

/** The chart of an analysis: its default for the kind, or the plan's choice (`diagram …`). */
export interface ChartModel {
    /** bar: bars for a distribution; groupedBar: bars side by side for comparisons and crosstabs; line: a time series; none: a single figure. */
    readonly kind: 'bar' | 'groupedBar' | 'line' | 'none';
    /** A line chart over phases marks where each phase starts. */
    readonly phaseMarkers: boolean;
    /** Whether the plan chose it (`diagram …`) rather than it being the default for the kind. */
    readonly stated: boolean;
}

/** An analysis (`analyser`), referred to by its id from scenario rules. */
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
    /** change: formula, direction, pairing and respondents. */
    readonly change?: ChangeModel;
    /**
     * share: the codes that count, or a comparison; goalAttainment: the codes that mean "reached"
     * (as given with `nått`, else the built-in scale's: mål4 → 1, gas5 → 3, 4, 5).
     * @minItems 1
     */
    readonly codes?: readonly Integer[];
    /** share on a refined variable: whether `codes` are refined or original codes. */
    readonly codesLevel?: CodeListLevel;
    readonly op?: CompareOp;
    readonly value?: number;
    /** share: the target in percent. */
    readonly target?: number;
    /** timeSeries, phaseMeans: the time unit. */
    readonly unit?: TimeUnit;
    /** timeSeries, phaseMeans: the date (or day number) variable that places each record in time (`enligt`). */
    readonly dateVariable?: string;
    /**
     * timeSeries, phaseMeans: what places a record in time: the `enligt` variable, the year of a period
     * repeated yearly (`över år` with `upprepas årligen`), or the registration date (plans written
     * before `enligt` was required; a warning asks for it).
     */
    readonly timeBasis?: 'variable' | 'periodYear' | 'registrationDate';
    /** rate: per how many, of which population table, counting records that meet a condition. */
    readonly per?: Integer;
    /** rate: distinct clients (`räknar klienter`) or records (`räknar registreringar`, also when unstated: as before). */
    readonly counts?: 'clients' | 'records';
    readonly population?: string;
    /** rate: a variable in the data that holds the population (`av variabeln x`), instead of a reference table. */
    readonly populationVariable?: string;
    readonly condition?: ConditionModel;
    /** compare: the grouping variable and the target (a number or a reference table). */
    readonly between?: string;
    readonly targetValue?: number;
    readonly targetTable?: string;
    /** concentration: top shares in percent. */
    readonly shares?: readonly number[];
    /**
     * concentration: the top N % of n units is ceil(N·n/100) units (`up`, the default) or floor (`down`,
     * at least one); the units are sorted by value, largest first; tied values do not change the sum.
     */
    readonly topRounding?: 'up' | 'down';
    /**
     * For an analysis of a refined variable: the refined table, the rolled-up original table, or both
     * (`nivå fördjupad|original|båda`; refined unless stated).
     */
    readonly codeLevel?: 'refined' | 'original' | 'both';
    /** Breakdown variables (`per`). */
    readonly groups: readonly string[];
    /** The point the analysis looks at (`vid`); undefined means all records. */
    readonly at?: string;
    /** Only records meeting this condition (`bland`). */
    readonly filter?: ConditionModel;
    /** Decimals for means and differences; percentages always use one unless given. */
    readonly decimals?: Integer;
    /** How the reported figures are rounded (always present; resolved from the analysis, the plan, or the defaults). */
    readonly rounding: RoundingModel;
    readonly chart: ChartModel;
}

/** A scenario (A–E) with its decision rule or, when judged by people at review, none; and its next step. */
export interface ScenarioModel {
    /**
     * @minItems 1
     * @uniqueItems true
     */
    readonly letters: readonly ('A' | 'B' | 'C' | 'D' | 'E')[];
    /**
     * Decision rule: all parts must hold. Absent when the scenario is judged by people at review.
     * @minItems 1
     */
    readonly rule?: ReadonlyArray<ScenarioRulePart>;
    readonly nextStep?: string;
}

/**
 * One comparison of a scenario rule. A plain part compares the analysis's overall figure. A group rule
 * (`någon grupp i …`, `varje grupp i …`) compares each group's figure: a suppressed group is neither
 * flagged nor counted as passing, and when the outcome depends on a suppressed group the rule is
 * undecided: it selects no scenario and is listed for the team's review.
 */
export interface ScenarioRulePart {
    readonly analysis: string;
    readonly op: CompareOp;
    /** The number compared with; absent when comparing with the analysis's target (`målet`). */
    readonly value?: number;
    readonly percent: boolean;
    /** Compared with the analysis's own target (`målet`): a share's `målvärde`, or `jämför … mot` per group. */
    readonly againstTarget?: true;
    /** A group rule: some group (`någon grupp i`) or every group (`varje grupp i`) must meet the comparison. */
    readonly groups?: 'some' | 'every';
    /** A group rule whose outcome depends on a suppressed group is undecided. */
    readonly whenSuppressed?: 'undecided';
}

/**
 * Small-cell suppression, one rule for every statistic: a count of 1..minCell−1 persons, and any
 * share, mean, rate, change or concentration whose denominator has fewer than minCell persons, is not
 * shown. With secondary suppression, no suppressed cell can be recovered from a table's totals, its
 * margins, or the rolled-up original of a refined variable (see the README).
 */
export interface SuppressionModel {
    /**
     * @asType integer
     * @minimum 1
     */
    readonly minCell: number;
    /** Secondary suppression (`sekundär undertryckning på`, the default). */
    readonly secondary: boolean;
    /** A plan at `nivå individ` is one client's own follow-up: nothing is suppressed, and its report says it belongs to that client's case. */
    readonly exempt: boolean;
}

/** `integritet`: small-cell suppression, legal basis, storage, controller, retention, impact assessment. */
export interface PrivacyModel {
    /**
     * Cells with 1..minCell-1 persons are suppressed; default 5. A plan's non-integer value is rounded up.
     * @asType integer
     * @minimum 1
     */
    readonly minCell: number;
    readonly suppression: SuppressionModel;
    readonly legalBasis: readonly string[];
    readonly storage?: string;
    readonly controller?: string;
    readonly retention?: string;
    readonly impactAssessment?: string;
    readonly pseudonymisation?: string;
}

/** `acceptera SU031 för x "…"`: a considered warning, optionally for one subject, with the reason. */
export interface AcceptedWarning {
    readonly code: string;
    readonly subject?: string;
    readonly reason: string;
}
