import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/**
 * The symbol kind of each named or structural node of both languages: outline icons, workspace
 * symbols and the icons of reference completions all come from this one table.
 */
const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    // catalogue
    [ast.Catalogue.$type]: SymbolKind.Package,
    [ast.CatalogueVariable.$type]: SymbolKind.Variable,
    // plan: the plan itself and its sections
    [ast.Plan.$type]: SymbolKind.Module,
    [ast.CatalogueRef.$type]: SymbolKind.Package,
    [ast.VersionDecl.$type]: SymbolKind.Property,
    [ast.StatusDecl.$type]: SymbolKind.Property,
    [ast.DecisionDecl.$type]: SymbolKind.Property,
    [ast.PurposeDecl.$type]: SymbolKind.Property,
    [ast.QuestionDecl.$type]: SymbolKind.Property,
    [ast.LevelDecl.$type]: SymbolKind.Property,
    [ast.DataSource.$type]: SymbolKind.Property,
    [ast.Feedback.$type]: SymbolKind.Property,
    [ast.Sampling.$type]: SymbolKind.Property,
    [ast.PeriodDecl.$type]: SymbolKind.Property,
    [ast.ClientGoals.$type]: SymbolKind.Property,
    [ast.Acceptance.$type]: SymbolKind.Property,
    [ast.Roles.$type]: SymbolKind.Namespace,
    [ast.Role.$type]: SymbolKind.Property,
    [ast.TargetGroup.$type]: SymbolKind.Object,
    [ast.MeasurementPoints.$type]: SymbolKind.Namespace,
    [ast.MeasurementPoint.$type]: SymbolKind.Event,
    [ast.Phases.$type]: SymbolKind.Namespace,
    [ast.Phase.$type]: SymbolKind.Event,
    [ast.ValueSets.$type]: SymbolKind.Namespace,
    [ast.NamedValueSet.$type]: SymbolKind.Enum,
    [ast.CodeLabel.$type]: SymbolKind.EnumMember,
    [ast.Variables.$type]: SymbolKind.Namespace,
    [ast.UseVariable.$type]: SymbolKind.Variable,
    [ast.LocalVariable.$type]: SymbolKind.Variable,
    [ast.DerivedVariable.$type]: SymbolKind.Function,
    [ast.ItemGroup.$type]: SymbolKind.Struct,
    [ast.Item.$type]: SymbolKind.Field,
    [ast.ReferenceData.$type]: SymbolKind.Namespace,
    [ast.ReferenceTable.$type]: SymbolKind.Class,
    [ast.Extract.$type]: SymbolKind.Object,
    [ast.Analyses.$type]: SymbolKind.Namespace,
    [ast.Analysis.$type]: SymbolKind.Function,
    [ast.Scenarios.$type]: SymbolKind.Namespace,
    [ast.Scenario.$type]: SymbolKind.EnumMember,
    [ast.Privacy.$type]: SymbolKind.Object,
    [ast.RevisionLog.$type]: SymbolKind.Namespace,
    [ast.Revision.$type]: SymbolKind.Event,
};

const COMPLETION_KINDS: Readonly<Partial<Record<SymbolKind, CompletionItemKind>>> = {
    [SymbolKind.Package]: CompletionItemKind.Module,
    [SymbolKind.Module]: CompletionItemKind.Module,
    [SymbolKind.Variable]: CompletionItemKind.Variable,
    [SymbolKind.Field]: CompletionItemKind.Field,
    [SymbolKind.Function]: CompletionItemKind.Function,
    [SymbolKind.Struct]: CompletionItemKind.Struct,
    [SymbolKind.Class]: CompletionItemKind.Class,
    [SymbolKind.Enum]: CompletionItemKind.Enum,
    [SymbolKind.EnumMember]: CompletionItemKind.EnumMember,
    [SymbolKind.Event]: CompletionItemKind.Event,
    [SymbolKind.Property]: CompletionItemKind.Property,
};

/** The symbol kind of a node type; `Field` (Langium's default) for anything not in the table. */
export function symbolKindOf(type: string): SymbolKind {
    return SYMBOL_KINDS[type] ?? SymbolKind.Field;
}

/** Node kinds for both languages (registered once, in the shared services). */
export class SuNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return symbolKindOf(typeOf(node));
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[this.getSymbolKind(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
