import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, DocumentCache, EMPTY_SCOPE, MapScope, MultiMap,
    stream, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type Stream
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CatalogueVariable, isCatalogueRef, isPlan, isUseVariable, type Plan } from './generated/ast.js';
import { forEachDescendant } from './ast-walk.js';
import type { CatalogueResolver, ResolvedCatalogue } from './catalogue-resolver.js';
import type { SuPlanServices } from './suplan-module.js';

/**
 * Every named element of a plan (variables, items, points, value sets, tables, analyses) is visible
 * in the whole plan, so all local symbols hang on the root. A catalogue variable in use is also
 * reachable by its qualified name (`bbic.kön` as well as `kön`). Plans export nothing.
 */
export class SuPlanScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(): Promise<AstNodeDescription[]> {
        return [];
    }

    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const root = document.parseResult.value;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        forEachDescendant(root, node => {
            const name = this.nameProvider.getName(node);
            if (!name) return;
            symbols.add(root, this.descriptions.createDescription(node, name, document));
            if (isUseVariable(node) && node.variable?.$refText && node.variable.$refText !== name) {
                symbols.add(root, this.descriptions.createDescription(node, node.variable.$refText, document));
            }
        });
        return symbols;
    }
}

/**
 * Constant-time scopes: the plan's own symbols are put in one map per reference type and document,
 * and catalogue variables come from the pinned catalogue version's cached table.
 * Langium's default provider scans a stream for every reference, which is quadratic on large plans.
 */
export class SuPlanScopeProvider extends DefaultScopeProvider {
    private readonly catalogues: CatalogueResolver;
    private readonly localScopes: DocumentCache<string, Scope>;

    constructor(services: SuPlanServices) {
        super(services);
        this.catalogues = services.catalogue.CatalogueResolver;
        this.localScopes = new DocumentCache(services.shared as LangiumSharedServices);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const root = document.parseResult.value;
        if (!isPlan(root)) return EMPTY_SCOPE;
        if (referenceType === CatalogueVariable.$type) {
            return this.catalogueScope(root);
        }
        return this.localScopes.get(document.uri, referenceType, () => {
            const local = document.localSymbols?.getStream(root) ?? [];
            const matching: AstNodeDescription[] = [];
            for (const description of local) {
                if (this.reflection.isSubtype(description.type, referenceType)) matching.push(description);
            }
            return new MapScope(matching);
        });
    }

    /** The variables of every catalogue version the plan pins, by qualified name. */
    private catalogueScope(plan: Plan): Scope {
        const tables: ResolvedCatalogue[] = [];
        for (const element of plan.elements) {
            if (!isCatalogueRef(element) || !element.catalogue || element.version === undefined) continue;
            const resolved = this.catalogues.resolve(element.catalogue, element.version);
            if (resolved) tables.push(resolved);
        }
        return tables.length ? new CatalogueScope(tables) : EMPTY_SCOPE;
    }
}

/** A scope over cached catalogue tables: lookups are map hits, never scans. */
class CatalogueScope implements Scope {
    constructor(private readonly tables: readonly ResolvedCatalogue[]) {}

    getElement(name: string): AstNodeDescription | undefined {
        for (const table of this.tables) {
            const found = table.descriptions.get(name);
            if (found) return found;
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const found = this.getElement(name);
        return stream(found ? [found] : []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.tables).flatMap(table => table.descriptions.values());
    }
}
