import type { PlanModel } from '../model/plan-model.js';
import { looksLikeIdentityNumber } from '../text/identity-number.js';
import { dataCodec } from './codec.js';
import { columnApplies } from './columns.js';
import type { RawTable } from './read.js';
import { buildSurvey, surveyQuestions, type Survey, type SurveyGroup, type SurveyQuestion } from './survey.js';
import type { DataValue } from './types.js';

/**
 * The CSV that ODK Central (and KoBoToolbox) export for our XForm (src/data/survey.ts), as a
 * data-format table: one submission is one record, split into a row per respondent; group
 * prefixes (`klient-ålder`, `klient/ålder`) are dropped; per-goal answers come from the repeat's
 * own file (`PARENT_KEY`/`KEY`, or KoBoToolbox's `_parent_index`/`_index`), goals beyond
 * `antal_mål` are `ej aktuell`; a question whose condition does not hold is `ej aktuell` (as the
 * HTML form exports it); multiple choice becomes its 0/1 columns; refined codes get their original.
 */
const codec = dataCodec(looksLikeIdentityNumber);

export type OdkFileKind = 'main' | 'repeat';

/** A column name without its group path: `uppgifter-samtal_enskilt` → `samtal_enskilt`. */
export function odkName(header: string): string {
    return header.split(/[-/:]/).pop() ?? header;
}

/** Whether a CSV table is an ODK/KoBo export of a survey (main submissions or a repeat), else undefined. */
export function odkFileKind(table: RawTable): OdkFileKind | undefined {
    const header = table.header;
    if (header.includes('PARENT_KEY') || header.includes('_parent_index')) return 'repeat';
    if (header.includes('KEY') || header.includes('_index') || header.some(h => odkName(h) === 'instanceID' || h === '_uuid')) return 'main';
    return undefined;
}

export interface OdkTable {
    readonly table: RawTable;
    /** The export's column header of each data-format column (where the cell came from). */
    readonly sources: ReadonlyMap<string, string>;
}

