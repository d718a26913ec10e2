import { CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { pointName, variableName } from '../plan-access.js';
import { symbolKindOf } from './su-node-kinds.js';

/** The first token of a node as written (for a plan section, its keyword: `variabler`, `målgrupp` …). */
function firstToken(node: AstNode): CstNode | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    return CstUtils.flattenCst(cst).find(leaf => !leaf.hidden);
}

/** The text of a node's property as written, e.g. the sampling method `födelsedagar 5, 15`. */
function textOf(node: AstNode | undefined): string | undefined {
    const text = node?.$cstNode?.text;
    return text === undefined ? undefined : text.replace(/\s+/g, ' ').trim();
}

/** One line of detail from parts that may be missing. */
function detailOf(...parts: ReadonlyArray<string | number | undefined>): string | undefined {
    const present = parts.filter((part): part is string | number => part !== undefined && part !== '').map(String);
    return present.length ? present.join(' · ') : undefined;
}

/** Builds `DocumentSymbol`s; a symbol always has a non-empty name and a selection inside its range. */
class SymbolBuilder {
    symbol(node: AstNode, name: string | undefined, options: { detail?: string; selection?: CstNode; children?: DocumentSymbol[] } = {}): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const first = firstToken(node);
        const selection = options.selection ?? first ?? cst;
        const shown = name?.trim() || first?.text || node.$type;
        const symbol: DocumentSymbol = {
            name: shown,
            kind: symbolKindOf(node.$type),
            range: cst.range,
            selectionRange: CstUtils.inRange(selection.range, cst.range) ? selection.range : cst.range,
        };
        if (options.detail) symbol.detail = options.detail;
        if (options.children?.length) symbol.children = options.children;
        return symbol;
    }

    /** A named element: its name as the symbol's name and selection. */
    named(node: AstNode & { name?: string }, detail?: string, children?: DocumentSymbol[]): DocumentSymbol | undefined {
        return this.symbol(node, node.name, { detail, children, selection: GrammarUtils.findNodeForProperty(node.$cstNode, 'name') });
    }

    /** A section: its keyword as written as the name, with an optional detail and children. */
    section(node: AstNode, detail?: string, children?: ReadonlyArray<DocumentSymbol | undefined>): DocumentSymbol | undefined {
        return this.symbol(node, firstToken(node)?.text, { detail, children: children?.filter(isSymbol) });
    }
}

function isSymbol(symbol: DocumentSymbol | undefined): symbol is DocumentSymbol {
    return symbol !== undefined;
}

/**
 * The outline of a plan: the plan, then each section under the keyword it is written with
 * (`syfte`, `målgrupp`, `variabler` …) with its value as detail, and the named elements inside
 * (variables, points, value sets, analyses, scenarios …) with their labels.
 */
