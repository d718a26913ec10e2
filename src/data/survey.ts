import type { PlanModel } from '../model/plan-model.js';
import { dataLayout, type DataLayout } from './columns.js';
import { RESPONDENT_LABELS, formSpec, type FieldSpec, type FormSpec } from './form-model.js';
import { periodWindows } from './period.js';
import type { ConditionPart } from './types.js';

/**
 * The survey of the ODK forms (`--target xlsform` and `--target xform`), built once from the form
 * model (form-model.ts) so that both files ask the same questions with the same relevance,
 * constraints and required flags as the HTML form:
 *
 * - one submission is one record: `enhet`, `ärendekod`, `mätpunkt`, `tillfälle`, then the groups;
 * - group `klient`: fields registered once per client (asked in every submission);
 * - one group per respondent (`svar_barn`, …) when the plan has several, else `uppgifter`: the
 *   fields of the point, relevant when the respondent has a row at the chosen point; a field of
 *   several respondents is asked in each group as `<id>_<respondent>`;
 * - per-goal fields in a repeat `mål` (in their group) counted by `antal_mål` (1 … `klientmål`);
 * - a conditional field is relevant only while its condition holds (a missing value hides it);
 * - numbers have their range as a constraint; required unless optional (never multiple choice).
 *
 * Names are unique across the survey (XLSForm's `${name}` needs that).
 */
export type SurveyType = 'select_one' | 'select_multiple' | 'integer' | 'decimal' | 'date' | 'text';

/** A boolean expression over answers, rendered as XPath by each target (absolute paths or `${name}`). */
export type SurveyExpr =
    | { readonly all: readonly SurveyExpr[] }
    | { readonly point: readonly string[] }
    | { readonly ref: string; readonly codes: readonly number[]; readonly multi: boolean }
    | { readonly ref: string; readonly op: '=' | '!=' | '<' | '<=' | '>' | '>='; readonly value: number };

/** A value constraint on the question itself (`.`). */
export type SurveyConstraint =
    | { readonly kind: 'range'; readonly min?: number; readonly max?: number }
    | { readonly kind: 'caseCode' }
    | { readonly kind: 'noIdentity' }
    | { readonly kind: 'dateFrom'; readonly start: string };

export interface SurveyQuestion {
    readonly kind: 'question';
    readonly name: string;
    readonly type: SurveyType;
    /** The choice list of select questions. */
    readonly list?: string;
    readonly label: string;
    readonly hint?: string;
    readonly required: boolean;
    readonly relevant?: SurveyExpr;
    readonly constraint?: SurveyConstraint;
    readonly constraintMessage?: string;
    /** The field of the form model (undefined for the record's key questions and `antal_mål`). */
    readonly field?: string;
    readonly respondent?: string;
    /** The data-format key this question fills (`enhet`, `ärendekod`, …). */
    readonly key?: 'unit' | 'caseCode' | 'point' | 'occurrence';
}

export interface SurveyGroup {
    readonly kind: 'group' | 'repeat';
    readonly name: string;
    readonly label: string;
    readonly relevant?: SurveyExpr;
    /** Repeats: the question that counts the instances. */
    readonly count?: string;
    readonly respondent?: string;
    readonly children: readonly SurveyNode[];
}

export type SurveyNode = SurveyQuestion | SurveyGroup;

export interface SurveyChoiceList {
    readonly name: string;
    readonly choices: ReadonlyArray<{ readonly name: string; readonly label: string }>;
}

export interface Survey {
    readonly formId: string;
    readonly title: string;
    readonly version: string;
    readonly nodes: readonly SurveyNode[];
    readonly lists: readonly SurveyChoiceList[];
    readonly spec: FormSpec;
    readonly layout: DataLayout;
}

export const SURVEY_GOALS = 'antal_mål';
export const SURVEY_REPEAT = 'mål';
export const SURVEY_POINTS_LIST = 'mätpunkter';

function surveyType(field: FieldSpec): SurveyType {
    switch (field.kind) {
        case 'choice': return 'select_one';
        case 'multi': return 'select_multiple';
        case 'integer': return 'integer';
        case 'number': return 'decimal';
        case 'date': return 'date';
        default: return 'text';
    }
}

function rangeMessage(field: FieldSpec): string {
    const what = field.kind === 'integer' ? 'ett heltal' : 'ett tal';
    return `Skriv ${what} mellan ${field.min ?? '…'} och ${field.max ?? '…'}.`;
}