/** Submissions (main file) and repeat files of one form as a data-format table; lines are the main file's lines. */
export function odkTable(model: PlanModel, main: RawTable, repeats: readonly RawTable[], survey: Survey = buildSurvey(model)): OdkTable {
    const layout = survey.layout;
    const spec = survey.spec;
    const questions = surveyQuestions(survey);
    const index = (table: RawTable): Map<string, number> => {
        const map = new Map<string, number>();
        table.header.forEach((h, i) => { const name = odkName(h); if (!map.has(name)) map.set(name, i); });
        return map;
    };
    const mainIndex = index(main);
    const keyAt = main.header.indexOf('KEY') >= 0 ? main.header.indexOf('KEY') : main.header.indexOf('_index');

    // Repeat rows by parent key and repeat name, in file order (the goal number).
    const repeatGroups = questions.flatMap(q => q.path.filter(g => g.kind === 'repeat'));
    const repeatRows = new Map<string, Array<{ cells: readonly string[]; index: Map<string, number>; header: readonly string[] }>>();
    for (const table of repeats) {
        const at = index(table);
        const parentAt = table.header.indexOf('PARENT_KEY') >= 0 ? table.header.indexOf('PARENT_KEY') : table.header.indexOf('_parent_index');
        const score = (group: SurveyGroup): number => group.children.filter(c => at.has(c.name)).length;
        const group = [...new Set(repeatGroups)].sort((a, b) => score(b) - score(a))[0];
        if (!group || parentAt < 0) continue;
        for (const record of table.records) {
            const key = `${record.cells[parentAt] ?? ''}\u0000${group.name}`;
            const list = repeatRows.get(key) ?? [];
            list.push({ cells: record.cells, index: at, header: table.header });
            repeatRows.set(key, list);
        }
    }

    const sources = new Map<string, string>();
    const header = layout.columns.map(c => c.name);
    const records: Array<{ line: number; cells: string[] }> = [];
    const keyQuestion = (key: SurveyQuestion['key']): string => questions.find(q => q.question.key === key)?.question.name ?? '';
    const questionOf = (field: string, respondent: string | undefined): { question: SurveyQuestion; repeat?: SurveyGroup } | undefined => {
        const found = questions.find(q => q.question.field === field && q.question.respondent === respondent)
            ?? questions.find(q => q.question.field === field && q.question.respondent === undefined);
        return found ? { question: found.question, repeat: found.path.find(g => g.kind === 'repeat') } : undefined;
    };

    for (const record of main.records) {
        const mainCell = (name: string): string => {
            const at = mainIndex.get(name);
            if (at !== undefined && !sources.has(name)) sources.set(name, main.header[at]);
            return at === undefined ? '' : (record.cells[at] ?? '').trim();
        };
        const parentKey = keyAt >= 0 ? record.cells[keyAt] ?? '' : '';
        const point = mainCell(keyQuestion('point'));
        const goalsQuestion = questions.find(q => q.question.name === 'antal_mål')?.question.name;
        const goalCount = goalsQuestion ? Number(mainCell(goalsQuestion) || '0') : 0;
        /** A question's raw answer: in the submission, or in its repeat's row for the goal. */
        const rawOf = (field: string, respondent: string | undefined, goal: number | undefined): string | undefined => {
            const at = questionOf(field, respondent);
            if (!at) return undefined;
            if (!at.repeat) return mainCell(at.question.name);
            const rows = repeatRows.get(`${parentKey}\u0000${at.repeat.name}`) ?? [];
            const row = rows[(goal ?? 1) - 1];
            if (!row) return '';
            const column = row.index.get(at.question.name);
            return column === undefined ? '' : (row.cells[column] ?? '').trim();
        };
        /** The HTML form's `conditionValue`: the same respondent's answer, the record's, then any respondent's. */
        const conditionValue = (variable: string, respondent: string | undefined, goal: number | undefined): DataValue | readonly number[] | undefined => {
            const field = spec.fields.find(f => f.id === variable);
            if (!field) return undefined;
            const g = field.perGoal ? goal : undefined;
            const candidates = [respondent, undefined, ...(field.respondents ?? [])];
            const raw = candidates.map(r => rawOf(variable, r, g)).find(v => v !== undefined && v !== '');
            if (raw === undefined) return null;
            if (field.kind === 'multi') return raw.split(/\s+/).filter(x => x !== '').map(Number);
            const rule = layout.columns.find(c => c.variable === field.id && c.kind === 'value');
            if (!rule) return null;
            const parsed = codec.parseValue(rule, raw);
            return 'value' in parsed ? parsed.value : null;
        };
        const rowsHere = spec.rowsAt[point] ?? [];
        for (const respondent of rowsHere.length > 0 ? rowsHere : [undefined]) {
            const cells = layout.columns.map(column => {
                if (column.kind === 'key') {
                    switch (column.key) {
                        case 'plan': return layout.planId;
                        case 'planVersion': return layout.planVersion;
                        case 'unit': return mainCell(keyQuestion('unit'));
                        case 'caseCode': return mainCell(keyQuestion('caseCode'));
                        case 'point': return point;
                        case 'occurrence': return mainCell(keyQuestion('occurrence'));
                        default: return respondent ?? '';
                    }
                }
                if (!columnApplies(column, point, respondent)) return '';
                const field = spec.fields.find(f => f.id === column.variable);
                if (!field) return '';
                if (column.goal !== undefined && column.goal > goalCount) return codec.NOT_APPLICABLE_TEXT;
                if (field.condition && codec.conditionHolds(field.condition, v => conditionValue(v, column.respondents ? respondent : undefined, column.goal)) === false) {
                    return codec.NOT_APPLICABLE_TEXT;
                }
                const raw = rawOf(field.id, column.respondents ? respondent : undefined, column.goal) ?? '';
                const at = questionOf(field.id, column.respondents ? respondent : undefined);
                if (at && !sources.has(column.name)) {
                    const inMain = at.repeat ? undefined : mainIndex.get(at.question.name);
                    sources.set(column.name, inMain !== undefined ? main.header[inMain] : `${at.repeat?.name ?? ''}/${at.question.name}`);
                }
                if (raw === '') return '';
                if (column.kind === 'option') return raw.split(/\s+/).includes(String(column.option)) ? '1' : '0';
                if (column.kind === 'original') {
                    const variable = model.variables.find(v => v.id === field.id);
                    const original = variable?.refinement?.find(r => String(r.code) === raw)?.original;
                    return original === undefined ? '' : String(original);
                }
                return column.type === 'string' ? codec.escapeText(raw) : raw;
            });
            records.push({ line: record.line, cells });
        }
    }
    return { table: { delimiter: main.delimiter, encoding: main.encoding, header, records }, sources };
}
