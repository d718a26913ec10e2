import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { SuCatServices } from '../sucat-module.js';
import { SuCatCompletionProvider } from './sucat-completion.js';
import { SuCatDocumentSymbolProvider } from './su-document-symbols.js';
import { SuFoldingRangeProvider } from './su-folding.js';
import { SuCatFormatter } from './su-formatter.js';
import { SuReferencesProvider } from './su-references.js';
import { SuCatRenameProvider } from './sucat-rename.js';
import { SuSemanticTokenProvider } from './su-semantic-tokens.js';

/**
 * The catalogue language's editor features, layered over createSuCatModule in the language
 * server's container (suplan-services.ts). The CLI's container (su-core-services.ts) leaves them out.
 */
export function createSuCatLspModule(): Module<SuCatServices, PartialLangiumServices> {
    return {
        lsp: {
            CompletionProvider: services => new SuCatCompletionProvider(services),
            DocumentSymbolProvider: () => new SuCatDocumentSymbolProvider(),
            FoldingRangeProvider: services => new SuFoldingRangeProvider(services),
            Formatter: () => new SuCatFormatter(),
            ReferencesProvider: services => new SuReferencesProvider(services),
            RenameProvider: services => new SuCatRenameProvider(services),
            SemanticTokenProvider: services => new SuSemanticTokenProvider(services),
        },
    };
}
