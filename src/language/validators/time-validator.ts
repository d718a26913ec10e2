import {
    isAnalyses, isDateType, isLocalVariable, isPeriodDecl, isPhaseMeans, isTimeSeries,
    type Analysis, type Plan,
} from '../generated/ast.js';
import { allVariables, firstSection, sections, variableName } from '../plan-access.js';
import { isoDate, phaseSpans } from '../analysis-semantics.js';
import { dayNumber } from './period-validator.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';

/** Time: phases within the period (SU037) and time series that name their date (SU038). */
export class TimeValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        this.phasesFitPeriod(plan, report);
        const repeated = firstSection(plan, isPeriodDecl)?.years !== undefined;
        const dates = allVariables(plan).filter(v => isLocalVariable(v) && isDateType(v.type)).map(variableName);
        for (const analysis of sections(plan, isAnalyses).flatMap(block => block.analyses)) {
            this.timeSeriesWithoutDate(analysis, repeated, dates, report);
        }
    }

    /**
     * SU037: a phase of zero length, one that starts before the period or before the phase before it
     * ends, or one that ends after the period. Phases follow one another from the period's start.
     */
    private phasesFitPeriod(plan: Plan, report: Report): void {
        const period = firstSection(plan, isPeriodDecl);
        const periodStart = dayNumber(period?.start);
        const periodEnd = dayNumber(period?.end);
        let previousEnd: number | undefined;
        for (const span of phaseSpans(plan)) {
            const phase = span.phase;
            const name = phase.name ?? '';
            if (phase.length === 0) {
                report({ code: 'SU037', node: phase, property: 'length', args: [name, 'har längden noll', 'has zero length'] });
            } else if (span.start !== undefined && span.end !== undefined) {
                if (periodStart !== undefined && span.start < periodStart) {
                    report({ code: 'SU037', node: phase, property: 'start', args: [name, `börjar ${isoDate(span.start)}, före perioden (${period?.start})`, `starts ${isoDate(span.start)}, before the period (${period?.start})`] });
                } else if (previousEnd !== undefined && span.start <= previousEnd) {
                    report({ code: 'SU037', node: phase, property: 'start', args: [name, `börjar ${isoDate(span.start)}, innan fasen före slutar (${isoDate(previousEnd)})`, `starts ${isoDate(span.start)}, before the phase before it ends (${isoDate(previousEnd)})`] });
                } else if (periodEnd !== undefined && span.end > periodEnd) {
                    report({ code: 'SU037', node: phase, property: 'length', args: [name, `slutar ${isoDate(span.end)}, efter periodens slut (${period?.end})`, `ends ${isoDate(span.end)}, after the period ends (${period?.end})`] });
                }
            }
            previousEnd = span.end ?? previousEnd;
        }
    }

    /**
     * SU038: `tidsserie`/`fasmedel` without `enligt`. A yearly series in a period repeated every year
     * (`över år` with `upprepas årligen`) is placed by the period's year and needs none. The quick fixes
     * write `enligt` with each date variable of the plan.
     */
    private timeSeriesWithoutDate(analysis: Analysis, repeated: boolean, dates: readonly string[], report: Report): void {
        const kind = analysis.kind;
        if (!(isTimeSeries(kind) || isPhaseMeans(kind)) || kind.date) return;
        if (kind.unit === 'år' && repeated) return;
        report({
            code: 'SU038', node: kind, property: 'unit', args: [analysis.name ?? ''], subject: analysis.name,
            ...(dates.length > 0 ? { fix: { kind: 'append', texts: dates.map(d => `enligt ${d}`) } } : {}),
        });
    }
}
