import {
    isAnalyses, isPhases, isReferenceData, isUseVariable, isValueSets,
    type Analysis, type MeasurementPoint, type NamedValueSet, type Phase, type Plan, type PlanVariable, type ReferenceTable,
} from '../generated/ast.js';
import { allPoints, allVariables, pointName, sections, variableName } from '../plan-access.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';

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
        for (const variable of repeats(allVariables(plan), variableName)) {
            this.reportVariable(variable, report);
        }
    }

    private reportVariable(variable: PlanVariable, report: Report): void {
        const name = variableName(variable);
        if (isUseVariable(variable) && !variable.name) report({ code: 'SU030', node: variable, property: 'variable', args: [name] });
        else report({ code: 'SU030', node: variable, property: 'name', args: [name] });
    }

    /** A second `uppföljning` without `som` repeats the name `uppföljning`. */
    private pointNamesUnique(plan: Plan, report: Report): void {
        for (const point of repeats(allPoints(plan), pointName)) {
            this.reportPoint(point, report);
        }
    }

    private reportPoint(point: MeasurementPoint, report: Report): void {
        report({ code: 'SU030', node: point, property: point.name ? 'name' : 'kind', args: [pointName(point)] });
    }

    private namesUnique(nodes: ReadonlyArray<NamedValueSet | ReferenceTable | Analysis | Phase>, report: Report): void {
        for (const node of repeats(nodes, n => n.name)) {
            report({ code: 'SU030', node, property: 'name', args: [node.name] });
        }
    }
}

/** Every element whose name an earlier element already has (the first one is not a repeat). */
function repeats<T>(elements: readonly T[], nameOf: (element: T) => string | undefined): T[] {
    const seen = new Set<string>();
    const found: T[] = [];
    for (const element of elements) {
        const name = nameOf(element);
        if (!name) continue;
        if (seen.has(name)) found.push(element);
        else seen.add(name);
    }
    return found;
}
