import type { CodeModel, ConditionModel, MeasurementPointModel, PlanModel, VariableModel } from '../model/plan-model.js';
import type { ColumnRule, ConditionPart } from './types.js';

/**
 * The columns of a plan's data file: the one data format that every form writes and the engine,
 * the scripts and `suplan synth` read. One row per record: a client (case code) at a measurement
 * point, on one occasion, and — when the plan has several respondents — by one respondent.
 *
 * - Key columns: `plan`, `planversion`, `enhet` (the unit, so that units can be pooled),
 *   `ärendekod` (pseudonymous, never an identity number), `mätpunkt`, `tillfälle` (the
 *   registration date; part of the key for repeated points such as `under varje dag`) and
 *   `svarande` (only when the plan has several respondents).
 * - One column per asked variable holding codes; a refined variable also its original code
 *   (`<id>_original`); multiple choice one 0/1 column per option (`<id>_<code>`); per-goal
 *   variables one column per goal up to `klientmål` (`<id>_mål1` …). Item groups are their items.
 *   Derived variables are not stored.
 * - A variable registered once per client (no `vid`) is repeated on every row of the client.
 *   Variables without `svarar` in a plan with respondents are on the rows with `svarande` = `ärende`.
 * A name that would collide with an earlier column gets `_2`, `_3`, … appended.
 */

export const KEY = {
    plan: 'plan', planVersion: 'planversion', unit: 'enhet', caseCode: 'ärendekod',
    point: 'mätpunkt', occurrence: 'tillfälle', respondent: 'svarande',
} as const;
export type KeyName = keyof typeof KEY;

/** The `svarande` of rows that hold variables without `svarar` in a plan with several respondents. */
export const CASE_RESPONDENT = 'ärende';

/** The point of every record of a plan without measurement points. */
export const NO_POINT = 'klient';

export interface DataColumn extends ColumnRule {
    readonly kind: 'key' | 'value' | 'original' | 'option';
    readonly key?: KeyName;
    /** The variable (value, original and option columns). */
    readonly variable?: string;
    /** Per-goal variables: the goal, 1 … `klientmål`. */
    readonly goal?: number;
    /** Multiple choice: the option's code (the column holds 1 chosen, 0 not chosen). */
    readonly option?: number;
    /** Allowed values of a string key column (`mätpunkt`, `svarande`). */
    readonly values?: readonly string[];
    /** Labels of the codes (coded columns). */
    readonly labels?: readonly CodeModel[];
    readonly decimals?: number;
    /** Swedish description for the codebook and Table Schema. */
    readonly title: string;
    readonly required: boolean;
    /** Measurement points whose rows hold the column; undefined: every row (once per client, or key). */
    readonly points?: readonly string[];
    /** Respondents whose rows hold the column; undefined: every row. */
    readonly respondents?: readonly string[];
    /** Asked only when this holds; per-goal conditions refer to the same goal. */
    readonly condition?: readonly ConditionPart[];
}

export interface DataLayout {
    readonly planId: string;
    readonly planVersion: string;
    readonly columns: readonly DataColumn[];
    /** Point ids in plan order (`klient` when the plan has none). */
    readonly points: readonly string[];
    /** Points registered repeatedly (`under varje …`): `tillfälle` tells their records apart. */
    readonly repeatedPoints: readonly string[];
    /** Values of `svarande`; empty when the plan has one respondent or none (no such column). */
    readonly respondents: readonly string[];
    /** `klientmål`: goals per client (0 when the plan has no per-goal variables). */
    readonly goals: number;
    /** The key columns that identify a row (the Table Schema primary key). */
    readonly primaryKey: readonly string[];
}

/** The plan id every record carries: the plan file's name without `.suplan`. */
export function planId(model: PlanModel): string {
    const stem = model.source.split(/[\\/]/).pop()?.replace(/\.suplan$/, '') ?? '';
    return stem !== '' ? stem : model.title.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-').replace(/^-|-$/g, '') || 'plan';
}

