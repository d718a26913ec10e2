import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { applySettings, SuConfigurationProvider } from '../../../src/language/lsp/su-configuration.js';
import { MessageLocale } from '../../../src/language/diagnostics/locale.js';
import { PlanSettings } from '../../../src/language/settings.js';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan } from '../validators/plan-validation-helper.js';

describe('the suplan settings section', () => {
    test('defaults: Swedish, minimum cell 5, no extra catalogue folders; malformed values fall back', () => {
        const locale = new MessageLocale();
        const settings = new PlanSettings();
        expect(applySettings({ messageLanguage: 'fr', minCellSize: -3, cataloguePaths: 'kataloger', incrementalParsing: 'nej' }, locale, settings))
            .toEqual({ revalidate: false, reindex: false });
        expect([locale.language, settings.defaultMinCell, settings.cataloguePaths, settings.incrementalParsing]).toEqual(['sv', 5, [], true]);
    });

    test('a change of language or minimum cell asks for revalidation; new folders ask for indexing', () => {
        const locale = new MessageLocale();
        const settings = new PlanSettings();
        expect(applySettings({ messageLanguage: 'en' }, locale, settings)).toEqual({ revalidate: true, reindex: false });
        expect(applySettings({ messageLanguage: 'en', minCellSize: 10 }, locale, settings)).toEqual({ revalidate: true, reindex: false });
        expect(applySettings({ messageLanguage: 'en', minCellSize: 10, cataloguePaths: ['/k', 7] }, locale, settings))
            .toEqual({ revalidate: false, reindex: true });
        expect([locale.language, settings.defaultMinCell, settings.cataloguePaths]).toEqual(['en', 10, ['/k']]);
    });

    test('incremental parsing is on unless the setting is false', () => {
        const locale = new MessageLocale();
        const settings = new PlanSettings();
        applySettings({ incrementalParsing: false }, locale, settings);
        expect(settings.incrementalParsing).toBe(false);
        applySettings({}, locale, settings);
        expect(settings.incrementalParsing).toBe(true);
    });

    test('switching to English rewrites the messages of documents already validated', async () => {
        const services = createSuServices(EmptyFileSystem);
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const text = plan({ variables: 'variabler {\n        använd test.finns_inte\n    }' });
        const [loaded] = await buildWorkspace(services, [{ file: '/ws/fel.suplan', text }, TEST_CATALOGUE]);
        const messages = (): string[] => (loaded.document.diagnostics ?? []).filter(d => d.code === 'SU012').map(d => String(d.message));
        expect(messages()).toEqual([expect.stringContaining('finns inte i den katalogversion')]);

        const provider = services.shared.workspace.ConfigurationProvider;
        expect(provider).toBeInstanceOf(SuConfigurationProvider);
        provider.updateConfiguration({ settings: { suplan: { messageLanguage: 'en' } } });
        await (provider as SuConfigurationProvider).revalidateAll();
        expect(messages()).toEqual([expect.stringContaining('is not in the catalogue version the plan pins')]);
    });
});
