import type { LangiumDocument } from 'langium';
import type { FuzzyMatcher, LangiumServices, LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import { SymbolKind, type CancellationToken, type DocumentSymbol, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';

/** Outline entries that are sections or settings of a plan (`variabler`, `syfte` …), not things to go to by name. */
const SECTION_KINDS: ReadonlySet<SymbolKind> = new Set([SymbolKind.Namespace, SymbolKind.Property, SymbolKind.Object, SymbolKind.EnumMember]);

/** At most this many symbols per answer (a catalogue may hold thousands of variables). */
export const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * "Go to symbol in workspace" over every plan and catalogue: plans, catalogues, catalogue variables,
 * a plan's variables, measurement points, value sets, reference tables and analyses, each with the
 * plan or catalogue it belongs to. The names are those of the outline (the document symbol
 * providers), so both views agree; plans export nothing to Langium's index, which is why its
 * default provider listed only catalogues.
 */
export class SuWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly shared: LangiumSharedServices;
    private readonly matcher: FuzzyMatcher;

    constructor(shared: LangiumSharedServices) {
        this.shared = shared;
        this.matcher = shared.lsp.FuzzyMatcher;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken?: CancellationToken): Promise<WorkspaceSymbol[]> {
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            if (cancelToken?.isCancellationRequested || symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
            const provider = (this.shared.ServiceRegistry.getServices(document.uri) as LangiumServices).lsp.DocumentSymbolProvider;
            if (!provider) continue;
            const outline = await provider.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
            this.collect(document, outline, undefined, params.query, symbols);
        }
        return symbols.slice(0, MAX_WORKSPACE_SYMBOLS);
    }

    private collect(document: LangiumDocument, outline: readonly DocumentSymbol[], container: string | undefined, query: string, into: WorkspaceSymbol[]): void {
        for (const symbol of outline) {
            // A nested package is a plan's `katalog … version …` line, not the catalogue.
            const named = !SECTION_KINDS.has(symbol.kind) && !(container && symbol.kind === SymbolKind.Package);
            if (named && (!query || this.matcher.match(query, symbol.name))) {
                into.push({
                    name: symbol.name, kind: symbol.kind, containerName: container,
                    location: { uri: document.uri.toString(), range: symbol.selectionRange },
                });
            }
            const isRoot = symbol.kind === SymbolKind.Module || symbol.kind === SymbolKind.Package;
            if (symbol.children) this.collect(document, symbol.children, isRoot && !container ? symbol.name : container, query, into);
        }
    }
}
