import { distance } from 'fastest-levenshtein';
import type { Language } from './language.js';
import { messageTable } from './messages.js';

const say = messageTable({
    didYouMean: { sv: ' Menade du {0}?', en: ' Did you mean {0}?' },
    or: { sv: ' eller ', en: ' or ' },
});

/** Lower case without diacritics: `Kvalitetssäkring` → `kvalitetssakring`. */
export function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The candidates closest to `wanted`, ignoring case and diacritics, best first.
 * A candidate qualifies when its edit distance is at most a third of the longer name (at least 1),
 * or when one folded name contains the other.
 */
export function closest(wanted: string, candidates: Iterable<string>, max = 3): string[] {
    const target = fold(wanted);
    const scored: Array<{ name: string; score: number }> = [];
    const seen = new Set<string>();
    for (const name of candidates) {
        if (seen.has(name)) continue;
        seen.add(name);
        const folded = fold(name);
        const limit = Math.max(1, Math.floor(Math.max(folded.length, target.length) / 3));
        const d = distance(target, folded);
        if (d <= limit) scored.push({ name, score: d });
        else if (target.length >= 3 && (folded.includes(target) || target.includes(folded))) scored.push({ name, score: limit + 1 });
    }
    scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'sv'));
    return scored.slice(0, max).map(s => s.name);
}

/** ` Menade du "x"?` / ` Did you mean "x"?`, or the empty string. */
export function didYouMean(language: Language, suggestions: readonly string[]): string {
    if (suggestions.length === 0) return '';
    return say(language, 'didYouMean', suggestions.map(s => `"${s}"`).join(say(language, 'or')));
}
