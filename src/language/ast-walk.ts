import { isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * Calls `visit` for every node below `root` (not `root` itself), depth first in document order.
 * A plain recursive walk: several times faster than `AstUtils.streamAllContents`, whose lazy
 * streams dominate the cost of validating many plans (see `npm run bench`).
 */
export function forEachDescendant(root: AstNode, visit: (node: AstNode) => void): void {
    for (const key in root) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = (root as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isNode(item)) {
                    visit(item);
                    forEachDescendant(item, visit);
                }
            }
        } else if (isNode(value)) {
            visit(value);
            forEachDescendant(value, visit);
        }
    }
}

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/**
 * Calls `visit` for every reference (single or multi) held by `root` or a node below it, in the
 * order Langium's `streamAst` + `streamReferences` list them: depth first in document order, each
 * node's references (by property, then array index) before its children. Nodes are told from
 * references by `$type` first (references have none): most values are nodes, and that test is cheaper.
 */
export function forEachReference(root: AstNode, visit: (info: ReferenceInfo) => void): void {
    const stack: AstNode[] = [root];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop() as AstNode;
        const record = node as unknown as Record<string, unknown>;
        for (const property of Object.keys(node)) {
            if (property.charCodeAt(0) === 36 /* $ */) continue;
            const value = record[property];
            if (typeof value !== 'object' || value === null) continue;
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const element: unknown = value[index];
                    if (isNode(element)) children.push(element);
                    else if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
                }
            } else if (isNode(value)) {
                children.push(value);
            } else if (isReference(value) || isMultiReference(value)) {
                visit({ reference: value, container: node, property });
            }
        }
        // Push the children in reverse so they come off the stack in document order.
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        children.length = 0;
    }
}
