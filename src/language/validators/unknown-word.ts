import { closest, didYouMean } from '../../text/suggest.js';
import type { FixData } from './common.js';

/** What a diagnostic about an unknown word carries: its arguments and, when there is a near match, a quick fix. */
export interface UnknownWordParts {
    /** [word, " Menade du …?", " Did you mean …?"]: the Swedish template shows {1}, the English one {2}. */
    readonly args: readonly string[];
    readonly fix?: FixData;
}

/**
 * "Did you mean" for a word that is not one of `known`, ignoring case and diacritics
 * (`kvalitetssakring` → `kvalitetssäkring`). `quote` wraps each suggestion as it must be written
 * in the replaced range (e.g. with the quotes of a string).
 */
export function unknownWord(word: string, known: Iterable<string>, quote: (s: string) => string = s => s): UnknownWordParts {
    const suggestions = closest(word, known);
    return {
        args: [word, didYouMean('sv', suggestions), didYouMean('en', suggestions)],
        fix: suggestions.length > 0 ? { kind: 'replace', suggestions: suggestions.map(quote) } : undefined,
    };
}
