import type { PlanModel, VariableModel } from '../model/plan-model.js';
import { dataLayout, respondentsAt, type DataColumn, type DataLayout } from './columns.js';
import { dataPackage } from './datapackage.js';
import type { ConditionPart } from './types.js';

/**
 * The form model: what every form (the HTML form's script, the workbook, XLSForm and XForm) knows
 * about the plan, so that they all ask the same questions under the same conditions and write the
 * one data format: the fields (one per stored variable), the points and respondents, the data
 * file's columns and the datapackage.json. The HTML form embeds it as JSON.
 *
 * What the forms mean, shared by all of them:
 * - a field is asked at its points (every record when `points` is undefined: once per client),
 *   for its respondents;
 * - a conditional field is shown only while its condition holds (`dataCodec.conditionHolds` is
 *   `true`; a missing value hides it), and is then `ej aktuell` in the data when it does not hold;
 * - a field is required unless `optional` (multiple choice never is) while it is shown;
 * - numbers must be in `min`..`max`; codes must be in the value set;
 * - per-goal fields repeat for goals 1 … the record's number of goals (at most `goals`); goals
 *   beyond it are `ej aktuell`.
 */
export interface FieldSpec {
    readonly id: string;
    readonly label: string;
    readonly definition?: string;
    readonly kind: 'choice' | 'multi' | 'integer' | 'number' | 'date' | 'text';
    readonly codes?: ReadonlyArray<{ readonly code: number; readonly label: string }>;
    readonly min?: number;
    readonly max?: number;
    readonly decimals?: number;
    readonly unit?: string;
    readonly optional: boolean;
    /** Undefined: registered once per client. */
    readonly points?: readonly string[];
    /** Respondent rows; undefined: the client, or the record when the plan has no respondents. */
    readonly respondents?: readonly string[];
    readonly condition?: readonly ConditionPart[];
    readonly perGoal: boolean;
    /** Item groups whose items share a scale are shown as one grid. */
    readonly group?: { readonly id: string; readonly label: string };
    /** Refined code → the catalogue's original code. */
    readonly originals?: Readonly<Record<string, number>>;
    readonly clarifies?: string;
}

export interface FormSpec {
    readonly planId: string;
    readonly planVersion: string;
    readonly title: string;
    readonly question?: string;
    readonly storagePrefix: string;
    readonly points: ReadonlyArray<{ readonly id: string; readonly label: string; readonly repeated: boolean }>;
    readonly respondents: ReadonlyArray<{ readonly id: string; readonly label: string }>;
    /** Per point, the `svarande` values that have rows there (empty lists when the plan has no respondent column). */
    readonly rowsAt: Readonly<Record<string, readonly string[]>>;
    readonly goals: number;
    readonly goalsText?: string;
    readonly fields: readonly FieldSpec[];
    readonly columns: readonly DataColumn[];
    readonly dataPackage: Record<string, unknown>;
    readonly period?: { readonly start: string; readonly end: string };
}

export const RESPONDENT_LABELS: Readonly<Record<string, string>> = {
    barn: 'Barnets svar', förälder: 'Förälderns svar', klient: 'Klientens svar', anhörig: 'Anhörigs svar',
    personal: 'Personalens bedömning', ärende: 'Uppgifter om ärendet',
};

function fieldKind(variable: VariableModel): FieldSpec['kind'] {
    switch (variable.valueSet.kind) {
        case 'date': return 'date';
        case 'text': return 'text';
        case 'count': return 'integer';
        case 'number': case 'score': return 'number';
        case 'multi': return 'multi';
        default: return 'choice';
    }
}

function fieldOf(model: PlanModel, layout: DataLayout, variable: VariableModel): FieldSpec {
    const valueSet = variable.valueSet;
    const column = layout.columns.find(c => c.variable === variable.id);
    const group = variable.group !== undefined && 'codes' in valueSet && valueSet.kind !== 'multi'
        ? model.variables.find(v => v.id === variable.group) : undefined;
    const originals = variable.refinement ? Object.fromEntries(variable.refinement.map(r => [String(r.code), r.original])) : undefined;
    return {
        id: variable.id,
        label: variable.label,
        definition: variable.definition ?? variable.catalogue?.comment,
        kind: fieldKind(variable),
        ...('codes' in valueSet ? { codes: valueSet.codes } : {}),
        ...('min' in valueSet && valueSet.min !== undefined ? { min: valueSet.min } : {}),
        ...('max' in valueSet && valueSet.max !== undefined ? { max: valueSet.max } : {}),
        ...(valueSet.kind === 'number' ? { decimals: valueSet.decimals, unit: valueSet.unit } : {}),
        optional: variable.optional,
        points: column?.points,
        respondents: column?.respondents,
        condition: column?.condition?.map(p => ({ ...p, variable: p.variable.split('#')[0] })),
        perGoal: variable.perClientGoal,
        ...(group ? { group: { id: group.id, label: group.label } } : {}),
        ...(originals ? { originals } : {}),
        ...(variable.clarifies ? { clarifies: variable.clarifies } : {}),
    };
}

export function formSpec(model: PlanModel): FormSpec {
    const layout = dataLayout(model);
    const stored = model.variables.filter(v => v.origin !== 'derived');
    return {
        planId: layout.planId,
        planVersion: layout.planVersion,
        title: model.title,
        question: model.question,
        storagePrefix: `suplan:${layout.planId}:${layout.planVersion}:`,
        points: layout.points.map(id => {
            const point = model.measurementPoints.find(p => p.id === id);
            return { id, label: point?.label ? `${point.label} (${id})` : id, repeated: layout.repeatedPoints.includes(id) };
        }),
        respondents: layout.respondents.map(id => ({ id, label: RESPONDENT_LABELS[id] ?? id })),
        rowsAt: Object.fromEntries(layout.points.map(p => [p, respondentsAt(layout, p)])),
        goals: layout.goals,
        ...(model.clientGoals?.description ? { goalsText: model.clientGoals.description } : {}),
        fields: stored.map(v => fieldOf(model, layout, v)),
        columns: layout.columns,
        dataPackage: dataPackage(model, { path: 'data.csv' }, layout),
        ...(model.period ? { period: { start: model.period.start, end: model.period.end } } : {}),
    };
}
