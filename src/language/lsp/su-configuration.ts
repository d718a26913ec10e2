import { DefaultConfigurationProvider, DocumentState, type ConfigurationInitializedParams, type LangiumDocument, type URI } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import type { MessageLocale } from '../diagnostics/locale.js';
import type { PlanSettings } from '../settings.js';

/** The settings section both languages read (`suplan.messageLanguage`, …). */
export const SETTINGS_SECTION = 'suplan';

/** The `suplan` settings as the client sends them; anything else is ignored. */
export interface SuSettingsSection {
    readonly messageLanguage?: unknown;
    readonly minCellSize?: unknown;
    readonly cataloguePaths?: unknown;
    readonly incrementalParsing?: unknown;
}

/** What a settings change asks the server to do. */
export interface SettingsEffect {
    /** Messages or checks changed: every document must be validated again. */
    readonly revalidate: boolean;
    /** The catalogue folders changed: the workspace must be indexed again. */
    readonly reindex: boolean;
}

/**
 * Applies the `suplan` section to the shared message language and plan settings and reports
 * what changed. Unknown or malformed values fall back to the defaults (sv, 5, no extra folders,
 * incremental parsing on).
 */
export function applySettings(section: SuSettingsSection | undefined, locale: MessageLocale, settings: PlanSettings): SettingsEffect {
    const language = section?.messageLanguage === 'en' ? 'en' : 'sv';
    const minCell = typeof section?.minCellSize === 'number' && Number.isInteger(section.minCellSize) && section.minCellSize > 0
        ? section.minCellSize : 5;
    const paths = Array.isArray(section?.cataloguePaths)
        ? section.cataloguePaths.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
    const revalidate = language !== locale.language || minCell !== settings.defaultMinCell;
    const reindex = paths.join('\n') !== settings.cataloguePaths.join('\n');
    locale.language = language;
    settings.defaultMinCell = minCell;
    settings.cataloguePaths = paths;
    settings.incrementalParsing = section?.incrementalParsing !== false;
    return { revalidate, reindex };
}

/**
 * Keeps the message language and plan settings in step with the client's `suplan` settings.
 * A change of language or minimum cell revalidates every document (open or not), so the
 * Problems panel switches language at once; a change of catalogue folders indexes them.
 */
export class SuConfigurationProvider extends DefaultConfigurationProvider {
    private readonly shared: LangiumSharedServices;

    private readonly locale: MessageLocale;
    private readonly planSettings: PlanSettings;

    constructor(shared: LangiumSharedServices, locale: MessageLocale, planSettings: PlanSettings) {
        super(shared);
        this.shared = shared;
        this.locale = locale;
        this.planSettings = planSettings;
    }

    private canRegister = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.canRegister = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    /**
     * Langium registers for configuration changes whenever the client reads configuration, also
     * when the client did not offer dynamic registration; Emacs eglot then shows a warning on every
     * start. Register only when the client says it can.
     */
    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        await super.initialized(this.canRegister ? params : { ...params, register: undefined });
    }

    override updateSectionConfiguration(section: string, configuration: unknown): void {
        super.updateSectionConfiguration(section, configuration);
        if (section !== SETTINGS_SECTION) return;
        const effect = applySettings(isRecord(configuration) ? configuration : undefined, this.locale, this.planSettings);
        if (effect.reindex) void this.indexCatalogueFolders();
        else if (effect.revalidate) void this.revalidateAll();
    }

    /** Validates every loaded document again, under the workspace write lock. */
    async revalidateAll(): Promise<void> {
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        await workspace.WorkspaceLock.write(async token => {
            const documents: LangiumDocument[] = workspace.LangiumDocuments.all.toArray();
            for (const document of documents) {
                if (document.state > DocumentState.IndexedReferences) {
                    workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
                }
            }
            await workspace.DocumentBuilder.build(documents, { validation: true }, token);
        });
    }

    /** Loads the catalogues of the configured folders that are not loaded yet, then rebuilds. */
    private async indexCatalogueFolders(): Promise<void> {
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        const manager = workspace.WorkspaceManager as { catalogueFolderFiles?: () => Promise<URI[]> };
        const found = manager.catalogueFolderFiles ? await manager.catalogueFolderFiles() : [];
        const added = found.filter(uri => !workspace.LangiumDocuments.hasDocument(uri));
        await workspace.DocumentBuilder.update(added, []);
        await this.revalidateAll();
    }
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
