import type { Language } from './language.js';

/**
 * Bilingual message tables. Each layer keeps its own table of texts (the CLI's, the catalogue
 * import's, the language server's …) and picks the user's language through it, never with an
 * inline `language === 'sv' ? … : …`. Templates hold `{0}`, `{1}`, … for their arguments.
 */
export interface Bilingual {
    readonly sv: string;
    readonly en: string;
}

/** A message argument: plain, or itself different by language (a "did you mean" sentence). */
export type MessageArg = string | number | Bilingual;

/** Fills `{0}`, `{1}`, … with arguments; a missing argument becomes the empty string. */
export function fill(template: string, args: readonly (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}

/** The text in `language`. */
export function pick(text: Bilingual, language: Language): string {
    return text[language];
}

/** `say(language, key, ...args)` over a table of bilingual templates. */
export function messageTable<K extends string>(table: Readonly<Record<K, Bilingual>>): (language: Language, key: K, ...args: readonly MessageArg[]) => string {
    return (language, key, ...args) => fill(table[key][language], args.map(arg => (typeof arg === 'object' ? arg[language] : arg)));
}
