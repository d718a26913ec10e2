import {
    isAnalyses, isChange, isChartOption, isCodeLevelOption, isComparison_, isCondition, isPhaseMeans, isPlanRounding, isRate,
    isRoundingOption, isScenarios, isShare, isTimeSeries, isUseVariable,
    type Analysis, type Plan, type PlanRounding, type RoundingOption, type VarRef,
} from '../generated/ast.js';
import { AstUtils } from 'langium';
import { allVariables, sections, variableName } from '../plan-access.js';
import { isGrouped, roundingStepValue } from '../analysis-semantics.js';
import { kindWord } from './analysis-kinds.js';
import { originalValueSet, type PlanValidator, type Report, type ValidationContext } from './common.js';
import { isCoded } from '../value-sets.js';

/**
 * What each analysis computes, stated exactly (issue 14): change direction (SU053), what a rate counts
 * (SU054), code levels of refined variables (SU055, SU056), group rules (SU057), charts (SU058) and
 * rounding steps (SU059).
 */
export class AnalysisDefinitionValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        for (const analysis of sections(plan, isAnalyses).flatMap(block => block.analyses)) {
            this.changeWithoutDirection(analysis, report);
            this.rateWithoutCounting(analysis, report);
            this.codeLevelWithoutRefinement(analysis, report);
            this.chartDoesNotFit(analysis, report);
            for (const option of analysis.options) {
                if (isRoundingOption(option)) this.roundingStep(option, report);
            }
        }
        for (const rounding of sections(plan, isPlanRounding)) this.roundingStep(rounding, report);
        this.conditionLevels(plan, report);
        this.refinedCodeClashes(plan, report);
        this.groupRules(plan, report);
    }

    /** SU053: `förändring` without `riktning`; the quick fixes write either direction. */
    private changeWithoutDirection(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        if (!isChange(kind) || kind.direction) return;
        report({
            code: 'SU053', node: kind, property: kind.measure ? 'measure' : kind.to ? 'to' : 'variable', args: [analysis.name ?? ''],
            subject: analysis.name,
            fix: { kind: 'append', texts: ['riktning lägre är bättre', 'riktning högre är bättre'] },
        });
    }

    /** SU054: `takt` without `räknar`: it counts records, as before; the quick fixes say so, or choose clients. */
    private rateWithoutCounting(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        if (!isRate(kind) || kind.counts) return;
        report({
            code: 'SU054', node: kind, property: kind.population ? 'population' : kind.populationVariable ? 'populationVariable' : 'per', args: [analysis.name ?? ''], subject: analysis.name,
            fix: { kind: 'append', texts: ['räknar registreringar', 'räknar klienter'] },
        });
    }

    /** SU055 for `nivå …` on an analysis whose variable is not refined. */
    private codeLevelWithoutRefinement(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        const analysed = kind && 'variable' in kind ? kind.variable : undefined;
        for (const option of analysis.options) {
            if (!isCodeLevelOption(option) || !analysed?.ref?.ref || isRefined(analysed)) continue;
            report({ code: 'SU055', node: option, property: 'level', args: [variableName(analysed.ref.ref), `nivå ${option.level}`, `level ${option.level}`] });
        }
        if (isShare(kind) && kind.level && kind.variable?.ref?.ref && !isRefined(kind.variable)) {
            report({ code: 'SU055', node: kind, property: 'level', args: [variableName(kind.variable.ref.ref), `i ${kind.level}`, `i ${kind.level}`] });
        }
    }

    /** SU055 for `i original …` / `i fördjupad …` in a condition on a variable that is not refined. */
    private conditionLevels(plan: Plan, report: Report): void {
        for (const condition of AstUtils.streamAst(plan).filter(isCondition)) {
            for (const part of condition.parts) {
                if (!part.level || !part.variable?.ref?.ref || isRefined(part.variable)) continue;
                report({ code: 'SU055', node: part, property: 'level', args: [variableName(part.variable.ref.ref), `i ${part.level}`, `i ${part.level}`] });
            }
        }
    }

    /** SU056: a refined code numbered like an original code of another meaning (`1 "Ja – sms" -> 1` is fine, `2 "Ja – sms" -> 1` is not). */
    private refinedCodeClashes(plan: Plan, report: Report): void {
        for (const use of allVariables(plan)) {
            if (!isUseVariable(use) || use.refinements.length === 0) continue;
            const original = originalValueSet(use);
            if (!isCoded(original)) continue;
            const labels = new Map(original.codes.map(c => [c.code, c.label]));
            for (const refined of use.refinements) {
                const clash = labels.get(refined.code);
                if (clash === undefined || refined.original === refined.code) continue;
                report({
                    code: 'SU056', node: refined, property: 'code', subject: variableName(use),
                    args: [refined.code, refined.label ?? '', clash, refined.original],
                });
            }
        }
    }

    /** SU057: `någon/varje grupp i` on an analysis without groups, or `målet` on one without a target. */
    private groupRules(plan: Plan, report: Report): void {
        for (const scenario of sections(plan, isScenarios).flatMap(block => block.scenarios)) {
            for (const part of scenario.rule?.parts ?? []) {
                const analysis = part.analysis?.ref;
                if (!analysis?.kind) continue;
                if (part.quantifier && !isGrouped(analysis)) {
                    report({ code: 'SU057', node: part, property: 'quantifier', args: [analysis.name ?? '', 'i en gruppregel men analysen är inte uppdelad i grupper', 'in a group rule but the analysis is not split into groups'] });
                }
                if (part.target && !hasTarget(analysis)) {
                    report({ code: 'SU057', node: part, property: 'target', args: [analysis.name ?? '', 'mot `målet` men analysen har inget målvärde', 'against `målet` but the analysis has no target'] });
                }
            }
        }
    }

    /** SU058: a line chart for an analysis that is not over time; grouped bars for one without groups. */
    private chartDoesNotFit(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        for (const option of analysis.options) {
            if (!isChartOption(option)) continue;
            if (option.chart === 'linje' && !isTimeSeries(kind) && !isPhaseMeans(kind) && !isChange(kind)) {
                report({ code: 'SU058', node: option, property: 'chart', args: [analysis.name ?? '', kindWord(kind), 'linjediagram', 'a line chart'] });
            } else if (option.grouped && !isGrouped(analysis) && !isChange(kind) && !isComparison_(kind)) {
                report({ code: 'SU058', node: option, property: 'grouped', args: [analysis.name ?? '', kindWord(kind), 'grupperade staplar', 'grouped bars'] });
            }
        }
    }

    /** SU059: `avrundning` with a step that is not above zero. */
    private roundingStep(node: RoundingOption | PlanRounding, report: Report): void {
        const step = node.step;
        const value = roundingStepValue(step);
        if (step === undefined || (value !== undefined && value > 0)) return;
        report({ code: 'SU059', node, property: 'step', args: [step, step.replace(',', '.')] });
    }
}

function isRefined(ref: VarRef | undefined): boolean {
    const variable = ref?.ref?.ref;
    return isUseVariable(variable) && variable.refinements.length > 0;
}

/** Whether the analysis has a target to compare with (`målet`): a share's `målvärde`, or `jämför … mot`. */
function hasTarget(analysis: Analysis): boolean {
    const kind = analysis.kind;
    return (isShare(kind) && kind.target !== undefined) || (isComparison_(kind) && (kind.targetValue !== undefined || !!kind.targetTable));
}
