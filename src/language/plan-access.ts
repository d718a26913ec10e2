import {
    isItem, isItemGroup, isMeasurementPoints, isVariables, isPointsOption, isRespondentsOption,
    isConditionOption, isBackgroundOption, isOptionalOption, isPerGoalOption, isDefinitionOption,
    isDerivedVariable, isLocalVariable, isUseVariable, isAggregateExpression, isDifferenceExpression,
    type Condition, type MeasurementPoint, type Plan, type PlanElement, type PlanVariable, type VariableOption,
} from './generated/ast.js';
import { lastSegment } from './suplan-naming.js';


/** The name a plan variable is known by (`använd bbic.kön` → `kön`). */
export function variableName(variable: PlanVariable): string {
    if (isUseVariable(variable)) return variable.name ?? lastSegment(variable.variable?.$refText ?? '');
    return variable.name ?? '';
}

/** The id of a measurement point (`före`, or its `som` name). */
export function pointName(point: MeasurementPoint): string {
    return point.name ?? point.kind;
}

/** All elements of one kind, in order (a plan may, wrongly, repeat a section). */
export function sections<T extends PlanElement>(plan: Plan, guard: (e: unknown) => e is T): T[] {
    return plan.elements.filter(guard);
}

export function firstSection<T extends PlanElement>(plan: Plan, guard: (e: unknown) => e is T): T | undefined {
    return plan.elements.find(guard);
}

/** Every variable of the plan in declaration order: groups are followed by their items. */
export function allVariables(plan: Plan): PlanVariable[] {
    const result: PlanVariable[] = [];
    for (const block of sections(plan, isVariables)) {
        for (const declaration of block.variables) {
            result.push(declaration);
            if (isItemGroup(declaration)) result.push(...declaration.items);
        }
    }
    return result;
}

/** Variables a case worker registers (not derived ones, not the group indices). */
export function isRegistered(variable: PlanVariable): boolean {
    return isUseVariable(variable) || isLocalVariable(variable) || isItem(variable);
}

/** The options of a variable; items inherit their group's options. */
export function optionsOf(variable: PlanVariable): readonly VariableOption[] {
    if (isItem(variable)) return isItemGroup(variable.$container) ? variable.$container.options : [];
    return variable.options;
}

/**
 * The measurement points a variable is registered at; an empty list means once per client.
 * A sum, mean or classification without its own `vid` is available wherever its first source is;
 * a difference between two points is one value per client.
 */
export function pointsOf(variable: PlanVariable): MeasurementPoint[] {
    return pointsWithin(variable, new Set());
}

function pointsWithin(variable: PlanVariable, visiting: Set<PlanVariable>): MeasurementPoint[] {
    const points: MeasurementPoint[] = [];
    for (const option of optionsOf(variable)) {
        if (isPointsOption(option)) {
            for (const ref of option.points) if (ref.ref?.ref) points.push(ref.ref.ref);
        }
    }
    if (points.length === 0 && isDerivedVariable(variable) && !visiting.has(variable)) {
        const e = variable.expression;
        if (!e || isDifferenceExpression(e)) return points;
        const sources = isAggregateExpression(e) ? e.items : [e.source];
        const first = sources[0]?.ref?.ref;
        if (first) {
            visiting.add(variable);
            return pointsWithin(first, visiting);
        }
    }
    return points;
}

export function respondentsOf(variable: PlanVariable): string[] {
    return optionsOf(variable).filter(isRespondentsOption).flatMap(o => o.respondents);
}

export function conditionOf(variable: PlanVariable): Condition | undefined {
    return optionsOf(variable).find(isConditionOption)?.condition;
}

export function hasBackground(variable: PlanVariable): boolean {
    return optionsOf(variable).some(isBackgroundOption);
}

export function isOptional(variable: PlanVariable): boolean {
    return optionsOf(variable).some(isOptionalOption);
}

export function isPerClientGoal(variable: PlanVariable): boolean {
    return optionsOf(variable).some(isPerGoalOption);
}

export function definitionOf(variable: PlanVariable): string | undefined {
    return optionsOf(variable).find(isDefinitionOption)?.text;
}

/** All measurement points of the plan in order. */
export function allPoints(plan: Plan): MeasurementPoint[] {
    return sections(plan, isMeasurementPoints).flatMap(s => s.points);
}
