import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type LangiumDocument } from 'langium';
import type { CompletionAcceptor, CompletionContext } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import { swedishSortKey } from '../../text/swedish-sort.js';

/** What completion in plans and catalogues shares: sort groups, keywords in Swedish order, no completion in comments or strings. */

/** Sort groups: snippets first, then names (variables, analyses …), then keywords. */
export const SNIPPET_GROUP = '0';
export const REFERENCE_GROUP = '1';
export const KEYWORD_GROUP = '2';

/** A keyword in Swedish order, marked as a keyword in Swedish; not the words the `Name` rule accepts as names. */
export function acceptKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
    if (AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'Name') return;
    acceptor(context, {
        label: keyword.value, kind: CompletionItemKind.Keyword, detail: 'nyckelord', sortText: KEYWORD_GROUP + swedishSortKey(keyword.value),
    });
}

/** The cursor is inside a comment or a string (a `//` comment runs to the end of its line). */
export function insideCommentOrString(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && offset > 0 ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined;
    if (!leaf || !isLeafCstNode(leaf) || offset <= leaf.offset) return false;
    switch (leaf.tokenType.name) {
        case 'SL_COMMENT': return offset <= leaf.end;
        case 'ML_COMMENT':
        case 'STRING': return offset < leaf.end;
        default: return false;
    }
}
