import { AstUtils, DocumentCache, GrammarAST, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type NextFeature,
} from 'langium/lsp';
import {
    CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionList, type CompletionParams,
} from 'vscode-languageserver';
import type { CodeModel, Level, Purpose, Status } from '../plan-vocabulary.js';
import { catalogueValueSet, describeValueSet, isCoded, originalValueSet, valueSetOf } from '../value-sets.js';
import {
    isAnalysis, isCatalogueVariable, isComparison, isDerivedVariable, isItem, isItemGroup, isLocalVariable, isMeasurementPoint,
    isNamedValueSet, isPlan, isReferenceTable, isShare, isUseVariable, CatalogueVariable, Comparison, RefinedValue, Share,
    type CatalogueVariable as CatalogueVariableNode, type Plan, type PlanVariable, type UseVariable,
} from '../generated/ast.js';
import type { CatalogueResolver, ResolvedCatalogue } from '../catalogue-resolver.js';
import type { SuPlanServices } from '../suplan-module.js';
import { swedishSortKey } from '../../text/swedish-sort.js';
import { acceptKeyword, insideCommentOrString, REFERENCE_GROUP, SNIPPET_GROUP } from './su-completion-common.js';
import { analysisSnippets, newPlanSnippet, scenarioSnippets, type PlanSnippet } from './suplan-snippets.js';
import type { NewPlanSnippetOptions } from '../../template/plan-template.js';
import { starterVariable } from '../catalogue-starter.js';

/** The five purposes of a follow-up and what each means, in the order the guide lists them. */
export const PURPOSE_MEANINGS: readonly { readonly purpose: Purpose; readonly meaning: string }[] = [
    { purpose: 'kontroll', meaning: 'Egenkontroll: att verksamheten följer regler och beslut, och att avvikelser upptäcks.' },
    { purpose: 'kvalitetssäkring', meaning: 'Sammanställa resultat ur informationssystemen för att säkra kvaliteten.' },
    { purpose: 'jämförelse', meaning: 'Jämföra med andra eller över tid: nationella indikatorer, nyckeltal och exakta definitioner.' },
    { purpose: 'verksamhetsutveckling', meaning: 'Utveckla verksamheten: bättre socialt arbete och brukarnas delaktighet.' },
    { purpose: 'lärande', meaning: 'Lärande med klientfokus: uppföljning i enskilda ärenden som blir gemensam kunskap.' },
];

/** The three levels of a follow-up. */
export const LEVEL_MEANINGS: readonly { readonly level: Level; readonly meaning: string }[] = [
    { level: 'individ', meaning: 'En klients egen uppföljning, t.ex. en single case-design. Resultaten hör till klientens ärende.' },
    { level: 'verksamhet', meaning: 'Uppföljning av en verksamhet eller insats: resultat för grupper av klienter.' },
    { level: 'nationell', meaning: 'Uppgifter som jämförs eller lämnas nationellt, med nationella definitioner.' },
];

/** The two statuses of a plan. */
export const STATUS_MEANINGS: readonly { readonly status: Status; readonly meaning: string }[] = [
    { status: 'utkast', meaning: 'Planen arbetas fram och kan ändras.' },
    { status: 'fastställd', meaning: 'Planen är beslutad; ange också vem som beslutade med `beslut`.' },
];

/** The words offered after `syfte`, `nivå` and `status`, in the order given, each with its meaning. */
const WORDS_AFTER: readonly { readonly keyword: string; readonly pattern: RegExp; readonly words: readonly { word: string; meaning: string }[] }[] = [
    { keyword: 'syfte', words: PURPOSE_MEANINGS.map(p => ({ word: p.purpose, meaning: p.meaning })) },
    { keyword: 'nivå', words: LEVEL_MEANINGS.map(l => ({ word: l.level, meaning: l.meaning })) },
    { keyword: 'status', words: STATUS_MEANINGS.map(s => ({ word: s.status, meaning: s.meaning })) },
].map(entry => ({ ...entry, pattern: new RegExp(`(?:^|[^\\p{L}\\p{N}_])${entry.keyword}\\s*$`, 'u') }));