/** The survey of a plan's ODK forms. */
export function buildSurvey(model: PlanModel): Survey {
    const spec = formSpec(model);
    const layout = dataLayout(model);
    const used = new Set<string>();
    const unique = (name: string): string => {
        let candidate = name;
        for (let n = 2; used.has(candidate); n++) candidate = `${name}_${n}`;
        used.add(candidate);
        return candidate;
    };
    const keyNames = { unit: unique('enhet'), caseCode: unique('ärendekod'), point: unique('mätpunkt'), occurrence: unique('tillfälle') };
    const lists = new Map<string, SurveyChoiceList>();
    lists.set(SURVEY_POINTS_LIST, { name: SURVEY_POINTS_LIST, choices: spec.points.map(p => ({ name: p.id, label: p.label })) });
    const listOf = (field: FieldSpec): string => {
        if (!lists.has(field.id)) lists.set(field.id, { name: field.id, choices: (field.codes ?? []).map(c => ({ name: String(c.code), label: c.label })) });
        return field.id;
    };
    const windows = periodWindows(model);
    const perGoalAny = spec.fields.some(f => f.perGoal);
    const goalsName = perGoalAny ? unique(SURVEY_GOALS) : undefined;

    const nodes: SurveyNode[] = [
        { kind: 'question', name: keyNames.unit, type: 'text', label: 'Enhet', hint: 'Enheten som registrerar (samma stavning varje gång).', required: true, key: 'unit' },
        {
            kind: 'question', name: keyNames.caseCode, type: 'text', label: 'Ärendekod', hint: 'Lokal pseudonym ärendekod – aldrig personnummer eller namn.',
            required: true, key: 'caseCode', constraint: { kind: 'caseCode' },
            constraintMessage: 'Ärendekoden får bara innehålla bokstäver, siffror, -, _ och . (högst 40 tecken) och får inte vara ett personnummer.',
        },
        { kind: 'question', name: keyNames.point, type: 'select_one', list: SURVEY_POINTS_LIST, label: 'Mätpunkt', required: true, key: 'point' },
        {
            kind: 'question', name: keyNames.occurrence, type: 'date', label: 'Datum för registreringen', required: true, key: 'occurrence',
            ...(windows.length > 0 ? { constraint: { kind: 'dateFrom', start: windows[0].start } as const, constraintMessage: `Datumet ska vara från ${windows[0].start}.` } : {}),
        },
    ];

    // The question name of each field per respondent group (undefined: not per respondent).
    const names = new Map<string, string>();
    const nameKey = (field: string, respondent: string | undefined): string => `${field}@${respondent ?? ''}`;

    const groupOf = (title: string, name: string, respondent: string | undefined, fields: readonly FieldSpec[], relevant?: SurveyExpr): SurveyGroup | undefined => {
        if (fields.length === 0) return undefined;
        for (const f of fields) names.set(nameKey(f.id, respondent), unique(respondent === undefined ? f.id : `${f.id}_${respondent}`));
        /** A condition part's reference: the same respondent's field, else the client's, else the first respondent's that has it. */
        const refName = (part: ConditionPart): string => {
            const candidates = [nameKey(part.variable, respondent), nameKey(part.variable, undefined), ...layout.respondents.map(r => nameKey(part.variable, r))];
            for (const c of candidates) { const n = names.get(c); if (n !== undefined) return n; }
            return part.variable;
        };
        const question = (f: FieldSpec): SurveyQuestion => {
            const conditions: SurveyExpr[] = [];
            if (f.points !== undefined && respondent !== undefined) {
                const at = f.points.filter(p => (spec.rowsAt[p] ?? []).includes(respondent));
                if (at.length < spec.points.length) conditions.push({ point: at });
            } else if (f.points !== undefined && f.points.length < spec.points.length) conditions.push({ point: f.points });
            for (const part of f.condition ?? []) {
                const multi = spec.fields.find(x => x.id === part.variable)?.kind === 'multi';
                conditions.push('codes' in part ? { ref: refName(part), codes: part.codes, multi } : { ref: refName(part), op: part.op, value: part.value });
            }
            const hasRange = (f.kind === 'integer' || f.kind === 'number') && (f.min !== undefined || f.max !== undefined);
            return {
                kind: 'question', name: names.get(nameKey(f.id, respondent)) ?? f.id, type: surveyType(f),
                ...(f.kind === 'choice' || f.kind === 'multi' ? { list: listOf(f) } : {}),
                label: f.label + (f.unit ? ` (${f.unit})` : ''),
                ...(f.definition ? { hint: f.definition } : {}),
                required: !f.optional && f.kind !== 'multi',
                ...(conditions.length > 0 ? { relevant: conditions.length === 1 ? conditions[0] : { all: conditions } } : {}),
                ...(hasRange ? { constraint: { kind: 'range', min: f.min, max: f.max } as const, constraintMessage: rangeMessage(f) } : {}),
                ...(f.kind === 'text' ? { constraint: { kind: 'noIdentity' } as const, constraintMessage: 'Skriv inte personnummer i fritext.' } : {}),
                field: f.id, ...(respondent !== undefined ? { respondent } : {}),
            };
        };
        const plain = fields.filter(f => !f.perGoal).map(question);
        const goalFields = fields.filter(f => f.perGoal);
        const children: SurveyNode[] = [...plain];
        if (goalFields.length > 0 && goalsName !== undefined) {
            const repeatName = unique(respondent === undefined ? SURVEY_REPEAT : `${SURVEY_REPEAT}_${respondent}`);
            const points = [...new Set(goalFields.flatMap(f => f.points ?? spec.points.map(p => p.id)))];
            children.push({
                kind: 'repeat', name: repeatName, label: spec.goalsText ? `Klientens mål: ${spec.goalsText}` : 'Klientens mål', count: goalsName,
                ...(points.length < spec.points.length ? { relevant: { point: points } } : {}),
                children: goalFields.map(question),
            });
        }
        return { kind: 'group', name: unique(name), label: title, ...(relevant ? { relevant } : {}), ...(respondent !== undefined ? { respondent } : {}), children };
    };

    if (goalsName !== undefined) {
        const points = [...new Set(spec.fields.filter(f => f.perGoal).flatMap(f => f.points ?? spec.points.map(p => p.id)))];
        nodes.push({
            kind: 'question', name: goalsName, type: 'integer', label: 'Antal mål för klienten', hint: spec.goalsText,
            required: true, constraint: { kind: 'range', min: 1, max: spec.goals }, constraintMessage: `Skriv ett heltal mellan 1 och ${spec.goals}.`,
            ...(points.length < spec.points.length ? { relevant: { point: points } } : {}),
        });
    }
    const client = groupOf('Om klienten (registreras en gång per klient)', 'klient', undefined, spec.fields.filter(f => f.points === undefined));
    if (client) nodes.push(client);
    const pointFields = spec.fields.filter(f => f.points !== undefined);
    if (spec.respondents.length === 0) {
        const group = groupOf('Uppgifter vid mätpunkten', 'uppgifter', undefined, pointFields);
        if (group) nodes.push(group);
    } else {
        for (const r of spec.respondents) {
            const fields = pointFields.filter(f => (f.respondents ?? []).includes(r.id));
            const at = spec.points.filter(p => (spec.rowsAt[p.id] ?? []).includes(r.id)).map(p => p.id);
            const group = groupOf(RESPONDENT_LABELS[r.id] ?? r.label, `svar_${r.id}`, r.id, fields, at.length < spec.points.length ? { point: at } : undefined);
            if (group) nodes.push(group);
        }
    }
    return { formId: spec.planId, title: model.title, version: spec.planVersion || '1', nodes, lists: [...lists.values()], spec, layout };
}

