import { DefaultLangiumDocumentFactory, DocumentState, isOperationCancelled, type AstNode, type Cancellation, type LangiumDocument, type ParseResult, type ParserOptions, type URI } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { SuCatalogueServices } from '../suplan-module.js';
import { tryIncrementalUpdate } from './incremental-parse.js';
import { langiumInternalsProblem } from './langium-internals.js';
import { documentProblems, internalErrorMessage } from './document-problems.js';

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

    /**
     * Parses a text; an internal error of the parser (which no input should cause) leaves the
     * document empty instead of stopping the build, and the builder reports it on the document.
     */
    protected override parse<T extends AstNode = AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        const key = uri.toString();
        try {
            const result = super.parse<T>(uri, text, options);
            if (documentProblems.get(key)?.source === 'parse') documentProblems.delete(key);
            return result;
        } catch (error) {
            console.error(`SU-plan: internal error while parsing ${key}:`, error);
            documentProblems.set(key, { source: 'parse', message: language => internalErrorMessage('parsing', error, language) });
            const empty = super.parse<T>(uri, '', options);
            return { ...empty, parserErrors: [], lexerErrors: [] };
        }
    }

    /** The editor's parse (Langium's async parser), guarded like `parse`. */
    protected override async parseAsync<T extends AstNode = AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const key = uri.toString();
        try {
            const result = await super.parseAsync<T>(uri, text, cancellationToken);
            if (documentProblems.get(key)?.source === 'parse') documentProblems.delete(key);
            return result;
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error(`SU-plan: internal error while parsing ${key}:`, error);
            documentProblems.set(key, { source: 'parse', message: language => internalErrorMessage('parsing', error, language) });
            const empty = super.parse<T>(uri, '');
            return { ...empty, parserErrors: [], lexerErrors: [] };
        }
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
