import type { GrammarAST, LangiumDocument, MaybePromise } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext } from 'langium/lsp';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver';
import { acceptKeyword, insideCommentOrString } from './su-completion-common.js';

/**
 * Completion for catalogues: keywords in Swedish order, nothing inside comments and strings, and
 * nothing on `.` (the server's trigger character is for plans' `bbic.`; catalogues have no qualified names).
 */
export class SuCatCompletionProvider extends DefaultCompletionProvider {
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (params.context?.triggerCharacter === '.' || insideCommentOrString(document, document.textDocument.offsetAt(params.position))) {
            return { isIncomplete: false, items: [] };
        }
        return super.getCompletion(document, params, cancelToken);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (this.filterKeyword(context, keyword)) acceptKeyword(context, keyword, acceptor);
    }
}
