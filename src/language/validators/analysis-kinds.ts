import { formatDecimal } from '../../text/numbers.js';
import {
    isChange, isComparison_, isConcentration, isCrosstab, isDescribe, isFrequency, isGoalAttainment, isPhaseMeans, isRate,
    isShare, isTimeSeries,
    type AnalysisKind, type VarRef,
} from '../generated/ast.js';

/** The Swedish keyword of an analysis kind, as written in the plan (`frekvens`, `förändring`, …). */
export function kindWord(kind: AnalysisKind | undefined): string {
    if (isFrequency(kind)) return 'frekvens';
    if (isCrosstab(kind)) return 'korstabell';
    if (isDescribe(kind)) return 'beskriv';
    if (isChange(kind)) return 'förändring';
    if (isShare(kind)) return 'andel';
    if (isGoalAttainment(kind)) return 'måluppfyllelse';
    if (isTimeSeries(kind)) return 'tidsserie';
    if (isPhaseMeans(kind)) return 'fasmedel';
    if (isRate(kind)) return 'takt';
    if (isComparison_(kind)) return 'jämför';
    if (isConcentration(kind)) return 'koncentration';
    return '';
}

/**
 * The references to the variables an analysis analyses: the measured ones, not its groupings.
 * `korstabell`'s row is analysed and its column is a grouping; `takt` analyses no variable.
 */
export function analysedVariables(kind: AnalysisKind | undefined): VarRef[] {
    if (!kind) return [];
    if (isComparison_(kind)) return [...kind.variables];
    if (isCrosstab(kind)) return kind.row ? [kind.row] : [];
    if (isRate(kind)) return [];
    return kind.variable ? [kind.variable] : [];
}

/** Whether a scenario rule can compare the analysis's result: it yields one number (a share, a mean difference, a mean). */
export function yieldsSingleNumber(kind: AnalysisKind | undefined): boolean {
    return isShare(kind) || isChange(kind) || isGoalAttainment(kind) || isDescribe(kind);
}

/** Analyses whose result is a share in percent, so a threshold on it must lie within 0–100 %. */
export function yieldsShare(kind: AnalysisKind | undefined): boolean {
    return isShare(kind) || isGoalAttainment(kind);
}

/** A number in a message: Swedish with a decimal comma, English with a point. */
export function formatNumber(value: number, language: 'sv' | 'en'): string {
    return formatDecimal(Math.round(value * 100) / 100, language);
}