/** Every question of a survey in form order, with the groups it is in (outermost first). */
export function surveyQuestions(survey: Survey): Array<{ question: SurveyQuestion; path: readonly SurveyGroup[] }> {
    const out: Array<{ question: SurveyQuestion; path: readonly SurveyGroup[] }> = [];
    const walk = (nodes: readonly SurveyNode[], path: readonly SurveyGroup[]): void => {
        for (const node of nodes) {
            if (node.kind === 'question') out.push({ question: node, path });
            else walk(node.children, [...path, node]);
        }
    };
    walk(survey.nodes, []);
    return out;
}

/** The identity-number pattern the ODK forms check (`ÅÅMMDD-NNNN` with or without century and dash). */
export const IDENTITY_REGEX = '(19|20)?[0-9]{6}[-+]?[0-9]{4}';
/** The case-code pattern of the data format (codec.ts `CASE_CODE`). */
export const CASE_CODE_REGEX = '^[A-Za-z0-9ÅÄÖÉÜåäöéü][A-Za-z0-9ÅÄÖÉÜåäöéü_.-]{0,39}$';

/**
 * An expression as XPath, with `name` giving each question's reference (an absolute path in the
 * XForm, `${name}` in the XLSForm). A missing answer makes every comparison false, as in the HTML form.
 */
export function surveyXPath(expr: SurveyExpr, name: (question: string) => string, point: string): string {
    if ('all' in expr) return expr.all.map(e => `(${surveyXPath(e, name, point)})`).join(' and ');
    if ('point' in expr) return expr.point.length === 0 ? 'false()' : expr.point.map(p => `${point} = '${p}'`).join(' or ');
    const ref = name(expr.ref);
    if ('codes' in expr) {
        return expr.multi ? expr.codes.map(c => `selected(${ref}, '${c}')`).join(' or ') : expr.codes.map(c => `${ref} = '${c}'`).join(' or ');
    }
    const op = { '=': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' }[expr.op];
    return `string-length(${ref}) > 0 and number(${ref}) ${op} ${expr.value}`;
}

/** A constraint as XPath on `.`. */
export function constraintXPath(constraint: SurveyConstraint): string {
    switch (constraint.kind) {
        case 'range': return [constraint.min !== undefined ? `. >= ${constraint.min}` : '', constraint.max !== undefined ? `. <= ${constraint.max}` : ''].filter(Boolean).join(' and ');
        case 'caseCode': return `regex(., '${CASE_CODE_REGEX}') and not(regex(., '^${IDENTITY_REGEX}$'))`;
        case 'noIdentity': return `not(regex(., '${IDENTITY_REGEX}'))`;
        case 'dateFrom': return `. >= date('${constraint.start}')`;
    }
}