/**
 * At most this many catalogue variables per answer. The list is marked incomplete, so the editor asks
 * again as the user types and the matching variables come back; a catalogue of 10,000 variables
 * would otherwise cost more to send than to find.
 */
export const MAX_CATALOGUE_ITEMS = 200;

/** What completion shows for one catalogue variable; built once per catalogue document. */
interface CatalogueEntry {
    readonly label: string;
    readonly detail: string;
    readonly documentation?: string;
}

const SWEDISH = new Intl.Collator('sv');

/** An identifier right before a `.` that triggered completion (a catalogue name), not a number (`0.`). */
const CATALOGUE_PREFIX = /[\p{L}_][\p{L}\p{N}_]*\.$/u;

/**
 * Completion for plans: keywords where the grammar allows them; catalogue variables of the pinned
 * catalogue version with their label, value set and definition; the plan's own names (variables,
 * points, analyses …) with what they are; the purposes, levels and statuses after `syfte`, `nivå`
 * and `status`; the codes of a variable's value set after `när x i`, `andel x i` and `->` in a
 * `fördjupa` block; and snippets for a new plan, analysis and scenario. Everything in Swedish
 * order (snippets, then names, then keywords); nothing inside comments and strings.
 */
export class SuPlanCompletionProvider extends DefaultCompletionProvider {
    /** `.` after a catalogue name lists its variables (`bbic.`). */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };

    private readonly catalogues: CatalogueResolver;
    private readonly catalogueEntries: DocumentCache<string, readonly CatalogueEntry[]>;

    constructor(services: SuPlanServices) {
        super(services);
        this.catalogues = services.catalogue.CatalogueResolver;
        this.catalogueEntries = new DocumentCache(services.shared);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (insideCommentOrString(document, document.textDocument.offsetAt(params.position))) return { isIncomplete: false, items: [] };
        if (params.context?.triggerCharacter === '.') {
            const before = document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
            if (!CATALOGUE_PREFIX.test(before)) return { isIncomplete: false, items: [] };
        }
        return super.getCompletion(document, params, cancelToken);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        // `purpose=Name` (and level, status): the parser offers the keywords and the ID of the Name rule, not the assignment.
        if (rule?.name === 'Name') {
            const before = context.textDocument.getText().slice(0, context.tokenOffset);
            const after = WORDS_AFTER.find(entry => entry.pattern.test(before));
            if (after) {
                this.completeWords(context, after.keyword, after.words, acceptor);
                return;
            }
        }
        if (GrammarAST.isCrossReference(next.feature) && next.feature.type.ref?.name === CatalogueVariable.$type) {
            this.completeCatalogueVariables(context, acceptor);
            return;
        }
        if (GrammarAST.isKeyword(next.feature)) this.completeSnippets(context, next.feature, rule?.name, acceptor);
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (assignment && rule) {
            const codes = this.codesFor(rule.name, assignment.feature, context.node);
            if (codes) {
                this.completeCodes(context, codes, acceptor);
                return;
            }
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        const group = startsWithTyped(description.name, typed) ? '0' : '1';
        return { ...item, detail: localDetail(description.node), sortText: REFERENCE_GROUP + group + swedishSortKey(description.name) };
    }

    /**
     * The variables of the catalogue versions the plan pins that match what is typed, in Swedish
     * order, at most {@link MAX_CATALOGUE_ITEMS}. Straight from the catalogue's cached entries: the
     * generic path (scope stream, documentation provider, one item object after another) costs
     * about a tenth of a second for a catalogue of 10,000 variables.
     */
    private completeCatalogueVariables(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const plan = this.planOf(context);
        if (!plan) return;
        const lists = this.catalogues.pinned(plan).map(table => this.entriesOf(table));
        const entries = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => SWEDISH.compare(a.label, b.label));
        const typed = context.textDocument.getText().slice(context.tokenOffset, context.offset);
        const width = String(MAX_CATALOGUE_ITEMS).length;
        // Names that start with what is typed come first (after `bbic.sa`: `bbic.samtal_enskilt`
        // before `bbic.insats_…`), then the other fuzzy matches; each group in Swedish order.
        // sortText carries the order, so clients that sort themselves (Emacs eglot) keep it.
        const matches = typed ? entries.filter(entry => this.fuzzyMatcher.match(typed, entry.label)) : entries;
        const prefixed = matches.filter(entry => startsWithTyped(entry.label, typed));
        const others = matches.filter(entry => !startsWithTyped(entry.label, typed));
        let count = 0;
        for (const entry of [...prefixed, ...others]) {
            acceptor(context, {
                label: entry.label, kind: CompletionItemKind.Variable, detail: entry.detail,
                documentation: entry.documentation ? { kind: 'plaintext', value: entry.documentation } : undefined,
                sortText: REFERENCE_GROUP + String(count).padStart(width, '0'), filterText: entry.label,
            });
            if (++count >= MAX_CATALOGUE_ITEMS) break;
        }
    }

    /** A catalogue's completion entries in Swedish order, kept until the catalogue document changes. */
    private entriesOf(table: ResolvedCatalogue): readonly CatalogueEntry[] {
        return this.catalogueEntries.get(table.document.uri, 'entries', () => {
            const entries = [...table.descriptions].map(([label, description]) => {
                const variable = description.node;
                return isCatalogueVariable(variable)
                    ? { label, detail: catalogueDetail(variable), documentation: variable.comment }
                    : { label, detail: label };
            });
            return entries.sort((a, b) => SWEDISH.compare(a.label, b.label));
        });
    }

    /**
     * Keywords in Swedish order, marked as keywords in Swedish. Words the `Name` rule accepts as
     * names (`ålder`, `barn` …) are not offered where a name is expected: they are not suggestions.
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        // `i fördjupad …` / `i original …` choose a code level, which only a refined variable has.
        if (AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'CodeListLevel' && !refinedUse(codeListVariable(context.node))) return;
        acceptKeyword(context, keyword, acceptor);
    }

    /** A new plan where `plan` may start; a new analysis or scenario where `analyser { }` or `scenarier { }` may close. */
    private completeSnippets(context: CompletionContext, keyword: GrammarAST.Keyword, ruleName: string | undefined, acceptor: CompletionAcceptor): void {
        let snippets: PlanSnippet[] = [];
        if (keyword.value === 'plan' && ruleName === 'Plan') {
            snippets = [newPlanSnippet(this.newPlanOptions())];
        } else if (keyword.value === '}' && ruleName === 'Analyses') {
            snippets = analysisSnippets(this.planOf(context));
        } else if (keyword.value === '}' && ruleName === 'Scenarios') {
            snippets = scenarioSnippets(this.planOf(context));
        }
        snippets.forEach((snippet, index) => {
            acceptor(context, {
                label: snippet.label, kind: CompletionItemKind.Snippet, detail: snippet.detail,
                documentation: { kind: 'plaintext', value: snippet.documentation },
                insertText: snippet.body, insertTextFormat: InsertTextFormat.Snippet, sortText: SNIPPET_GROUP + String(index),
            });
        });
    }

    private planOf(context: CompletionContext): Plan | undefined {
        const root = context.document.parseResult.value;
        return isPlan(root) ? root : undefined;
    }

    /** Every catalogue version in the workspace (newest first within a catalogue), and the variable to start from when there is one. */
    private newPlanOptions(): NewPlanSnippetOptions {
        const catalogues = this.catalogues.names().flatMap(name => this.catalogues.versions(name)
            .map(catalogue => ({ name, version: catalogue.version }))
            .sort((a, b) => b.version.localeCompare(a.version, 'sv', { numeric: true })));
        const only = catalogues.length === 1 ? this.catalogues.resolve(catalogues[0].name, catalogues[0].version) : undefined;
        return { year: new Date().getFullYear(), catalogues, variable: only ? starterVariable(only.catalogue) : undefined };
    }

    private completeWords(context: CompletionContext, keyword: string, words: readonly { word: string; meaning: string }[], acceptor: CompletionAcceptor): void {
        words.forEach(({ word, meaning }, index) => {
            acceptor(context, {
                label: word, kind: CompletionItemKind.EnumMember, detail: keyword,
                documentation: { kind: 'plaintext', value: meaning }, sortText: String(index),
            });
        });
    }

    private completeCodes(context: CompletionContext, codes: readonly CodeModel[], acceptor: CompletionAcceptor): void {
        const width = String(codes.length).length;
        codes.forEach((code, index) => {
            acceptor(context, {
                label: String(code.code), kind: CompletionItemKind.Value, detail: code.label, sortText: String(index).padStart(width, '0'),
            });
        });
    }

    /**
     * The codes to offer for an INT in `när x i …` / `andel x i …` (the variable's codes as
     * registered) or for the original code after `->` in `fördjupa` (the catalogue's codes).
     */
    private codesFor(ruleName: string, feature: string, node: AstNode | undefined): readonly CodeModel[] | undefined {
        if (!node) return undefined;
        let variable: PlanVariable | undefined;
        if ((ruleName === Comparison.$type || ruleName === Share.$type) && feature === 'codes') {
            const list = AstUtils.getContainerOfType(node, isComparison) ?? AstUtils.getContainerOfType(node, isShare);
            variable = list?.variable?.ref?.ref;
            // `i original …` lists the catalogue's codes of a refined variable.
            const use = refinedUse(variable);
            if (use && list?.level === 'original') {
                const original = originalValueSet(use);
                return isCoded(original) ? original.codes : undefined;
            }
        } else if (ruleName === RefinedValue.$type && feature === 'original') {
            const use = AstUtils.getContainerOfType(node, isUseVariable);
            const original = use ? originalValueSet(use) : undefined;
            return isCoded(original) ? original.codes : undefined;
        } else {
            return undefined;
        }
        const set = valueSetOf(variable);
        return isCoded(set) ? set.codes : undefined;
    }
}

