import {
    isAnalyses, isClientGoals, isComparison_, isCrosstab, isFrequency, isGroupOption, isLevelDecl,
    isPeriodDecl, isPrivacy, isTargetGroup,
    type Analysis, type MeasurementPoint, type Plan, type VarRef,
} from '../generated/ast.js';
import type { TimeUnit } from '../plan-vocabulary.js';
import { allPoints, allVariables, firstSection, isPerClientGoal, isRegistered, respondentsOf, sections } from '../plan-access.js';
import { registrationBurden } from '../registration-burden.js';
import { isCoded } from '../value-sets.js';
import { formatNumber } from './analysis-kinds.js';
import { pointsOf, valueSetOf, type PlanValidator, type Report, type ValidationContext } from './common.js';

/** Fields per registration above which case workers' burden is too high (SU064). */
export const BURDEN_LIMIT = 40;

/** The default `minsta cell` when the plan states none. */

const DAYS_PER: Readonly<Record<TimeUnit, number>> = { dag: 1, vecka: 7, månad: 365.25 / 12, kvartal: 365.25 / 4, år: 365.25 };

/**
 * Expected volume against burden and breakdowns (SU064, SU065).
 *
 * Expected clients: `förväntat antal N per <enhet>` in `målgrupp`, scaled to the length of `period`
 * when it is given, else N. A repeated period (`upprepas årligen`) is counted once: each year is
 * reported on its own. The sampling (`urval`) is not applied: `förväntat antal` is read as the
 * number of clients the plan expects to follow.
 */
export class VolumeValidator implements PlanValidator {
    validate(plan: Plan, report: Report, context: ValidationContext): void {
        const clients = expectedClients(plan);
        this.burdenTooHigh(plan, clients, report);
        this.breakdownCellsTooSmall(plan, clients, report, context.defaultMinCell);
    }

    /**
     * SU064: fields per registration above the limit. A registration is one client at one point: the
     * registered variables collected at that point, plus at the first point the ones collected once
     * per client (no `vid`). The busiest registration counts. A multiple-choice question is one field
     * per option, a question answered by several respondents one field per respondent, and a
     * question asked `per klientmål` one field per goal (`klientmål N`).
     */
    private burdenTooHigh(plan: Plan, clients: number | undefined, report: Report): void {
        const fields = fieldsPerRegistration(plan);
        if (fields <= BURDEN_LIMIT) return;
        const total = clients !== undefined ? fields * clients : undefined;
        const tail: [string, string] = clients !== undefined && total !== undefined
            ? [` Med ${clients} förväntade klienter under perioden blir det omkring ${total} fält att fylla i.`,
                ` With ${clients} expected clients in the period that is about ${total} fields to fill in.`]
            : ['', ''];
        report({
            code: 'SU064', node: plan, property: 'title',
            args: [String(fields), String(BURDEN_LIMIT), clients !== undefined ? String(clients) : '', total !== undefined ? String(total) : '', ...tail],
        });
    }

    /**
     * SU065: an analysis whose cells will on average hold fewer clients than `minsta cell`: expected
     * clients divided by the number of cells. The cells are the product of the category counts of its
     * groupings (`per`, `mellan`, `korstabell … mot`) and, for `frekvens` and `korstabell`, of the
     * analysed variable's own categories too, since those tables count persons in every category.
     * The time axis of `tidsserie` and `fasmedel` is not counted. An analysis with a single cell, or
     * with a grouping without codes (SU047), is not checked. A plan at `nivå individ` is exempt: it
     * follows one client, and suppression protects persons in group results.
     */
    private breakdownCellsTooSmall(plan: Plan, clients: number | undefined, report: Report, defaultMinCell: number): void {
        if (clients === undefined) return;
        if (firstSection(plan, isLevelDecl)?.level === 'individ') return;
        const minCell = minimumCell(plan, defaultMinCell);
        for (const analysis of sections(plan, isAnalyses).flatMap(block => block.analyses)) {
            const cells = cellCount(analysis);
            if (cells === undefined || cells <= 1) continue;
            const average = clients / cells;
            if (average >= minCell) continue;
            const name = analysis.name ?? '';
            report({
                code: 'SU065', node: analysis, property: 'name', subject: name,
                args: [name, String(clients), String(cells), formatNumber(Math.round(average * 10) / 10, 'sv'), String(minCell), formatNumber(Math.round(average * 10) / 10, 'en')],
            });
        }
    }
}

/** Expected clients in one period, rounded to whole clients; undefined when the plan does not say. */
export function expectedClients(plan: Plan): number | undefined {
    const target = firstSection(plan, isTargetGroup);
    if (typeof target?.expected !== 'number' || target.expected < 1) return undefined; // 0 is SU068
    const per = target.expectedPer as TimeUnit | undefined;
    let count = target.expected;
    const period = firstSection(plan, isPeriodDecl);
    const days = period ? periodDays(period.start, period.end) : undefined;
    if (days !== undefined && per && DAYS_PER[per]) count = count * days / DAYS_PER[per];
    return Math.round(count);
}

/** Days from start to end, both included; undefined for invalid or reversed dates (SU033, SU034). */
function periodDays(start: string | undefined, end: string | undefined): number | undefined {
    if (!start || !end) return undefined;
    const from = Date.parse(`${start}T00:00:00Z`);
    const to = Date.parse(`${end}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to) || to < from) return undefined;
    return Math.round((to - from) / 86_400_000) + 1;
}

/** The fields of the busiest registration (see SU064 and src/language/registration-burden.ts). */
export function fieldsPerRegistration(plan: Plan): number {
    const goals = firstSection(plan, isClientGoals)?.max;
    const questions = allVariables(plan).filter(isRegistered).map(variable => {
        const set = valueSetOf(variable);
        return {
            points: pointsOf(variable),
            options: set?.kind === 'multi' ? set.codes.length : 1,
            respondents: respondentsOf(variable).length,
            perClientGoal: isPerClientGoal(variable),
        };
    });
    return registrationBurden<MeasurementPoint>(questions, allPoints(plan), goals).busiest;
}

function minimumCell(plan: Plan, defaultMinCell: number): number {
    const stated = sections(plan, isPrivacy).map(p => p.minCell).find(n => typeof n === 'number');
    return typeof stated === 'number' && stated > 0 ? stated : defaultMinCell;
}

/** The number of cells an analysis splits its clients into; undefined when a factor has no codes or is unresolved. */
function cellCount(analysis: Analysis): number | undefined {
    const kind = analysis.kind;
    const factors: Array<VarRef | undefined> = [];
    for (const option of analysis.options) {
        if (isGroupOption(option)) for (const group of option.groups) factors.push(group);
    }
    if (isComparison_(kind)) factors.push(kind.group);
    if (isCrosstab(kind)) factors.push(kind.row, kind.column);
    if (isFrequency(kind)) factors.push(kind.variable);
    let cells = 1;
    for (const factor of factors) {
        if (!factor) continue;
        const set = valueSetOf(factor.ref?.ref);
        if (!isCoded(set) || set.codes.length === 0) return undefined;
        cells *= set.codes.length;
    }
    return cells;
}
