import { GrammarUtils, type AstNode } from 'langium';
import {
    isCatalogueRef, isColumnMapping, isComparison, isGoalAttainment, isReferenceTable, isShare, isUseVariable, isVarRef,
    type Catalogue, type CatalogueRef, type CatalogueVariable, type CodeListLevel, type Plan, type UseVariable, type VarRef,
} from './generated/ast.js';
import { forEachDescendant } from './ast-walk.js';
import { allVariables, variableName } from './plan-access.js';
import { catalogueValueSet, isCoded } from './value-sets.js';

/**
 * What changed between two versions of a catalogue (`suplan catalogue diff`), and what that means
 * for a plan that uses the older one (`catalogue diff --plans`, `catalogue upgrade` and the editor's
 * "Uppgradera till katalogversion …"). Pure functions of the ASTs: no workspace, no I/O.
 *
 * A variable is renamed when a variable of the newer version says `ersätter <old id>`, the old id
 * is in the older version and the new id is not (an `ersätter` carried over from an even older
 * version is no rename). Over several versions (2023 → 2024 → 2025) the renames are followed step
 * by step and each variable is compared with what it became in the last version.
 */

export type CatalogueChange =
    | { readonly kind: 'added'; readonly id: string; readonly label: string }
    | { readonly kind: 'removed'; readonly oldId: string; readonly label: string }
    | { readonly kind: 'renamed'; readonly oldId: string; readonly id: string }
    | { readonly kind: 'relabelled'; readonly oldId: string; readonly id: string; readonly from: string; readonly to: string }
    /** The definition (`kommentar`) changed; an empty side had none. */
    | { readonly kind: 'redefined'; readonly oldId: string; readonly id: string; readonly from: string; readonly to: string }
    | { readonly kind: 'codeAdded'; readonly oldId: string; readonly id: string; readonly code: number; readonly label: string }
    | { readonly kind: 'codeRemoved'; readonly oldId: string; readonly id: string; readonly code: number; readonly label: string }
    | { readonly kind: 'codeRelabelled'; readonly oldId: string; readonly id: string; readonly code: number; readonly from: string; readonly to: string }
    /** A value set that is not a list of codes on both sides changed (kind, range, unit, decimals). */
    | { readonly kind: 'valueSetChanged'; readonly oldId: string; readonly id: string; readonly from: string; readonly to: string }
    /** The process step (`processteg`) changed; an empty side had none. A plan measures the same: no finding. */
    | { readonly kind: 'stepChanged'; readonly oldId: string; readonly id: string; readonly from: string; readonly to: string }
    /** Whether the variable is reported to the national statistics (`nationell statistik`) changed. No finding. */
    | { readonly kind: 'nationalChanged'; readonly oldId: string; readonly id: string; readonly from: boolean; readonly to: boolean };

export type CatalogueChangeKind = CatalogueChange['kind'];

/** The order reports list changes in. */
export const CHANGE_KINDS: readonly CatalogueChangeKind[] = [
    'added', 'removed', 'renamed', 'relabelled', 'redefined', 'codeAdded', 'codeRemoved', 'codeRelabelled', 'valueSetChanged',
    'stepChanged', 'nationalChanged',
];

export interface CatalogueDiff {
    readonly name: string;
    readonly from: string;
    readonly to: string;
    /** Every version compared, oldest first (`from`, any in between, `to`). */
    readonly versions: readonly string[];
    readonly changes: readonly CatalogueChange[];
    /** Old id → id in the newest version, for every variable that was renamed. */
    readonly renames: ReadonlyMap<string, string>;
}

/** Compares catalogue versions by their version strings, numerically where they are numbers ("2023" < "2024", "1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
    return a.localeCompare(b, 'sv', { numeric: true });
}

/**
 * The versions of one catalogue from `from` to `to` (both included), oldest first, or undefined
 * when either is missing or `to` is not newer than `from`.
 */
export function upgradeChain(versions: readonly Catalogue[], from: string, to: string): Catalogue[] | undefined {
    const first = versions.find(c => c.version === from);
    const last = versions.find(c => c.version === to);
    if (!first || !last || compareVersions(from, to) >= 0) return undefined;
    const between = versions.filter(c => compareVersions(c.version, from) > 0 && compareVersions(c.version, to) < 0);
    const unique = new Map(between.map(c => [c.version, c]));
    return [first, ...[...unique.values()].sort((a, b) => compareVersions(a.version, b.version)), last];
}

