import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments,
} from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, TextEdit, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { Language } from '../diagnostics/codes.js';
import type { MessageLocale } from '../diagnostics/locale.js';
import * as ast from '../generated/ast.js';
import { catalogueOf } from '../value-sets.js';
import type { LangiumServices } from 'langium/lsp';
import type { SuCatalogueServices, SuPlanServices } from '../suplan-module.js';
import type { SuCatServices } from '../sucat-module.js';

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

function text(language: Language, sv: string, en: string): string {
    return language === 'en' ? en : sv;
}

/** What a new name must be in either language: an identifier, and no keyword except those the `Name` rule accepts. */
class NameRules {
    private readonly idPattern: RegExp;
    private readonly keywords: ReadonlySet<string>;
    /** Keywords that the `Name` rule accepts as names (`ålder`, `barn` …). */
    private readonly softKeywords: ReadonlySet<string>;

    constructor(services: LangiumServices & SuCatalogueServices) {
        this.locale = services.catalogue.MessageLocale;
        const grammar = services.Grammar;
        const id = grammar.rules.find(rule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID');
        this.idPattern = id && GrammarAST.isTerminalRule(id) ? new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`, 'u') : /^[\p{L}_][\p{L}\p{N}_]*$/u;
        const keywordsOf = (node: AstNode): string[] => AstUtils.streamAllContents(node).filter(GrammarAST.isKeyword).map(k => k.value).toArray();
        this.keywords = new Set(keywordsOf(grammar));
        const nameRule = grammar.rules.find(rule => rule.name === 'Name');
        this.softKeywords = new Set(nameRule ? keywordsOf(nameRule) : []);
    }

    readonly locale: MessageLocale;

    /** Throws a clear error unless `newName` can be written where `id` says an ID (not a `Name`) is expected. */
    check(newName: string, idOnly: boolean): void {
        if (!this.idPattern.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, this.say(
                `"${newName}" är inget giltigt namn: använd bokstäver (också å, ä, ö), siffror och _, och börja med en bokstav.`,
                `"${newName}" is not a valid name: use letters (å, ä, ö too), digits and _, and start with a letter.`));
        }
        if (this.keywords.has(newName) && (idOnly || !this.softKeywords.has(newName))) {
            throw new ResponseError(ErrorCodes.InvalidParams, this.say(
                `"${newName}" är ett nyckelord i språket och kan inte vara ett namn.`,
                `"${newName}" is a keyword of the language and cannot be a name.`));
        }
    }

    say(sv: string, en: string): string {
        return text(this.locale.language, sv, en);
    }
}

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
        if (!nameNode) throw new ResponseError(ErrorCodes.InvalidRequest, this.say('Namnet hittades inte.', 'The name was not found.'));
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
            throw new ResponseError(ErrorCodes.InvalidParams, this.say(
                `Namnet "${newName}" används redan i planen.`, `The name "${newName}" is already used in the plan.`));
        }
    }

    private catalogueError(variable: ast.CatalogueVariable): ResponseError<void> {
        const catalogue = catalogueOf(variable);
        const qualified = catalogue ? `${catalogue.name}.${variable.name}` : variable.name;
        const where = catalogue ? `${catalogue.name} version ${catalogue.version}` : '';
        return new ResponseError(ErrorCodes.InvalidRequest, this.say(
            `${qualified} är en katalogvariabel (katalogen ${where}) och kan inte byta namn från en plan. `
            + `Byt namn där den används i planen, så får den ett eget namn med \`använd ${qualified} som nytt_namn\`.`,
            `${qualified} is a catalogue variable (catalogue ${where}) and cannot be renamed from a plan. `
            + `Rename it where the plan uses it to give it a name of its own with \`använd ${qualified} som new_name\`.`));
    }

    private say(sv: string, en: string): string {
        return this.rules.say(sv, en);
    }
}

/** The last non-hidden token of a node. */
function lastToken(cst: CstNode): CstNode {
    let last = cst;
    for (const leaf of CstUtils.flattenCst(cst)) if (!leaf.hidden) last = leaf;
    return last;
}

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
            throw new ResponseError(ErrorCodes.InvalidParams, this.rules.say(
                `Variabeln "${newName}" finns redan i katalogen.`, `The variable "${newName}" is already in the catalogue.`));
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

/** `test.samtal` → `test.<newName>`; `samtal` → `<newName>`. */
function renamedQualified(written: string, newName: string): string {
    return written.slice(0, written.lastIndexOf('.') + 1) + newName;
}
