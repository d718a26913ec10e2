import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { MessageLocale } from '../diagnostics/locale.js';
import type { SuCatalogueServices } from '../suplan-module.js';
import { lspMessage } from './lsp-messages.js';

/** What renaming in plans and in catalogues shares: the rules for a new name, and token helpers. */

export type LspMessageKey = Parameters<typeof lspMessage>[1];

/** What a new name must be in either language: an identifier, and no keyword except those the `Name` rule accepts. */
export class NameRules {
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
            throw new ResponseError(ErrorCodes.InvalidParams, this.say('invalidName', newName));
        }
        if (this.keywords.has(newName) && (idOnly || !this.softKeywords.has(newName))) {
            throw new ResponseError(ErrorCodes.InvalidParams, this.say('keywordName', newName));
        }
    }

    say(key: LspMessageKey, ...args: readonly string[]): string {
        return lspMessage(this.locale.language, key, ...args);
    }
}

/** The last non-hidden token of a node. */
export function lastToken(cst: CstNode): CstNode {
    let last = cst;
    for (const leaf of CstUtils.flattenCst(cst)) if (!leaf.hidden) last = leaf;
    return last;
}

/** `test.samtal` → `test.<newName>`; `samtal` → `<newName>`. */
export function renamedQualified(written: string, newName: string): string {
    return written.slice(0, written.lastIndexOf('.') + 1) + newName;
}
