import {
    isAggregateExpression, isClassifyExpression, isDerivedVariable, isDifferenceExpression, isItemGroup,
    type AggregateExpression, type ClassifyExpression, type DerivedVariable, type DifferenceExpression, type ItemGroup,
    type Plan, type VarRef,
} from '../generated/ast.js';
import { describeValueSet, isNumeric, localValueSet } from '../value-sets.js';
import { allVariables, variableName } from '../plan-access.js';
import { valueSetOf, type PlanValidator, type Report, type ValidationContext } from './common.js';

/** A problem detail in both languages; the SU052 templates show {1} in Swedish and {2} in English. */
type Detail = readonly [sv: string, en: string];

/**
 * Derived variables and group indices are computed, never asked, so their inputs must allow the
 * computation (SU052): sums and means of numbers, `klassa` of a number into classes that do not
 * overlap, `skillnad` of a number between two different points, and no derivation of itself.
 */
export class DerivedValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        const variables = allVariables(plan);
        const derived = variables.filter(isDerivedVariable);
        for (const variable of derived) {
            const e = variable.expression;
            if (isAggregateExpression(e)) this.aggregateOfNumbers(variable, e, report);
            else if (isClassifyExpression(e)) this.classifyNumber(variable, e, report);
            else if (isDifferenceExpression(e)) this.differenceOfNumber(variable, e, report);
            this.notDerivedFromItself(variable, report);
        }
        for (const group of variables.filter(isItemGroup)) this.indexOfNumbers(group, report);
    }

    /** `summa(a, b)` / `medel(a, b)`: every input must be numeric. */
    private aggregateOfNumbers(variable: DerivedVariable, e: AggregateExpression, report: Report): void {
        e.items.forEach((item, index) => {
            const source = item.ref.ref;
            const set = valueSetOf(source);
            if (!source || !set || isNumeric(set)) return;
            const detail = aggregateDetail(e.function, `"${variableName(source)}"`, describeValueSet(set, 'sv'), describeValueSet(set, 'en'));
            report({ code: 'SU052', node: e, property: 'items', index, args: [variable.name, ...detail] });
        });
    }

    /** `frågegrupp … { … index summa }`: the group's statements must be numeric. */
    private indexOfNumbers(group: ItemGroup, report: Report): void {
        const set = localValueSet(group.type);
        if (!group.index || !set || isNumeric(set)) return;
        const [sv, en] = aggregateDetail(group.index, '', describeValueSet(set, 'sv'), describeValueSet(set, 'en'));
        report({ code: 'SU052', node: group, property: 'index', args: [group.name, sv, en] });
    }

    /** `klassa x { … }`: x must be numeric, and no two classes may overlap. */
    private classifyNumber(variable: DerivedVariable, e: ClassifyExpression, report: Report): void {
        this.sourceIsNumber(variable, e, ['klassar', 'classifies'], report);
        this.classesApart(variable, e, report);
    }

    /** The source of `klassa` or `skillnad` must be numeric; `verb` says what the derivation does with it ([sv, en]). */
    private sourceIsNumber(variable: DerivedVariable, e: ClassifyExpression | DifferenceExpression, verb: readonly [string, string], report: Report): void {
        const source = e.source?.ref.ref;
        const set = valueSetOf(source);
        if (!source || !set || isNumeric(set)) return;
        const name = variableName(source);
        report({
            code: 'SU052', node: e, property: 'source',
            args: [variable.name, `${verb[0]} "${name}", som är ${describeValueSet(set, 'sv')}`, `${verb[1]} "${name}", which is ${describeValueSet(set, 'en')}`],
        });
    }

    /** Each class that overlaps an earlier one (classes with a reversed range are SU025's). */
    private classesApart(variable: DerivedVariable, e: ClassifyExpression, report: Report): void {
        const valid = e.classes.filter(c => c.range && c.range.min !== undefined && c.range.max !== undefined && c.range.min <= c.range.max);
        valid.forEach((later, i) => {
            const earlier = valid.slice(0, i).find(c => c.range.min <= later.range.max && later.range.min <= c.range.max);
            if (!earlier) return;
            const ranges = `${earlier.range.min}..${earlier.range.max} och ${later.range.min}..${later.range.max}`;
            const rangesEn = `${earlier.range.min}..${earlier.range.max} and ${later.range.min}..${later.range.max}`;
            report({
                code: 'SU052', node: later, property: 'range',
                args: [variable.name, `har klasserna ${earlier.code} och ${later.code} som överlappar (${ranges})`,
                    `has classes ${earlier.code} and ${later.code} that overlap (${rangesEn})`],
            });
        });
    }

    /** `skillnad x före -> efter`: x must be numeric and the points different. */
    private differenceOfNumber(variable: DerivedVariable, e: DifferenceExpression, report: Report): void {
        this.sourceIsNumber(variable, e, ['räknar skillnaden i', 'takes the difference of'], report);
        const from = e.from?.ref.ref;
        if (from && from === e.to?.ref.ref) {
            const point = e.to.ref.$refText;
            report({
                code: 'SU052', node: e, property: 'to',
                args: [variable.name, `jämför mätpunkten "${point}" med sig själv`, `compares the point "${point}" with itself`],
            });
        }
    }

    /**
     * A derivation that needs itself, directly (`härledd x = summa(x, y)`) or through other derived
     * variables; reported once per variable, on the first reference that leads back to it.
     */
    private notDerivedFromItself(variable: DerivedVariable, report: Report): void {
        const refs = sourcesOf(variable);
        for (const [index, ref] of refs.entries()) {
            const target = ref.ref.ref;
            if (!isDerivedVariable(target)) continue;
            const path = target === variable ? [] : pathBack(target, variable);
            if (!path) continue;
            const via = path.map(v => `"${v.name}"`).join(', ');
            const detail: Detail = via
                ? [`beror på sig själv via ${via}`, `depends on itself through ${via}`]
                : ['beror på sig själv', 'depends on itself'];
            const e = variable.expression;
            const args = [variable.name, ...detail];
            if (isAggregateExpression(e)) report({ code: 'SU052', node: e, property: 'items', index, args });
            else if (isClassifyExpression(e) || isDifferenceExpression(e)) report({ code: 'SU052', node: e, property: 'source', args });
            return;
        }
    }
}

