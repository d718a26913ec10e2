import type { PlanModel } from '../model/plan-model.js';

/** The plan's period as date windows (`YYYY-MM-DD`, inclusive): one, or one per year when repeated. */
export function periodWindows(model: PlanModel): Array<{ start: string; end: string }> {
    const period = model.period;
    if (!period) return [];
    if (!period.repeatYears) return [{ start: period.start, end: period.end }];
    const startYear = Number(period.start.slice(0, 4));
    const span = Number(period.end.slice(0, 4)) - startYear;
    const windows: Array<{ start: string; end: string }> = [];
    for (let year = period.repeatYears.from; year <= period.repeatYears.to; year++) {
        windows.push({ start: `${year}${period.start.slice(4)}`, end: `${year + span}${period.end.slice(4)}` });
    }
    return windows;
}

/**
 * Whether a registration date fits the period for a point: before and during points inside a window;
 * after and follow-up points on or after the period's start (they may come after its end).
 */
export function dateFitsPeriod(model: PlanModel, point: string, date: string): boolean {
    const windows = periodWindows(model);
    if (windows.length === 0) return true;
    const kind = model.measurementPoints.find(p => p.id === point)?.kind;
    if (kind === 'efter' || kind === 'uppföljning') return date >= windows[0].start;
    return windows.some(w => date >= w.start && date <= w.end);
}

/** `2025-01-01..2025-12-31`, or the windows joined when the period repeats. */
export function periodText(model: PlanModel): string {
    return periodWindows(model).map(w => `${w.start}..${w.end}`).join(', ');
}
