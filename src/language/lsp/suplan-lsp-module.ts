import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { SuCatalogueServices, SuPlanServices } from '../suplan-module.js';
import { SuPlanCodeActionProvider } from './suplan-code-actions.js';
import { SuPlanCompletionProvider } from './suplan-completion.js';
import { SuPlanDocumentSymbolProvider } from './su-document-symbols.js';
import { SuFoldingRangeProvider } from './su-folding.js';
import { SuPlanFormatter } from './su-formatter.js';
import { SuPlanHoverProvider } from './suplan-hover.js';
import { SuReferencesProvider } from './su-references.js';
import { SuPlanRenameProvider } from './suplan-rename.js';
import { SuSemanticTokenProvider } from './su-semantic-tokens.js';

/**
 * The plan language's editor features, layered over createSuPlanModule in the language server's
 * container (suplan-services.ts). The CLI's container (su-core-services.ts) leaves them out.
 */
export function createSuPlanLspModule(shared: SuCatalogueServices['catalogue']): Module<SuPlanServices, PartialLangiumServices> {
    return {
        lsp: {
            CodeActionProvider: () => new SuPlanCodeActionProvider(shared.CatalogueResolver),
            CompletionProvider: services => new SuPlanCompletionProvider(services),
            DocumentSymbolProvider: () => new SuPlanDocumentSymbolProvider(),
            FoldingRangeProvider: services => new SuFoldingRangeProvider(services),
            Formatter: () => new SuPlanFormatter(),
            HoverProvider: services => new SuPlanHoverProvider(services),
            ReferencesProvider: services => new SuReferencesProvider(services),
            RenameProvider: services => new SuPlanRenameProvider(services),
            SemanticTokenProvider: services => new SuSemanticTokenProvider(services),
        },
    };
}
