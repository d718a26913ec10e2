import type { TokenType } from 'chevrotain';
import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';

/**
 * Langium's token builder, with each terminal's partial regular expression built once rather than
 * once for every keyword. A keyword's LONGER_ALT lists the terminals that can match a prefix of it
 * (`vikt` is a keyword and the start of a name); Langium rebuilds the partial expression of every
 * terminal for each of the plan language's keywords, a fifth of building its lexer. The tokens
 * built are the same (test/language/overrides/su-token-builder.test.ts).
 */
export class SuTokenBuilder extends DefaultTokenBuilder {
    private readonly partials = new Map<TokenType, RegExp | undefined>();

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const partial = this.partialOf(token);
            const match = partial ? keyword.value.match(partial) : null;
            return match !== null && match[0].length > 0;
        });
    }

    /** As Langium's `partialMatches('^' + source + '$', …)` builds it, once per terminal. */
    private partialOf(token: TokenType): RegExp | undefined {
        if (!this.partials.has(token)) {
            const source = (token.PATTERN as RegExp | undefined)?.source;
            this.partials.set(token, source ? RegExpUtils.partialRegExp('^' + source + '$') : undefined);
        }
        return this.partials.get(token);
    }
}
