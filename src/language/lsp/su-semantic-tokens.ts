import { CstUtils, type AstNode, type CstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** A catalogue variable: defined in a `.sucat`, read-only from a plan. */
const CATALOGUE = [SemanticTokenModifiers.readonly, SemanticTokenModifiers.defaultLibrary];
const DECLARATION = [SemanticTokenModifiers.declaration];

/**
 * Semantic tokens for both languages; keywords, strings, numbers and comments are left to the
 * TextMate grammar.
 *
 * | what | token type | modifiers |
 * |---|---|---|
 * | catalogue name (`katalog bbic`, `bbic.` in `bbic.kön`) | namespace | declaration in the catalogue |
 * | catalogue variable (`använd bbic.kön`, `när kön = 1` when `kön` is a catalogue variable) | variable | readonly, defaultLibrary (+ declaration in the catalogue) |
 * | the variable a catalogue variable replaces (`ersätter x`) | variable | deprecated |
 * | local, derived, grouped variable | variable | declaration where it is defined |
 * | value-set code (`1 "Ja"`, `när x i 1, 2`, `-> 1`) | enumMember | declaration where it is defined |
 * | purpose, level, status, process step | enumMember | |
 * | named value set | enum | declaration where it is defined |
 * | measurement point, phase | event | declaration where it is defined |
 * | analysis id | function | declaration where it is defined |
 * | scenario letter | enumMember | declaration |
 * | reference table | class | declaration where it is defined |
 */
export class SuSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (ast.isCatalogue(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: DECLARATION });
        } else if (ast.isCatalogueVariable(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [...DECLARATION, ...CATALOGUE] });
            acceptor({ node, property: 'replaces', type: SemanticTokenTypes.variable, modifier: SemanticTokenModifiers.deprecated });
            acceptor({ node, property: 'processStep', type: SemanticTokenTypes.enumMember });
        } else if (ast.isCodeLabel(node) || ast.isClassDef(node)) {
            acceptor({ node, property: 'code', type: SemanticTokenTypes.enumMember, modifier: DECLARATION });
        } else {
            this.highlightPlanElement(node, acceptor);
        }
    }

    private highlightPlanElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (ast.isCatalogueRef(node)) {
            acceptor({ node, property: 'catalogue', type: SemanticTokenTypes.namespace });
        } else if (ast.isPurposeDecl(node)) {
            acceptor({ node, property: 'purpose', type: SemanticTokenTypes.enumMember });
        } else if (ast.isLevelDecl(node)) {
            acceptor({ node, property: 'level', type: SemanticTokenTypes.enumMember });
        } else if (ast.isStatusDecl(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.enumMember });
        } else if (ast.isUseVariable(node)) {
            this.qualified(node.variable?.$refNode, CATALOGUE, acceptor);
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [...DECLARATION, SemanticTokenModifiers.readonly] });
        } else if (ast.isLocalVariable(node) || ast.isDerivedVariable(node) || ast.isItemGroup(node) || ast.isItem(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: DECLARATION });
        } else if (ast.isVarRef(node)) {
            this.qualified(node.ref?.$refNode, ast.isUseVariable(node.ref?.ref) ? CATALOGUE : [], acceptor);
        } else if (ast.isNamedValueSet(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enum, modifier: DECLARATION });
        } else if (ast.isValueSetRef(node)) {
            acceptor({ node, property: 'valueSet', type: SemanticTokenTypes.enum });
        } else if (ast.isMeasurementPoint(node)) {
            acceptor({ node, property: node.name ? 'name' : 'kind', type: SemanticTokenTypes.event, modifier: DECLARATION });
        } else if (ast.isPhase(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.event, modifier: DECLARATION });
        } else if (ast.isPointRef(node)) {
            acceptor({ node, property: 'ref', type: SemanticTokenTypes.event });
        } else if (ast.isAnalysis(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: DECLARATION });
        } else if (ast.isScenarioComparison(node)) {
            acceptor({ node, property: 'analysis', type: SemanticTokenTypes.function });
        } else if (ast.isScenario(node)) {
            acceptor({ node, property: 'letters', type: SemanticTokenTypes.enumMember, modifier: DECLARATION });
        } else if (ast.isReferenceTable(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: DECLARATION });
        } else if (ast.isRate(node)) {
            acceptor({ node, property: 'population', type: SemanticTokenTypes.class });
        } else if (ast.isComparison_(node)) {
            acceptor({ node, property: 'targetTable', type: SemanticTokenTypes.class });
        } else {
            this.highlightCodes(node, acceptor);
        }
    }

    /** Codes that refer to a value set's codes (`när x i 1, 2`, `-> 1`, `"A" -> 3`, a table row). */
    private highlightCodes(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (ast.isComparison(node) || ast.isShare(node) || ast.isGoalAttainment(node)) {
            acceptor({ node, property: 'codes', type: SemanticTokenTypes.enumMember });
        } else if (ast.isRefinedValue(node)) {
            acceptor({ node, property: 'code', type: SemanticTokenTypes.enumMember, modifier: DECLARATION });
            acceptor({ node, property: 'original', type: SemanticTokenTypes.enumMember });
        } else if (ast.isCodeMapping(node) || ast.isReferenceRow(node)) {
            acceptor({ node, property: 'code', type: SemanticTokenTypes.enumMember });
        }
    }

    /**
     * A (possibly qualified) variable name: in `bbic.kön` the catalogue part is a namespace and the
     * last part the variable. `modifiers` apply to the variable part.
     */
    private qualified(cst: CstNode | undefined, modifiers: readonly string[], acceptor: SemanticTokenAcceptor): void {
        if (!cst) return;
        const parts = CstUtils.flattenCst(cst).filter(leaf => !leaf.hidden && leaf.text !== '.').toArray();
        parts.forEach((part, index) => {
            const last = index === parts.length - 1;
            acceptor({ cst: part, type: last ? SemanticTokenTypes.variable : SemanticTokenTypes.namespace, modifier: last ? [...modifiers] : undefined });
        });
    }
}

