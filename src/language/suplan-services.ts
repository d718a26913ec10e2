import '../node20-polyfill.js';
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { SuCatGeneratedModule, SuPlanGeneratedModule, SuPlanGeneratedSharedModule } from './generated/module.js';
import { CatalogueResolver } from './catalogue-resolver.js';
import { MessageLocale } from './diagnostics/locale.js';
import { SuDocumentFactory } from './overrides/su-document-factory.js';
import { SuConfigurationProvider } from './lsp/su-configuration.js';
import { SuNodeKindProvider } from './lsp/su-node-kinds.js';
import { SuWorkspaceSymbolProvider } from './lsp/su-workspace-symbols.js';
import { SuWorkspaceManager } from './overrides/su-workspace-manager.js';
import { SuDocumentBuilder } from './overrides/su-document-builder.js';
import { SuIndexManager } from './overrides/su-index-manager.js';
import { PlanSettings } from './settings.js';
import { createSuCatModule, type SuCatServices } from './sucat-module.js';
import { registerSuCatChecks } from './sucat-validator.js';
import { createSuPlanModule, type SuPlanServices } from './suplan-module.js';
import { registerSuPlanChecks } from './suplan-validator.js';

export interface SuServices {
    readonly shared: LangiumSharedServices;
    readonly sucat: SuCatServices;
    readonly suplan: SuPlanServices;
}

/**
 * Builds the shared container and both languages. The language server, the CLI and the tests
 * all come through here (and so through the Node 20 polyfill above).
 */
export interface SuServiceOptions {
    /**
     * Batch checking (the CLI, benchmarks) needs no cross-file reference index: that index serves
     * the editor's "find references". Leaving it out saves about a tenth of a large check.
     */
    readonly batch?: boolean;
    /** Services of the plan language injected last, over all others (tests inject a check through it). */
    readonly suplanModule?: Module<SuPlanServices, object>;
}

/** A reference index that records nothing (batch mode). */
const NO_REFERENCE_INDEX: Module<LangiumServices, PartialLangiumServices> = {
    workspace: { ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] }) },
};

export function createSuServices(context: DefaultSharedModuleContext, sharedModule?: Module<LangiumSharedServices, object>, options: SuServiceOptions = {}): SuServices {
    const locale = new MessageLocale();
    const settings = new PlanSettings();
    const suShared: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
        lsp: {
            NodeKindProvider: () => new SuNodeKindProvider(),
            WorkspaceSymbolProvider: services => new SuWorkspaceSymbolProvider(services),
        },
        workspace: {
            ConfigurationProvider: services => new SuConfigurationProvider(services, locale, settings),
            DocumentBuilder: services => new SuDocumentBuilder(services, locale),
            IndexManager: services => new SuIndexManager(services),
            LangiumDocumentFactory: services => new SuDocumentFactory(services),
            WorkspaceManager: services => new SuWorkspaceManager(services, settings),
        },
    };
    const shared = inject(createDefaultSharedModule(context), SuPlanGeneratedSharedModule, suShared, sharedModule ?? {});
    const common = { CatalogueResolver: new CatalogueResolver(shared), MessageLocale: locale, Settings: settings };
    const batch = options.batch ? NO_REFERENCE_INDEX : {};
    const sucat = inject(createDefaultModule({ shared }), SuCatGeneratedModule, createSuCatModule(common), batch) as SuCatServices;
    const suplan = inject(createDefaultModule({ shared }), SuPlanGeneratedModule, createSuPlanModule(common), batch, options.suplanModule ?? {}) as SuPlanServices;
    shared.ServiceRegistry.register(sucat);
    shared.ServiceRegistry.register(suplan);
    registerSuCatChecks(sucat);
    registerSuPlanChecks(suplan);
    if (!context.connection) {
        // Without a language client nobody sends the configuration; mark it as received.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, sucat, suplan };
}

export type { LangiumServices };
