import { AstUtils } from 'langium';
import {
    isCatalogue, isCodeListSet, isCountSet, isDateSet, isNumberSet, isTextSet, isYesNoSet,
    isAggregateExpression, isChoiceType, isClassifyExpression, isCountType, isDateType, isDifferenceExpression,
    isGoalScaleType, isItem, isItemGroup, isLocalVariable, isMultiChoiceType, isNumberType, isScaleType, isScoreType,
    isTextType, isUseVariable, isValueSetRef, isYesNoType, isDerivedVariable,
    type CatalogueValueSet, type CatalogueVariable, type CodeLabel, type LocalType, type PlanVariable, type Range, type UseVariable,
} from './generated/ast.js';
import type { CodeModel, CodedValueSetModel, ValueSetModel } from './plan-vocabulary.js';
import type { Bilingual } from '../text/messages.js';

export const YES_NO: readonly CodeModel[] = [{ code: 1, label: 'Ja' }, { code: 2, label: 'Nej' }];

/** The four-category goal-attainment scale of the guide. Code 1 means the goal was reached. */
export const GOAL4: readonly CodeModel[] = [
    { code: 1, label: 'Positiv förändring, målet uppnått' },
    { code: 2, label: 'Positiv förändring, målet inte uppnått' },
    { code: 3, label: 'Ingen förändring' },
    { code: 4, label: 'Negativ förändring' },
];

/** The five-step goal-attainment scale (GAS). Codes 3–5 mean the expected level or better. */
export const GOAL5: readonly CodeModel[] = [
    { code: 1, label: 'Mycket mindre än förväntat' },
    { code: 2, label: 'Mindre än förväntat' },
    { code: 3, label: 'Förväntad nivå' },
    { code: 4, label: 'Mer än förväntat' },
    { code: 5, label: 'Mycket mer än förväntat' },
];

/** Default "reached" codes for goal-attainment analyses. */
export const GOAL_REACHED: Readonly<Record<'goal4' | 'goal5', readonly number[]>> = { goal4: [1], goal5: [3, 4, 5] };

function codes(list: readonly CodeLabel[]): CodeModel[] {
    return list.filter(c => c.code !== undefined).map(c => ({ code: c.code, label: c.label ?? '' }));
}

function range(r: Range | undefined): { min?: number; max?: number } {
    const result: { min?: number; max?: number } = {};
    if (typeof r?.min === 'number') result.min = r.min;
    if (typeof r?.max === 'number') result.max = r.max;
    return result;
}

/** A number value set without keys whose value is undefined (the model is plain JSON). */
function numberSet(r: Range | undefined, unit: string | undefined, decimals: number | undefined): ValueSetModel {
    return {
        kind: 'number', ...range(r),
        ...(unit !== undefined ? { unit } : {}),
        ...(decimals !== undefined ? { decimals } : {}),
    };
}

export function catalogueValueSet(set: CatalogueValueSet | undefined): ValueSetModel {
    if (!set) return { kind: 'text' };
    if (isDateSet(set)) return { kind: 'date' };
    if (isYesNoSet(set)) return { kind: 'yesno', codes: YES_NO };
    if (isCodeListSet(set)) return { kind: 'choice', codes: codes(set.codes) };
    if (isCountSet(set)) return { kind: 'count', ...range(set.range) };
    if (isNumberSet(set)) return numberSet(set.range, set.unit, set.decimals);
    if (isTextSet(set)) return { kind: 'text' };
    return { kind: 'text' };
}

export function localValueSet(type: LocalType | undefined): ValueSetModel | undefined {
    if (!type) return undefined;
    if (isCountType(type)) return { kind: 'count', ...range(type.range) };
    if (isNumberType(type)) return numberSet(type.range, type.unit, type.decimals);
    if (isDateType(type)) return { kind: 'date' };
    if (isYesNoType(type)) return { kind: 'yesno', codes: YES_NO };
    if (isChoiceType(type)) return { kind: 'choice', codes: codes(type.codes) };
    if (isMultiChoiceType(type)) return { kind: 'multi', codes: codes(type.codes) };
    if (isScaleType(type)) return { kind: 'scale', codes: codes(type.codes) };
    if (isScoreType(type)) return { kind: 'score', ...range(type.range), ...(type.instrument !== undefined ? { instrument: type.instrument } : {}) };
    if (isGoalScaleType(type)) return type.scale === 'gas5' ? { kind: 'goal5', codes: GOAL5 } : { kind: 'goal4', codes: GOAL4 };
    if (isTextType(type)) return { kind: 'text' };
    if (isValueSetRef(type)) {
        const named = type.valueSet?.ref;
        if (!named) return undefined;
        return { kind: named.ordinal ? 'scale' : 'choice', codes: codes(named.codes), named: named.name };
    }
    return undefined;
}

/** The value set a catalogue variable has in its catalogue (before any refinement). */
export function originalValueSet(use: UseVariable): ValueSetModel | undefined {
    const target = use.variable?.ref;
    return target ? catalogueValueSet(target.valueSet) : undefined;
}

/**
 * The values a plan variable takes as registered: a refined catalogue variable takes its detailed
 * codes; an item takes its group's type; an index, sums, means and differences are numbers (with
 * their bounds when the sources have them); `klassa` gives codes.
 * Undefined while the variable's references are unresolved.
 */
