import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type LangiumDocument, type LexerResult, type ParseResult } from 'langium';
import { messageTable } from '../../text/messages.js';

const { isAlternatives, isAssignment, isGroup, isKeyword, isParserRule, isRuleCall, isUnorderedGroup } = GrammarAST;
type Grammar = GrammarAST.Grammar;
type AbstractElement = GrammarAST.AbstractElement;
type ParserRule = GrammarAST.ParserRule;
type IToken = LexerResult['tokens'][number];
type ParserError = ParseResult['parserErrors'][number];

/** The syntax hints' sentences; each replaces Chevrotain's "unexpected …; expected …". */
const say = messageTable({
    reservedWord: {
        sv: '`{0}` är ett reserverat ord i planspråket och kan inte vara ett namn. Lägg till något till ordet, till exempel `{0}_1`, eller välj ett annat ord.',
        en: '`{0}` is a reserved word of the plan language and cannot be a name. Add something to the word, for example `{0}_1`, or choose another word.',
    },
    wrongOrder: { sv: '`{0}` ska stå före `{1}`.', en: '`{0}` must come before `{1}`.' },
    decimalComma: {
        sv: 'decimaltal skrivs med punkt i planspråket: skriv `{1}` i stället för `{0}`.',
        en: 'decimal numbers are written with a point in the plan language: write `{1}` instead of `{0}`.',
    },
    wholeNumber: {
        sv: 'här förväntas ett heltal, inte decimaltalet `{0}`.',
        en: 'a whole number is expected here, not the decimal number `{0}`.',
    },
});

/** What the grammar says about its keywords, computed once per language. */
export interface GrammarFacts {
    /** Every keyword that is a word (`variabler`, `målvärde`), not a sign. */
    readonly words: ReadonlySet<string>;
    /** `målvärde` → {`vid`, `per`, …}: keywords the key must come before in the construct they share. */
    readonly mustPrecede: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The tokens of a document, lexed again only when a parser error needs them. */
export interface TokenSource {
    tokens(): readonly IToken[];
}

/**
 * A sentence about a parser error that says what was meant, or undefined when none fits:
 * a decimal comma (`80,5`), an option in the wrong order (`vid` before `målvärde`), a reserved
 * word used as a name (`lokal period`).
 */
export function syntaxHint(error: ParserError, document: LangiumDocument, facts: GrammarFacts, source: TokenSource, language: 'sv' | 'en'): string | undefined {
    const token = error.token;
    if (!Number.isFinite(token.startOffset) || token.startOffset < 0) return undefined;
    if (token.image === ',') return decimalComma(token, document, source, language);
    if (!isKeywordToken(token, facts)) return undefined;
    const tokens = source.tokens();
    const at = tokens.findIndex(t => t.startOffset === token.startOffset);
    if (at < 0) return undefined;
    const later = facts.mustPrecede.get(token.image);
    if (later) {
        const before = tokens.slice(0, at).filter(t => t.startLine === token.startLine);
        const misplaced = before.find(t => isKeywordToken(t, facts) && later.has(t.image));
        if (misplaced) return say(language, 'wrongOrder', token.image, misplaced.image);
    }
    if (expectsName(error.message) || followedByDeclaration(tokens, at)) return say(language, 'reservedWord', token.image);
    return undefined;
}

/** Whether a token is a keyword of the language that is a word (the lexer gives each keyword its own type). */
export function isKeywordToken(token: IToken, facts: GrammarFacts): boolean {
    return token.tokenType.name !== 'ID' && facts.words.has(token.image);
}

/** Chevrotain's message lists ID among what it expected: the parser wanted a name there. */
function expectsName(message: string): boolean {
    return /Expecting token of type 'ID'/.test(message) || /\d+\. \[ID\]/.test(message);
}

/** `word:` or `word "Titel":` — the start of a named analysis or phase. */
function followedByDeclaration(tokens: readonly IToken[], at: number): boolean {
    const next = tokens[at + 1];
    if (next?.image === ':') return true;
    return next?.tokenType.name === 'STRING' && tokens[at + 2]?.image === ':';
}

/** `80,5` where a number was expected: written with a point, or not a decimal at all where the grammar wants a whole number. */
function decimalComma(comma: IToken, document: LangiumDocument, source: TokenSource, language: 'sv' | 'en'): string | undefined {
    const text = document.textDocument.getText();
    const before = /[0-9]+$/.exec(text.slice(Math.max(0, comma.startOffset - 40), comma.startOffset))?.[0];
    const after = /^[0-9]+/.exec(text.slice(comma.startOffset + 1, comma.startOffset + 41))?.[0];
    if (!before || !after) return undefined;
    const tokens = source.tokens();
    const previous = tokens.find(t => t.startOffset + t.image.length === comma.startOffset);
    if (previous?.tokenType.name !== 'INT') return undefined; // `a1,2`: a name, not a number
    const written = `${before},${after}`;
    const decimal = acceptsDecimal(document, previous.startOffset);
    return decimal === false ? say(language, 'wholeNumber', written) : say(language, 'decimalComma', written, `${before}.${after}`);
}

/**
 * Whether the number at `offset` was read where the grammar also takes a decimal (`SignedNumber`,
 * `Numeric`); undefined when the parser left no trace of it.
 */
function acceptsDecimal(document: LangiumDocument, offset: number): boolean | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
    if (!leaf || leaf.offset !== offset) return undefined;
    let element: AstNodeLike | undefined = leaf.grammarSource as AstNodeLike | undefined;
    while (element && !isParserRule(element)) {
        if (isAlternatives(element) && element.elements.some(e => isRuleCall(e) && e.rule.ref?.name === 'DECIMAL')) return true;
        element = element.$container as AstNodeLike | undefined;
    }
    return false;
}

