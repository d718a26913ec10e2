import { type AstNode, type LangiumDocument, type LeafCstNode, type ReferenceDescription } from 'langium';
import { DefaultReferencesProvider, type LangiumServices } from 'langium/lsp';
import { Location, type ReferenceParams } from 'vscode-languageserver';
import { isUseVariable } from '../generated/ast.js';

/**
 * Find references that follow a catalogue variable into the plans: besides each `använd
 * katalog.variabel`, every later use of the plan's name for it (`när samtal = 1`, `andel enskilda i 1`,
 * `frekvens bbic.kön`). Asked on a catalogue variable (in the catalogue or on an `använd` line), the
 * answer is everywhere the variable is used in the workspace, not only where it is declared in use.
 */
export class SuReferencesProvider extends DefaultReferencesProvider {
    private readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        super(services);
        this.services = services;
    }

    protected override getReferences(selectedNode: LeafCstNode, params: ReferenceParams, document: LangiumDocument): Location[] {
        const locations = super.getReferences(selectedNode, params, document);
        const seen = new Set(locations.map(key));
        for (const target of this.references.findDeclarations(selectedNode)) {
            for (const reference of this.references.findReferences(target, { includeDeclaration: false })) {
                const use = this.sourceNode(reference);
                if (!isUseVariable(use) || use === target) continue;
                for (const local of this.references.findReferences(use, { includeDeclaration: false })) {
                    const location = Location.create(local.sourceUri.toString(), local.segment.range);
                    if (!seen.has(key(location))) {
                        seen.add(key(location));
                        locations.push(location);
                    }
                }
            }
        }
        return locations;
    }

    /** The AST node a reference is written in (for `använd test.samtal`, the use). */
    private sourceNode(reference: ReferenceDescription): AstNode | undefined {
        const documents = this.services.shared.workspace.LangiumDocuments;
        const source = documents.getDocument(reference.sourceUri);
        return source ? this.services.workspace.AstNodeLocator.getAstNode(source.parseResult.value, reference.sourcePath) : undefined;
    }
}

function key(location: Location): string {
    const { start, end } = location.range;
    return `${location.uri}#${start.line}:${start.character}-${end.line}:${end.character}`;
}
