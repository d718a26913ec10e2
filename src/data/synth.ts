import type { PlanModel, TimeUnit, TimeUnits } from '../model/plan-model.js';
import { looksLikeIdentityNumber } from '../text/identity-number.js';
import { dataCodec } from './codec.js';
import { KEY, columnApplies, columnsOfVariable, dataLayout, respondentsAt, type DataColumn } from './columns.js';
import { periodWindows } from './period.js';
import { NOT_APPLICABLE, isNotApplicable, type DataRow, type DataValue } from './types.js';

/**
 * Synthetic data in the data format, for demos, tests and benchmarks: realistic enough to exercise
 * a report — missing answers, `ej aktuell` where a condition does not hold, clients who drop out
 * before a later point, uneven and small groups, several units, scores that move between points —
 * and deterministic per seed. Case codes are pseudonymous (`E1-0001`); free text comes from a fixed
 * list of neutral phrases: no names, no identity numbers.
 */
export interface SynthOptions {
    readonly clients: number;
    readonly seed: number;
    /** Units (`enhet`) the clients are spread over, unevenly; default 1. */
    readonly units?: number;
}

const codec = dataCodec(looksLikeIdentityNumber);

const PHRASES = [
    'Enligt handläggarens bedömning', 'Se anteckning i ärendet', 'Annat skäl som inte passar alternativen',
    'Familjen har flyttat under perioden', 'Tolk behövdes', 'Beskrivs vid genomgången',
];

/** mulberry32: a small, fast PRNG with 32 bits of state. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const DAY = 86_400_000;
const UNIT_DAYS: Readonly<Record<TimeUnit | TimeUnits, number>> = {
    dag: 1, dagar: 1, vecka: 7, veckor: 7, månad: 30, månader: 30, kvartal: 91, år: 365,
};

function addDays(date: string, days: number): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
    return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** The synthetic rows (write them with `writeDataCsv`). */
