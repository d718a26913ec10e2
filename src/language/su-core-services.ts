import '../node20-polyfill.js';
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject, type LangiumCoreServices, type LangiumSharedCoreServices, type Module,
    type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices
} from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import { CatalogueResolver } from './catalogue-resolver.js';
import { MessageLocale } from './diagnostics/locale.js';
import { SuCatGeneratedModule, SuPlanGeneratedModule, SuPlanGeneratedSharedModule } from './generated/module.js';
import { SuConfigurationProvider } from './lsp/su-configuration.js';
import { SuDocumentBuilder } from './overrides/su-document-builder.js';
import { SuDocumentFactory } from './overrides/su-document-factory.js';
import { SuIndexManager } from './overrides/su-index-manager.js';
import { SuTokenBuilder } from './overrides/su-token-builder.js';
import { SuWorkspaceManager } from './overrides/su-workspace-manager.js';
import { PlanSettings } from './settings.js';
import { createSuCatModule, type SuCatAddedServices, type SuCatServices } from './sucat-module.js';
import { registerSuCatChecks } from './sucat-validator.js';
import { createSuPlanModule, type SuPlanAddedServices, type SuPlanServices } from './suplan-module.js';
import { registerSuPlanChecks } from './suplan-validator.js';

/** The shared workspace services of both containers: catalogues, settings, message language. */
export function suSharedWorkspaceModule(locale: MessageLocale, settings: PlanSettings): Module<LangiumSharedServices, PartialLangiumSharedServices> {
    return {
        workspace: {
            ConfigurationProvider: services => new SuConfigurationProvider(services, locale, settings),
            DocumentBuilder: services => new SuDocumentBuilder(services, locale),
            IndexManager: services => new SuIndexManager(services),
            LangiumDocumentFactory: services => new SuDocumentFactory(services),
            WorkspaceManager: services => new SuWorkspaceManager(services, settings),
        },
    };
}

/**
 * Batch checking (the CLI) needs no cross-file reference index: that index serves the editor's
 * "find references". Leaving it out saves about a tenth of a large check.
 */
export const NO_REFERENCE_INDEX: Module<LangiumCoreServices, PartialLangiumCoreServices> = {
    workspace: { ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] }) },
};

/** The CLI's lexers: the same tokens, built faster (su-token-builder.ts). */
const CORE_PARSER: Module<LangiumCoreServices, PartialLangiumCoreServices> = {
    parser: { TokenBuilder: () => new SuTokenBuilder() },
};

export interface SuCoreServices {
    readonly shared: LangiumSharedCoreServices;
    readonly sucat: LangiumCoreServices & SuCatAddedServices;
    readonly suplan: LangiumCoreServices & SuPlanAddedServices;
}

/**
 * Both languages without Langium's LSP layer, for the CLI: parsing, linking and validation exactly
 * as in the language server's container (suplan-services.ts, which adds the editor features over
 * the same modules), without loading `langium/lsp`, `vscode-languageserver` and the editor
 * features (about a seventh of the JavaScript `suplan check` loads). In batch mode (no reference
 * index). test/cli/check-command.test.ts compares its diagnostics with the language server's.
 */
export function createSuCoreServices(): SuCoreServices {
    const locale = new MessageLocale();
    const settings = new PlanSettings();
    // SU-plan's modules are typed for the language server's services; what they create uses only
    // the core (parsing, linking, validation), which this container has.
    const sharedModule = suSharedWorkspaceModule(locale, settings) as unknown as Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices>;
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), SuPlanGeneratedSharedModule, sharedModule);
    const common = { CatalogueResolver: new CatalogueResolver(shared as LangiumSharedServices), MessageLocale: locale, Settings: settings };
    const sucat = inject(createDefaultCoreModule({ shared }), SuCatGeneratedModule, createSuCatModule(common), NO_REFERENCE_INDEX, CORE_PARSER) as unknown as SuCatServices;
    const suplan = inject(createDefaultCoreModule({ shared }), SuPlanGeneratedModule, createSuPlanModule(common), NO_REFERENCE_INDEX, CORE_PARSER) as unknown as SuPlanServices;
    shared.ServiceRegistry.register(sucat);
    shared.ServiceRegistry.register(suplan);
    registerSuCatChecks(sucat);
    registerSuPlanChecks(suplan);
    // Without a language client nobody sends the configuration; mark it as received.
    shared.workspace.ConfigurationProvider.initialized({});
    return { shared, sucat, suplan };
}
