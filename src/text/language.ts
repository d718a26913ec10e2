/** The two languages of everything a user reads: Swedish, and English as the alternative. */
export type Language = 'sv' | 'en';

/** Swedish first: it is the default everywhere. */
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

/** Whether a value read from a command line or a setting names one of the languages. */
export function isLanguage(value: unknown): value is Language {
    return value === 'sv' || value === 'en';
}

/** `text` with its first letter upper case, as a sentence starts ("verksamhetsutveckling" → "Verksamhetsutveckling"). */
export function startSentence(text: string, language: Language): string {
    return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
