import {
    isBirthdaySampling, isDecisionDecl, isPeriodDecl, isPeriodSampling, isRevisionLog, isSampling, isTargetGroup,
    type BirthdaySampling, type PeriodDecl, type Plan, type TargetGroup,
} from '../generated/ast.js';
import { firstSection, sections } from '../plan-access.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** A sample of everyone in a period shorter than this many days is exposed to seasonal variation. */
export const FULL_YEAR_DAYS = 365;
export const MAX_AGE = 120;

/**
 * The day number (days since 1970-01-01) of an ISO date `YYYY-MM-DD`, or undefined when no such day
 * exists (`2025-02-30`, `2025-13-01`, `2023-02-29`).
 */
export function dayNumber(date: string | undefined): number | undefined {
    const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1) return undefined;
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    return Math.round(time / MS_PER_DAY);
}

/** Who and when: age range, sampling days, the period and every date in the plan (SU025, SU026, SU031–SU034). */
export class PeriodValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        for (const target of sections(plan, isTargetGroup)) this.ageRangeValid(target, report);
        for (const sampling of sections(plan, isSampling)) {
            if (isBirthdaySampling(sampling.method)) this.birthdaysInMonth(sampling.method, report);
        }
        for (const period of sections(plan, isPeriodDecl)) {
            this.periodInOrder(period, report);
            this.repeatYearsInOrder(period, report);
        }
        this.datesExist(plan, report);
        this.seasonalSampling(plan, report);
    }

    /** SU026: `ålder min..max` with min > max, a negative age, or an age above 120. */
    private ageRangeValid(target: TargetGroup, report: Report): void {
        const age = target.age;
        if (!age || age.min === undefined || age.max === undefined) return;
        const invalid = age.min > age.max || age.min < 0 || age.max < 0 || age.min > MAX_AGE || age.max > MAX_AGE;
        if (invalid) report({ code: 'SU026', node: target, property: 'age', args: [age.min, age.max] });
    }

    /** SU032: each birthday outside 1–31, on that number. */
    private birthdaysInMonth(sampling: BirthdaySampling, report: Report): void {
        sampling.days.forEach((day, index) => {
            if (day === undefined) return;
            if (!Number.isInteger(day) || day < 1 || day > 31) report({ code: 'SU032', node: sampling, property: 'days', index, args: [day] });
        });
    }

    /** SU033: the period ends before it starts (only when both dates exist; SU034 covers the rest). */
    private periodInOrder(period: PeriodDecl, report: Report): void {
        const start = dayNumber(period.start);
        const end = dayNumber(period.end);
        if (start !== undefined && end !== undefined && end < start) {
            report({ code: 'SU033', node: period, property: 'end', args: [period.start, period.end] });
        }
    }

    /** SU025: `upprepas årligen 2027..2025`. */
    private repeatYearsInOrder(period: PeriodDecl, report: Report): void {
        const years = period.years;
        if (years && years.min !== undefined && years.max !== undefined && years.min > years.max) {
            report({ code: 'SU025', node: period, property: 'years', args: [years.min, years.max] });
        }
    }

    /** SU034: a date that does not exist, wherever a plan writes one: period, `beslut … datum`, `ändringslogg`. */
    private datesExist(plan: Plan, report: Report): void {
        for (const period of sections(plan, isPeriodDecl)) {
            if (period.start && dayNumber(period.start) === undefined) report({ code: 'SU034', node: period, property: 'start', args: [period.start] });
            if (period.end && dayNumber(period.end) === undefined) report({ code: 'SU034', node: period, property: 'end', args: [period.end] });
        }
        for (const decision of sections(plan, isDecisionDecl)) {
            if (decision.date && dayNumber(decision.date) === undefined) report({ code: 'SU034', node: decision, property: 'date', args: [decision.date] });
        }
        for (const log of sections(plan, isRevisionLog)) {
            for (const entry of log.entries) {
                if (entry.date && dayNumber(entry.date) === undefined) report({ code: 'SU034', node: entry, property: 'date', args: [entry.date] });
            }
        }
    }

    /**
     * SU031: `urval hela perioden` with a period shorter than a year (counting both the first and the
     * last day). Accepted with `acceptera SU031 "…"`: there is one period, so no subject.
     */
    private seasonalSampling(plan: Plan, report: Report): void {
        const sampling = firstSection(plan, isSampling);
        const period = firstSection(plan, isPeriodDecl);
        if (!sampling || !period || !isPeriodSampling(sampling.method)) return;
        const start = dayNumber(period.start);
        const end = dayNumber(period.end);
        if (start === undefined || end === undefined || end < start) return;
        const days = end - start + 1;
        if (days < FULL_YEAR_DAYS) report({ code: 'SU031', node: sampling, property: 'method', args: [days] });
    }
}
