import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultScopeComputation, DefaultScopeProvider, DocumentCache, EMPTY_SCOPE, MapScope,
    MultiMap, stream, WorkspaceCache, type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumDocument,
    type LocalSymbols, type NameProvider, type ReferenceInfo, type Scope, type Stream, type URI
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CatalogueVariable, isCatalogueRef, isPlan, isUseVariable, type Plan } from './generated/ast.js';
import { forEachDescendant } from './ast-walk.js';
import type { CatalogueResolver, ResolvedCatalogue } from './catalogue-resolver.js';
import type { SuPlanServices } from './suplan-module.js';

/**
 * Langium's descriptions, with `path` and the segments computed when first read rather than when
 * the description is made: the scope computation describes every named element of a plan (and the
 * catalogue resolver every catalogue variable) on each rebuild, but paths are read only by the
 * reference index and segments only by symbol and navigation requests. The values are the same.
 */
export class SuAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, name, doc.uri, this.astNodeLocator, this.nameProvider);
    }
}

/** A description whose path and segments are computed on first read (a class: cheaper to create than a literal with accessors). */
class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;
    private knownPath: string | undefined;
    private knownNameSegment: DocumentSegment | undefined;
    private knownSelectionSegment: DocumentSegment | undefined;
    private selectionKnown = false;

    constructor(
        public node: AstNode, public name: string, public documentUri: URI,
        private readonly locator: AstNodeLocator, private readonly nameProvider: NameProvider,
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return (this.knownPath ??= this.locator.getAstNodePath(this.node));
    }

    set path(value: string) {
        this.knownPath = value;
    }

    get nameSegment(): DocumentSegment | undefined {
        return (this.knownNameSegment ??= CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode));
    }

    get selectionSegment(): DocumentSegment | undefined {
        if (!this.selectionKnown) {
            this.knownSelectionSegment = CstUtils.toDocumentSegment(this.node.$cstNode);
            this.selectionKnown = true;
        }
        return this.knownSelectionSegment;
    }

    set selectionSegment(value: DocumentSegment | undefined) {
        this.knownSelectionSegment = value;
        this.selectionKnown = true;
    }
}

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
    /** Per plan; cleared on every workspace change, since catalogues may have come or gone. */
    private readonly catalogueScopes: WorkspaceCache<Plan, Scope>;

    constructor(services: SuPlanServices) {
        super(services);
        this.catalogues = services.catalogue.CatalogueResolver;
        this.localScopes = new DocumentCache(services.shared as LangiumSharedServices);
        this.catalogueScopes = new WorkspaceCache(services.shared as LangiumSharedServices);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const root = document.parseResult.value;
        if (!isPlan(root)) return EMPTY_SCOPE;
        if (referenceType === CatalogueVariable.$type) {
            return this.catalogueScopes.get(root, () => this.catalogueScope(root));
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