export class SuPlanDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly build = new SymbolBuilder();

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const plan = document.parseResult.value;
        if (!ast.isPlan(plan)) return [];
        const children = plan.elements.map(element => this.element(element)).filter(isSymbol);
        const title = GrammarUtils.findNodeForProperty(plan.$cstNode, 'title');
        const root = this.build.symbol(plan, plan.title, { detail: 'plan', selection: title, children });
        return root ? [root] : children;
    }

    private element(element: ast.PlanElement): DocumentSymbol | undefined {
        const b = this.build;
        switch (element.$type) {
            case ast.VersionDecl.$type: return b.section(element, element.value);
            case ast.StatusDecl.$type: return b.section(element, element.value);
            case ast.DecisionDecl.$type: return b.section(element, detailOf(element.by, element.date, element.caseNumber));
            case ast.PurposeDecl.$type: return b.section(element, element.purpose);
            case ast.QuestionDecl.$type: return b.section(element, element.text);
            case ast.LevelDecl.$type: return b.section(element, element.level);
            case ast.CatalogueRef.$type: return b.section(element, detailOf(element.catalogue, element.version === undefined ? undefined : `version ${element.version}`));
            case ast.DataSource.$type: return b.section(element, detailOf(element.kind, element.description));
            case ast.Feedback.$type: return b.section(element, detailOf(element.when, element.to));
            case ast.Sampling.$type: return b.section(element, textOf(element.method));
            case ast.PeriodDecl.$type: return b.section(element, element.start && element.end ? `${element.start} .. ${element.end}` : undefined);
            case ast.ClientGoals.$type: return b.section(element, detailOf(element.max, element.description));
            case ast.Acceptance.$type: return b.section(element, detailOf(element.code, element.subject, element.reason));
            case ast.TargetGroup.$type: return b.section(element, element.include.join('; ') || undefined);
            case ast.Privacy.$type: return b.section(element, element.minCell === undefined ? undefined : `minsta cell ${element.minCell}`);
            case ast.Extract.$type: return b.section(element, element.system);
            case ast.Roles.$type:
                return b.section(element, undefined, element.roles.map(role => b.symbol(role, role.kind, { detail: role.who })));
            case ast.MeasurementPoints.$type:
                return b.section(element, undefined, element.points.map(point => this.point(point)));
            case ast.Phases.$type:
                return b.section(element, undefined, element.phases.map(phase => b.named(phase, detailOf(phase.label, textOf(phase)))));
            case ast.ValueSets.$type:
                return b.section(element, undefined, element.sets.map(set => b.named(set, set.label, set.codes.map(code => this.code(code)).filter(isSymbol))));
            case ast.Variables.$type:
                return b.section(element, undefined, element.variables.map(variable => this.variable(variable)));
            case ast.ReferenceData.$type:
                return b.section(element, undefined, element.tables.map(table => b.named(table, table.label)));
            case ast.Analyses.$type:
                return b.section(element, undefined, element.analyses.map(analysis => b.named(analysis, detailOf(analysis.title, textOf(analysis.kind)))));
            case ast.Scenarios.$type:
                return b.section(element, undefined, element.scenarios.map(scenario => this.scenario(scenario)));
            case ast.RevisionLog.$type:
                return b.section(element, undefined, element.entries.map(entry => b.symbol(entry, entry.version, { detail: detailOf(entry.date, entry.text) })));
            default:
                return b.section(element);
        }
    }

    private point(point: ast.MeasurementPoint): DocumentSymbol | undefined {
        const selection = GrammarUtils.findNodeForProperty(point.$cstNode, point.name ? 'name' : 'kind');
        const written = textOf(point);
        return this.build.symbol(point, pointName(point), { selection, detail: point.label ?? (written !== pointName(point) ? written : undefined) });
    }

    private code(code: ast.CodeLabel): DocumentSymbol | undefined {
        return this.build.symbol(code, code.code === undefined ? undefined : String(code.code), {
            detail: code.label, selection: GrammarUtils.findNodeForProperty(code.$cstNode, 'code'),
        });
    }

    private variable(variable: ast.VariableDecl): DocumentSymbol | undefined {
        const b = this.build;
        if (ast.isUseVariable(variable)) {
            const selection = variable.name ? GrammarUtils.findNodeForProperty(variable.$cstNode, 'name') : variable.variable?.$refNode;
            const catalogueLabel = variable.variable?.ref?.label;
            return b.symbol(variable, variableName(variable), { selection, detail: detailOf(variable.variable?.$refText, catalogueLabel) });
        }
        if (ast.isItemGroup(variable)) {
            return b.named(variable, variable.label, variable.items.map(item => b.named(item, item.label)).filter(isSymbol));
        }
        return b.named(variable, variable.label);
    }

    private scenario(scenario: ast.Scenario): DocumentSymbol | undefined {
        const letters = scenario.letters.join(', ');
        const how = scenario.manual ? 'bedöms vid genomgång' : scenario.rule ? `när ${textOf(scenario.rule)}` : undefined;
        return this.build.symbol(scenario, letters, { detail: detailOf(how, scenario.nextStep) });
    }
}

/** The outline of a catalogue: the catalogue with its title and version, and each variable with its label. */
export class SuCatDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly build = new SymbolBuilder();

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const catalogue = document.parseResult.value;
        if (!ast.isCatalogue(catalogue)) return [];
        const variables = catalogue.variables.map(variable => this.build.named(variable, variable.label)).filter(isSymbol);
        const detail = detailOf(catalogue.title, catalogue.version === undefined ? undefined : `version ${catalogue.version}`);
        const root = this.build.named(catalogue, detail, variables);
        return root ? [root] : variables;
    }
}
