import { type AstNode, type Properties, type ValidationAcceptor } from 'langium';
import type { MeasurementPoint, Plan, PlanVariable, UseVariable } from '../generated/ast.js';
import { pointsOf as computePointsOf } from '../plan-access.js';
import type { ValueSetModel } from '../plan-vocabulary.js';
import { originalValueSet as computeOriginalValueSet, valueSetOf as computeValueSetOf } from '../value-sets.js';
import type { CatalogueResolver } from '../catalogue-resolver.js';
import type { Code } from '../diagnostics/codes.js';

/** A typed quick-fix payload, read by the code-action provider. */
export type FixData =
    | { readonly kind: 'replace'; readonly suggestions: readonly string[] }
    | { readonly kind: 'addRefinedValue'; readonly original: number; readonly label: string }
    | { readonly kind: 'removeVariable'; readonly name: string }
    /** Each text is one quick fix that writes it after the diagnostic's range (a setting a plan written before it existed lacks). */
    | { readonly kind: 'append'; readonly texts: readonly string[] }
    /** Each text is one quick fix that writes it as a line of its own after the diagnostic's line; none is preferred (a choice the team makes). */
    | { readonly kind: 'addLine'; readonly texts: readonly string[] };

/** One problem found by a validator. The reporter looks up severity and text in the code table. */
export interface Problem<N extends AstNode = AstNode> {
    readonly code: Code;
    readonly node: N;
    /** The narrowest property of `node` to underline; the whole node when absent. */
    readonly property?: Properties<N>;
    readonly index?: number;
    /** Arguments for the message and help templates (`{0}`, `{1}`, …). */
    readonly args?: readonly (string | number)[];
    /** The name the problem is about, matched by `acceptera SUxxx för <subject>`. */
    readonly subject?: string;
    readonly fix?: FixData;
    /** Other places the problem is about: where a repeated name or section was first given. */
    readonly related?: readonly RelatedPlace[];
}

/** A place a diagnostic points to besides its own (LSP related information, SARIF relatedLocations). */
export interface RelatedPlace {
    readonly node: AstNode;
    /** The property to point at; the whole node when absent. */
    readonly property?: string;
    readonly index?: number;
    /** "först deklarerad här" for a name, "först angiven här" for a section, code or label. */
    readonly kind: 'firstDeclared' | 'firstGiven';
}

/** The first declaration of a repeated name, as related information of the repeat. */
export function firstDeclared(node: AstNode, property?: string): RelatedPlace[] {
    return [{ node, property, kind: 'firstDeclared' }];
}

/** Where a repeated section, code or label was first given. */
export function firstGiven(node: AstNode, property?: string): RelatedPlace[] {
    return [{ node, property, kind: 'firstGiven' }];
}

export type Report = <N extends AstNode>(problem: Problem<N>) => void;

/** Facts every plan validator may need, computed once per validation run. */
export interface ValidationContext {
    readonly catalogues: CatalogueResolver;
    /** Minimum cell size for plans that do not state one (the `suplan.minCellSize` setting; 5 by default). */
    readonly defaultMinCell: number;
}

/** One concern of plan validation (ZenStack-style): small, named after its rule set. */
export interface PlanValidator {
    validate(plan: Plan, report: Report, context: ValidationContext): void;
}

/** The payload every SU-plan diagnostic carries in `Diagnostic.data`. */
export interface SuDiagnosticData {
    readonly code: Code;
    readonly args: readonly string[];
    readonly subject?: string;
    readonly fix?: FixData;
    /** Set when the plan accepts this warning with `acceptera`. */
    readonly accepted?: string;
}

export type { ValidationAcceptor };

/** Value sets computed during one validation run (see `withValueSetCache`). */
interface ValueSetCache {
    readonly sets: Map<PlanVariable, ValueSetModel | undefined>;
    readonly originals: Map<UseVariable, ValueSetModel | undefined>;
    readonly points: Map<PlanVariable, readonly MeasurementPoint[]>;
}

let activeCache: ValueSetCache | undefined;

/**
 * Runs `work` (a synchronous validation of one plan) with `valueSetOf`, `originalValueSet` and
 * `pointsOf` remembering their answers: several concerns ask for the value set of the same variable, and the
 * answers cannot change while the plan is validated. The cache is dropped when `work` returns.
 */
export function withValueSetCache<T>(work: () => T): T {
    const previous = activeCache;
    activeCache = { sets: new Map(), originals: new Map(), points: new Map() };
    try {
        return work();
    } finally {
        activeCache = previous;
    }
}

/** `valueSetOf` from the model, remembered for the current validation run. Treat the answer as read-only. */
export function valueSetOf(variable: PlanVariable | undefined): ValueSetModel | undefined {
    return variable ? remembered(activeCache?.sets, variable, computeValueSetOf) : undefined;
}

/** `originalValueSet` from the model, remembered for the current validation run. Treat the answer as read-only. */
export function originalValueSet(use: UseVariable): ValueSetModel | undefined {
    return remembered(activeCache?.originals, use, computeOriginalValueSet);
}

/** `pointsOf` from the model, remembered for the current validation run. Treat the answer as read-only. */
export function pointsOf(variable: PlanVariable): readonly MeasurementPoint[] {
    return remembered(activeCache?.points, variable, computePointsOf);
}

/** `compute(key)`, from `table` when it has the answer (undefined answers too), else computed and kept there; no table, no keeping. */
function remembered<K, V>(table: Map<K, V> | undefined, key: K, compute: (key: K) => V): V {
    if (!table) return compute(key);
    if (table.has(key)) return table.get(key) as V;
    const value = compute(key);
    table.set(key, value);
    return value;
}
