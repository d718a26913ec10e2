import type { Module } from 'langium';
import type { LangiumServices, PartialLangiumServices } from 'langium/lsp';
import { SuDocumentValidator } from './overrides/su-document-validator.js';
import { SuLinker } from './overrides/su-linker.js';
import { SuValidationRegistry } from './overrides/su-validation-registry.js';
import { SuReferenceDescriptionProvider } from './overrides/su-reference-descriptions.js';
import { SuCatScopeComputation } from './sucat-scope.js';
import { SuAstNodeDescriptionProvider } from './suplan-scope.js';
import { SuCatValidator } from './sucat-validator.js';
import type { SuCatalogueServices } from './suplan-module.js';

export type SuCatAddedServices = SuCatalogueServices & {
    readonly validation: {
        readonly SuCatValidator: SuCatValidator;
    };
};

export type SuCatServices = LangiumServices & SuCatAddedServices;

/** The catalogue language's own services. */
export function createSuCatModule(shared: SuCatalogueServices['catalogue']): Module<SuCatServices, PartialLangiumServices & SuCatAddedServices> {
    return {
        catalogue: {
            CatalogueResolver: () => shared.CatalogueResolver,
            MessageLocale: () => shared.MessageLocale,
            Settings: () => shared.Settings,
        },
        references: {
            Linker: services => new SuLinker(services),
            ScopeComputation: services => new SuCatScopeComputation(services),
        },
        validation: {
            DocumentValidator: services => new SuDocumentValidator(services, shared.MessageLocale),
            ValidationRegistry: services => new SuValidationRegistry(services, shared.MessageLocale),
            SuCatValidator: services => new SuCatValidator(services),
        },
        workspace: {
            AstNodeDescriptionProvider: services => new SuAstNodeDescriptionProvider(services),
            ReferenceDescriptionProvider: services => new SuReferenceDescriptionProvider(services),
        },
    };
}
