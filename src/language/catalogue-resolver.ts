import { AstUtils, DocumentCache, WorkspaceCache, type AstNodeDescription, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { Catalogue, isCatalogueRef, type CatalogueVariable, type Plan } from './generated/ast.js';

/** One catalogue version with its variables indexed for constant-time lookup. */
export interface ResolvedCatalogue {
    readonly catalogue: Catalogue;
    readonly document: LangiumDocument;
    /** Variable id → variable. */
    readonly variables: ReadonlyMap<string, CatalogueVariable>;
    /** Qualified name (`bbic.samtal_enskilt`) → description, for cross-reference scopes. */
    readonly descriptions: ReadonlyMap<string, AstNodeDescription>;
}

/**
 * Finds catalogues by name and version through the workspace index. Catalogue documents
 * export only their root, so the index stays small however many variables they hold; the
 * variable tables are built once per catalogue document and kept until that document changes.
 */
export class CatalogueResolver {
    private readonly shared: LangiumSharedServices;
    private readonly byDocument: DocumentCache<string, ResolvedCatalogue>;
    private readonly byName: WorkspaceCache<string, readonly Catalogue[]>;
    private readonly allNames: WorkspaceCache<'names', readonly string[]>;

    constructor(shared: LangiumSharedServices) {
        this.shared = shared;
        this.byDocument = new DocumentCache(shared);
        this.byName = new WorkspaceCache(shared);
        this.allNames = new WorkspaceCache(shared);
    }

    /** Every loaded version of the catalogue with this name, in index order. */
    versions(name: string): readonly Catalogue[] {
        return this.byName.get(name, () => {
            const documents = this.shared.workspace.LangiumDocuments;
            const found: Catalogue[] = [];
            for (const description of this.shared.workspace.IndexManager.allElements(Catalogue.$type)) {
                if (description.name !== name || !documents.hasDocument(description.documentUri)) continue;
                const root = documents.getDocument(description.documentUri)?.parseResult.value;
                if (root && root.$type === Catalogue.$type) found.push(root as Catalogue);
            }
            return found;
        });
    }

    /** The names of every catalogue loaded in the workspace, each once, in index order. */
    names(): readonly string[] {
        return this.allNames.get('names', () => {
            const documents = this.shared.workspace.LangiumDocuments;
            const found = new Set<string>();
            for (const description of this.shared.workspace.IndexManager.allElements(Catalogue.$type)) {
                if (description.name && documents.hasDocument(description.documentUri)) found.add(description.name);
            }
            return [...found];
        });
    }

    /** The catalogue `name` at exactly `version`, or undefined. */
    resolve(name: string, version: string): ResolvedCatalogue | undefined {
        const catalogue = this.versions(name).find(c => c.version === version);
        return catalogue ? this.tables(catalogue) : undefined;
    }

    /** The loaded catalogue versions a plan pins (`katalog x version "…"`), in the plan's order. */
    pinned(plan: Plan): ResolvedCatalogue[] {
        const tables: ResolvedCatalogue[] = [];
        for (const element of plan.elements) {
            if (!isCatalogueRef(element) || !element.catalogue || element.version === undefined) continue;
            const resolved = this.resolve(element.catalogue, element.version);
            if (resolved) tables.push(resolved);
        }
        return tables;
    }

    /** The indexed tables of a catalogue node. */
    tables(catalogue: Catalogue): ResolvedCatalogue {
        const document = AstUtils.getDocument(catalogue);
        return this.byDocument.get(document.uri, 'tables', () => {
            const describer = this.shared.ServiceRegistry.getServices(document.uri).workspace.AstNodeDescriptionProvider;
            const variables = new Map<string, CatalogueVariable>();
            const descriptions = new Map<string, AstNodeDescription>();
            for (const variable of catalogue.variables) {
                if (!variable.name || variables.has(variable.name)) continue;
                variables.set(variable.name, variable);
                const qualified = `${catalogue.name}.${variable.name}`;
                descriptions.set(qualified, describer.createDescription(variable, qualified, document));
            }
            return { catalogue, document, variables, descriptions };
        });
    }
}
