import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { tryIncrementalUpdate } from './incremental-parse.js';

/**
 * Langium's document factory, but a document open in the editor whose edit only touched a string,
 * a comment or whitespace keeps its syntax tree, updated in place (see incremental-parse.ts),
 * instead of being parsed again. Linking, scopes and validation run as after any edit.
 */
export class SuDocumentFactory extends DefaultLangiumDocumentFactory {
    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const textDocument = this.textDocuments?.get(document.uri.toString());
        if (textDocument) {
            const services = this.serviceRegistry.getServices(document.uri) as LangiumServices;
            if (tryIncrementalUpdate(services, document.parseResult, textDocument.getText())) {
                Object.defineProperty(document, 'textDocument', { value: textDocument });
                document.state = DocumentState.Parsed;
                return document;
            }
        }
        return super.update(document, cancellationToken);
    }
}