function byId(catalogue: Catalogue): Map<string, CatalogueVariable> {
    const map = new Map<string, CatalogueVariable>();
    for (const variable of catalogue.variables) if (variable.name && !map.has(variable.name)) map.set(variable.name, variable);
    return map;
}

/** The renames of one step: old id → new id. */
function stepRenames(older: Map<string, CatalogueVariable>, newer: Map<string, CatalogueVariable>): Map<string, string> {
    const renames = new Map<string, string>();
    for (const [id, variable] of newer) {
        const old = variable.replaces;
        if (old !== undefined && older.has(old) && !older.has(id) && !renames.has(old)) renames.set(old, id);
    }
    return renames;
}

function oneLine(text: string | undefined): string {
    return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A value set as the catalogue writes it, on one line. */
function valueSetText(variable: CatalogueVariable): string {
    return variable.valueSet?.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The changes from the first catalogue of `chain` to the last (two or more versions of one
 * catalogue, oldest first): removed and renamed variables in the older version's order, then
 * changes to the variables kept, then the added ones in the newer version's order.
 */
export function diffCatalogues(chain: readonly Catalogue[]): CatalogueDiff {
    if (chain.length < 2) throw new Error('diffCatalogues needs two catalogue versions');
    const tables = chain.map(byId);
    const first = tables[0];
    const last = tables[tables.length - 1];
    // Each old id → its id in the current step, or undefined once removed.
    const current = new Map<string, string | undefined>([...first.keys()].map(id => [id, id]));
    for (let step = 1; step < tables.length; step++) {
        const renames = stepRenames(tables[step - 1], tables[step]);
        for (const [old, id] of current) {
            if (id === undefined) continue;
            const next = renames.get(id) ?? (tables[step].has(id) ? id : undefined);
            current.set(old, next);
        }
    }
    const changes: CatalogueChange[] = [];
    const renames = new Map<string, string>();
    const kept = new Set<string>();
    for (const [oldId, id] of current) {
        const before = first.get(oldId)!;
        if (id === undefined) {
            changes.push({ kind: 'removed', oldId, label: before.label ?? '' });
            continue;
        }
        kept.add(id);
        if (id !== oldId) {
            renames.set(oldId, id);
            changes.push({ kind: 'renamed', oldId, id });
        }
    }
    for (const [oldId, id] of current) {
        if (id === undefined) continue;
        changes.push(...variableChanges(oldId, id, first.get(oldId)!, last.get(id)!));
    }
    for (const [id, variable] of last) {
        if (!kept.has(id)) changes.push({ kind: 'added', id, label: variable.label ?? '' });
    }
    changes.sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind));
    return {
        name: chain[0].name, from: chain[0].version, to: chain[chain.length - 1].version,
        versions: chain.map(c => c.version), changes, renames,
    };
}

function variableChanges(oldId: string, id: string, before: CatalogueVariable, after: CatalogueVariable): CatalogueChange[] {
    const changes: CatalogueChange[] = [];
    if ((before.label ?? '') !== (after.label ?? '')) changes.push({ kind: 'relabelled', oldId, id, from: before.label ?? '', to: after.label ?? '' });
    // The definition, as the catalogue words it: a change in layout only (line breaks, spaces) is none.
    const [definedBefore, definedAfter] = [oneLine(before.comment), oneLine(after.comment)];
    if (definedBefore !== definedAfter) changes.push({ kind: 'redefined', oldId, id, from: definedBefore, to: definedAfter });
    if ((before.processStep ?? '') !== (after.processStep ?? '')) changes.push({ kind: 'stepChanged', oldId, id, from: before.processStep ?? '', to: after.processStep ?? '' });
    if (before.nationalStatistics !== after.nationalStatistics) changes.push({ kind: 'nationalChanged', oldId, id, from: before.nationalStatistics, to: after.nationalStatistics });
    const [a, b] = [catalogueValueSet(before.valueSet), catalogueValueSet(after.valueSet)];
    if (isCoded(a) && isCoded(b)) {
        const newCodes = new Map(b.codes.map(c => [c.code, c.label]));
        const oldCodes = new Map(a.codes.map(c => [c.code, c.label]));
        for (const { code, label } of a.codes) {
            const now = newCodes.get(code);
            if (now === undefined) changes.push({ kind: 'codeRemoved', oldId, id, code, label });
            else if (now !== label) changes.push({ kind: 'codeRelabelled', oldId, id, code, from: label, to: now });
        }
        for (const { code, label } of b.codes) if (!oldCodes.has(code)) changes.push({ kind: 'codeAdded', oldId, id, code, label });
    } else if (valueSetText(before) !== valueSetText(after)) {
        changes.push({ kind: 'valueSetChanged', oldId, id, from: valueSetText(before), to: valueSetText(after) });
    }
    return changes;
}

