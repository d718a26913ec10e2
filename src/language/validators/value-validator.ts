import type { AstNode } from 'langium';
import {
    ChoiceType, ClassDef, ClassifyExpression, ColumnMapping, Comparison, CountType, GoalAttainment, MultiChoiceType, NamedValueSet, NumberType,
    ScaleType, ScoreType, Share, UseVariable,
    isChoiceType, isClassifyExpression, isItemGroup, isLocalVariable, isMultiChoiceType, isNamedValueSet, isScaleType,
    isUseVariable, isDerivedVariable,
    type CodeLabel, type Plan, type PlanVariable, type RefinedValue,
} from '../generated/ast.js';
import type { CodeModel, ValueSetModel } from '../plan-vocabulary.js';
import { describeValueSet, isCoded } from '../value-sets.js';
import { variableName } from '../plan-access.js';
import { forEachDescendant } from '../ast-walk.js';
import { firstGiven, originalValueSet, valueSetOf, type PlanValidator, type Report, type ValidationContext } from './common.js';

/** Coded value sets whose codes are ordered, so `<` and `>` mean something. */
const ORDINAL_KINDS: ReadonlySet<ValueSetModel['kind']> = new Set(['scale', 'goal4', 'goal5']);
const ORDER_OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
/** The node types `codeListOf` finds a code list in. */
export const CODE_LIST_TYPES: ReadonlySet<string> = new Set([
    ChoiceType.$type, MultiChoiceType.$type, ScaleType.$type, NamedValueSet.$type, UseVariable.$type, ClassifyExpression.$type,
]);
/** The node types `ValueValidator` dispatches on by `$type`; none may have subtypes. */
export const VALUE_CHECKED_TYPES: readonly string[] = [
    ...CODE_LIST_TYPES, Comparison.$type, Share.$type, GoalAttainment.$type, ColumnMapping.$type, CountType.$type, NumberType.$type,
    ScoreType.$type, ClassDef.$type,
];
/** How many codes a message lists before it stops with "…". */
const LISTED_CODES = 12;

/** A list of codes to check for duplicates, with the name the message gives it. */
interface CodeList {
    readonly owner: string;
    readonly entries: ReadonlyArray<CodeLabel | RefinedValue | ClassDef>;
}

/**
 * Codes and ranges: every code a plan writes belongs to its variable's value set, refinements map
 * back to exactly the catalogue's codes, code lists have unique codes, ranges run low to high, and
 * conditions fit their variable (SU020–SU025, SU027). A reference-table row that is not a code of
 * the table's key is SU048 (reference-data-validator), so it is not reported twice.
 */
