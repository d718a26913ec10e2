import type { Language } from '../text/language.js';

/** What the language server's own requests say to the user, in both languages. */
const MESSAGES = {
    unknownTarget: { sv: (id: string) => `Okänt mål: ${id}`, en: (id: string) => `Unknown target: ${id}` },
    notAPlan: { sv: () => 'Filen är ingen plan.', en: () => 'The file is not a plan.' },
    planHasErrors: {
        sv: (count: number) => `Planen har ${count} fel. Rätta dem (se Problem) och försök igen.`,
        en: (count: number) => `The plan has ${count} error(s). Fix them (see Problems) and try again.`,
    },
} as const;

type Messages = typeof MESSAGES;

/** The message `key` in `language`, filled with its arguments. */
export function serverMessage<K extends keyof Messages>(language: Language, key: K, ...args: Parameters<Messages[K]['sv']>): string {
    const template = MESSAGES[key][language] as (...values: Parameters<Messages[K]['sv']>) => string;
    return template(...args);
}
