import type { PlanModel } from '../model/plan-model.js';
import { looksLikeIdentityNumber } from '../text/identity-number.js';
import { dataCodec } from './codec.js';
import { KEY, columnApplies, columnsOfVariable, dataLayout, respondentsAt, type DataColumn, type DataLayout } from './columns.js';
import type { DataIssue, DataIssueCode } from './messages.js';
import { dateFitsPeriod, periodText } from './period.js';
import type { RawTable } from './read.js';
import { isNotApplicable, type ConditionPart, type DataRow, type DataValue } from './types.js';

const codec = dataCodec(looksLikeIdentityNumber);

export interface ValidatedData {
    readonly layout: DataLayout;
    /** One row per data line, in file order; a cell that could not be read is missing here and reported. */
    readonly rows: readonly DataRow[];
    /** The file line of each row. */
    readonly lines: readonly number[];
    /** Every problem, in file order: nothing is dropped silently. */
    readonly issues: readonly DataIssue[];
}

function rangeText(column: DataColumn): string {
    return `${column.min ?? ''}..${column.max ?? ''}`;
}

function conditionText(parts: readonly ConditionPart[]): string {
    return parts.map(p => 'codes' in p ? `${p.variable.replace('#', ' mål ')} i ${p.codes.join(', ')}` : `${p.variable.replace('#', ' mål ')} ${p.op} ${p.value}`).join(' och ');
}

function same(a: DataValue, b: DataValue): boolean {
    if (isNotApplicable(a) || isNotApplicable(b)) return isNotApplicable(a) && isNotApplicable(b);
    return a === b;
}

/**
 * Checks a data file against its plan: the header, every cell (codes, ranges, dates, the period),
 * the keys (plan and version, case codes that look like identity numbers, duplicates), values at
 * points or respondents where the plan does not collect them, refined/original pairs, conditional
 * questions, and once-per-client values that differ between rows. Each problem has its line and
 * column.
 */
