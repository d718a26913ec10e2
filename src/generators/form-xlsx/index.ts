/**
 * The `form-xlsx` target: `<plan>.form.xlsx`, a registration workbook for units that register in
 * Excel or LibreOffice. The data sheet has one row per record with the data format's column names
 * (src/data/workbook.ts says which), dropdowns fed from a hidden lists sheet, number and date
 * validation with Swedish messages, the definition as each column's input message and a frozen
 * header; beside it the variables and the plan. `suplan data import` reads it back.
 */
import type { Worksheet } from 'exceljs';
import type { GeneratedFile, TargetContext } from '../target.js';
import type { PlanModel, ValueSetModel, VariableModel } from '../../model/plan-model.js';
import {
    PLAN_SHEET_KEYS, WORKBOOK_ROWS, WORKBOOK_SHEETS, choiceText, columnLetter, dataLayout, formSpec, periodText,
    workbookColumns, type DataColumn,
} from '../../data/index.js';

const NOT_APPLICABLE = 'ej aktuell';

interface Validation {
    type: 'list' | 'whole' | 'decimal' | 'date' | 'custom';
    formulae: Array<string | number | Date>;
    operator?: 'between' | 'greaterThanOrEqual';
    allowBlank: boolean;
    showErrorMessage: boolean;
    errorStyle: 'stop';
    errorTitle: string;
    error: string;
    showInputMessage: boolean;
    promptTitle: string;
    prompt: string;
}

/** exceljs keeps a sheet's validations by address; a range address (`B2:B2001`) is written as one rule. */
interface WithValidations {
    dataValidations: { add(address: string, validation: Validation): void };
}

function clip(text: string, max: number): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}

function valueSetText(valueSet: ValueSetModel): string {
    const range = (min?: number, max?: number): string => (min !== undefined || max !== undefined ? ` ${min ?? ''}..${max ?? ''}` : '');
    switch (valueSet.kind) {
        case 'date': return 'datum';
        case 'text': return 'fritext';
        case 'count': return 'antal' + range(valueSet.min, valueSet.max);
        case 'number': return 'tal' + range(valueSet.min, valueSet.max) + (valueSet.unit ? ` ${valueSet.unit}` : '') + (valueSet.decimals !== undefined ? `, ${valueSet.decimals} decimaler` : '');
        case 'score': return 'poäng' + range(valueSet.min, valueSet.max) + (valueSet.instrument ? ` (${valueSet.instrument})` : '');
        default: return (valueSet.kind === 'multi' ? 'flerval: ' : '') + valueSet.codes.map(c => `${c.code}=${c.label}`).join('; ');
    }
}

/** Excel serial days are what a date validation compares; exceljs writes a Date as one. */
function utcDate(iso: string): Date {
    return new Date(`${iso}T00:00:00Z`);
}