/** [sv, en] for a sum or mean over something that is not a number. `what` names the input; empty means "statements". */
function aggregateDetail(fn: 'summa' | 'medel', what: string, sv: string, en: string): Detail {
    const sum = fn === 'summa';
    if (!what) {
        return [`${sum ? 'summerar' : 'räknar medelvärde av'} frågor som är ${sv}`, `${sum ? 'sums' : 'averages'} statements that are ${en}`];
    }
    return [`${sum ? 'summerar' : 'räknar medelvärde av'} ${what}, som är ${sv}`, `${sum ? 'sums' : 'averages'} ${what}, which is ${en}`];
}

/** The variables a derivation reads, in the order written. */
function sourcesOf(variable: DerivedVariable): readonly VarRef[] {
    const e = variable.expression;
    if (isAggregateExpression(e)) return e.items;
    if ((isClassifyExpression(e) || isDifferenceExpression(e)) && e.source) return [e.source];
    return [];
}

/** The derived variables from `start` (inclusive) that lead back to `goal`, or undefined when none do. */
function pathBack(start: DerivedVariable, goal: DerivedVariable): DerivedVariable[] | undefined {
    const visited = new Set<DerivedVariable>();
    const walk = (current: DerivedVariable): DerivedVariable[] | undefined => {
        if (visited.has(current)) return undefined;
        visited.add(current);
        for (const ref of sourcesOf(current)) {
            const next = ref.ref.ref;
            if (next === goal) return [current];
            if (isDerivedVariable(next)) {
                const rest = walk(next);
                if (rest) return [current, ...rest];
            }
        }
        return undefined;
    };
    return walk(start);
}
