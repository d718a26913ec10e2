import type { AstNode } from 'langium';

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