export function validateData(model: PlanModel, table: RawTable): ValidatedData {
    const layout = dataLayout(model);
    const issues: DataIssue[] = [];
    const report = (line: number, column: string | undefined, code: DataIssueCode, ...args: Array<string | number>): void => {
        issues.push({ line, ...(column !== undefined ? { column } : {}), code, args });
    };
    const index = new Map<string, number>();
    table.header.forEach((name, i) => {
        if (index.has(name)) report(1, name, 'header.duplicate', name);
        else if (!layout.columns.some(c => c.name === name)) report(1, name, 'header.unknown', name);
        else index.set(name, i);
    });
    for (const column of layout.columns) if (!index.has(column.name)) report(1, column.name, 'header.missing', column.name);

    const name = (key: keyof typeof KEY): string => layout.columns.find(c => c.key === key)?.name ?? KEY[key];
    const rows: Array<Record<string, DataValue>> = [];
    const lines: number[] = [];
    for (const record of table.records) {
        const row: Record<string, DataValue> = {};
        if (record.cells.length !== table.header.length) report(record.line, undefined, 'row.cells', record.cells.length, table.header.length);
        for (const column of layout.columns) {
            const at = index.get(column.name);
            const raw = at === undefined ? '' : record.cells[at] ?? '';
            const parsed = codec.parseValue(column, raw);
            if ('problem' in parsed) {
                const shown = raw.trim();
                if (parsed.problem === 'code') report(record.line, column.name, 'cell.code', shown, (column.codes ?? []).join(', '));
                else if (parsed.problem === 'range') report(record.line, column.name, 'cell.range', shown, rangeText(column));
                else report(record.line, column.name, `cell.${parsed.problem}`, shown);
                row[column.name] = null;
                continue;
            }
            row[column.name] = parsed.value;
            if (column.kind === 'key') checkKey(column, parsed.value, record.line);
            else if (column.type === 'string' && typeof parsed.value === 'string' && looksLikeIdentityNumber(parsed.value)) {
                report(record.line, column.name, 'text.identity');
            }
        }
        rows.push(row);
        lines.push(record.line);
    }

    function checkKey(column: DataColumn, value: DataValue, line: number): void {
        if (value === null) {
            if (column.required) report(line, column.name, 'key.required');
            return;
        }
        const text = String(value);
        if (column.key === 'plan' && text !== layout.planId) report(line, column.name, 'key.plan', text, layout.planId);
        if (column.key === 'planVersion' && text !== layout.planVersion) report(line, column.name, 'key.version', text, layout.planVersion);
        if (column.values && !column.values.includes(text)) report(line, column.name, 'key.value', text, column.values.join(', '));
        if (column.key === 'caseCode') {
            const problem = codec.caseCodeProblem(text);
            if (problem === 'identity') report(line, column.name, 'key.identity');
            else if (problem === 'characters') report(line, column.name, 'key.caseCode', text);
        }
    }

    const point = name('point');
    const respondent = name('respondent');
    const occurrence = name('occurrence');
    const unit = name('unit');
    const caseCode = name('caseCode');
    const clientOf = (row: DataRow): string => `${String(row[unit])}\u0000${String(row[caseCode])}`;
    const recordOf = (row: DataRow): string => {
        const p = String(row[point]);
        return `${clientOf(row)}\u0000${p}\u0000${layout.repeatedPoints.includes(p) ? String(row[occurrence]) : ''}`;
    };
    const byRecord = new Map<string, number[]>();
    const byClient = new Map<string, number[]>();
    rows.forEach((row, i) => {
        byRecord.set(recordOf(row), [...(byRecord.get(recordOf(row)) ?? []), i]);
        byClient.set(clientOf(row), [...(byClient.get(clientOf(row)) ?? []), i]);
    });

    // Duplicate keys (the occurrence counts only for repeated points).
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
        const key = `${recordOf(row)}\u0000${layout.respondents.length > 0 ? String(row[respondent]) : ''}`;
        const first = seen.get(key);
        if (first !== undefined) report(lines[i], undefined, 'key.duplicate', lines[first], layout.primaryKey.map(k => String(row[k] ?? '')).join(', '));
        else seen.set(key, i);
    });

    /** A variable's value as the row sees it: its own cell, a cell of the same record, or of the client. */
    const valueOf = (i: number, reference: string): DataValue | readonly number[] | undefined => {
        const columns = columnsOfVariable(layout, reference);
        if (columns.length === 0) return undefined;
        const row = rows[i];
        const here = (r: DataRow): boolean => columnApplies(columns[0], String(r[point]), layout.respondents.length > 0 ? String(r[respondent]) : undefined);
        const candidates = [i, ...(byRecord.get(recordOf(row)) ?? []), ...(byClient.get(clientOf(row)) ?? [])];
        const source = candidates.map(c => rows[c]).find(here);
        if (!source) return undefined;
        if (columns[0].kind === 'option') {
            if (columns.every(c => source[c.name] === null)) return null;
            return columns.filter(c => source[c.name] === 1).map(c => c.option ?? 0);
        }
        return source[columns[0].name];
    };

    const firstClientValue = new Map<string, { line: number; value: DataValue }>();
    rows.forEach((row, i) => {
        const line = lines[i];
        const p = String(row[point]);
        const r = layout.respondents.length > 0 ? String(row[respondent]) : undefined;
        if (r !== undefined && layout.respondents.includes(r) && !respondentsAt(layout, p).includes(r)) report(line, respondent, 'key.respondent', r, p);
        if (typeof row[occurrence] === 'string' && !dateFitsPeriod(model, p, row[occurrence] as string)) {
            report(line, occurrence, 'date.period', row[occurrence] as string, periodText(model));
        }
        if (!layout.points.includes(p)) return; // reported as an unknown point; its cells cannot be placed
        for (const column of layout.columns) {
            if (column.kind === 'key') continue;
            const value = row[column.name];
            if (!columnApplies(column, p, r)) {
                if (value !== null) report(line, column.name, 'cell.notCollected', r === undefined ? p : `${p} (${r})`);
                continue;
            }
            if (column.points === undefined) {
                const key = `${clientOf(row)}\u0000${column.name}\u0000${column.respondents ? r ?? '' : ''}`;
                const first = firstClientValue.get(key);
                if (!first) firstClientValue.set(key, { line, value });
                else if (!same(first.value, value)) report(line, column.name, 'cell.clientConflict', first.line, codec.formatValue(column, first.value, ','));
            }
            if (column.type === 'date' && typeof value === 'string' && !dateFitsPeriod(model, p, value)) {
                report(line, column.name, 'date.period', value, periodText(model));
            }
            if (column.kind === 'original' && value !== null) {
                const variable = model.variables.find(v => v.id === column.variable);
                const refinedColumn = layout.columns.find(c => c.kind === 'value' && c.variable === column.variable && c.goal === column.goal);
                const refined = refinedColumn ? row[refinedColumn.name] : null;
                const expected = typeof refined === 'number' ? variable?.refinement?.find(x => x.code === refined)?.original : undefined;
                const matches = isNotApplicable(refined) ? isNotApplicable(value) : expected === undefined ? refined === null : value === expected;
                if (!matches) report(line, column.name, 'cell.original', codec.formatValue(column, value, ','), refinedColumn?.name ?? '', codec.formatValue(column, refined, ','), expected ?? '');
            }
            if (column.condition && column.kind !== 'original' && value !== null) {
                const holds = codec.conditionHolds(column.condition, ref => valueOf(i, ref));
                if (holds === false && !isNotApplicable(value)) report(line, column.name, 'cell.condition', conditionText(column.condition));
                if (holds === true && isNotApplicable(value)) report(line, column.name, 'cell.applicable', conditionText(column.condition));
            }
        }
    });
    issues.sort((a, b) => a.line - b.line);
    return { layout, rows, lines, issues };
}