export class ValueValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        // Dispatch on `$type`: these are all concrete types without subtypes (a test checks that),
        // and one string switch per node is much cheaper than a dozen `isX` guards on thousands of nodes.
        forEachDescendant(plan, node => {
            switch (node.$type) {
                case UseVariable.$type:
                    if ((node as UseVariable).refinements.length > 0) this.refinementMapsBack(node as UseVariable, report);
                    break;
                case Comparison.$type: this.conditionFits(node as Comparison, report); break;
                case Share.$type: this.shareCodesKnown(node as Share, report); break;
                case GoalAttainment.$type: this.reachedCodesKnown(node as GoalAttainment, report); break;
                case ColumnMapping.$type: this.extractCodesKnown(node as ColumnMapping, report); break;
                case CountType.$type: case NumberType.$type: case ScoreType.$type: case ClassDef.$type:
                    this.rangeInOrder(node as CountType | NumberType | ScoreType | ClassDef, report);
                    break;
            }
            if (!CODE_LIST_TYPES.has(node.$type)) return;
            const list = codeListOf(node);
            if (list) this.codesUnique(list, report);
        });
    }

    /**
     * A refined catalogue variable: SU023 when the catalogue variable has no codes; otherwise SU021 for
     * each refined value pointing to a code the catalogue does not have, and SU022 for each catalogue
     * code no refined value points to. Both SU022 and SU023 underline the catalogue reference.
     */
    private refinementMapsBack(use: UseVariable, report: Report): void {
        const original = originalValueSet(use);
        if (!original) return; // unresolved: SU012 says so
        const name = variableName(use);
        if (!isCoded(original)) {
            report({ code: 'SU023', node: use, property: 'variable', args: [name, describeValueSet(original, 'sv'), describeValueSet(original, 'en')] });
            return;
        }
        const originals = new Set(original.codes.map(c => c.code));
        for (const refined of use.refinements) {
            if (refined.original !== undefined && !originals.has(refined.original)) {
                report({ code: 'SU021', node: refined, property: 'original', args: [refined.code, refined.original, name, listCodes(original.codes)] });
            }
        }
        const covered = new Set(use.refinements.map(r => r.original));
        for (const code of original.codes) {
            if (covered.has(code.code)) continue;
            report({
                code: 'SU022', node: use, property: 'variable', args: [code.code, code.label, name],
                fix: { kind: 'addRefinedValue', original: code.code, label: code.label },
            });
        }
    }

    /**
     * A condition (`när`, `bland`, `takt för`): SU027 when its form does not fit the variable
     * (`i` on a number, date or text; `<`/`>` on codes without order; any comparison on a date or text),
     * otherwise SU020 for each code (`i 1, 2` or `= 1`) the variable does not have.
     */
    private conditionFits(comparison: Comparison, report: Report): void {
        const variable = comparison.variable?.ref.ref;
        const set = valueSetOf(variable);
        if (!variable || !set) return;
        const name = variableName(variable);
        if (comparison.op === undefined) {
            if (!isCoded(set)) {
                report({ code: 'SU027', node: comparison, args: [name, 'väljer koder med `i`', describeValueSet(set, 'sv'), 'selects codes with `i`', describeValueSet(set, 'en')] });
                return;
            }
            comparison.codes.forEach((code, index) => {
                const args = notInValueSet(code, variable);
                if (args) report({ code: 'SU020', node: comparison, property: 'codes', index, args });
            });
            return;
        }
        if (isCoded(set)) {
            if (ORDER_OPS.has(comparison.op) && !ORDINAL_KINDS.has(set.kind)) {
                report({
                    code: 'SU027', node: comparison, property: 'op',
                    args: [name, `jämför koder med \`${comparison.op}\``, `${describeValueSet(set, 'sv')} utan ordning`,
                        `compares codes with \`${comparison.op}\``, `${describeValueSet(set, 'en')} without order`],
                });
            } else if (!ORDER_OPS.has(comparison.op)) {
                const args = notInValueSet(comparison.value, variable);
                if (args) report({ code: 'SU020', node: comparison, property: 'value', args });
            }
        } else if (set.kind === 'date' || set.kind === 'text') {
            report({ code: 'SU027', node: comparison, property: 'op', args: [name, 'jämför med ett tal', describeValueSet(set, 'sv'), 'compares with a number', describeValueSet(set, 'en')] });
        }
    }

    /** SU020 in `andel x i 1, 2` and `andel x = 1` on a variable with codes (other mismatches are SU045). */
    private shareCodesKnown(share: Share, report: Report): void {
        const variable = share.variable?.ref.ref;
        if (!isCoded(valueSetOf(variable)) || !variable) return;
        share.codes.forEach((code, index) => {
            const args = notInValueSet(code, variable);
            if (args) report({ code: 'SU020', node: share, property: 'codes', index, args });
        });
        if (share.op === '=' || share.op === '!=') {
            const args = notInValueSet(share.value, variable);
            if (args) report({ code: 'SU020', node: share, property: 'value', args });
        }
    }

    /** SU020 in `måluppfyllelse x nått 1, 2`. */
    private reachedCodesKnown(goal: GoalAttainment, report: Report): void {
        const variable = goal.variable?.ref.ref;
        if (!isCoded(valueSetOf(variable)) || !variable) return;
        goal.codes.forEach((code, index) => {
            const args = notInValueSet(code, variable);
            if (args) report({ code: 'SU020', node: goal, property: 'codes', index, args });
        });
    }

    /** SU020 in an extract's code mapping `"K" -> 9`: the target code must be one of the variable's. */
    private extractCodesKnown(column: ColumnMapping, report: Report): void {
        const variable = column.variable?.ref.ref;
        if (!isCoded(valueSetOf(variable)) || !variable) return;
        for (const mapping of column.codes) {
            const args = notInValueSet(mapping.code, variable);
            if (args) report({ code: 'SU020', node: mapping, property: 'code', args });
        }
    }

    /** SU025: a range `min..max` of a count, number, score or class with min > max. */
    private rangeInOrder(node: CountType | NumberType | ScoreType | ClassDef, report: Report): void {
        const range = node.range;
        if (range && range.min !== undefined && range.max !== undefined && range.min > range.max) {
            report({ code: 'SU025', node, property: 'range', args: [range.min, range.max] });
        }
    }

    /** SU024: a code that occurs earlier in the same list (code list, value set, refinement, classes). */
    private codesUnique(list: CodeList, report: Report): void {
        const seen = new Map<number, AstNode>();
        for (const entry of list.entries) {
            if (entry.code === undefined) continue;
            const first = seen.get(entry.code);
            if (first) report({ code: 'SU024', node: entry, property: 'code', args: [entry.code, list.owner], related: firstGiven(first, 'code') });
            else seen.set(entry.code, entry);
        }
    }
}

/**
 * The codes a plan may write for a variable: its value set's codes, and for a refined catalogue
 * variable also the catalogue's original codes (`när samtal = 1` selects every "Ja – …").
 */
function allowedCodes(variable: PlanVariable): readonly CodeModel[] | undefined {
    const set = valueSetOf(variable);
    if (!isCoded(set)) return undefined;
    if (!isUseVariable(variable) || variable.refinements.length === 0) return set.codes;
    const original = originalValueSet(variable);
    const extra = isCoded(original) ? original.codes.filter(o => !set.codes.some(c => c.code === o.code)) : [];
    return [...set.codes, ...extra];
}

/** SU020's arguments when `code` is not one the plan may write for `variable`; undefined when it is (or cannot be told). */
function notInValueSet(code: number | undefined, variable: PlanVariable): readonly (string | number)[] | undefined {
    const allowed = allowedCodes(variable);
    if (code === undefined || !allowed || allowed.some(c => c.code === code)) return undefined;
    return [code, variableName(variable), listCodes(allowed)];
}

/** `1 "Flicka", 2 "Pojke", 3 "Annat eller okänt"` (the first dozen, then "…"). */
function listCodes(codes: readonly CodeModel[]): string {
    const shown = codes.slice(0, LISTED_CODES).map(c => `${c.code} "${c.label}"`);
    return codes.length > LISTED_CODES ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** The code list a node holds, named after what the plan calls it. */
function codeListOf(node: AstNode): CodeList | undefined {
    if (isChoiceType(node) || isMultiChoiceType(node) || isScaleType(node)) {
        const owner = node.$container;
        const name = isLocalVariable(owner) || isItemGroup(owner) ? owner.name : '';
        return { owner: name, entries: node.codes };
    }
    if (isNamedValueSet(node)) return { owner: node.name, entries: node.codes };
    if (isUseVariable(node) && node.refinements.length > 0) return { owner: variableName(node), entries: node.refinements };
    if (isClassifyExpression(node)) {
        const owner = node.$container;
        return { owner: isDerivedVariable(owner) ? owner.name : '', entries: node.classes };
    }
    return undefined;
}
