import type { Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import type { CatalogueResolver } from './catalogue-resolver.js';
import type { MessageLocale } from './diagnostics/locale.js';
import type { PlanSettings } from './settings.js';
import { SuDocumentValidator } from './overrides/su-document-validator.js';
import { SuLinker } from './overrides/su-linker.js';
import { SuValidationRegistry } from './overrides/su-validation-registry.js';
import { SuReferenceDescriptionProvider } from './overrides/su-reference-descriptions.js';
import { SuPlanNameProvider } from './suplan-naming.js';
import { SuAstNodeDescriptionProvider, SuPlanScopeComputation, SuPlanScopeProvider } from './suplan-scope.js';
import { SuPlanValidator } from './suplan-validator.js';

/** Services both languages share: one catalogue index and one message language. */
export interface SuCatalogueServices {
    readonly catalogue: {
        readonly CatalogueResolver: CatalogueResolver;
        readonly MessageLocale: MessageLocale;
        readonly Settings: PlanSettings;
    };
}

export type SuPlanAddedServices = SuCatalogueServices & {
    readonly validation: {
        readonly SuPlanValidator: SuPlanValidator;
    };
};

export type SuPlanServices = LangiumServices & SuPlanAddedServices;

/** The plan language's own services, layered over Langium's defaults and the generated module. */
export function createSuPlanModule(shared: SuCatalogueServices['catalogue']): Module<SuPlanServices, PartialLangiumServices & SuPlanAddedServices> {
    return {
        catalogue: {
            CatalogueResolver: () => shared.CatalogueResolver,
            MessageLocale: () => shared.MessageLocale,
            Settings: () => shared.Settings,
        },
        references: {
            Linker: services => new SuLinker(services),
            NameProvider: () => new SuPlanNameProvider(),
            ScopeComputation: services => new SuPlanScopeComputation(services),
            ScopeProvider: services => new SuPlanScopeProvider(services),
        },
        validation: {
            DocumentValidator: services => new SuDocumentValidator(services, shared.MessageLocale),
            ValidationRegistry: services => new SuValidationRegistry(services, shared.MessageLocale),
            SuPlanValidator: services => new SuPlanValidator(services),
        },
        workspace: {
            AstNodeDescriptionProvider: services => new SuAstNodeDescriptionProvider(services),
            ReferenceDescriptionProvider: services => new SuReferenceDescriptionProvider(services),
        },
    };
}

export type { LangiumSharedServices };
