import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { SuCatalogueServices } from '../suplan-module.js';
import { tryIncrementalUpdate } from './incremental-parse.js';
import { langiumInternalsProblem } from './langium-internals.js';

/**
 * Langium's document factory, but a document open in the editor whose edit only touched a string,
 * a comment or whitespace keeps its syntax tree, updated in place (see incremental-parse.ts),
 * instead of being parsed again. Linking, scopes and validation run as after any edit.
 * The setting `suplan.incrementalParsing` turns this off; so does a Langium whose CST internals
 * no longer fit (langium-internals.ts), which is logged once.
 */
export class SuDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Whether Langium's internals fit; asked of the first tree the factory updates. */
    private internalsFit: boolean | undefined;

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const textDocument = this.textDocuments?.get(document.uri.toString());
        if (textDocument) {
            const services = this.serviceRegistry.getServices(document.uri) as LangiumServices & Partial<SuCatalogueServices>;
            if (this.incrementalAllowed(services, document) && tryIncrementalUpdate(services, document.parseResult, textDocument.getText())) {
                Object.defineProperty(document, 'textDocument', { value: textDocument });
                document.state = DocumentState.Parsed;
                return document;
            }
        }
        return super.update(document, cancellationToken);
    }

    private incrementalAllowed(services: Partial<SuCatalogueServices>, document: LangiumDocument): boolean {
        if (services.catalogue?.Settings.incrementalParsing === false) return false;
        const root = document.parseResult.value.$cstNode?.root;
        if (this.internalsFit === undefined && root) {
            const problem = langiumInternalsProblem(root);
            if (problem) console.error(`SU-plan: ${problem}`);
            this.internalsFit = problem === undefined;
        }
        return this.internalsFit === true;
    }
}
