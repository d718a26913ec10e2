import type { GeneratorTarget } from '../target.js';

/** `plan-html`: the official plan document (summary page, the plan, the variables in an appendix) as one HTML file. */
export const planHtmlTarget: GeneratorTarget = {
    id: 'plan-html',
    description: { sv: 'plandokumentet för beslut i HTML, utskrivbart', en: 'the plan document for decision in HTML, printable' },
    output: 'text',
    editor: true,
    showsRevision: true,
    load: async () => (await import('./index.js')).generatePlanHtml,
};
