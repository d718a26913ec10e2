/**
 * The exact meaning of the analysis settings that the validators, the editor and the plan model share:
 * rounding steps, phase starts and ends, default charts, code levels. The engine and the generated
 * scripts implement what the plan model carries; these helpers compute it from the AST.
 */
import {
    isChange, isChartOption, isComparison_, isConcentration, isCrosstab, isDescribe, isFrequency, isGoalAttainment, isGroupOption, isPeriodDecl,
    isPhaseMeans, isPhases, isRate, isShare, isTimeSeries,
    type Analysis, type Phase, type Plan,
} from './generated/ast.js';
import { firstSection, sections } from './plan-access.js';
import { dayNumber } from './validators/period-validator.js';

/** `0,5` or `0.5` or `10` (a RoundingStep as written) as a number; undefined when it is not one. */
export function roundingStepValue(step: string | undefined): number | undefined {
    if (step === undefined) return undefined;
    const value = Number(step.replace(/\s+/g, '').replace(',', '.'));
    return Number.isFinite(value) ? value : undefined;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** The ISO date `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function isoDate(day: number): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number `length` units after `start`: days, weeks of seven days, calendar months or years. */
export function addUnits(start: number, length: number, unit: string | undefined): number | undefined {
    switch (unit) {
        case 'dagar': return start + length;
        case 'veckor': return start + 7 * length;
        case 'månader':
        case 'år': {
            const date = new Date(start * MS_PER_DAY);
            const months = unit === 'år' ? 12 * length : length;
            const shifted = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
            return Math.round(shifted / MS_PER_DAY);
        }
        default: return undefined;
    }
}

/** A phase with its first and last day (day numbers); `start`/`end` are undefined when the period is unknown. */
export interface PhaseSpan {
    readonly phase: Phase;
    readonly start?: number;
    /** The last day, inclusive (`start` + length − 1 day). */
    readonly end?: number;
    readonly stated: boolean;
}

/**
 * Each phase with its span: a phase starts on its `från` date, else the day after the phase before it
 * ends, the first at the period's start.
 */
export function phaseSpans(plan: Plan): PhaseSpan[] {
    const period = firstSection(plan, isPeriodDecl);
    let next = dayNumber(period?.start);
    const result: PhaseSpan[] = [];
    for (const phase of sections(plan, isPhases).flatMap(s => s.phases ?? [])) {
        const stated = phase.start !== undefined;
        const start = stated ? dayNumber(phase.start) : next;
        const after = start !== undefined && typeof phase.length === 'number' ? addUnits(start, phase.length, phase.unit) : undefined;
        result.push({ phase, stated, ...(start !== undefined && after !== undefined ? { start, end: after - 1 } : {}) });
        next = after;
    }
    return result;
}

export type ChartKind = 'bar' | 'groupedBar' | 'line' | 'none';

/** Whether the analysis is split into groups (`per`, `jämför … mellan`, `korstabell … mot`). */
export function isGrouped(analysis: Analysis): boolean {
    const kind = analysis.kind;
    return (analysis.options ?? []).some(o => isGroupOption(o) && (o.groups ?? []).length > 0)
        || (isComparison_(kind) && !!kind.group) || isCrosstab(kind);
}

/**
 * The default chart of an analysis: bars for distributions, grouped bars for comparisons and
 * crosstabs, lines for time series (with phase markers for phase means), none for a single figure;
 * a single figure split into groups gets one bar per group.
 */
export function defaultChart(analysis: Analysis): ChartKind {
    const kind = analysis.kind;
    const grouped = isGrouped(analysis);
    if (isTimeSeries(kind) || isPhaseMeans(kind)) return 'line';
    if (isCrosstab(kind) || isComparison_(kind) || isChange(kind)) return 'groupedBar';
    if (isFrequency(kind) || isDescribe(kind)) return grouped ? 'groupedBar' : 'bar';
    if (isShare(kind) || isGoalAttainment(kind) || isRate(kind) || isConcentration(kind)) return grouped ? 'bar' : 'none';
    return 'none';
}

/** The chart the plan states (`diagram …`), if any. */
export function statedChart(analysis: Analysis): ChartKind | undefined {
    for (const option of analysis.options ?? []) {
        if (!isChartOption(option)) continue;
        if (option.grouped) return 'groupedBar';
        if (option.chart === 'stapel') return 'bar';
        if (option.chart === 'linje') return 'line';
        if (option.chart === 'ingen') return 'none';
    }
    return undefined;
}
