import { GrammarUtils } from 'langium';
import { isAcceptance, isVarRef, type Catalogue, type CatalogueRef, type Plan } from './generated/ast.js';
import { forEachReference } from './ast-walk.js';
import {
    catalogueUses, compareVersions, diffCatalogues, planFindings, upgradeChain, versionPlace,
    type CatalogueDiff, type PlanFinding,
} from './catalogue-diff.js';
import { allVariables, variableName } from './plan-access.js';

/**
 * Moving a plan to a newer version of a catalogue it pins: the computation behind
 * `suplan catalogue upgrade` and the editor's quick fix "Uppgradera till katalogversion …".
 *
 * The result is a list of text changes on the plan's own text (the `katalog` line's version, each
 * renamed catalogue variable and, when the plan knows the variable by its catalogue id, every use
 * of that name), so comments and layout stay as they were; and the findings a person must decide
 * on (removed variables still used, changed value sets and codes, relabels). No change adds or
 * removes a line.
 */

export interface TextChange {
    readonly offset: number;
    readonly end: number;
    readonly text: string;
}

export interface RenameApplied {
    /** The catalogue ids. */
    readonly from: string;
    readonly to: string;
    /** The plan's own name for the variable when that changed with it (no `som`). */
    readonly name?: { readonly from: string; readonly to: string };
    /** `som <old name>` was added because the new id is already a name in the plan. */
    readonly keptName?: string;
}

export interface PlanUpgrade {
    readonly catalogue: string;
    readonly from: string;
    readonly to: string;
    readonly diff: CatalogueDiff;
    readonly changes: readonly TextChange[];
    readonly renames: readonly RenameApplied[];
    /** What a person must decide: every finding except renames, which the changes make. */
    readonly decisions: readonly PlanFinding[];
}

/**
 * The upgrade of `pin` (a `katalog` line of `plan`) to version `to`, over every version of the
 * catalogue in `versions` between the pinned one and `to`; undefined when the pinned version or
 * `to` is not among them, or `to` is not newer.
 */
export function planUpgrade(plan: Plan, pin: CatalogueRef, versions: readonly Catalogue[], to: string): PlanUpgrade | undefined {
    const chain = upgradeChain(versions, pin.version, to);
    const version = versionPlace(pin);
    if (!chain || !version) return undefined;
    const diff = diffCatalogues(chain);
    const uses = catalogueUses(plan, pin.catalogue);
    const findings = planFindings(diff, uses);
    const changes: TextChange[] = [{ offset: version.offset, end: version.end, text: `"${escape(to)}"` }];
    const renames: RenameApplied[] = [];
    const names = new Set(allVariables(plan).map(variableName));
    for (const use of uses) {
        const id = diff.renames.get(use.id);
        const refNode = use.use.variable.$refNode;
        if (id === undefined || !refNode) continue;
        changes.push({ offset: refNode.offset, end: refNode.end, text: `${pin.catalogue}.${id}` });
        if (use.use.name !== undefined) {
            renames.push({ from: use.id, to: id });
        } else if (names.has(id)) {
            // The new id is taken by another variable of the plan: keep the plan's name with `som`.
            changes.push({ offset: refNode.end, end: refNode.end, text: ` som ${use.name}` });
            renames.push({ from: use.id, to: id, keptName: use.name });
        } else {
            changes.push(...usesOfName(plan, use.name, id));
            names.delete(use.name);
            names.add(id);
            renames.push({ from: use.id, to: id, name: { from: use.name, to: id } });
        }
    }
    return {
        catalogue: pin.catalogue, from: pin.version, to, diff,
        changes: changes.sort((a, b) => a.offset - b.offset), renames,
        decisions: findings.filter(f => f.impact !== 'renamed'),
    };
}

/** Every reference in the plan to the variable named `name` (`VarRef`s and `acceptera … för`), renamed to `to`. */
function usesOfName(plan: Plan, name: string, to: string): TextChange[] {
    const changes: TextChange[] = [];
    forEachReference(plan, ({ reference, container }) => {
        if (!isVarRef(container) || reference.$refText !== name || !reference.$refNode) return;
        changes.push({ offset: reference.$refNode.offset, end: reference.$refNode.end, text: to });
    });
    for (const acceptance of plan.elements.filter(isAcceptance)) {
        if (acceptance.subject !== name || !acceptance.$cstNode) continue;
        const node = GrammarUtils.findNodeForProperty(acceptance.$cstNode, 'subject');
        if (node) changes.push({ offset: node.offset, end: node.end, text: to });
    }
    return changes;
}

/** The text with the changes made (they must not overlap). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
    let result = '';
    let at = 0;
    for (const change of [...changes].sort((a, b) => a.offset - b.offset)) {
        result += text.slice(at, change.offset) + change.text;
        at = change.end;
    }
    return result + text.slice(at);
}

/** The catalogue versions newer than the pinned one, newest first. */
export function newerVersions(pin: CatalogueRef, versions: readonly Catalogue[]): string[] {
    const newer = versions.map(c => c.version).filter(v => compareVersions(v, pin.version) > 0);
    return [...new Set(newer)].sort((a, b) => compareVersions(b, a));
}

function escape(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
