import {
    AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments,
} from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, TextEdit, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { lastToken, NameRules, type LspMessageKey } from './su-rename-common.js';
import * as ast from '../generated/ast.js';
import { catalogueOf } from '../value-sets.js';
import type { SuPlanServices } from '../suplan-module.js';

/** A rename target in a plan: the declaration and the name it has now. */
interface Target {
    readonly declaration: AstNode;
    readonly name: string;
    /** The token under the cursor that stands for the name. */
    readonly token: CstNode;
}

/** What may carry a new name, grouped by the kinds that must not share a name (see the naming validator). */
const NAME_KINDS: readonly (readonly string[])[] = [
    [ast.UseVariable.$type, ast.LocalVariable.$type, ast.DerivedVariable.$type, ast.ItemGroup.$type, ast.Item.$type],
    [ast.MeasurementPoint.$type],
    [ast.NamedValueSet.$type],
    [ast.ReferenceTable.$type],
    [ast.Analysis.$type],
    [ast.Phase.$type],
];

/** Names that `acceptera SUxxx för <namn>` can refer to. */
const ACCEPTANCE_SUBJECTS = new Set([...NAME_KINDS[0], ast.Analysis.$type]);

/**
 * Rename of what a plan names itself: variables (local, derived, groups and their items, and the
 * plan's own name for a catalogue variable), measurement points, value sets, reference tables,
 * analyses and phases. Every reference in the plan changes, and so does `acceptera … för <namn>`.
 *
 * A catalogue variable is defined in its `.sucat` and shared by every plan that pins that version:
 * it cannot be renamed from a plan (a clear error). Its name in the plan can: renaming `kön` where
 * the plan says `använd bbic.kön` writes `använd bbic.kön som nytt_namn`, and the same holds for a
 * measurement point named by its kind (`mätpunkter före` → `före som start`). References written
 * with the catalogue prefix (`bbic.kön`) still resolve and are left as they are.
 */
export class SuPlanRenameProvider extends DefaultRenameProvider {
    private readonly rules: NameRules;
    private readonly langiumDocuments: LangiumDocuments;

    constructor(services: SuPlanServices) {
        super(services);
        this.rules = new NameRules(services);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        return this.targetAt(document, params.position)?.token.range;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        const newName = params.newName.trim();
        this.checkNewName(target, newName);
        const changes: Record<string, TextEdit[]> = {};
        const add = (uri: string, edit: TextEdit): void => {
            (changes[uri] ??= []).push(edit);
        };
        if (newName === target.name) return { changes };
        const declarationDocument = AstUtils.getDocument(target.declaration);
        add(declarationDocument.uri.toString(), this.declarationEdit(target.declaration, newName));
        for (const reference of this.references.findReferences(target.declaration, { includeDeclaration: false })) {
            const source = this.langiumDocuments.getDocument(reference.sourceUri);
            // A reference written with the catalogue prefix (`bbic.kön`) keeps resolving to the renamed use.
            if (source && source.textDocument.getText(reference.segment.range) !== target.name) continue;
            add(reference.sourceUri.toString(), TextEdit.replace(reference.segment.range, newName));
        }
        if (ACCEPTANCE_SUBJECTS.has(target.declaration.$type)) {
            const plan = declarationDocument.parseResult.value;
            for (const acceptance of ast.isPlan(plan) ? plan.elements.filter(ast.isAcceptance) : []) {
                const subject = GrammarUtils.findNodeForProperty(acceptance.$cstNode, 'subject');
                if (acceptance.subject === target.name && subject) add(declarationDocument.uri.toString(), TextEdit.replace(subject.range, newName));
            }
        }
        return { changes };
    }

    /**
     * The plan element named at `position`, from its declaration or a reference to it.
     * Throws a clear error for a catalogue variable, undefined for anything else that has no name.
     */
    private targetAt(document: LangiumDocument, position: { line: number; character: number }): Target | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const declaration = this.references.findDeclarations(leaf)[0];
        if (!declaration) return undefined;
        if (ast.isCatalogueVariable(declaration)) throw this.catalogueError(declaration);
        if (!NAME_KINDS.some(kinds => kinds.includes(declaration.$type))) return undefined;
        if (AstUtils.getDocument(declaration).uri.toString() !== document.uri.toString()) return undefined;
        const name = this.nameProvider.getName(declaration);
        if (!name) return undefined;
        // In `bbic.kön` the name is the last part, wherever the cursor is.
        return { declaration, name, token: lastToken(CstUtils.getDatatypeNode(leaf) ?? leaf) };
    }

    /** `använd bbic.kön` and `mätpunkter före` get a `som` name; everything else has its name replaced. */
    private declarationEdit(declaration: AstNode, newName: string): TextEdit {
        const document = AstUtils.getDocument(declaration);
        if (ast.isUseVariable(declaration) && !declaration.name && declaration.variable?.$refNode) {
            return TextEdit.insert(declaration.variable.$refNode.range.end, ` som ${newName}`);
        }
        if (ast.isMeasurementPoint(declaration) && !declaration.name && declaration.$cstNode) {
            const label = GrammarUtils.findNodeForProperty(declaration.$cstNode, 'label');
            return label
                ? TextEdit.insert(label.range.start, `som ${newName} `)
                : TextEdit.insert(document.textDocument.positionAt(lastToken(declaration.$cstNode).end), ` som ${newName}`);
        }
        const nameNode = this.nameProvider.getNameNode(declaration);
        if (!nameNode) throw new ResponseError(ErrorCodes.InvalidRequest, this.say('nameNotFound'));
        return TextEdit.replace(nameNode.range, newName);
    }

    /** A new name must be an identifier, no keyword (except the few that read as names), and not taken. */
    private checkNewName(target: Target, newName: string): void {
        // A value set's name is an ID; every other name is a `Name`, which admits a few keywords.
        this.rules.check(newName, ast.isNamedValueSet(target.declaration));
        const kinds = NAME_KINDS.find(group => group.includes(target.declaration.$type)) ?? [];
        const document = AstUtils.getDocument(target.declaration);
        const root = document.parseResult.value;
        const taken = document.localSymbols?.getStream(root)
            .some(d => d.name === newName && kinds.includes(d.type) && d.node !== target.declaration);
        if (taken) {
            throw new ResponseError(ErrorCodes.InvalidParams, this.say('nameTakenInPlan', newName));
        }
    }

    private catalogueError(variable: ast.CatalogueVariable): ResponseError<void> {
        const catalogue = catalogueOf(variable);
        const qualified = catalogue ? `${catalogue.name}.${variable.name}` : variable.name;
        const where = catalogue ? `${catalogue.name} version ${catalogue.version}` : '';
        return new ResponseError(ErrorCodes.InvalidRequest, this.say('catalogueVariableFromPlan', qualified, where));
    }

    private say(key: LspMessageKey, ...args: readonly string[]): string {
        return this.rules.say(key, ...args);
    }
}
