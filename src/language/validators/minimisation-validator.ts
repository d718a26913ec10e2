import type { AstNode } from 'langium';
import {
    isAnalyses, isDerivedVariable, isItemGroup, isLocalVariable, isReferenceData, isTextType, isUseVariable, isVarRef, isVariables,
    type Plan, type PlanVariable,
} from '../generated/ast.js';
import { allVariables, conditionOf, isRegistered, variableName } from '../plan-access.js';
import { forEachDescendant } from '../ast-walk.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';
import { syntaxDamage } from './syntax-damage.js';

/** The sections where a variable is used (analyses, reference tables) or made to depend on another (derived variables, `när`). */
const USING_SECTIONS: ReadonlyArray<readonly [string, (element: unknown) => boolean]> = [
    ['analyser', isAnalyses], ['referensdata', isReferenceData], ['variabler', isVariables],
];

/**
 * Data minimisation (SU040): collect no more than will be used. A registered variable (`använd`,
 * `lokal`, an item of a `frågegrupp`) is used when an analysis or a reference table refers to it —
 * as analysed variable, grouping, filter or rate condition, or as a table's key or row — or when
 * something used depends on it: a derived variable or a group index built from it, a used variable
 * asked only when it has a given value (`när`), or, for free text, the used question it clarifies.
 * `bakgrund` variables get no exemption: they too must be used, e.g. as a `per` grouping.
 */
export class MinimisationValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        this.variableNotUsed(plan, report);
    }

    private variableNotUsed(plan: Plan, report: Report): void {
        // A use may be in a part the parser could not read.
        const damage = syntaxDamage(plan);
        if (damage.any && USING_SECTIONS.some(([keyword, is]) => damage.mayHaveLost(keyword, plan.elements.filter(is)))) return;
        const used = usedVariables(plan);
        for (const variable of allVariables(plan)) {
            if (!isRegistered(variable) || used.has(variable)) continue;
            if (isUseVariable(variable) && !variable.variable?.ref) continue; // unresolved: SU012 is its one error
            const name = variableName(variable);
            if (!name) continue;
            const problem = { code: 'SU040', args: [name], subject: name, fix: { kind: 'removeVariable', name } } as const;
            if (isUseVariable(variable)) report({ ...problem, node: variable, property: variable.name ? 'name' : 'variable' });
            else report({ ...problem, node: variable, property: 'name' });
        }
    }
}

/** Every plan variable an analysis or a reference table needs, directly or through what depends on it. */
export function usedVariables(plan: Plan): Set<PlanVariable> {
    const used = new Set<PlanVariable>();
    const pending: PlanVariable[] = [];
    const use = (variable: PlanVariable | undefined): void => {
        if (variable && !used.has(variable)) {
            used.add(variable);
            pending.push(variable);
        }
    };
    for (const element of plan.elements) {
        if (isAnalyses(element) || isReferenceData(element)) referencedIn(element).forEach(use);
    }
    const clarifiers: Array<{ text: PlanVariable; clarifies: PlanVariable }> = [];
    for (const variable of allVariables(plan)) {
        const clarified = isLocalVariable(variable) && isTextType(variable.type) ? variable.type.clarifies?.ref?.ref : undefined;
        if (clarified) clarifiers.push({ text: variable, clarifies: clarified });
    }
    for (;;) {
        while (pending.length > 0) {
            const variable = pending.pop()!;
            if (isDerivedVariable(variable)) referencedIn(variable.expression).forEach(use);
            if (isItemGroup(variable)) variable.items.forEach(use);
            const condition = conditionOf(variable);
            if (condition) referencedIn(condition).forEach(use);
        }
        // Free text that clarifies a used question is used with it.
        const clarifying = clarifiers.filter(c => !used.has(c.text) && used.has(c.clarifies));
        if (clarifying.length === 0) return used;
        clarifying.forEach(c => use(c.text));
    }
}

/** The variables that `node` and its descendants refer to. */
function referencedIn(node: AstNode | undefined): PlanVariable[] {
    if (!node) return [];
    const found: PlanVariable[] = [];
    const collect = (child: AstNode): void => {
        if (isVarRef(child) && child.ref?.ref) found.push(child.ref.ref);
    };
    collect(node);
    forEachDescendant(node, collect);
    return found;
}
