import {
    isAnalyses, isPhases, isReferenceData, isUseVariable, isValueSets,
    type Analysis, type MeasurementPoint, type NamedValueSet, type Phase, type Plan, type PlanVariable, type ReferenceTable,
} from '../generated/ast.js';
import { allPoints, allVariables, pointName, sections, variableName } from '../plan-access.js';
import { firstDeclared, type PlanValidator, type Report, type ValidationContext } from './common.js';

/**
 * Names are unique within each kind: variables (with items and `använd` names), measurement points,
 * value sets, reference tables, analyses and phases (SU030). Different kinds may share a name:
 * references are typed, so a value set `kön` and a variable `kön` never meet.
 */
export class NamingValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        this.variableNamesUnique(plan, report);
        this.pointNamesUnique(plan, report);
        this.namesUnique(sections(plan, isValueSets).flatMap(block => block.sets), report);
        this.namesUnique(sections(plan, isReferenceData).flatMap(block => block.tables), report);
        this.namesUnique(sections(plan, isAnalyses).flatMap(block => block.analyses), report);
        this.namesUnique(sections(plan, isPhases).flatMap(block => block.phases), report);
    }

    /** `använd test.kön` is named `kön` unless it says `som …`; the name is then its reference. */
    private variableNamesUnique(plan: Plan, report: Report): void {
        for (const [variable, first] of repeats(allVariables(plan), variableName)) {
            const problem = { code: 'SU030', args: [variableName(variable)], related: firstDeclared(first, nameProperty(first)) } as const;
            if (isUseVariable(variable)) report({ ...problem, node: variable, property: nameProperty(variable) });
            else report({ ...problem, node: variable, property: 'name' });
        }
    }

    /** A second `uppföljning` without `som` repeats the name `uppföljning`. */
    private pointNamesUnique(plan: Plan, report: Report): void {
        for (const [point, first] of repeats(allPoints(plan), pointName)) {
            report({ code: 'SU030', node: point, property: pointNameProperty(point), args: [pointName(point)], related: firstDeclared(first, pointNameProperty(first)) });
        }
    }

    private namesUnique(nodes: ReadonlyArray<NamedValueSet | ReferenceTable | Analysis | Phase>, report: Report): void {
        for (const [node, first] of repeats(nodes, n => n.name)) {
            report({ code: 'SU030', node, property: 'name', args: [node.name], related: firstDeclared(first, 'name') });
        }
    }
}

/** Where a variable's name is written: `använd test.kön` without `som` is named by its reference. */
function nameProperty(variable: PlanVariable): 'name' | 'variable' {
    return isUseVariable(variable) && !variable.name ? 'variable' : 'name';
}

/** A second `uppföljning` without `som` is named by its kind. */
function pointNameProperty(point: MeasurementPoint): 'name' | 'kind' {
    return point.name ? 'name' : 'kind';
}

/** Every element whose name an earlier element already has (the first one is not a repeat), with that first element. */
function repeats<T>(elements: readonly T[], nameOf: (element: T) => string | undefined): Array<[repeat: T, first: T]> {
    const first = new Map<string, T>();
    const found: Array<[T, T]> = [];
    for (const element of elements) {
        const name = nameOf(element);
        if (!name) continue;
        const earlier = first.get(name);
        if (earlier) found.push([element, earlier]);
        else first.set(name, element);
    }
    return found;
}
