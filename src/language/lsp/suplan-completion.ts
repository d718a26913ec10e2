import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import type { CodeModel, Purpose } from '../../model/plan-model.js';
import { catalogueValueSet, describeValueSet, isCoded, originalValueSet, valueSetOf } from '../../model/value-sets.js';
import {
    isCatalogueVariable, isComparison, isShare, isUseVariable, CatalogueVariable, Comparison, RefinedValue, Share,
    type CatalogueVariable as CatalogueVariableNode, type PlanVariable,
} from '../generated/ast.js';

/** The five purposes of a follow-up and what each means, in the order the guide lists them. */
export const PURPOSE_MEANINGS: readonly { readonly purpose: Purpose; readonly meaning: string }[] = [
    { purpose: 'kontroll', meaning: 'Egenkontroll: att verksamheten följer regler och beslut, och att avvikelser upptäcks.' },
    { purpose: 'kvalitetssäkring', meaning: 'Sammanställa resultat ur informationssystemen för att säkra kvaliteten.' },
    { purpose: 'jämförelse', meaning: 'Jämföra med andra eller över tid: nationella indikatorer, nyckeltal och exakta definitioner.' },
    { purpose: 'verksamhetsutveckling', meaning: 'Utveckla verksamheten: bättre socialt arbete och brukarnas delaktighet.' },
    { purpose: 'lärande', meaning: 'Lärande med klientfokus: uppföljning i enskilda ärenden som blir gemensam kunskap.' },
];

/** The text before the cursor ends with the keyword `syfte` (the purpose comes next). */
const AFTER_PURPOSE = /(?:^|[^\p{L}\p{N}_])syfte\s*$/u;

/** A sort key that orders strings as Swedish does (å, ä, ö after z), for clients that sort by plain code points. */
export function swedishSortTexts(names: readonly string[]): Map<string, string> {
    const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'sv'));
    const width = String(sorted.length).length;
    return new Map(sorted.map((name, index) => [name, String(index).padStart(width, '0')]));
}

/**
 * Completion for plans: keywords as Langium offers them; catalogue variables of the pinned
 * catalogue version with their label, value set and definition, in Swedish order; the five
 * purposes after `syfte`; and the codes of a variable's value set after `när x i`, `andel x i`
 * and `->` in a `fördjupa` block.
 */
export class SuPlanCompletionProvider extends DefaultCompletionProvider {
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        // `purpose=Name`: the parser offers the keywords and the ID of the Name rule, not the assignment.
        if (rule?.name === 'Name' && AFTER_PURPOSE.test(context.textDocument.getText().slice(0, context.tokenOffset))) {
            this.completePurposes(context, acceptor);
            return;
        }
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (assignment && rule) {
            const codes = this.codesFor(rule.name, assignment.feature, context.node);
            if (codes) {
                this.completeCodes(context, codes, acceptor);
                return;
            }
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        if (description.type !== CatalogueVariable.$type) return item;
        const variable = description.node;
        if (!isCatalogueVariable(variable)) return item;
        const names = this.catalogueNames(refInfo, context);
        return {
            ...item,
            kind: CompletionItemKind.Variable,
            detail: catalogueDetail(variable),
            documentation: variable.comment ? { kind: 'plaintext', value: variable.comment } : undefined,
            sortText: names.get(description.name) ?? description.name,
        };
    }

    /** The Swedish sort keys of every catalogue variable in scope, computed once per request position. */
    private catalogueNames(refInfo: ReferenceInfo, context: CompletionContext): Map<string, string> {
        const key = `${context.document.uri.toString()}#${context.offset}#${context.document.textDocument.version}`;
        if (this.sortCache?.key !== key) {
            const names = this.scopeProvider.getScope(refInfo).getAllElements().map(d => d.name).toArray();
            this.sortCache = { key, texts: swedishSortTexts(names) };
        }
        return this.sortCache.texts;
    }

    private sortCache: { key: string; texts: Map<string, string> } | undefined;

    private completePurposes(context: CompletionContext, acceptor: CompletionAcceptor): void {
        PURPOSE_MEANINGS.forEach(({ purpose, meaning }, index) => {
            acceptor(context, {
                label: purpose, kind: CompletionItemKind.EnumMember, detail: 'syfte',
                documentation: { kind: 'plaintext', value: meaning }, sortText: String(index),
            });
        });
    }

    private completeCodes(context: CompletionContext, codes: readonly CodeModel[], acceptor: CompletionAcceptor): void {
        const width = String(codes.length).length;
        codes.forEach((code, index) => {
            acceptor(context, {
                label: String(code.code), kind: CompletionItemKind.Value, detail: code.label, sortText: String(index).padStart(width, '0'),
            });
        });
    }

    /**
     * The codes to offer for an INT in `när x i …` / `andel x i …` (the variable's codes as
     * registered) or for the original code after `->` in `fördjupa` (the catalogue's codes).
     */
    private codesFor(ruleName: string, feature: string, node: AstNode | undefined): readonly CodeModel[] | undefined {
        if (!node) return undefined;
        let variable: PlanVariable | undefined;
        if (ruleName === Comparison.$type && feature === 'codes') {
            variable = AstUtils.getContainerOfType(node, isComparison)?.variable?.ref?.ref;
        } else if (ruleName === Share.$type && feature === 'codes') {
            variable = AstUtils.getContainerOfType(node, isShare)?.variable?.ref?.ref;
        } else if (ruleName === RefinedValue.$type && feature === 'original') {
            const use = AstUtils.getContainerOfType(node, isUseVariable);
            const original = use ? originalValueSet(use) : undefined;
            return isCoded(original) ? original.codes : undefined;
        } else {
            return undefined;
        }
        const set = valueSetOf(variable);
        return isCoded(set) ? set.codes : undefined;
    }
}

/** `Kön · en kodlista · nationell statistik`. */
export function catalogueDetail(variable: CatalogueVariableNode): string {
    const parts = [variable.label ?? variable.name, describeValueSet(catalogueValueSet(variable.valueSet), 'sv')];
    const detail = parts.join(' · ');
    return variable.nationalStatistics ? `${detail} · nationell statistik` : detail;
}
