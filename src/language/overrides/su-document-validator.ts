import {
    AstUtils, Cancellation, DefaultDocumentValidator, isOperationCancelled, type AstNode, type DiagnosticInfo, type LangiumDocument, type ValidationAcceptor,
    type ValidationOptions
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { GrammarAST, type ParseResult } from 'langium';

const { isAlternatives, isAssignment, isGroup, isKeyword } = GrammarAST;
type Grammar = GrammarAST.Grammar;
type AbstractElement = GrammarAST.AbstractElement;
type ParserError = ParseResult['parserErrors'][number];
import { Analysis, CatalogueVariable, MeasurementPoint, NamedValueSet, PlanVariable, ReferenceTable, isCatalogueRef, isPlan, isUseVariable, type Plan } from '../generated/ast.js';
import { allVariables, variableName } from '../plan-access.js';
import { CODES, messageFor, type Code } from '../diagnostics/codes.js';
import type { MessageLocale } from '../diagnostics/locale.js';
import { closest, didYouMean } from '../../text/suggest.js';
import type { CatalogueResolver } from '../catalogue-resolver.js';
import { messageTable } from '../../text/messages.js';
import type { SuDiagnosticData } from '../validators/common.js';
import { documentProblems, internalErrorDiagnostic, unreadDiagnostic } from './document-problems.js';
import { grammarFacts, reachableRules, syntaxHint, type GrammarFacts, type TokenSource } from './syntax-hints.js';

const UNRESOLVED_CODE: Record<string, Code> = {
    [CatalogueVariable.$type]: 'SU012',
    [PlanVariable.$type]: 'SU013',
    [MeasurementPoint.$type]: 'SU014',
    [NamedValueSet.$type]: 'SU015',
    [Analysis.$type]: 'SU016',
    [ReferenceTable.$type]: 'SU017',
};

/**
 * Langium's document validator with SU-plan's own codes and languages: syntax errors become SU001,
 * unresolved references SU012–SU017 with "did you mean" suggestions (ignoring case and diacritics).
 */
export class SuDocumentValidator extends DefaultDocumentValidator {
    private readonly services: LangiumServices;

    constructor(services: LangiumServices, private readonly locale: MessageLocale) {
        super(services);
        this.services = services;
    }

    /**
     * SU-plan registers its checks on the root only (Plan, Catalogue), which dispatch to the
     * concern validators; visiting every node with an await in between costs more than the checks.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) {
            await check(rootNode, acceptor, cancelToken ?? Cancellation.CancellationToken.None);
        }
    }

    /**
     * The checks of a document; an internal error in them is reported on the document (Langium
     * would only log it and leave the document without diagnostics). A file the language server
     * could not read gets its one-line reason instead.
     */
    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const document = rootNode.$document;
        const unread = document ? documentProblems.get(document.uri.toString()) : undefined;
        if (unread) return [unreadDiagnostic(unread.message(this.locale.language))];
        try {
            return await super.validateAst(rootNode, options, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('SU-plan: internal error in validation:', error);
            return [internalErrorDiagnostic('validation', error, this.locale.language)];
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (let i = start; i < diagnostics.length; i++) diagnostics[i] = this.asSyntaxError(diagnostics[i]);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const document = parseResult.value.$document;
        let lexed: ReturnType<TokenSource['tokens']> | undefined;
        const source: TokenSource = { tokens: () => (lexed ??= this.services.parser.Lexer.tokenize(document?.textDocument.getText() ?? '').tokens) };
        // A line whose error got a hint (a reserved word, an option out of order, a decimal comma) gets
        // no more syntax errors: the rest of it is the parser recovering from that one mistake.
        const hinted = new Set<number>();
        for (const error of parseResult.parserErrors) {
            const line = error.token.startLine;
            if (line !== undefined && hinted.has(line)) continue;
            const found: Diagnostic[] = [];
            super.processParsingErrors({ ...parseResult, parserErrors: [error] }, found, options);
            for (const diagnostic of found) {
                const hint = document ? syntaxHint(error, document, this.grammarFacts(), source, this.locale.language) : undefined;
                if (hint !== undefined && line !== undefined) hinted.add(line);
                diagnostics.push(this.asSyntaxError(diagnostic, error, hint));
            }
        }
    }

    private asSyntaxError(diagnostic: Diagnostic, error?: ParserError, hint?: string): Diagnostic {
        const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
        const detail = hint ?? translateParserMessage(text, this.locale.language) + this.keywordMeant(text, error);
        const data: SuDiagnosticData = { code: 'SU001', args: [detail] };
        return { ...diagnostic, severity: 1, code: 'SU001', message: messageFor('SU001', this.locale.language, [detail]), data };
    }

    private facts: GrammarFacts | undefined;

    private grammarFacts(): GrammarFacts {
        return this.facts ??= grammarFacts(this.services.Grammar);
    }

    /** ` Menade du `variabler`?` when the unexpected word is close to a keyword that starts a line of the language. */
    private keywordMeant(parserMessage: string, error?: ParserError): string {
        const found = /but found: '([^']*)'|but found `([^`]*)`|found: '([^']*)'/.exec(parserMessage);
        const word = found ? (found[1] ?? found[2] ?? found[3] ?? '') : '';
        // No keyword is near a word of more than 40 letters (and comparing a name of megabytes with each would take minutes).
        if (word.length > 40 || !/^\p{L}[\p{L}\p{N}_]*$/u.test(word)) return '';
        // A keyword of the language is spelt right, only out of place (often after another error).
        if (error ? error.token.tokenType.name !== 'ID' : this.grammarFacts().words.has(word)) return '';
        this.leadingKeywords ??= leadingKeywords(this.services.Grammar);
        // A close keyword that starts a rule (a section: `variabler`) is preferred to one inside a construct (`av variabeln`).
        const candidates = (keywords: ReadonlySet<string>): string[] => closest(word, [...keywords].filter(k => k !== word), 1);
        const starting = candidates(this.leadingKeywords.ruleStarts);
        const meant = starting.length ? starting : candidates(this.leadingKeywords.all);
        return meant.length ? say(this.locale.language, 'keywordMeant', meant.map(k => `\`${k}\``).join(say(this.locale.language, 'or'))) : '';
    }

    private leadingKeywords: { readonly all: ReadonlySet<string>; readonly ruleStarts: ReadonlySet<string> } | undefined;

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const root = document.parseResult.value;
        const language = this.locale.language;
        const misspelt = isPlan(root) ? this.unresolvedDeclarations(root) : new Map<PlanVariable, { readonly names: readonly string[] }>();
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const referenceType = this.services.shared.AstReflection.getReferenceType(info);
            const code = UNRESOLVED_CODE[referenceType] ?? 'SU013';
            const refText = info.reference.$refText;
            const pins = code === 'SU012' && isPlan(root) ? this.pins(root.elements) : undefined;
            if (pins && this.explainedByPin(refText, pins)) continue; // SU010/SU011 on the pin explain it
            if (code === 'SU013' && standsForMisspelt(refText, misspelt)) continue; // SU012 on the declaration is the one error
            const scope = this.services.references.ScopeProvider.getScope(info);
            // A declaration that does not resolve is never suggested: its name is the typo.
            const elements = scope.getAllElements().toArray().filter(d => !(d.node && misspelt.has(d.node as PlanVariable)));
            const renamed = code === 'SU012' ? this.renamedTo(refText, elements.map(d => d.node)) : [];
            const suggestions = [...renamed, ...closest(refText, elements.map(d => d.name))];
            const unique = [...new Set(suggestions)].slice(0, 3);
            const unpinned = pins ? this.unpinnedCatalogue(refText, pins) : undefined;
            const args = [refText, didYouMean(language, unique) + (unpinned === undefined ? '' : say(language, 'notPinned', unpinned))];
            const data: SuDiagnosticData = { code, args, subject: refText, fix: unique.length ? { kind: 'replace', suggestions: unique } : undefined };
            const diagnosticInfo = { node: info.container, property: info.property, index: info.index, range: reference.$refNode?.range, code, data } as DiagnosticInfo<AstNode>;
            diagnostics.push(this.toDiagnostic(CODES[code].severity, messageFor(code, language, args), diagnosticInfo));
        }
    }

    /**
     * The `använd` declarations whose catalogue variable does not resolve, each with the plan names
     * it stands for: its own name (the typo, unless it has `som`) and the name of the catalogue
     * variable it was most probably meant to be (`bbic.kon` stands for `kön`).
     */
    private unresolvedDeclarations(plan: Plan): Map<PlanVariable, { readonly names: readonly string[]; readonly misspelt?: string }> {
        const found = new Map<PlanVariable, { readonly names: readonly string[]; readonly misspelt?: string }>();
        for (const variable of allVariables(plan)) {
            if (!isUseVariable(variable) || !variable.variable || variable.variable.ref) continue;
            const reference = variable.variable;
            const scope = this.services.references.ScopeProvider.getScope({ container: variable, property: 'variable', reference });
            const meant = closest(reference.$refText, scope.getAllElements().map(d => d.name), 1).map(lastSegmentOf);
            // Without `som`, its own name is the typo: a later use close to it means the same variable.
            found.set(variable, { names: [variableName(variable), ...meant], misspelt: variable.name ? undefined : variableName(variable) });
        }
        return found;
    }

    /** The plan's `katalog … version "…"` lines, each with whether the workspace has that version. */
    private pins(elements: readonly AstNode[]): Array<{ name: string; resolves: boolean }> {
        const resolver = (this.services as unknown as { catalogue: { CatalogueResolver: CatalogueResolver } }).catalogue.CatalogueResolver;
        return elements.filter(isCatalogueRef).map(e => ({ name: e.catalogue, resolves: resolver.resolve(e.catalogue, e.version) !== undefined }));
    }

    /**
     * Whether an unknown catalogue variable is already explained by SU010/SU011 on a pin: the pin of
     * its own catalogue does not resolve, or no pin does (a misspelt catalogue name). A plan with no
     * `katalog` line at all, or a variable of a catalogue the plan does not pin, is never explained:
     * its SU012 is reported, so no reference is ever silently left out.
     */
    private explainedByPin(refText: string, pins: ReadonlyArray<{ name: string; resolves: boolean }>): boolean {
        if (pins.length === 0) return false;
        const catalogue = catalogueOfRef(refText);
        return pins.some(pin => pin.name === catalogue && !pin.resolves) || pins.every(pin => !pin.resolves);
    }

    /** The catalogue a qualified name comes from, when the plan has no `katalog` line for it. */
    private unpinnedCatalogue(refText: string, pins: ReadonlyArray<{ name: string }>): string | undefined {
        const catalogue = catalogueOfRef(refText);
        return catalogue !== undefined && !pins.some(pin => pin.name === catalogue) ? catalogue : undefined;
    }

    /** Catalogue variables that declare `ersätter <old>` for the name that was not found. */
    private renamedTo(refText: string, nodes: ReadonlyArray<AstNode | undefined>): string[] {
        const wanted = refText.slice(refText.lastIndexOf('.') + 1);
        const found: string[] = [];
        for (const node of nodes) {
            if (node && node.$type === CatalogueVariable.$type) {
                const variable = node as CatalogueVariable;
                if (variable.replaces === wanted) {
                    const catalogue = AstUtils.getContainerOfType(variable, (n): n is AstNode & { name: string } => n.$type === 'Catalogue');
                    found.push(catalogue ? `${catalogue.name}.${variable.name}` : variable.name);
                }
            }
        }
        return found;
    }
}