type AstNodeLike = GrammarAST.AbstractElement | ParserRule | GrammarAST.Grammar;

/** The grammar's word keywords, and which must come before which in the constructs that order them. */
export function grammarFacts(grammar: Grammar): GrammarFacts {
    const rules = reachableRules(grammar);
    const words = new Set<string>();
    for (const rule of rules) {
        for (const node of AstUtils.streamAllContents(rule)) if (isKeyword(node) && isWord(node.value)) words.add(node.value);
    }
    const structural = structuralKeywords();
    const pairs = new Map<string, Set<string>>();
    for (const rule of rules) {
        for (const node of [rule.definition, ...AstUtils.streamAllContents(rule.definition)]) {
            if (!isGroup(node) || node.cardinality === '*' || node.cardinality === '+' || repeatedAncestor(node)) continue;
            const sets = node.elements.map(e => structural(e));
            // The first element starts the construct: "`analyser` must come before `frekvens`" is no help.
            for (let i = 1; i < sets.length; i++) {
                for (let j = i + 1; j < sets.length; j++) {
                    if (!optional(node.elements[j])) continue;
                    for (const k of sets[i]) {
                        if (sets[j].has(k)) continue;
                        for (const l of sets[j]) if (!sets[i].has(l)) add(pairs, k, l);
                    }
                }
            }
        }
    }
    // A pair the grammar orders both ways somewhere says nothing.
    for (const [k, later] of pairs) for (const l of later) if (pairs.get(l)?.has(k)) { later.delete(l); pairs.get(l)!.delete(k); }
    return { words, mustPrecede: pairs };
}

function add(pairs: Map<string, Set<string>>, k: string, l: string): void {
    let set = pairs.get(k);
    if (!set) pairs.set(k, set = new Set());
    set.add(l);
}

function isWord(value: string): boolean {
    return /^\p{L}/u.test(value);
}

/** An element that may be left out (`?`, `*`). */
function optional(element: AbstractElement): boolean {
    return element.cardinality === '?' || element.cardinality === '*';
}

/** A group inside a repetition: its order holds within one round only, and errors cross rounds. */
function repeatedAncestor(element: AbstractElement): boolean {
    for (let node = element.$container; node && !isParserRule(node); node = node.$container) {
        if (isUnorderedGroup(node)) return true;
        if ('cardinality' in node && (node.cardinality === '*' || node.cardinality === '+')) return true;
    }
    return false;
}

/**
 * The word keywords that make up an element's structure, through the rules it calls; data type rules
 * (names, `före`, `skillnad`) and cross-references are values, not structure.
 */
function structuralKeywords(): (element: AbstractElement) => ReadonlySet<string> {
    const byRule = new Map<ParserRule, Set<string>>();
    const walk = (element: AbstractElement | undefined, into: Set<string>): void => {
        if (!element) return;
        if (isKeyword(element)) {
            if (isWord(element.value)) into.add(element.value);
        } else if (isAssignment(element)) {
            walk(element.terminal, into);
        } else if (isRuleCall(element)) {
            const rule = element.rule.ref;
            if (rule && isParserRule(rule) && !GrammarUtils.isDataTypeRule(rule)) for (const k of ofRule(rule)) into.add(k);
        } else if (isAlternatives(element) || isGroup(element) || isUnorderedGroup(element)) {
            for (const e of element.elements) walk(e, into);
        }
    };
    const ofRule = (rule: ParserRule): Set<string> => {
        let found = byRule.get(rule);
        if (!found) {
            found = new Set();
            byRule.set(rule, found); // set first: a recursive rule sees what is found so far
            walk(rule.definition, found);
        }
        return found;
    };
    return element => {
        const found = new Set<string>();
        walk(element, found);
        return found;
    };
}

/** The parser rules the entry rule reaches: a grammar may hold rules of another language it imports. */
export function reachableRules(grammar: Grammar): ParserRule[] {
    const entry = grammar.rules.find(rule => isParserRule(rule) && rule.entry);
    const seen = new Set<ParserRule>();
    const pending = entry && isParserRule(entry) ? [entry] : [];
    while (pending.length > 0) {
        const rule = pending.pop()!;
        if (seen.has(rule)) continue;
        seen.add(rule);
        for (const node of AstUtils.streamAllContents(rule)) {
            const called = isRuleCall(node) ? node.rule.ref : undefined;
            if (called && isParserRule(called) && !seen.has(called)) pending.push(called);
        }
    }
    return [...seen];
}
