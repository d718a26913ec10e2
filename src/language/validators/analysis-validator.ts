import {
    isAnalyses, isAtOption, isChange, isComparison_, isConcentration, isCrosstab, isDescribe, isFrequency, isGoalAttainment,
    isGroupOption, isPhaseMeans, isPhases, isRate, isScenarios, isShare, isTimeSeries,
    type Analysis, type AnalysisKind, type MeasurementPoint, type Plan, type PlanVariable, type VarRef,
} from '../generated/ast.js';
import { pointName, sections, variableName } from '../plan-access.js';
import { describeValueSet, isCoded, isNumeric } from '../value-sets.js';
import type { ValueSetModel } from '../plan-vocabulary.js';
import { analysedVariables, formatNumber, kindWord, yieldsShare } from './analysis-kinds.js';
import { pointsOf, valueSetOf, type PlanValidator, type Report, type ValidationContext } from './common.js';

/** What an analysis kind needs of the variable it analyses (SU045). */
type Need = 'numeric' | 'coded' | 'goal' | 'yesno';

/** The help shown with SU045, per need: [sv, en]. Free text gets its own, since it can never be tabulated. */
const HELP: Readonly<Record<Need | 'text', readonly [string, string]>> = {
    numeric: [
        'Analysen räknar med tal och kräver ett antal, ett tal, en poäng, en ordinalskala eller ett index. För koder: använd `frekvens` eller `andel … i kod`.',
        'The analysis computes with numbers and needs a count, a number, a score, an ordinal scale or an index. For codes, use `frekvens` or `andel … i code`.',
    ],
    coded: [
        'Analysen räknar koder och kräver ja/nej, en kodlista, flerval, en skala eller måluppfyllelse. Använd `beskriv` för tal, eller dela in dem i grupper med `härledd … = klassa …`.',
        'The analysis counts codes and needs yes/no, a code list, multiple choice, a scale or goal attainment. Use `beskriv` for numbers, or group them with `härledd … = klassa …`.',
    ],
    goal: [
        'Måluppfyllelse kräver en variabel av typen mål4 eller gas5. För andra koder: använd `andel … i kod`.',
        'Goal attainment needs a variable of type mål4 or gas5. For other codes, use `andel … i code`.',
    ],
    yesno: [
        'Ange vad som räknas: `andel x i 1, 2` för koder eller `andel x > 3` för tal. Bara ja/nej kan stå utan villkor (andelen "Ja").',
        'Say what counts: `andel x i 1, 2` for codes or `andel x > 3` for numbers. Only yes/no may stand without a condition (the share "Ja").',
    ],
    text: [
        'Fritext kan inte sammanställas i tabeller eller räknas. Använd fasta svarsalternativ och låt fritexten bara förtydliga en fast fråga.',
        'Free text cannot be tabulated or computed. Use fixed answers and let free text only clarify a fixed question.',
    ],
};

