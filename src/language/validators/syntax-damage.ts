import { AstUtils, type AstNode } from 'langium';
import type { Plan } from '../generated/ast.js';
import { closest } from '../../text/suggest.js';

/**
 * What a plan's syntax errors may have hidden from the checks. The parser recovers from an error
 * by skipping words, so a section may be in the file and still missing from the syntax tree:
 * "missing section" and "not used" checks ask here before they report.
 */
export interface SyntaxDamage {
    /** Whether the file has syntax errors at all. */
    readonly any: boolean;
    /**
     * Whether a section starting with `keyword` may be in the file but lost or cut short: the word is
     * written outside strings and comments more often than `parsed` sections of it were read, a
     * syntax error lies in one of them, or an unexpected word at an error is close to it (`syfe`).
     */
    mayHaveLost(keyword: string, parsed: readonly AstNode[]): boolean;
    /** Whether `node` starts at a syntax error: the parser read it from a misplaced word (`lokal period`). */
    startsAtError(node: AstNode): boolean;
}

const NO_DAMAGE: SyntaxDamage = { any: false, mayHaveLost: () => false, startsAtError: () => false };

const cache = new WeakMap<object, SyntaxDamage>();

/** The syntax damage of the plan's file, computed once per parse. */
export function syntaxDamage(plan: Plan): SyntaxDamage {
    const document = AstUtils.getDocument(plan);
    const parsed = document.parseResult;
    if (parsed.lexerErrors.length === 0 && parsed.parserErrors.length === 0) return NO_DAMAGE;
    let damage = cache.get(parsed);
    if (!damage) cache.set(parsed, damage = measure(document.textDocument.getText(), parsed));
    return damage;
}

interface ErrorSite { readonly offset: number; readonly words: readonly string[] }

function measure(text: string, parsed: { readonly lexerErrors: ReadonlyArray<{ readonly offset: number; readonly line?: number }>; readonly parserErrors: ReadonlyArray<{ readonly token: { readonly image: string; readonly startOffset: number }; readonly resyncedTokens?: ReadonlyArray<{ readonly image: string }> }> }): SyntaxDamage {
    const words = wordsOutsideStrings(text);
    const sites: ErrorSite[] = [];
    for (const error of parsed.parserErrors) {
        const offset = Number.isFinite(error.token.startOffset) && error.token.startOffset >= 0 ? error.token.startOffset : text.length;
        sites.push({ offset, words: [error.token.image, ...(error.resyncedTokens ?? []).map(t => t.image)].filter(w => /^\p{L}/u.test(w)) });
    }
    for (const error of parsed.lexerErrors) {
        // A stray character splits a word (`sy§fte`): the line's letters run together stand for it.
        const start = text.lastIndexOf('\n', error.offset - 1) + 1;
        const end = text.indexOf('\n', error.offset);
        const line = text.slice(start, end < 0 ? text.length : end);
        sites.push({ offset: error.offset, words: [line.replace(/[^\p{L}\p{N}_]+/gu, '')] });
    }
    const errorStarts = new Set(parsed.parserErrors.map(e => e.token.startOffset));
    return {
        any: true,
        mayHaveLost(keyword, sections) {
            if ((words.get(keyword) ?? 0) > sections.length) return true;
            if (sites.some(site => site.words.some(word => word.includes(keyword) || (word.length <= 2 * keyword.length && closest(word, [keyword], 1).length > 0)))) return true;
            return sections.some(section => {
                const start = section.$cstNode?.offset;
                const end = reachOf(section, text.length);
                return start !== undefined && sites.some(site => site.offset >= start && site.offset <= end);
            });
        },
        startsAtError(node) {
            const offset = node.$cstNode?.offset;
            return offset !== undefined && errorStarts.has(offset);
        },
    };
}

/**
 * Where a section's text may reach: up to the next section the parser read (a block whose closing
 * brace was never found ends where its last read line does), or the end of the file.
 */
function reachOf(section: AstNode, fileEnd: number): number {
    const siblings = (section.$container as { elements?: readonly AstNode[] } | undefined)?.elements ?? [];
    const next = siblings[siblings.indexOf(section) + 1]?.$cstNode;
    return next ? next.offset : fileEnd;
}

/** How often each word is written outside strings and comments. */
function wordsOutsideStrings(text: string): Map<string, number> {
    const counts = new Map<string, number>();
    const pattern = /"[^"\\]*(?:\\.[^"\\]*)*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[\p{L}_][\p{L}\p{N}_]*/gu;
    for (const match of text.matchAll(pattern)) {
        const token = match[0];
        if (token.startsWith('"') || token.startsWith('/')) continue;
        counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    return counts;
}
