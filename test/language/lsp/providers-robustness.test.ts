import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { LspWorkspace } from './lsp-test-helper.js';

const workspace = new LspWorkspace();
const { services } = workspace;

const read = (folder: string): { file: string; text: string }[] =>
    readdirSync(folder).sort().map(name => ({ file: path.resolve(folder, name), text: readFileSync(path.resolve(folder, name), 'utf8') }));
const PLANS = read('examples/plans');
const CATALOGUES = read('examples/catalogues');

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function all(symbols: readonly DocumentSymbol[] | undefined): DocumentSymbol[] {
    return (symbols ?? []).flatMap(s => [s, ...all(s.children)]);
}

/** Runs the outline, folding, semantic tokens and a completion at `offset` on a document; checks what clients rely on. */
async function exercise(document: LangiumDocument, offset: number): Promise<void> {
    const language = document.uri.path.endsWith('.sucat') ? services.sucat : services.suplan;
    const textDocument = { uri: document.uri.toString() };
    const symbols = all(await language.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
    for (const symbol of symbols) {
        expect(symbol.name.trim(), 'a symbol name is never empty').not.toBe('');
        expect(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside the range`).toBe(true);
    }
    const ranges = await language.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    const starts = ranges.map(r => r.startLine);
    expect(new Set(starts).size, 'one folding range per start line').toBe(starts.length);
    for (const range of ranges) expect(range.endLine).toBeGreaterThan(range.startLine);
    const tokens = await language.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    expect(tokens.data.length % 5).toBe(0);
    if (language === services.suplan) {
        await language.lsp.CompletionProvider!.getCompletion(document, { textDocument, position: document.textDocument.positionAt(offset) });
    }
}

describe('language features on real and damaged documents', () => {
    test('every example plan and catalogue', async () => {
        const documents = await workspace.build([...PLANS, ...CATALOGUES]);
        expect(documents.size).toBeGreaterThan(5);
        for (const document of documents.values()) {
            await exercise(document, Math.floor(document.textDocument.getText().length / 2));
            expect(all(await (document.uri.path.endsWith('.sucat') ? services.sucat : services.suplan).lsp.DocumentSymbolProvider!
                .getSymbols(document, { textDocument: { uri: document.uri.toString() } })).length).toBeGreaterThan(3);
        }
    });

    test('an example plan cut off at many places', async () => {
        const source = PLANS[PLANS.length - 1];
        const step = Math.max(1, Math.floor(source.text.length / 40));
        for (let cut = 0; cut < source.text.length; cut += step) {
            const documents = await workspace.build([{ file: '/ws/cut.suplan', text: source.text.slice(0, cut) }, ...CATALOGUES]);
            await exercise(documents.get('/ws/cut.suplan')!, cut);
        }
    });
});
