import { DefaultScopeComputation, type AstNodeDescription, type LangiumDocument } from 'langium';
import { isCatalogue } from './generated/ast.js';

/**
 * A catalogue exports only itself (by name); its variables are reached through the
 * CatalogueResolver, which picks the version a plan pins. Exporting 10,000 variables
 * into the global index would make every index update and every global scope slower.
 */
export class SuCatScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        if (!isCatalogue(root) || !root.name) return [];
        return [this.descriptions.createDescription(root, root.name, document)];
    }
}