export async function generateFormXlsx(model: PlanModel, context: TargetContext): Promise<GeneratedFile[]> {
    const { default: ExcelJS } = await import('exceljs');
    const layout = dataLayout(model);
    const spec = formSpec(model);
    const columns = workbookColumns(layout);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'SU-plan';
    workbook.title = model.title;
    workbook.created = new Date(0);
    workbook.modified = new Date(0);

    const data = workbook.addWorksheet(WORKBOOK_SHEETS.data, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const lists = workbook.addWorksheet(WORKBOOK_SHEETS.lists, { state: 'hidden' });
    const variablesSheet = workbook.addWorksheet(WORKBOOK_SHEETS.variables, { views: [{ state: 'frozen', ySplit: 1 }] });
    const planSheet = workbook.addWorksheet(WORKBOOK_SHEETS.plan);

    data.columns = columns.map(c => ({ header: c.name, key: c.name, width: Math.min(40, Math.max(12, c.name.length + 4, c.labels ? 18 : 0)) }));
    data.getRow(1).font = { bold: true };
    const validations = (data as unknown as WithValidations).dataValidations;
    let listColumn = 0;
    const listRange = (name: string, entries: readonly string[]): string => {
        listColumn += 1;
        const letter = columnLetter(listColumn);
        lists.getCell(`${letter}1`).value = name;
        entries.forEach((entry, i) => { lists.getCell(`${letter}${i + 2}`).value = entry; });
        return `'${WORKBOOK_SHEETS.lists}'!$${letter}$2:$${letter}$${entries.length + 1}`;
    };

    columns.forEach((column, i) => {
        const letter = columnLetter(i + 1);
        const range = `${letter}2:${letter}${WORKBOOK_ROWS + 1}`;
        const field = spec.fields.find(f => f.id === column.variable);
        const canBeNotApplicable = column.kind !== 'key' && (column.condition !== undefined || column.goal !== undefined);
        const prompt = clip([column.title, field?.definition, canBeNotApplicable ? `Skriv "${NOT_APPLICABLE}" när frågan inte ställs.` : undefined].filter(Boolean).join(' – '), 255);
        const base = {
            allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, showInputMessage: true,
            promptTitle: clip(column.name, 32), prompt,
        };
        const colStyle = data.getColumn(i + 1);
        const rule = (validation: Omit<Validation, keyof typeof base>): void => validations.add(range, { ...base, ...validation });
        const entries = column.values ?? column.labels?.map(l => choiceText(l.code, l.label));
        if (entries) {
            rule({
                type: 'list', formulae: [listRange(column.name, canBeNotApplicable ? [...entries, NOT_APPLICABLE] : entries)],
                errorTitle: 'Välj i listan', error: clip(`Välj ett av alternativen i listan för ${column.name}${canBeNotApplicable ? ` (eller "${NOT_APPLICABLE}")` : ''}.`, 255),
            });
            return;
        }
        if (column.type === 'date') {
            colStyle.numFmt = 'yyyy-mm-dd';
            const start = model.period?.start ?? '1900-01-01';
            if (canBeNotApplicable) {
                const cell = `${letter}2`;
                rule({
                    type: 'custom', formulae: [`OR(${cell}="${NOT_APPLICABLE}",AND(ISNUMBER(${cell}),${cell}>=DATE(${start.slice(0, 4)},${Number(start.slice(5, 7))},${Number(start.slice(8, 10))})))`],
                    errorTitle: 'Datum', error: `Skriv ett datum ÅÅÅÅ-MM-DD från ${start} (eller "${NOT_APPLICABLE}").`,
                });
            } else {
                rule({
                    type: 'date', operator: 'greaterThanOrEqual', formulae: [utcDate(start)],
                    errorTitle: 'Datum', error: `Skriv ett datum ÅÅÅÅ-MM-DD från ${start}${model.period ? ` (planens period ${periodText(model)})` : ''}.`,
                });
            }
            return;
        }
        if (column.type === 'integer' || column.type === 'number') {
            const min = column.min ?? -1e15;
            const max = column.max ?? 1e15;
            const what = column.type === 'integer' ? 'ett heltal' : 'ett tal';
            const bounds = column.min !== undefined || column.max !== undefined ? ` mellan ${column.min ?? '…'} och ${column.max ?? '…'}` : '';
            if (canBeNotApplicable) {
                const cell = `${letter}2`;
                const whole = column.type === 'integer' ? `,${cell}=INT(${cell})` : '';
                rule({
                    type: 'custom', formulae: [`OR(${cell}="${NOT_APPLICABLE}",AND(ISNUMBER(${cell}),${cell}>=${min},${cell}<=${max}${whole}))`],
                    errorTitle: 'Ogiltigt värde', error: `Skriv ${what}${bounds} (eller "${NOT_APPLICABLE}").`,
                });
            } else {
                rule({
                    type: column.type === 'integer' ? 'whole' : 'decimal', operator: 'between', formulae: [min, max],
                    errorTitle: 'Ogiltigt värde', error: `Skriv ${what}${bounds}.`,
                });
            }
            return;
        }
        // Text (and the case code and unit): kept as typed, never as a number or a formula.
        colStyle.numFmt = '@';
        if (column.key === 'caseCode') {
            rule({
                type: 'custom', formulae: [`AND(LEN(${letter}2)<=40,ISERROR(SEARCH(" ",${letter}2)))`],
                errorTitle: 'Ärendekod', error: 'En lokal pseudonym ärendekod: bokstäver, siffror, -, _ och . (högst 40 tecken). Aldrig personnummer.',
            });
        }
    });

    variablesSheet.columns = [
        { header: 'Variabel', key: 'id', width: 18 }, { header: 'Etikett', key: 'label', width: 40 },
        { header: 'Värdemängd', key: 'valueSet', width: 40 }, { header: 'Definition', key: 'definition', width: 60 },
        { header: 'Katalog', key: 'catalogue', width: 16 }, { header: 'Katalogversion', key: 'version', width: 14 },
        { header: 'Nationell statistik', key: 'national', width: 12 }, { header: 'Kolumner i Data', key: 'columns', width: 30 },
    ];
    variablesSheet.getRow(1).font = { bold: true };
    const columnsOf = (variable: VariableModel): string => layout.columns.filter(c => c.variable === variable.id).map(c => c.name).join(', ');
    for (const variable of model.variables.filter(v => v.origin !== 'derived')) {
        variablesSheet.addRow({
            id: variable.id, label: variable.label, valueSet: valueSetText(variable.valueSet),
            definition: variable.definition ?? variable.catalogue?.comment ?? '',
            catalogue: variable.catalogue?.catalogue ?? '', version: variable.catalogue?.version ?? '',
            national: variable.catalogue?.nationalStatistics ? 'ja' : 'nej', columns: columnsOf(variable),
        });
    }

    planSheet.columns = [{ header: 'Uppgift', key: 'what', width: 28 }, { header: 'Värde', key: 'value', width: 80 }, { header: 'Nyckel', key: 'key', width: 14 }];
    planSheet.getRow(1).font = { bold: true };
    const roles = model.roles;
    const target = model.targetGroup;
    const planRows: Array<[string, string, string?]> = [
        ['Plan', model.title],
        ['Planens id', layout.planId, PLAN_SHEET_KEYS.plan],
        ['Planversion', layout.planVersion, PLAN_SHEET_KEYS.planVersion],
        ['Syfte', model.purpose ?? ''],
        ['Fråga', model.question ?? ''],
        ['Period', periodText(model)],
        ['Målgrupp', [...target.include.map(t => `ingår: ${t}`), ...target.exclude.map(t => `ingår inte: ${t}`), ...(target.age ? [`ålder ${target.age.min}–${target.age.max}`] : [])].join('; ')],
        ['Mätpunkter', spec.points.map(p => p.label).join(', ')],
        ['Uppdrag', roles.mandate ?? ''], ['Registrerar', roles.registers ?? ''], ['Sammanställer', roles.compiles ?? ''], ['Analyserar', roles.analyses ?? ''],
        ['Så fyller du i', 'En rad per registrering i bladet Data: enhet, ärendekod (pseudonym, aldrig personnummer), mätpunkt och datum, sedan svaren. Välj koder i listorna. Skriv "ej aktuell" när en villkorad fråga inte ställs. Läs in med: suplan data import <arbetsbok> --plan <plan>.'],
    ];
    for (const [what, value, key] of planRows) planSheet.addRow({ what, value, key: key ?? '' });
    for (const sheet of [planSheet, variablesSheet] as Worksheet[]) sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

    const buffer = await workbook.xlsx.writeBuffer();
    return [{ path: `${context.baseName}.form.xlsx`, content: new Uint8Array(buffer as ArrayBuffer) }];
}

/** The columns of the data sheet (for tests and the bench). */
export function dataSheetColumns(model: PlanModel): DataColumn[] {
    return workbookColumns(dataLayout(model));
}