/** Variables that have columns: everything asked; derived variables are computed, not stored. */
export function storedVariables(model: PlanModel): VariableModel[] {
    return model.variables.filter(v => v.origin !== 'derived');
}

function respondentValues(variables: readonly VariableModel[]): string[] {
    const named = [...new Set(variables.flatMap(v => v.respondents))];
    if (named.length < 2) return [];
    const caseRows = variables.some(v => v.respondents.length === 0 && v.points.length > 0);
    return caseRows ? [...named, CASE_RESPONDENT] : named;
}

function pointLabel(point: MeasurementPointModel): string {
    return point.label ? `${point.id} (${point.label})` : point.id;
}

function conditionParts(condition: ConditionModel | undefined, goal: number | undefined, perGoal: ReadonlySet<string>): ConditionPart[] | undefined {
    if (!condition) return undefined;
    return condition.parts.map(part => {
        const variable = goal !== undefined && perGoal.has(part.variable) ? `${part.variable}#${goal}` : part.variable;
        return 'codes' in part ? { variable, codes: part.codes } : { variable, op: part.op, value: part.value };
    });
}

/** The layout of a plan's data file. */
export function dataLayout(model: PlanModel): DataLayout {
    const variables = storedVariables(model);
    const respondents = respondentValues(variables);
    const points = model.measurementPoints.length > 0 ? model.measurementPoints.map(p => p.id) : [NO_POINT];
    const repeatedPoints = model.measurementPoints.filter(p => p.every !== undefined).map(p => p.id);
    const anyPerGoal = variables.some(v => v.perClientGoal);
    const goals = anyPerGoal ? Math.max(1, model.clientGoals?.max ?? 1) : 0;
    const perGoal = new Set(variables.filter(v => v.perClientGoal).map(v => v.id));
    const used = new Set<string>();
    const unique = (name: string): string => {
        let candidate = name;
        for (let n = 2; used.has(candidate); n++) candidate = `${name}_${n}`;
        used.add(candidate);
        return candidate;
    };
    const pointTitles = model.measurementPoints.map(pointLabel).join(', ');
    const columns: DataColumn[] = [];
    const key = (k: KeyName, type: DataColumn['type'], title: string, extra: Partial<DataColumn> = {}): void => {
        columns.push({ name: unique(KEY[k]), kind: 'key', key: k, type, title, required: true, notApplicable: false, ...extra });
    };
    const version = model.governance.version ?? '';
    key('plan', 'string', 'Planens id (planfilens namn)');
    key('planVersion', 'string', 'Planens version när uppgifterna samlades in', { required: version !== '' });
    key('unit', 'string', 'Enheten som registrerade (så att flera enheters data kan läggas samman)');
    key('caseCode', 'string', 'Lokal pseudonym ärendekod – aldrig personnummer eller namn');
    key('point', 'string', `Mätpunkt: ${pointTitles || NO_POINT}`, { values: points });
    key('occurrence', 'date', 'Registreringens datum (för upprepade mätpunkter: dagen eller perioden registreringen gäller)');
    if (respondents.length > 0) key('respondent', 'string', `Vem som svarade: ${respondents.join(', ')}`, { values: respondents });

    for (const variable of variables) {
        const where = {
            points: variable.points.length > 0 ? variable.points : undefined,
            respondents: respondents.length === 0 ? undefined
                : variable.respondents.length > 0 ? variable.respondents
                    : variable.points.length > 0 ? [CASE_RESPONDENT] : undefined,
        };
        const goalList: Array<number | undefined> = variable.perClientGoal ? Array.from({ length: goals }, (_, i) => i + 1) : [undefined];
        for (const goal of goalList) {
            const base = goal === undefined ? variable.id : `${variable.id}_mål${goal}`;
            const goalTitle = goal === undefined ? '' : ` (mål ${goal})`;
            const common = {
                variable: variable.id, goal, notApplicable: true, required: false,
                condition: conditionParts(variable.condition, goal, perGoal), ...where,
            };
            const valueSet = variable.valueSet;
            if (valueSet.kind === 'multi') {
                for (const option of valueSet.codes) {
                    columns.push({
                        ...common, name: unique(`${base}_${option.code}`), kind: 'option', option: option.code, type: 'integer',
                        codes: [0, 1], labels: [{ code: 0, label: 'Inte vald' }, { code: 1, label: 'Vald' }],
                        title: `${variable.label}${goalTitle}: ${option.label} (1 = vald, 0 = inte vald)`,
                    });
                }
                continue;
            }
            switch (valueSet.kind) {
                case 'date':
                    columns.push({ ...common, name: unique(base), kind: 'value', type: 'date', title: variable.label + goalTitle });
                    break;
                case 'text':
                    columns.push({ ...common, name: unique(base), kind: 'value', type: 'string', title: variable.label + goalTitle });
                    break;
                case 'count':
                    columns.push({ ...common, name: unique(base), kind: 'value', type: 'integer', min: valueSet.min, max: valueSet.max, title: variable.label + goalTitle });
                    break;
                case 'number':
                    columns.push({ ...common, name: unique(base), kind: 'value', type: 'number', min: valueSet.min, max: valueSet.max, decimals: valueSet.decimals, title: variable.label + goalTitle + (valueSet.unit ? ` (${valueSet.unit})` : '') });
                    break;
                case 'score':
                    columns.push({ ...common, name: unique(base), kind: 'value', type: 'number', min: valueSet.min, max: valueSet.max, title: variable.label + goalTitle });
                    break;
                default:
                    columns.push({
                        ...common, name: unique(base), kind: 'value', type: 'integer',
                        codes: valueSet.codes.map(c => c.code), labels: valueSet.codes, title: variable.label + goalTitle,
                    });
            }
            if (variable.refinement && variable.refinement.length > 0) {
                const originals = new Map<number, string>();
                for (const r of variable.refinement) if (!originals.has(r.original)) originals.set(r.original, r.originalLabel);
                const labels = [...originals].map(([code, label]) => ({ code, label }));
                columns.push({
                    ...common, name: unique(`${base}_original`), kind: 'original', type: 'integer',
                    codes: labels.map(l => l.code), labels, title: `${variable.label}${goalTitle}: katalogens originalkod (härledd ur ${base})`,
                });
            }
        }
    }
    const primaryKey = [KEY.unit, KEY.caseCode, KEY.point,
        ...(repeatedPoints.length > 0 ? [KEY.occurrence] : []), ...(respondents.length > 0 ? [KEY.respondent] : [])];
    return {
        planId: planId(model), planVersion: version, columns, points, repeatedPoints, respondents, goals,
        primaryKey: primaryKey.map(k => columns.find(c => c.key !== undefined && KEY[c.key] === k)?.name ?? k),
    };
}