// ------------------------------------------------------------------ what a plan uses

/** A place in a plan (0-based offsets into its text, 1-based line). */
export interface PlanPlace {
    readonly offset: number;
    readonly end: number;
    readonly line: number;
}

/** One catalogue variable a plan uses (`använd katalog.id`), with the catalogue codes it names. */
export interface CatalogueUse {
    readonly use: UseVariable;
    /** The variable's id in the catalogue. */
    readonly id: string;
    /** The name the plan knows it by (`som`, else the id). */
    readonly name: string;
    readonly place: PlanPlace;
    /** The catalogue (original) codes the plan names, each with where. */
    readonly codes: ReadonlyArray<{ readonly code: number; readonly place: PlanPlace }>;
    /** Where the plan refers to the variable by its name (conditions, analyses, extracts, …). */
    readonly references: readonly PlanPlace[];
}

export function placeOf(node: AstNode | undefined): PlanPlace | undefined {
    const cst = node?.$cstNode;
    return cst ? { offset: cst.offset, end: cst.end, line: cst.range.start.line + 1 } : undefined;
}

/** The plan's `katalog <name> version "…"` lines for one catalogue. */
export function pinsOf(plan: Plan, catalogue: string): CatalogueRef[] {
    return plan.elements.filter(isCatalogueRef).filter(pin => pin.catalogue === catalogue);
}

/**
 * The variables of catalogue `catalogue` the plan uses, found by their written names (so that this
 * works whatever version the plan's references resolve against), with every catalogue code the
 * plan names: in conditions (`när`, `bland`, `takt för`), `andel … i`, `måluppfyllelse … nått`, an
 * extract's code mapping, a reference table keyed by the variable, and a refinement's `-> original`.
 * Detailed codes of a refined variable count as the original code they map to.
 */
export function catalogueUses(plan: Plan, catalogue: string): CatalogueUse[] {
    const prefix = `${catalogue}.`;
    const uses = new Map<string, {
        use: UseVariable; id: string; name: string; place: PlanPlace; codes: Array<{ code: number; place: PlanPlace }>;
        references: PlanPlace[]; refined: Map<number, number>; coded: boolean;
    }>();
    for (const variable of allVariables(plan)) {
        if (!isUseVariable(variable) || !variable.variable?.$refText.startsWith(prefix)) continue;
        const refNode = variable.variable.$refNode;
        const place = placeOf(variable);
        if (!refNode || !place) continue;
        const refined = new Map<number, number>();
        const codes: Array<{ code: number; place: PlanPlace }> = [];
        for (const refinement of variable.refinements) {
            if (typeof refinement.code === 'number' && typeof refinement.original === 'number') refined.set(refinement.code, refinement.original);
            const at = placeOf(refinement);
            if (at && typeof refinement.original === 'number') codes.push({ code: refinement.original, place: at });
        }
        const target = variable.variable.ref;
        const coded = target ? isCoded(catalogueValueSet(target.valueSet)) : true;
        uses.set(variableName(variable), {
            use: variable, id: variable.variable.$refText.slice(prefix.length), name: variableName(variable), place, codes, references: [], refined, coded,
        });
    }
    if (uses.size === 0) return [];
    const add = (ref: VarRef | undefined, level: CodeListLevel | undefined, values: readonly number[], node: AstNode): void => {
        const use = ref ? uses.get(ref.ref.$refText) : undefined;
        const place = placeOf(node);
        if (!use || !place) return;
        for (const value of values) {
            if (typeof value !== 'number') continue;
            const code = level === 'original' || use.refined.size === 0 ? value : use.refined.get(value) ?? value;
            use.codes.push({ code, place });
        }
    };
    forEachDescendant(plan, node => {
        if (isVarRef(node)) {
            const place = placeOf(node);
            if (place) uses.get(node.ref.$refText)?.references.push(place);
        }
        if (isComparison(node) || isShare(node)) {
            const equality = node.op === '=' || node.op === '!=';
            const values = node.codes.length > 0 ? node.codes : equality && typeof node.value === 'number' ? [node.value] : [];
            if (node.codes.length > 0 || uses.get(node.variable?.ref.$refText ?? '')?.coded) add(node.variable, node.level, values, node);
        } else if (isGoalAttainment(node)) {
            add(node.variable, undefined, node.codes, node);
        } else if (isColumnMapping(node)) {
            for (const mapping of node.codes) add(node.variable, undefined, [mapping.code], mapping);
        } else if (isReferenceTable(node) && node.key) {
            for (const row of node.rows) if (typeof row.code === 'number') add(node.key, undefined, [row.code], row);
        }
    });
    return [...uses.values()].map(({ use, id, name, place, codes, references }) => ({
        use, id, name, place, codes: codes.sort((a, b) => a.place.offset - b.place.offset), references,
    }));
}