/**
 * Whether an unknown plan variable is a use of a declaration that did not resolve: one of the names
 * it stands for, or close to its own name when that is the typo.
 */
function standsForMisspelt(refText: string, declarations: ReadonlyMap<PlanVariable, { readonly names: readonly string[]; readonly misspelt?: string }>): boolean {
    for (const { names, misspelt } of declarations.values()) {
        if (names.includes(refText) || (misspelt !== undefined && closest(refText, [misspelt]).length > 0)) return true;
    }
    return false;
}

/** `kön` of `bbic.kön`. */
function lastSegmentOf(name: string): string {
    return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The word keywords that begin something a plan writes (a section, a line in a block, an option):
 * the first keyword of every group and rule in the grammar, and the keywords of an alternative of
 * keywords. Keywords in the middle of a construct (`av variabeln`) are left out, so that a misspelt
 * `variabel {` is taken for `variabler`.
 */
function leadingKeywords(grammar: Grammar): { all: Set<string>; ruleStarts: Set<string> } {
    const collect = (element: AbstractElement | undefined, into: Set<string>): void => {
        if (isKeyword(element) && /^\p{L}/u.test(element.value)) into.add(element.value);
        else if (isAlternatives(element)) element.elements.forEach(e => collect(e, into));
        else if (isAssignment(element)) collect(element.terminal, into);
        else if (isGroup(element)) collect(element.elements[0], into);
    };
    const all = new Set<string>();
    const ruleStarts = new Set<string>();
    for (const rule of reachableRules(grammar)) {
        collect(rule.definition, ruleStarts);
        for (const node of AstUtils.streamAllContents(rule)) if (isGroup(node)) collect(node, all);
        collect(rule.definition, all);
    }
    return { all, ruleStarts };
}

/** `bbic` of `bbic.kön`; undefined for a name without a catalogue. */
function catalogueOfRef(refText: string): string | undefined {
    const dot = refText.indexOf('.');
    return dot > 0 ? refText.slice(0, dot) : undefined;
}

/** The parts of a translated parser message, and of SU012 for a catalogue the plan does not pin. */
const say = messageTable({
    keywordMeant: { sv: ' Menade du {0}?', en: ' Did you mean {0}?' },
    or: { sv: ' eller ', en: ' or ' },
    notPinned: {
        sv: ' Planen anger inte katalogen "{0}": lägg till `katalog {0} version "…"` i planens början.',
        en: ' The plan does not pin the catalogue "{0}": add `katalog {0} version "…"` at the start of the plan.',
    },
    endOfFile: { sv: 'filens slut', en: 'the end of the file' },
    unexpectedCharacter: { sv: "oväntat tecken '{0}'.", en: "unexpected character '{0}'." },
    unexpected: { sv: 'oväntat {0}.', en: 'unexpected {0}.' },
    unexpectedExpected: { sv: 'oväntat {0}; förväntade {1}.', en: 'unexpected {0}; expected {1}.' },
});

/** Chevrotain's English parser messages, shortened and, for Swedish, translated. */
export function translateParserMessage(message: string, language: 'sv' | 'en'): string {
    if (/unexpected character/i.test(message)) return say(language, 'unexpectedCharacter', /->(.+?)<-/.exec(message)?.[1] ?? '');
    const found = /but found: '([^']*)'|but found `([^`]*)`|found: '([^']*)'/.exec(message);
    const token = found ? (found[1] ?? found[2] ?? found[3] ?? '') : '';
    const isEof = token === '' || /EOF/.test(token);
    const shown = isEof ? say(language, 'endOfFile') : `'${token}'`;
    const expected = expectedTokens(message, language);
    return expected ? say(language, 'unexpectedExpected', shown, expected) : say(language, 'unexpected', shown);
}

function expectedTokens(message: string, language: 'sv' | 'en'): string {
    const single = /Expecting token of type '([^']+)'/.exec(message);
    if (single) return describeToken(single[1], language);
    const list = [...message.matchAll(/\d+\. \[([^\]]+)\]/g)].map(m => m[1].split(',')[0].trim());
    const names = [...new Set(list.map(token => describeToken(token, language)))].slice(0, 6);
    return names.join(', ');
}

const TOKEN_NAMES: Record<string, { sv: string; en: string }> = {
    STRING: { sv: '"text"', en: '"text"' },
    ID: { sv: 'ett namn', en: 'a name' },
    INT: { sv: 'ett heltal', en: 'a whole number' },
    DECIMAL: { sv: 'ett decimaltal', en: 'a decimal number' },
    DATE: { sv: 'ett datum ÅÅÅÅ-MM-DD', en: 'a date YYYY-MM-DD' },
};

function describeToken(token: string, language: 'sv' | 'en'): string {
    return TOKEN_NAMES[token]?.[language] ?? `'${token}'`;
}