/** The variable whose codes a code list (`när x i …`, `andel x i …`) at this node lists. */
function codeListVariable(node: AstNode | undefined): PlanVariable | undefined {
    if (!node) return undefined;
    return (AstUtils.getContainerOfType(node, isComparison) ?? AstUtils.getContainerOfType(node, isShare))?.variable?.ref?.ref;
}

/** The variable as a refined catalogue variable (`använd … fördjupa { … }`), if it is one. */
function refinedUse(variable: PlanVariable | undefined): UseVariable | undefined {
    return isUseVariable(variable) && variable.refinements.length > 0 ? variable : undefined;
}

/** What a plan's own name stands for, in Swedish: `lokal variabel · Antal samtal`, `mätpunkt`, `analys · Andel` … */
export function localDetail(node: AstNode | undefined): string | undefined {
    const parts: (string | undefined)[] = [];
    if (isUseVariable(node)) parts.push(node.variable?.$refText, node.variable?.ref?.label);
    else if (isLocalVariable(node)) parts.push('lokal variabel', node.label);
    else if (isDerivedVariable(node)) parts.push('härledd variabel', node.label);
    else if (isItemGroup(node)) parts.push('frågegrupp', node.label);
    else if (isItem(node)) parts.push('påstående', node.label);
    else if (isMeasurementPoint(node)) parts.push('mätpunkt', node.label);
    else if (isNamedValueSet(node)) parts.push('värdemängd', node.label);
    else if (isReferenceTable(node)) parts.push('referenstabell', node.label);
    else if (isAnalysis(node)) parts.push('analys', node.title);
    const present = parts.filter((part): part is string => !!part);
    return present.length ? present.join(' · ') : undefined;
}

/** `Kön · en kodlista · nationell statistik`. */
export function catalogueDetail(variable: CatalogueVariableNode): string {
    const parts = [variable.label ?? variable.name, describeValueSet(catalogueValueSet(variable.valueSet), 'sv')];
    const detail = parts.join(' · ');
    return variable.nationalStatistics ? `${detail} · nationell statistik` : detail;
}

/**
 * Whether a name starts with what is typed, ignoring case: the whole name (`bbic.sa` →
 * `bbic.samtal_enskilt`) or its last part when only that is typed (`sa` → `bbic.samtal_enskilt`).
 */
function startsWithTyped(name: string, typed: string): boolean {
    if (typed === '') return true;
    const lower = name.toLowerCase();
    const wanted = typed.toLowerCase();
    return lower.startsWith(wanted) || (!wanted.includes('.') && lower.slice(lower.lastIndexOf('.') + 1).startsWith(wanted));
}
