import type { GeneratorTarget } from '../target.js';

/** `form-html`: the offline HTML form (one self-contained file) and the codebook of its exports. */
export const formHtmlTarget: GeneratorTarget = {
    id: 'form-html',
    description: { sv: 'registreringsformulär i HTML som fungerar offline', en: 'an offline HTML registration form' },
    output: 'text',
    editor: true,
    load: async () => (await import('./index.js')).generateFormHtml,
};
