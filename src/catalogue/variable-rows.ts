import { closest, didYouMean, fold } from '../text/suggest.js';
import { findHeaderRow, resolveColumns, type ColumnLayout, type ColumnMapping, type SheetRow } from './columns.js';
import { unescapeFormula } from '../text/formula-escape.js';
import { isPlanKeyword, isValidVariableId, toVariableId, uniqueId } from './ids.js';
import type { ColumnRef, ImportIssue } from './issues.js';
import type { Bilingual } from '../text/messages.js';
import { PROCESS_STEPS, type Field, type ProcessStepName, type VariableEntry } from './model.js';
import { parseValueSet } from './value-set-syntax.js';

/** A variable read from the sheet, with the row it came from. */
export interface RowVariable {
    readonly row: number;
    readonly variable: VariableEntry;
}

export interface VariableRowsResult {
    readonly variables: RowVariable[];
    readonly issues: ImportIssue[];
}

const TRUE_WORDS = new Set(['ja', 'j', 'x', '1', 'sant', 'true', 'yes', 'y']);
const FALSE_WORDS = new Set(['nej', 'n', '0', 'falskt', 'false', 'no', '-', '']);

/** `ja`/`nej`, `x`/empty, `1`/`0` (and a few more); `undefined` for anything else. */
export function parseNationalFlag(cell: string): boolean | undefined {
    const word = fold(cell).trim();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return undefined;
}

/** The process step, matched ignoring case and diacritics (`Uppfoljning` → `uppföljning`). */
export function parseProcessStep(cell: string): ProcessStepName | undefined {
    const word = fold(cell).trim();
    return PROCESS_STEPS.find(step => fold(step) === word);
}

function suggestion(wanted: string, candidates: readonly string[]): Bilingual {
    const found = closest(wanted, candidates);
    return { sv: didYouMean('sv', found), en: didYouMean('en', found) };
}

/** A cell's text: line breaks as `\n`, surrounding spaces removed, the export's formula `'` removed. */
function cellText(row: SheetRow, column: ColumnRef | undefined): string {
    if (!column) return '';
    const raw = row.cells[column.index] ?? '';
    return unescapeFormula(raw.replace(/\r\n?/g, '\n').replace(/^[\s\u00A0]+|[\s\u00A0]+$/g, ''));
}

interface RowCells {
    readonly row: SheetRow;
    readonly text: Readonly<Record<Field, string>>;
}

function readCells(row: SheetRow, layout: ColumnLayout): RowCells {
    const text = {
        id: cellText(row, layout.id), label: cellText(row, layout.label), valueSet: cellText(row, layout.valueSet),
        comment: cellText(row, layout.comment), step: cellText(row, layout.step), national: cellText(row, layout.national),
        replaces: cellText(row, layout.replaces), note: cellText(row, layout.note),
    };
    return { row, text };
}

/**
 * Reads the variables of a sheet (rows as the spreadsheet shows them) and reports every problem with
 * its row and column. Pure: the same rows give the same variables and issues.
 */
export function readVariableRows(rows: readonly SheetRow[], mapping: ColumnMapping = {}): VariableRowsResult {
    const issues: ImportIssue[] = [];
    const headerIndex = findHeaderRow(rows, mapping);
    if (headerIndex === undefined) return { variables: [], issues: [{ severity: 'error', key: 'file.noVariables', args: [] }] };
    const header = rows[headerIndex];
    const resolution = resolveColumns(header, mapping);
    issues.push(...resolution.issues);
    if (resolution.issues.some(i => i.severity === 'error')) return { variables: [], issues };
    const layout = resolution.layout;

    const records = rows.slice(headerIndex + 1).filter(r => r.cells.some(c => c.trim() !== '')).map(r => readCells(r, layout));
    if (records.length === 0) return { variables: [], issues: [...issues, { severity: 'error', key: 'file.noVariables', args: [] }] };

    // Ids written validly in the sheet are kept; made-up ids must not take them.
    const given = new Set(records.map(r => r.text.id).filter(isValidVariableId));
    const taken = new Set<string>();
    const firstRowOfId = new Map<string, number>();
    const firstRowOfLabel = new Map<string, number>();
    const variables: RowVariable[] = [];
    const idColumn = layout.id ?? layout.label;

    for (const { row, text } of records) {
        const error = (key: ImportIssue['key'], args: ImportIssue['args'], column?: ColumnRef): void => {
            issues.push({ severity: 'error', key, args, row: row.number, column });
        };
        const warning = (key: ImportIssue['key'], args: ImportIssue['args'], column?: ColumnRef): void => {
            issues.push({ severity: 'warning', key, args, row: row.number, column });
        };

        if (text.id === '' && text.label === '') {
            error('row.noIdNoLabel', []);
            continue;
        }
        let id = text.id;
        if (isValidVariableId(id)) {
            const first = firstRowOfId.get(id);
            if (first !== undefined) error('id.duplicate', [id, first], layout.id);
        } else {
            const made = toVariableId(text.id) || toVariableId(text.label);
            if (made === '') {
                error('row.noIdNoLabel', []);
                continue;
            }
            id = uniqueId(made, new Set([...given, ...taken]));
            if (text.id === '') warning('id.derived', [id], idColumn);
            else warning('id.changed', [text.id, id], layout.id);
        }
        taken.add(id);
        if (!firstRowOfId.has(id)) firstRowOfId.set(id, row.number);
        if (isPlanKeyword(id)) warning('id.planKeyword', [id], idColumn);

        if (text.label === '') error('label.missing', [id], layout.label);
        else {
            const key = text.label.toLowerCase(); // as SU083 compares labels
            const first = firstRowOfLabel.get(key);
            if (first !== undefined) warning('label.duplicate', [text.label, first], layout.label);
            else firstRowOfLabel.set(key, row.number);
        }

        const parsed = parseValueSet(text.valueSet);
        if (!parsed) error('valueSet.missing', [id], layout.valueSet);
        else if (!parsed.ok) error(parsed.key, parsed.args, layout.valueSet);

        if (text.comment === '') error('comment.missing', [id], layout.comment);

        const processStep = text.step === '' ? undefined : parseProcessStep(text.step);
        if (text.step !== '' && !processStep) error('step.unknown', [text.step, suggestion(text.step, PROCESS_STEPS)], layout.step);

        const national = parseNationalFlag(text.national);
        if (national === undefined) error('national.unknown', [text.national], layout.national);

        const replaces = text.replaces === '' ? undefined : text.replaces;
        if (replaces !== undefined && !isValidVariableId(replaces)) error('replaces.invalid', [replaces], layout.replaces);

        if (parsed?.ok) {
            variables.push({
                row: row.number,
                variable: {
                    id, label: text.label, valueSet: parsed.valueSet, national: national ?? false,
                    ...(text.comment !== '' ? { comment: text.comment } : {}),
                    ...(processStep ? { processStep } : {}),
                    ...(replaces !== undefined ? { replaces } : {}),
                    ...(text.note !== '' ? { note: text.note } : {}),
                },
            });
        }
    }
    return { variables, issues };
}
