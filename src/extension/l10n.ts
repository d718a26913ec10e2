import * as vscode from 'vscode';

/** The language of the extension's own messages and of generated documents. */
export type MessageLanguage = 'sv' | 'en';

/**
 * `suplan.messageLanguage`: the same setting the language server uses for its diagnostics, so
 * both speak one language (Swedish by default). Should the setting hold something unknown, the
 * language of VS Code itself decides.
 */
export function messageLanguage(): MessageLanguage {
    const setting = vscode.workspace.getConfiguration('suplan').get<unknown>('messageLanguage');
    if (setting === 'sv' || setting === 'en') return setting;
    return vscode.env.language.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

type Text = string | ((...args: string[]) => string);

/** Every message the extension shows itself (the server's messages come translated already). */
const MESSAGES = {
    clientName: { sv: 'SU-plan språkserver', en: 'SU-plan language server' },
    newPlanPrompt: { sv: 'Planens titel', en: 'Title of the plan' },
    newPlanPlaceholder: { sv: 't.ex. Samtal med barn i utredningar', en: 'e.g. Talking with children during assessments' },
    newPlanEmptyTitle: { sv: 'Ange en titel.', en: 'Enter a title.' },
    newPlanPickCatalogue: { sv: 'Vilken variabelkatalog följer planen?', en: 'Which variable catalogue does the plan follow?' },
    newPlanStartsWith: { sv: (label: string) => `börjar med "${label}"`, en: (label: string) => `starts with "${label}"` },
    newPlanNoCatalogue: { sv: 'Ingen katalog', en: 'No catalogue' },
    newPlanNoCatalogueDetail: { sv: 'bara lokala variabler', en: 'local variables only' },
    newPlanCreated: { sv: (file: string) => `Ny plan skapad: ${file}`, en: (file: string) => `New plan created: ${file}` },
    noPlan: {
        sv: 'Öppna en plan (*.suplan) först.',
        en: 'Open a plan (*.suplan) first.',
    },
    pickTarget: { sv: 'Vad ska genereras?', en: 'What should be generated?' },
    noTargets: { sv: 'Språkservern erbjuder inga mål.', en: 'The language server offers no targets.' },
    generated: { sv: (file: string) => `Genererad: ${file}`, en: (file: string) => `Generated: ${file}` },
    open: { sv: 'Öppna', en: 'Open' },
    serverFailed: {
        sv: (reason: string) => `Språkservern svarade inte: ${reason}`,
        en: (reason: string) => `The language server did not answer: ${reason}`,
    },
    previewTitle: { sv: (file: string) => `Förhandsgranskning: ${file}`, en: (file: string) => `Preview: ${file}` },
    previewStale: {
        sv: 'Förhandsgranskningen visar den senaste planen utan fel.',
        en: 'The preview shows the last version of the plan without errors.',
    },
} satisfies Record<string, Record<MessageLanguage, Text>>;

export type MessageKey = keyof typeof MESSAGES;

/** The message `key` in the current language, with its arguments filled in. */
export function t(key: MessageKey, ...args: string[]): string {
    return text(messageLanguage(), key, ...args);
}

/** The message `key` in `language`. */
export function text(language: MessageLanguage, key: MessageKey, ...args: string[]): string {
    const entry: Text = MESSAGES[key][language];
    return typeof entry === 'function' ? entry(...args) : entry;
}
