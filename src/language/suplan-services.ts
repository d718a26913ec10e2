import '../node20-polyfill.js';
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices
} from 'langium/lsp';
import { SuCatGeneratedModule, SuPlanGeneratedModule, SuPlanGeneratedSharedModule } from './generated/module.js';
import { CatalogueResolver } from './catalogue-resolver.js';
import { MessageLocale } from './diagnostics/locale.js';
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
export function createSuServices(context: DefaultSharedModuleContext, sharedModule?: Module<LangiumSharedServices, object>): SuServices {
    const shared = inject(createDefaultSharedModule(context), SuPlanGeneratedSharedModule, sharedModule ?? {});
    const common = { CatalogueResolver: new CatalogueResolver(shared), MessageLocale: new MessageLocale() };
    const sucat = inject(createDefaultModule({ shared }), SuCatGeneratedModule, createSuCatModule(common)) as SuCatServices;
    const suplan = inject(createDefaultModule({ shared }), SuPlanGeneratedModule, createSuPlanModule(common)) as SuPlanServices;
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