/** The columns of a plan's data file, in file order. */
export function dataColumns(model: PlanModel): readonly DataColumn[] {
    return dataLayout(model).columns;
}

/** The name of a key column in a layout. */
export function keyName(layout: DataLayout, key: KeyName): string {
    return layout.columns.find(c => c.key === key)?.name ?? KEY[key];
}

/** Whether a column belongs on rows of this point and respondent (key and once-per-client columns are on every row). */
export function columnApplies(column: DataColumn, point: string, respondent: string | undefined): boolean {
    if (column.points && !column.points.includes(point)) return false;
    if (column.respondents && respondent !== undefined && !column.respondents.includes(respondent)) return false;
    return true;
}

/** The `svarande` values that have rows at a point (empty when the plan has no respondent column). */
export function respondentsAt(layout: DataLayout, point: string): string[] {
    return layout.respondents.filter(r => layout.columns.some(c => c.kind !== 'key' && c.points !== undefined && columnApplies(c, point, r)));
}

/** The column holding a variable's value (or its options) for a goal: a condition's `x#2` names goal 2 of `x`. */
export function columnsOfVariable(layout: DataLayout, reference: string): DataColumn[] {
    const [variable, goalText] = reference.split('#');
    const goal = goalText === undefined ? undefined : Number(goalText);
    return layout.columns.filter(c => c.variable === variable && (c.kind === 'value' || c.kind === 'option') && c.goal === goal);
}
