import { CstUtils, type CstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, TextEdit, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { SuCatServices } from '../sucat-module.js';
import { NameRules, renamedQualified } from './su-rename-common.js';

/**
 * Rename of a variable in a catalogue. Plans that pin this catalogue version follow without
 * changing meaning: `använd test.samtal` becomes `använd test.nytt som samtal`, so the plan keeps
 * its own name for the variable and every use of it stays as written; qualified uses
 * (`frekvens test.samtal`) get the new name. Plans that pin another version are not touched.
 * The catalogue's own name is not renamed here (plans name it in `katalog … version …`).
 */
export class SuCatRenameProvider extends DefaultRenameProvider {
    private readonly rules: NameRules;
    private readonly shared: SuCatServices['shared'];

    constructor(services: SuCatServices) {
        super(services);
        this.rules = new NameRules(services);
        this.shared = services.shared;
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        return this.variableAt(document, params.position)?.name.range;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.variableAt(document, params.position);
        if (!target) return undefined;
        const { variable, name } = target;
        const oldName = variable.name;
        const newName = params.newName.trim();
        this.rules.check(newName, false);
        const changes: Record<string, TextEdit[]> = {};
        const add = (uri: string, edit: TextEdit): void => {
            (changes[uri] ??= []).push(edit);
        };
        if (newName === oldName) return { changes };
        const catalogue = variable.$container;
        if (catalogue.variables.some(other => other !== variable && other.name === newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, this.rules.say('nameTakenInCatalogue', newName));
        }
        add(document.uri.toString(), TextEdit.replace(name.range, newName));
        const documents = this.shared.workspace.LangiumDocuments;
        for (const reference of this.references.findReferences(variable, { includeDeclaration: false })) {
            const plan = documents.getDocument(reference.sourceUri);
            if (!plan) continue;
            const uri = plan.uri.toString();
            add(uri, TextEdit.replace(reference.segment.range, renamedQualified(plan.textDocument.getText(reference.segment.range), newName)));
            const planServices = this.shared.ServiceRegistry.getServices(plan.uri);
            const use = planServices.workspace.AstNodeLocator.getAstNode(plan.parseResult.value, reference.sourcePath);
            if (!ast.isUseVariable(use)) continue;
            if (!use.name) add(uri, TextEdit.insert(reference.segment.range.end, ` som ${oldName}`));
            for (const qualified of planServices.references.References.findReferences(use, { includeDeclaration: false })) {
                const written = plan.textDocument.getText(qualified.segment.range);
                if (written.includes('.')) add(uri, TextEdit.replace(qualified.segment.range, renamedQualified(written, newName)));
            }
        }
        return { changes };
    }

    /** The catalogue variable whose name is at `position`. */
    private variableAt(document: LangiumDocument, position: { line: number; character: number }): { variable: ast.CatalogueVariable; name: CstNode } | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        const variable = leaf?.astNode;
        if (!leaf || !ast.isCatalogueVariable(variable)) return undefined;
        const name = this.nameProvider.getNameNode(variable);
        return name && (name === leaf || CstUtils.isChildNode(leaf, name)) ? { variable, name } : undefined;
    }
}
