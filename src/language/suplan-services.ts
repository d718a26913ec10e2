import '../node20-polyfill.js';
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { SuCatGeneratedModule, SuPlanGeneratedModule, SuPlanGeneratedSharedModule } from './generated/module.js';
import { CatalogueResolver } from './catalogue-resolver.js';
import { MessageLocale } from './diagnostics/locale.js';
import { createSuCatLspModule } from './lsp/sucat-lsp-module.js';
import { SuNodeKindProvider } from './lsp/su-node-kinds.js';
import { createSuPlanLspModule } from './lsp/suplan-lsp-module.js';
import { SuWorkspaceSymbolProvider } from './lsp/su-workspace-symbols.js';
import { PlanSettings } from './settings.js';
import { NO_REFERENCE_INDEX, suSharedWorkspaceModule } from './su-core-services.js';
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

export function createSuServices(context: DefaultSharedModuleContext, sharedModule?: Module<LangiumSharedServices, object>, options: SuServiceOptions = {}): SuServices {
    const locale = new MessageLocale();
    const settings = new PlanSettings();
    const suSharedLsp: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
        lsp: {
            NodeKindProvider: () => new SuNodeKindProvider(),
            WorkspaceSymbolProvider: services => new SuWorkspaceSymbolProvider(services),
        },
    };
    const shared = inject(createDefaultSharedModule(context), SuPlanGeneratedSharedModule, suSharedLsp, suSharedWorkspaceModule(locale, settings), sharedModule ?? {});
    const common = { CatalogueResolver: new CatalogueResolver(shared), MessageLocale: locale, Settings: settings };
    const batch = options.batch ? NO_REFERENCE_INDEX : {};
    const sucat = inject(createDefaultModule({ shared }), SuCatGeneratedModule, createSuCatModule(common), createSuCatLspModule(), batch) as SuCatServices;
    const suplan = inject(createDefaultModule({ shared }), SuPlanGeneratedModule, createSuPlanModule(common), createSuPlanLspModule(common), batch, options.suplanModule ?? {}) as SuPlanServices;
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
