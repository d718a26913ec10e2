import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { AstNode, GrammarAST, LangiumDocument, MaybePromise } from 'langium';
import { keywordHover } from './suplan-keyword-hover.js';
import { MarkupContent, MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import {
    isCatalogueVariable, isDerivedVariable, isItem, isItemGroup, isLocalVariable, isUseVariable,
    type CatalogueVariable, type PlanVariable, type UseVariable,
} from '../generated/ast.js';
import type { ValueSetModel } from '../plan-vocabulary.js';
import { pointName, pointsOf, variableName } from '../plan-access.js';
import { catalogueOf, catalogueValueSet, describeValueSet, isCoded, valueSetOf } from '../value-sets.js';

/** Escapes the characters Markdown gives a meaning to, so plan and catalogue text shows as written. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]<>#|~]/g, ch => `\\${ch}`);
}

/** The value set as Markdown lines: its kind, its bounds or unit, and each code with its label. */
export function valueSetLines(set: ValueSetModel | undefined): string[] {
    const lines = [`Värdemängd: ${escapeMarkdown(describeValueSet(set, 'sv'))}${escapeMarkdown(valueSetExtent(set))}`];
    if (isCoded(set)) {
        for (const code of set.codes) lines.push(`- ${code.code} ${escapeMarkdown(code.label)}`);
    }
    return lines;
}

/** ` 0..20 dygn` for bounded numbers, `` otherwise. */
function valueSetExtent(set: ValueSetModel | undefined): string {
    if (!set || isCoded(set) || set.kind === 'date' || set.kind === 'text') return '';
    const range = set.min !== undefined || set.max !== undefined ? ` ${set.min ?? ''}..${set.max ?? ''}` : '';
    const unit = set.kind === 'number' && set.unit ? ` ${set.unit}` : '';
    const instrument = set.kind === 'score' && set.instrument ? ` (${set.instrument})` : '';
    return `${range}${unit}${instrument}`;
}

/** Hover text for a catalogue variable; `set` replaces the catalogue's value set (a refined use). */
export function catalogueVariableHover(variable: CatalogueVariable, set: ValueSetModel = catalogueValueSet(variable.valueSet), refined = false): string {
    const catalogue = catalogueOf(variable);
    const qualified = catalogue ? `${catalogue.name}.${variable.name}` : variable.name;
    const blocks: string[] = [];
    blocks.push(`**${escapeMarkdown(variable.label ?? variable.name ?? '')}** (${escapeMarkdown(qualified ?? '')})`);
    const setLines = valueSetLines(set);
    if (refined) setLines[0] += ' (fördjupad i planen)';
    blocks.push(setLines.join('\n'));
    if (variable.comment) blocks.push(`Definition: ${escapeMarkdown(variable.comment)}`);
    const facts: string[] = [];
    if (variable.processStep) facts.push(`Processteg: ${escapeMarkdown(variable.processStep)}`);
    facts.push(`Nationell statistik: ${variable.nationalStatistics ? 'ja' : 'nej'}`);
    if (catalogue) {
        const title = catalogue.title ? `${escapeMarkdown(catalogue.title)} ` : '';
        facts.push(`Katalog: ${title}(${escapeMarkdown(catalogue.name)}) version ${escapeMarkdown(catalogue.version)}`);
    }
    blocks.push(facts.join('  \n'));
    return blocks.join('\n\n');
}

/** Hover text for a plan's own variable: label, value set, measurement points. */
export function planVariableHover(variable: PlanVariable): string | undefined {
    if (isUseVariable(variable)) return useVariableHover(variable);
    const label = isLocalVariable(variable) || isDerivedVariable(variable) || isItemGroup(variable) || isItem(variable) ? variable.label : undefined;
    const kind = isLocalVariable(variable) ? 'lokal variabel' : isDerivedVariable(variable) ? 'härledd variabel'
        : isItemGroup(variable) ? 'frågegrupp' : 'påstående';
    const blocks = [`**${escapeMarkdown(label ?? variableName(variable))}** (${escapeMarkdown(variableName(variable))}, ${kind})`];
    blocks.push(valueSetLines(valueSetOf(variable)).join('\n'));
    const points = pointsOf(variable).map(pointName);
    blocks.push(points.length ? `Mätpunkter: ${points.map(escapeMarkdown).join(', ')}` : 'Mätpunkter: en gång per klient');
    return blocks.join('\n\n');
}

function useVariableHover(use: UseVariable): string | undefined {
    const target = use.variable?.ref;
    if (!target) return undefined;
    return catalogueVariableHover(target, valueSetOf(use), use.refinements.length > 0);
}

/** The hover's Markdown as plain text: no bold markers, no backslash escapes, no hard-break spaces at line ends. */
export function markdownToPlainText(markdown: string): string {
    return markdown.replace(/\*\*/g, '').replace(/\\([\\`*_[\]<>#|~])/g, '$1').replace(/ +$/gm, '');
}

/**
 * Hover for catalogue variables and plan variables, in Swedish Markdown, or in plain text when
 * the client asks for it first (`contentFormat: ['plaintext', …]`, as Emacs eglot does).
 */
export class SuPlanHoverProvider extends AstNodeHoverProvider {
    private plainText = false;

    constructor(services: LangiumServices) {
        super(services);
        services.shared.lsp.LanguageServer.onInitialize(params => {
            const formats = params.capabilities.textDocument?.hover?.contentFormat;
            this.plainText = formats !== undefined && formats.length > 0 && formats[0] !== MarkupKind.Markdown;
        });
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const hover = await super.getHoverContent(document, params);
        if (!this.plainText || !hover || !MarkupContent.is(hover.contents) || hover.contents.kind !== MarkupKind.Markdown) return hover;
        return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(hover.contents.value) } };
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        if (isCatalogueVariable(node)) return catalogueVariableHover(node);
        if (isUseVariable(node) || isLocalVariable(node) || isDerivedVariable(node) || isItemGroup(node) || isItem(node)) {
            return planVariableHover(node);
        }
        return undefined;
    }

    /** The settings that say what an analysis computes (`avrundning`, `riktning`, `nivå`, `diagram`, …) explain themselves. */
    protected override getKeywordHoverContent(node: GrammarAST.Keyword): MaybePromise<Hover | undefined> {
        const text = keywordHover(node);
        return text !== undefined ? { contents: { kind: MarkupKind.Markdown, value: text } } : super.getKeywordHoverContent(node);
    }
}