/** The analysis checks: points, pairs, shares, rates, kinds versus types, phases and groupings (SU041–SU047). */
export class AnalysisValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        const hasPhases = plan.elements.some(e => isPhases(e) && e.phases.length > 0);
        for (const analysis of sections(plan, isAnalyses).flatMap(block => block.analyses)) {
            this.notCollectedAtPoint(analysis, report);
            this.changeWithoutTwoPoints(analysis, report);
            this.shareOutsideRange(analysis, report);
            this.rateWithoutDenominator(analysis, report);
            this.kindDoesNotFitType(analysis, report);
            this.phaseMeansWithoutPhases(analysis, hasPhases, report);
            this.groupingWithoutCategories(analysis, report);
        }
        this.scenarioThresholdOutsideRange(plan, report);
    }

    /**
     * SU041: the analysis looks at a point (`vid`, or a change's two points) where the variable is not
     * collected. A variable without `vid` is collected once per client and is used without a point.
     */
    private notCollectedAtPoint(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        const at = analysis.options.find(isAtOption);
        const atPoint = at?.point?.ref?.ref;
        if (at && atPoint) {
            for (const analysed of analysedVariables(kind)) {
                const variable = analysed.ref?.ref;
                if (variable && !pointsOf(variable).includes(atPoint)) {
                    report({ code: 'SU041', node: at, property: 'point', args: this.pointArgs(analysis, variable, atPoint) });
                }
            }
        }
        if (isChange(kind)) {
            const variable = kind.variable?.ref?.ref;
            if (!variable) return;
            const points = pointsOf(variable);
            for (const property of ['from', 'to'] as const) {
                const point = kind[property]?.ref?.ref;
                if (point && !points.includes(point)) {
                    report({ code: 'SU041', node: kind, property, args: this.pointArgs(analysis, variable, point) });
                }
            }
        }
    }

    /** [analysis, variable, point, where it is collected (sv), (en)]. */
    private pointArgs(analysis: Analysis, variable: PlanVariable, point: MeasurementPoint): string[] {
        const points = pointsOf(variable).map(pointName);
        const where: [string, string] = points.length > 0
            ? [`vid ${points.join(', ')}`, `at ${points.join(', ')}`]
            : ['en gång per klient, utan mätpunkt', 'once per client, without a point'];
        return [analysis.name ?? '', variableName(variable), pointName(point), ...where];
    }

    /** SU042: `förändring` needs two different points, `före -> efter`. */
    private changeWithoutTwoPoints(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        if (!isChange(kind)) return;
        if (!kind.from || !kind.to) {
            report({ code: 'SU042', node: kind, args: [analysis.name ?? ''] });
        } else if (kind.from.ref?.ref && kind.from.ref.ref === kind.to.ref?.ref) {
            report({ code: 'SU042', node: kind, property: 'to', args: [analysis.name ?? ''] });
        }
    }

    /** SU043: a share's target (`målvärde`) and a concentration's top shares lie within 0–100 %. */
    private shareOutsideRange(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        if (isShare(kind) && typeof kind.target === 'number' && outsidePercent(kind.target)) {
            report({ code: 'SU043', node: kind, property: 'target', args: percentArgs(kind.target) });
        }
        if (isConcentration(kind)) {
            kind.shares.forEach((share, index) => {
                if (outsidePercent(share)) report({ code: 'SU043', node: kind, property: 'shares', index, args: percentArgs(share) });
            });
        }
    }

    /** SU043: a scenario threshold on a share (`andel`, `måluppfyllelse`) lies within 0–100 %. */
    private scenarioThresholdOutsideRange(plan: Plan, report: Report): void {
        for (const scenario of sections(plan, isScenarios).flatMap(block => block.scenarios)) {
            for (const part of scenario.rule?.parts ?? []) {
                if (typeof part.value === 'number' && yieldsShare(part.analysis?.ref?.kind) && outsidePercent(part.value)) {
                    report({ code: 'SU043', node: part, property: 'value', args: percentArgs(part.value) });
                }
            }
        }
    }

    /** SU044: `takt` divides by a population table, `av <tabell>`, or a variable, `av variabeln <variabel>`. */
    private rateWithoutDenominator(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        if (isRate(kind) && !kind.population && !kind.populationVariable) report({ code: 'SU044', node: kind, args: [analysis.name ?? ''] });
    }

    /** SU045: each analysed variable has values the analysis kind can work with. */
    private kindDoesNotFitType(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        const need = needOf(kind);
        if (!need) return;
        for (const analysed of analysedVariables(kind)) {
            const variable = analysed.ref?.ref;
            const set = valueSetOf(variable);
            if (!variable || !set || fits(need, set)) continue;
            const help = set.kind === 'text' ? HELP.text : HELP[need];
            report({
                code: 'SU045', node: analysed,
                args: [analysis.name ?? '', kindWord(kind), variableName(variable), describeValueSet(set, 'sv'), help[0], describeValueSet(set, 'en'), help[1]],
            });
        }
    }

    /** SU046: `fasmedel` needs the plan's `faser`. */
    private phaseMeansWithoutPhases(analysis: Analysis, hasPhases: boolean, report: Report): void {
        if (isPhaseMeans(analysis.kind) && !hasPhases) report({ code: 'SU046', node: analysis.kind, args: [analysis.name ?? ''] });
    }

    /** SU047: a grouping (`per`, `mellan`, `korstabell … mot`) splits by codes. */
    private groupingWithoutCategories(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        // Loops rather than filter/flatMap: this runs for every analysis on every rebuild.
        const groupings: Array<VarRef | undefined> = [];
        for (const option of analysis.options) {
            if (isGroupOption(option)) for (const group of option.groups) groupings.push(group);
        }
        groupings.push(isComparison_(kind) ? kind.group : undefined, isCrosstab(kind) ? kind.column : undefined);
        for (const grouping of groupings) {
            const variable = grouping?.ref?.ref;
            const set = valueSetOf(variable);
            if (grouping && variable && set && !isCoded(set)) {
                report({ code: 'SU047', node: grouping, args: [variableName(variable), analysis.name ?? '', describeValueSet(set, 'sv'), describeValueSet(set, 'en')] });
            }
        }
    }
}

function needOf(kind: AnalysisKind | undefined): Need | undefined {
    if (isFrequency(kind) || isCrosstab(kind)) return 'coded';
    if (isDescribe(kind) || isChange(kind) || isPhaseMeans(kind) || isTimeSeries(kind) || isComparison_(kind) || isConcentration(kind)) return 'numeric';
    if (isGoalAttainment(kind)) return 'goal';
    if (isShare(kind)) return kind.codes.length > 0 ? 'coded' : kind.op ? 'numeric' : 'yesno';
    return undefined;
}

function fits(need: Need, set: ValueSetModel): boolean {
    switch (need) {
        case 'numeric': return isNumeric(set);
        case 'coded': return isCoded(set);
        case 'goal': return set.kind === 'goal4' || set.kind === 'goal5';
        case 'yesno': return set.kind === 'yesno';
    }
}

function outsidePercent(value: number): boolean {
    return value < 0 || value > 100;
}

function percentArgs(value: number): string[] {
    return [formatNumber(value, 'sv'), formatNumber(value, 'en')];
}
