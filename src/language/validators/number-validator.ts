import { isAnalyses, isClientGoals, isConcentration, isMeasurementPoints, isRate, isTargetGroup, type Plan } from '../generated/ast.js';
import { sections } from '../plan-access.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';

/** Why a number is out of its range, [sv, en]. */
const AT_LEAST_ONE: readonly [string, string] = ['det ska vara minst 1', 'it must be at least 1'];
const ABOVE_ZERO_PERCENT: readonly [string, string] = ['en topp ska vara större än 0 %', 'a top share must be above 0 %'];

/**
 * SU068: numbers the grammar accepts but that mean nothing: a concentration's top `0 %`, a rate
 * `per 0`, `klientmål 0`, `förväntat antal 0`, a measurement point `0 månader` after the start.
 * Shares above 100 % or below 0 % are SU043; phases, `minsta cell` and birthdays have their own codes.
 */
export class NumberValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        const args = (value: number, keyword: string, why: readonly [string, string]): string[] => [String(value), keyword, why[0], why[1]];
        for (const analysis of sections(plan, isAnalyses).flatMap(block => block.analyses)) {
            const kind = analysis.kind;
            if (isConcentration(kind)) {
                kind.shares.forEach((share, index) => {
                    if (share === 0) report({ code: 'SU068', node: kind, property: 'shares', index, args: args(share, 'topp', ABOVE_ZERO_PERCENT) });
                });
            }
            if (isRate(kind) && typeof kind.per === 'number' && kind.per < 1) {
                report({ code: 'SU068', node: kind, property: 'per', args: args(kind.per, 'takt per', AT_LEAST_ONE) });
            }
        }
        for (const goals of sections(plan, isClientGoals)) {
            if (typeof goals.max === 'number' && goals.max < 1) {
                report({ code: 'SU068', node: goals, property: 'max', args: args(goals.max, 'klientmål', AT_LEAST_ONE) });
            }
        }
        for (const group of sections(plan, isTargetGroup)) {
            if (typeof group.expected === 'number' && group.expected < 1) {
                report({ code: 'SU068', node: group, property: 'expected', args: args(group.expected, 'förväntat antal', AT_LEAST_ONE) });
            }
        }
        for (const point of sections(plan, isMeasurementPoints).flatMap(block => block.points)) {
            if (typeof point.offset === 'number' && point.offset < 1) {
                report({ code: 'SU068', node: point, property: 'offset', args: args(point.offset, point.kind, AT_LEAST_ONE) });
            }
        }
    }
}
