import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createSuCoreServices } from '../../src/language/su-core-services.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';

/** Every example plan and catalogue, every invalid fixture and the test catalogues, in one workspace. */
function allSources(): ReturnType<typeof readSources> {
    const folders = ['examples/plans', 'examples/catalogues', 'test/fixtures/invalid', 'test/fixtures/catalogues'];
    const files = folders.flatMap(folder => readdirSync(folder)
        .filter(name => name.endsWith('.suplan') || name.endsWith('.sucat'))
        .map(name => path.resolve(folder, name)));
    return readSources(files);
}

describe('the CLI container without the LSP layer (su-core-services.ts)', () => {
    test('reports exactly the diagnostics of the language server\'s container, in both message languages', async () => {
        const sources = allSources();
        expect(sources.length).toBeGreaterThan(80);
        for (const language of ['sv', 'en'] as const) {
            const core = createSuCoreServices();
            core.suplan.catalogue.MessageLocale.language = language;
            const full = createSuServices(EmptyFileSystem, undefined, { batch: true });
            full.suplan.catalogue.MessageLocale.language = language;
            const fromCore = (await buildWorkspace(core, sources)).map(d => ({ file: d.file, diagnostics: d.diagnostics }));
            const fromFull = (await buildWorkspace(full, sources)).map(d => ({ file: d.file, diagnostics: d.diagnostics }));
            expect(fromCore.some(d => d.diagnostics.length > 0)).toBe(true);
            expect(fromCore).toEqual(fromFull);
        }
    });

    test('loads neither langium/lsp, vscode-languageserver nor the editor features', async () => {
        const result = await esbuild.build({
            entryPoints: ['src/language/su-core-services.ts'], bundle: true, write: false, metafile: true,
            platform: 'node', format: 'esm', logLevel: 'silent',
        });
        const inputs = Object.keys(result.metafile.inputs);
        const lspLayer = inputs.filter(input => /node_modules\/langium\/lib\/lsp\/|node_modules\/vscode-languageserver\/|src\/language\/lsp\/(?!su-configuration\.ts)/.test(input));
        expect(lspLayer).toEqual([]);
        // The check is meaningful: the language server's container does load them.
        const full = await esbuild.build({
            entryPoints: ['src/language/suplan-services.ts'], bundle: true, write: false, metafile: true,
            platform: 'node', format: 'esm', logLevel: 'silent',
        });
        expect(Object.keys(full.metafile.inputs).some(input => input.includes('node_modules/vscode-languageserver/'))).toBe(true);
    });
});
