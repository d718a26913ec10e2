/**
 * The `xlsform` target: `<plan>.xlsform.xlsx`, the plan's survey (src/data/survey.ts) as an
 * XLSForm (survey, choices and settings sheets) for KoBoToolbox, ODK Central and pyxform. The
 * same survey as the `xform` target, question by question.
 *
 * Plan text stays text: cells are strings (never formulas), and `${` in a label or hint — which
 * XLSForm would take as a reference to a question — gets a zero-width space after `$`.
 */
import type { GeneratedFile, TargetContext } from '../target.js';
import type { PlanModel } from '../../model/plan-model.js';
import { buildSurvey, constraintXPath, surveyXPath, type SurveyNode } from '../../data/index.js';

export const XLSFORM_LANGUAGE = 'Svenska (sv)';

/** The survey sheet's columns, in order. */
export const SURVEY_COLUMNS = [
    'type', 'name', `label::${XLSFORM_LANGUAGE}`, `hint::${XLSFORM_LANGUAGE}`, 'required', `required_message::${XLSFORM_LANGUAGE}`,
    'relevant', 'constraint', `constraint_message::${XLSFORM_LANGUAGE}`, 'repeat_count',
] as const;
export const CHOICES_COLUMNS = ['list_name', 'name', `label::${XLSFORM_LANGUAGE}`] as const;
export const SETTINGS_COLUMNS = ['form_title', 'form_id', 'version', 'default_language', 'instance_name'] as const;

/** Label text that XLSForm shows as written: `${` is not a reference. */
export function xlsformText(text: string): string {
    return text.replace(/\$\{/g, '$\u200B{');
}

type SurveyRow = Partial<Record<(typeof SURVEY_COLUMNS)[number], string>>;

export function xlsformRows(model: PlanModel): { survey: SurveyRow[]; choices: string[][]; settings: string[] } {
    const survey = buildSurvey(model);
    const pointName = survey.nodes.find(n => n.kind === 'question' && n.key === 'point')?.name ?? 'mätpunkt';
    const ref = (name: string): string => `\${${name}}`;
    const label = `label::${XLSFORM_LANGUAGE}` as const;
    const hint = `hint::${XLSFORM_LANGUAGE}` as const;
    const rows: SurveyRow[] = [];
    const rowsOf = (node: SurveyNode): void => {
        const relevant = node.relevant ? surveyXPath(node.relevant, ref, ref(pointName)) : undefined;
        if (node.kind === 'question') {
            rows.push({
                type: node.list ? `${node.type} ${node.list}` : node.type,
                name: node.name,
                [label]: xlsformText(node.label),
                ...(node.hint ? { [hint]: xlsformText(node.hint) } : {}),
                ...(node.required ? { required: 'yes', [`required_message::${XLSFORM_LANGUAGE}`]: 'Obligatorisk uppgift saknas.' } : {}),
                ...(relevant ? { relevant } : {}),
                ...(node.constraint ? { constraint: constraintXPath(node.constraint) } : {}),
                ...(node.constraintMessage ? { [`constraint_message::${XLSFORM_LANGUAGE}`]: node.constraintMessage } : {}),
            });
            return;
        }
        const kind = node.kind === 'repeat' ? 'repeat' : 'group';
        rows.push({
            type: `begin_${kind}`, name: node.name, [label]: xlsformText(node.label),
            ...(relevant ? { relevant } : {}), ...(node.count ? { repeat_count: ref(node.count) } : {}),
        });
        node.children.forEach(rowsOf);
        rows.push({ type: `end_${kind}`, name: node.name });
    };
    survey.nodes.forEach(rowsOf);
    const choices = survey.lists.flatMap(list => list.choices.map(c => [list.name, c.name, xlsformText(c.label)]));
    const caseCode = survey.nodes.find(n => n.kind === 'question' && n.key === 'caseCode')?.name ?? 'ärendekod';
    const settings = [xlsformText(survey.title), survey.formId, survey.version, XLSFORM_LANGUAGE, `concat(${ref(caseCode)}, ' ', ${ref(pointName)})`];
    return { survey: rows, choices, settings };
}

export async function generateXlsForm(model: PlanModel, context: TargetContext): Promise<GeneratedFile[]> {
    const { default: ExcelJS } = await import('exceljs');
    const { survey, choices, settings } = xlsformRows(model);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'SU-plan';
    workbook.created = new Date(0);
    workbook.modified = new Date(0);
    const surveySheet = workbook.addWorksheet('survey', { views: [{ state: 'frozen', ySplit: 1 }] });
    surveySheet.addRow([...SURVEY_COLUMNS]);
    for (const row of survey) surveySheet.addRow(SURVEY_COLUMNS.map(c => row[c] ?? null));
    const choicesSheet = workbook.addWorksheet('choices', { views: [{ state: 'frozen', ySplit: 1 }] });
    choicesSheet.addRow([...CHOICES_COLUMNS]);
    for (const row of choices) choicesSheet.addRow(row);
    const settingsSheet = workbook.addWorksheet('settings');
    settingsSheet.addRow([...SETTINGS_COLUMNS]);
    settingsSheet.addRow(settings);
    for (const sheet of [surveySheet, choicesSheet, settingsSheet]) {
        sheet.getRow(1).font = { bold: true };
        sheet.columns.forEach(column => { column.width = 24; });
    }
    const buffer = await workbook.xlsx.writeBuffer();
    return [{ path: `${context.baseName}.xlsform.xlsx`, content: new Uint8Array(buffer as ArrayBuffer) }];
}
