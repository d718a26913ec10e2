import * as path from 'node:path';
import { URI } from 'langium';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { SuWorkspaceSymbolProvider } from '../../../src/language/lsp/su-workspace-symbols.js';
import { LspWorkspace, PLAN_B } from './lsp-test-helper.js';

const workspace = new LspWorkspace();
const provider = (): SuWorkspaceSymbolProvider => workspace.services.shared.lsp.WorkspaceSymbolProvider as SuWorkspaceSymbolProvider;

async function symbols(query: string): Promise<string[]> {
    const found = (await provider().getSymbols({ query })) as WorkspaceSymbol[];
    return found.map(s => `${s.name} (${s.containerName ?? '-'}) ${path.basename(URI.parse(s.location.uri).path)}`).sort();
}

describe('workspace symbols', () => {
    beforeAll(async () => {
        await workspace.buildPlans({ '/ws/b.suplan': PLAN_B });
    });

    test('the provider is registered', () => {
        expect(provider()).toBeInstanceOf(SuWorkspaceSymbolProvider);
    });

    test('plans and their named parts, catalogues and their variables, each with where it belongs', async () => {
        const all = await symbols('');
        expect(all).toContain('B (-) b.suplan');
        expect(all).toContain('b1 (B) b.suplan');
        expect(all).toContain('enskilda (B) b.suplan');
        expect(all).toContain('test (-) test.sucat');
        expect(all).toContain('samtal (test) test.sucat');
        // sections and settings are outline entries, not symbols to go to
        expect(all.some(s => s.startsWith('variabler ') || s.startsWith('analyser '))).toBe(false);
    });

    test('the query narrows the list (fuzzy, as the editor types)', async () => {
        expect(await symbols('enskild')).toEqual(['enskilda (B) b.suplan']);
        expect(await symbols('kön')).toEqual(expect.arrayContaining(['kön (B) b.suplan', 'kön (test) test.sucat']));
    });
});
