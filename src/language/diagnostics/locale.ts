import type { Language } from './codes.js';

/**
 * The language of diagnostic messages. The CLI sets it from `--lang`, the language server
 * from the `suplan.language` setting; Swedish is the default.
 */
export class MessageLocale {
    private current: Language = 'sv';

    get language(): Language {
        return this.current;
    }

    set language(language: Language) {
        this.current = language;
    }
}