export function synthesize(model: PlanModel, options: SynthOptions): DataRow[] {
    const layout = dataLayout(model);
    const next = random(options.seed * 2654435761 + 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const units = Math.max(1, Math.floor(options.units ?? 1));
    // Uneven unit sizes (weights 1, 1/2, 1/3, …) so that some groups are small.
    const unitWeights = Array.from({ length: units }, (_, i) => 1 / (i + 1));
    const weightedIndex = (weights: readonly number[]): number => {
        let u = next() * weights.reduce((a, b) => a + b, 0);
        for (let i = 0; i < weights.length; i++) if ((u -= weights[i]) < 0) return i;
        return weights.length - 1;
    };
    // Per coded column, uneven code weights (a shuffled 1/(k+1) series): rare codes make small cells.
    const codeWeights = new Map<string, number[]>();
    const windows = periodWindows(model);
    const window = windows.length > 0 ? windows : [{ start: '2025-01-01', end: '2025-12-31' }];
    const ageRange = model.targetGroup.age;
    const rows: DataRow[] = [];
    const counters = new Array<number>(units).fill(0);
    const name = (key: keyof typeof KEY): string => layout.columns.find(c => c.key === key)?.name ?? KEY[key];
    // Whether the multiple-choice question being drawn was left unanswered (all its option columns empty).
    let optionsMissing = false;

    for (let client = 0; client < options.clients; client++) {
        const unit = weightedIndex(unitWeights);
        counters[unit]++;
        const caseCode = `E${unit + 1}-${String(counters[unit]).padStart(4, '0')}`;
        const period = pick(window);
        const span = Math.max(0, daysBetween(period.start, period.end));
        const start = addDays(period.start, Math.floor(next() * Math.max(1, span * 0.6)));
        const goals = layout.goals > 0 ? 1 + Math.floor(next() * layout.goals) : 0;
        const level = next();
        const clientValues = new Map<string, DataValue>();
        let dropped = false;
        model.measurementPoints.forEach((point, pointIndex) => {
            if (dropped) return;
            if (pointIndex > 0 && next() < 0.12) { dropped = true; return; }
            const dates: string[] = [];
            if (point.every) {
                const step = UNIT_DAYS[point.every];
                for (let d = start; d <= period.end && dates.length < 60; d = addDays(d, step)) if (next() > 0.1) dates.push(d);
            } else if (point.kind === 'före') {
                dates.push(start);
            } else {
                const offset = point.offset ? point.offset.amount * UNIT_DAYS[point.offset.unit] : 60 + Math.floor(next() * 120);
                dates.push(addDays(start, offset));
            }
            for (const date of dates) {
                const respondents = layout.respondents.length > 0 ? respondentsAt(layout, point.id) : [undefined];
                const record: Array<Record<string, DataValue>> = [];
                for (const respondent of respondents) {
                    const row: Record<string, DataValue> = {
                        [name('plan')]: layout.planId, [name('planVersion')]: layout.planVersion || null, [name('unit')]: `Enhet ${unit + 1}`,
                        [name('caseCode')]: caseCode, [name('point')]: point.id, [name('occurrence')]: date,
                    };
                    if (respondent !== undefined) row[name('respondent')] = respondent;
                    record.push(row);
                }
                record.forEach((row, r) => {
                    const respondent = respondents[r];
                    const valueOf = (reference: string): DataValue | readonly number[] | undefined => {
                        const columns = columnsOfVariable(layout, reference);
                        if (columns.length === 0) return undefined;
                        const source = [row, ...record].find(x => columns[0].name in x);
                        if (!source) return undefined;
                        if (columns[0].kind === 'option') return columns.filter(c => source[c.name] === 1).map(c => c.option ?? 0);
                        return source[columns[0].name];
                    };
                    for (const column of layout.columns) {
                        if (column.kind === 'key' || !columnApplies(column, point.id, respondent)) continue;
                        const clientKey = column.points === undefined ? `${column.name}\u0000${column.respondents ? respondent ?? '' : ''}` : undefined;
                        if (clientKey !== undefined && clientValues.has(clientKey)) { row[column.name] = clientValues.get(clientKey) ?? null; continue; }
                        const value = valueFor(column, row, valueOf, pointIndex);
                        row[column.name] = value;
                        if (clientKey !== undefined) clientValues.set(clientKey, value);
                    }
                    rows.push(row);
                });
            }
        });

        function valueFor(column: DataColumn, row: Record<string, DataValue>, valueOf: (reference: string) => DataValue | readonly number[] | undefined, pointIndex: number): DataValue {
            if (column.goal !== undefined && column.goal > goals) return NOT_APPLICABLE;
            if (column.kind === 'original') return originalOf(column, row);
            if (column.condition) {
                const holds = codec.conditionHolds(column.condition, valueOf);
                if (holds === false) return NOT_APPLICABLE;
                if (holds === undefined) return null;
            }
            const variable = model.variables.find(v => v.id === column.variable);
            if (column.kind === 'option') {
                const first = layout.columns.find(c => c.variable === column.variable && c.goal === column.goal && c.kind === 'option');
                if (first === column) optionsMissing = next() < (variable?.optional ? 0.25 : 0.05);
                return optionsMissing ? null : next() < 0.3 ? 1 : 0;
            }
            if (next() < (variable?.optional ? 0.25 : 0.05)) return null;
            return draw(column, pointIndex);
        }

        function draw(column: DataColumn, pointIndex: number): DataValue {
            if (column.type === 'date') {
                const w = pick(window);
                return addDays(w.start, Math.floor(next() * (daysBetween(w.start, w.end) + 1)));
            }
            if (column.type === 'string') return pick(PHRASES);
            if (column.codes) {
                const ordinal = column.labels !== undefined && isOrdinal(column);
                if (ordinal) {
                    // Ordinal scales move up a little from point to point.
                    const shift = (level - 0.5) * 0.6 + pointIndex * 0.25 + (next() - 0.5);
                    const index = Math.round((column.codes.length - 1) * Math.min(1, Math.max(0, 0.45 + shift * 0.5)));
                    return column.codes[index];
                }
                let weights = codeWeights.get(column.name);
                if (!weights) {
                    weights = column.codes.map((_, i) => 1 / (i + 1));
                    for (let i = weights.length - 1; i > 0; i--) {
                        const j = Math.floor(next() * (i + 1));
                        [weights[i], weights[j]] = [weights[j], weights[i]];
                    }
                    codeWeights.set(column.name, weights);
                }
                return column.codes[weightedIndex(weights)];
            }
            let min = column.min ?? 0;
            let max = column.max ?? Math.max(min + 10, 100);
            if (ageRange && column.variable && /ålder/.test(column.variable)) {
                min = Math.max(min, ageRange.min);
                max = Math.min(max, ageRange.max);
            }
            if (column.type === 'integer') {
                const skew = /ålder/.test(column.variable ?? '') ? next() : next() ** 2.5;
                return Math.min(max, min + Math.floor(skew * (max - min + 1)));
            }
            const decimals = column.decimals ?? (Number.isInteger(min) && Number.isInteger(max) && max - min <= 20 ? 0 : 1);
            const raw = min + (max - min) * Math.min(1, Math.max(0, level * 0.7 + next() * 0.3 - pointIndex * 0.08));
            return Number(raw.toFixed(decimals));
        }
    }
    function isOrdinal(column: DataColumn): boolean {
        const variable = model.variables.find(v => v.id === column.variable);
        const kind = variable?.valueSet.kind;
        return kind === 'scale' || kind === 'goal4' || kind === 'goal5';
    }

    function originalOf(column: DataColumn, row: Record<string, DataValue>): DataValue {
        const refined = layout.columns.find(c => c.kind === 'value' && c.variable === column.variable && c.goal === column.goal);
        const value = refined ? row[refined.name] : null;
        if (isNotApplicable(value)) return NOT_APPLICABLE;
        if (typeof value !== 'number') return null;
        return model.variables.find(v => v.id === column.variable)?.refinement?.find(r => r.code === value)?.original ?? null;
    }
    return rows;
}