// ------------------------------------------------------------------ what the changes mean for a plan

/**
 * `breaks`: the plan no longer resolves or names a code that is gone; `incomparable`: results
 * before and after the change measure different things (a code relabelled or reused, a value set
 * changed); `review`: the wording or the definition changed, check that the plan's question still fits; `renamed`:
 * `catalogue upgrade` renames it.
 */
export type Impact = 'breaks' | 'incomparable' | 'review' | 'renamed';

export interface PlanFinding {
    readonly change: CatalogueChange;
    readonly impact: Impact;
    /** The plan's name for the variable. */
    readonly name: string;
    /** Where: the `använd` line, then each line that names the code (for a removed variable: each use of it). */
    readonly places: readonly PlanPlace[];
}

/** What each change does to a plan that uses the older version, in the order of the changes. */
export function planFindings(diff: CatalogueDiff, uses: readonly CatalogueUse[]): PlanFinding[] {
    const findings: PlanFinding[] = [];
    for (const change of diff.changes) {
        // A new variable, another process step or national-statistics flag: the plan measures the same.
        if (change.kind === 'added' || change.kind === 'stepChanged' || change.kind === 'nationalChanged') continue;
        // A plan may use one catalogue variable more than once (`som a`, `som b`): each use is a finding.
        for (const use of uses.filter(u => u.id === change.oldId)) findings.push(...findingsOf(change, use));
    }
    return findings;
}

function findingsOf(change: Exclude<CatalogueChange, { kind: 'added' | 'stepChanged' | 'nationalChanged' }>, use: CatalogueUse): PlanFinding[] {
    const naming = use.codes.filter(c => 'code' in change && c.code === change.code).map(c => c.place);
    const at = (impact: Impact, places: readonly PlanPlace[]): PlanFinding[] => [{ change, impact, name: use.name, places }];
    switch (change.kind) {
        case 'removed': return at('breaks', [use.place, ...use.references]);
        case 'renamed': return at('renamed', [use.place]);
        case 'relabelled':
        case 'redefined':
            return at('review', [use.place]);
        case 'codeRemoved': return at(naming.length > 0 ? 'breaks' : 'incomparable', [use.place, ...naming]);
        case 'codeAdded':
        case 'codeRelabelled':
        case 'valueSetChanged':
            return at('incomparable', [use.place, ...naming]);
    }
}

/** The `version "…"` string of a pin, for a text edit. */
export function versionPlace(pin: CatalogueRef): PlanPlace | undefined {
    const node = pin.$cstNode ? GrammarUtils.findNodeForProperty(pin.$cstNode, 'version') : undefined;
    return node ? { offset: node.offset, end: node.end, line: node.range.start.line + 1 } : undefined;
}
