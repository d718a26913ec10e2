import { AstUtils } from 'langium';
import {
    isCatalogue, isCodeListSet, isCountSet, isDateSet, isNumberSet, isTextSet, isYesNoSet,
    isAggregateExpression, isChoiceType, isClassifyExpression, isCountType, isDateType, isDifferenceExpression,
    isGoalScaleType, isItem, isItemGroup, isLocalVariable, isMultiChoiceType, isNumberType, isScaleType, isScoreType,
    isTextType, isUseVariable, isValueSetRef, isYesNoType, isDerivedVariable,
    type CatalogueValueSet, type CatalogueVariable, type CodeLabel, type LocalType, type PlanVariable, type Range, type UseVariable,
} from '../language/generated/ast.js';
import type { CodeModel, CodedValueSetModel, ValueSetModel } from './plan-model.js';

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
    return r ? { min: r.min, max: r.max } : {};
}

export function catalogueValueSet(set: CatalogueValueSet | undefined): ValueSetModel {
    if (!set) return { kind: 'text' };
    if (isDateSet(set)) return { kind: 'date' };
    if (isYesNoSet(set)) return { kind: 'yesno', codes: YES_NO };
    if (isCodeListSet(set)) return { kind: 'choice', codes: codes(set.codes) };
    if (isCountSet(set)) return { kind: 'count', ...range(set.range) };
    if (isNumberSet(set)) return { kind: 'number', ...range(set.range), unit: set.unit, decimals: set.decimals };
    if (isTextSet(set)) return { kind: 'text' };
    return { kind: 'text' };
}

export function localValueSet(type: LocalType | undefined): ValueSetModel | undefined {
    if (!type) return undefined;
    if (isCountType(type)) return { kind: 'count', ...range(type.range) };
    if (isNumberType(type)) return { kind: 'number', ...range(type.range), unit: type.unit, decimals: type.decimals };
    if (isDateType(type)) return { kind: 'date' };
    if (isYesNoType(type)) return { kind: 'yesno', codes: YES_NO };
    if (isChoiceType(type)) return { kind: 'choice', codes: codes(type.codes) };
    if (isMultiChoiceType(type)) return { kind: 'multi', codes: codes(type.codes) };
    if (isScaleType(type)) return { kind: 'scale', codes: codes(type.codes) };
    if (isScoreType(type)) return { kind: 'score', ...range(type.range), instrument: type.instrument };
    if (isGoalScaleType(type)) return type.scale === 'gas5' ? { kind: 'goal5', codes: GOAL5 } : { kind: 'goal4', codes: GOAL4 };
    if (isTextType(type)) return { kind: 'text' };
    if (isValueSetRef(type)) {
        const named = type.valueSet.ref;
        if (!named) return undefined;
        return { kind: named.ordinal ? 'scale' : 'choice', codes: codes(named.codes), named: named.name };
    }
    return undefined;
}

/** The value set a catalogue variable has in its catalogue (before any refinement). */
export function originalValueSet(use: UseVariable): ValueSetModel | undefined {
    const target = use.variable.ref;
    return target ? catalogueValueSet(target.valueSet) : undefined;
}

/**
 * The values a plan variable takes as registered: a refined catalogue variable takes its detailed
 * codes; an item takes its group's type; an index and sums are numbers; `klassa` gives codes.
 * Undefined while the variable's references are unresolved.
 */
export function valueSetOf(variable: PlanVariable | undefined): ValueSetModel | undefined {
    if (!variable) return undefined;
    if (isUseVariable(variable)) {
        const original = originalValueSet(variable);
        if (variable.refinements.length > 0 && original && isCoded(original)) {
            return { kind: original.kind === 'yesno' ? 'choice' : original.kind, codes: variable.refinements.map(r => ({ code: r.code, label: r.label ?? '' })) };
        }
        return original;
    }
    if (isLocalVariable(variable)) return localValueSet(variable.type);
    if (isItem(variable)) return isItemGroup(variable.$container) ? localValueSet(variable.$container.type) : undefined;
    if (isItemGroup(variable)) return { kind: 'number' };
    if (isDerivedVariable(variable)) {
        const e = variable.expression;
        if (isClassifyExpression(e)) return { kind: 'choice', codes: e.classes.map(c => ({ code: c.code, label: c.label ?? '' })) };
        if (isAggregateExpression(e) || isDifferenceExpression(e)) return { kind: 'number' };
    }
    return undefined;
}

export function isCoded(set: ValueSetModel | undefined): set is CodedValueSetModel {
    return !!set && 'codes' in set;
}

/** Values that can be averaged: counts, numbers, scores, and ordinal scales. */
export function isNumeric(set: ValueSetModel | undefined): boolean {
    return !!set && ['count', 'number', 'score', 'scale', 'goal5'].includes(set.kind);
}

/** A short description for messages: "ja/nej", "en kodlista", "ett antal", … */
export function describeValueSet(set: ValueSetModel | undefined, language: 'sv' | 'en'): string {
    const names: Record<ValueSetModel['kind'], [string, string]> = {
        date: ['ett datum', 'a date'], text: ['fritext', 'free text'], count: ['ett antal', 'a count'],
        number: ['ett tal', 'a number'], score: ['en poäng', 'a score'], yesno: ['ja/nej', 'yes/no'],
        choice: ['en kodlista', 'a code list'], multi: ['flerval', 'multiple choice'], scale: ['en ordinalskala', 'an ordinal scale'],
        goal4: ['måluppfyllelse (mål4)', 'goal attainment (mål4)'], goal5: ['måluppfyllelse (gas5)', 'goal attainment (gas5)'],
    };
    if (!set) return language === 'sv' ? 'okänd' : 'unknown';
    return names[set.kind][language === 'sv' ? 0 : 1];
}

/** The catalogue (name and version) a catalogue variable belongs to. */
export function catalogueOf(variable: CatalogueVariable): { name: string; version: string; title?: string } | undefined {
    const catalogue = AstUtils.getContainerOfType(variable, isCatalogue);
    return catalogue ? { name: catalogue.name, version: catalogue.version, title: catalogue.title } : undefined;
}