export function valueSetOf(variable: PlanVariable | undefined): ValueSetModel | undefined {
    return valueSetWithin(variable, new Set());
}

function valueSetWithin(variable: PlanVariable | undefined, visiting: Set<PlanVariable>): ValueSetModel | undefined {
    if (!variable || visiting.has(variable)) return undefined;
    if (isUseVariable(variable)) {
        const original = originalValueSet(variable);
        if (variable.refinements.length > 0 && original && isCoded(original)) {
            return { kind: original.kind === 'yesno' ? 'choice' : original.kind, codes: variable.refinements.map(r => ({ code: r.code, label: r.label ?? '' })) };
        }
        return original;
    }
    if (isLocalVariable(variable)) return localValueSet(variable.type);
    if (isItem(variable)) return isItemGroup(variable.$container) ? localValueSet(variable.$container.type) : undefined;
    visiting.add(variable);
    try {
        if (isItemGroup(variable)) {
            const item = localValueSet(variable.type);
            return aggregateValueSet(variable.index === 'medel' ? 'medel' : 'summa', variable.items.map(() => item));
        }
        if (isDerivedVariable(variable)) {
            const e = variable.expression;
            if (isClassifyExpression(e)) return { kind: 'choice', codes: e.classes.map(c => ({ code: c.code, label: c.label ?? '' })) };
            if (isAggregateExpression(e)) return aggregateValueSet(e.function, e.items.map(i => valueSetWithin(i.ref?.ref, visiting)));
            if (isDifferenceExpression(e)) {
                const [min, max] = bounds(valueSetWithin(e.source?.ref?.ref, visiting));
                return min !== undefined && max !== undefined ? { kind: 'number', min: min - max, max: max - min } : { kind: 'number' };
            }
        }
    } finally {
        visiting.delete(variable);
    }
    return undefined;
}

/** The lowest and highest value a numeric value set can take, when known. */
export function bounds(set: ValueSetModel | undefined): [number | undefined, number | undefined] {
    if (!set || !isNumeric(set)) return [undefined, undefined];
    if (isCoded(set)) {
        if (set.codes.length === 0) return [undefined, undefined];
        const values = set.codes.map(c => c.code);
        return [Math.min(...values), Math.max(...values)];
    }
    if (set.kind === 'count') return [set.min ?? 0, set.max];
    if (set.kind === 'number' || set.kind === 'score') return [set.min, set.max];
    return [undefined, undefined];
}

/** A sum or mean of values: a number, bounded when every part is bounded. */
export function aggregateValueSet(fn: 'summa' | 'medel', parts: readonly (ValueSetModel | undefined)[]): ValueSetModel {
    const all = parts.map(bounds);
    if (all.length === 0 || all.some(([min, max]) => min === undefined || max === undefined)) return { kind: 'number' };
    const mins = all.map(b => b[0] ?? 0);
    const maxs = all.map(b => b[1] ?? 0);
    if (fn === 'summa') return { kind: 'number', min: mins.reduce((a, b) => a + b, 0), max: maxs.reduce((a, b) => a + b, 0) };
    return { kind: 'number', min: Math.min(...mins), max: Math.max(...maxs) };
}

export function isCoded(set: ValueSetModel | undefined): set is CodedValueSetModel {
    return !!set && 'codes' in set;
}

/** Values that can be averaged: counts, numbers, scores, and ordinal scales. */
export function isNumeric(set: ValueSetModel | undefined): boolean {
    return !!set && ['count', 'number', 'score', 'scale', 'goal5'].includes(set.kind);
}

const VALUE_SET_NAMES: Readonly<Record<ValueSetModel['kind'], Bilingual>> = {
    date: { sv: 'ett datum', en: 'a date' }, text: { sv: 'fritext', en: 'free text' }, count: { sv: 'ett antal', en: 'a count' },
    number: { sv: 'ett tal', en: 'a number' }, score: { sv: 'en poäng', en: 'a score' }, yesno: { sv: 'ja/nej', en: 'yes/no' },
    choice: { sv: 'en kodlista', en: 'a code list' }, multi: { sv: 'flerval', en: 'multiple choice' },
    scale: { sv: 'en ordinalskala', en: 'an ordinal scale' },
    goal4: { sv: 'måluppfyllelse (mål4)', en: 'goal attainment (mål4)' }, goal5: { sv: 'måluppfyllelse (gas5)', en: 'goal attainment (gas5)' },
};
const UNKNOWN_VALUE_SET: Bilingual = { sv: 'okänd', en: 'unknown' };

/** A short description for messages: "ja/nej", "en kodlista", "ett antal", … */
export function describeValueSet(set: ValueSetModel | undefined, language: 'sv' | 'en'): string {
    return (set ? VALUE_SET_NAMES[set.kind] : UNKNOWN_VALUE_SET)[language];
}

/** The catalogue (name and version) a catalogue variable belongs to. */
export function catalogueOf(variable: CatalogueVariable): { name: string; version: string; title?: string } | undefined {
    const catalogue = AstUtils.getContainerOfType(variable, isCatalogue);
    return catalogue ? { name: catalogue.name, version: catalogue.version, title: catalogue.title } : undefined;
}
