import { DefaultNameProvider, GrammarUtils, type AstNode, type CstNode } from 'langium';
import { isMeasurementPoint, isUseVariable } from './generated/ast.js';

/** The last segment of a qualified name: `bbic.samtal_enskilt` → `samtal_enskilt`. */
export function lastSegment(qualified: string): string {
    const dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.slice(dot + 1);
}

/**
 * Names that are implied by the text: `använd bbic.samtal_enskilt` declares `samtal_enskilt`,
 * and `mätpunkter före, efter` declares the points `före` and `efter`.
 */
export class SuPlanNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        if (isUseVariable(node)) {
            return node.name ?? (node.variable?.$refText ? lastSegment(node.variable.$refText) : undefined);
        }
        if (isMeasurementPoint(node)) {
            return node.name ?? node.kind;
        }
        return super.getName(node);
    }

    override getNameNode(node: AstNode): CstNode | undefined {
        if (isUseVariable(node) && !node.name) {
            return node.variable?.$refNode;
        }
        if (isMeasurementPoint(node) && !node.name) {
            return GrammarUtils.findNodeForProperty(node.$cstNode, 'kind');
        }
        return super.getNameNode(node);
    }
}
