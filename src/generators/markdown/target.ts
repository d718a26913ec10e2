import type { GeneratorTarget } from '../target.js';

/** `markdown`: the plan document as `<plan>.md`. */
export const markdownTarget: GeneratorTarget = {
    id: 'markdown',
    description: { sv: 'plandokument i Markdown', en: 'the plan document in Markdown' },
    output: 'text',
    editor: true,
    load: async () => (await import('./index.js')).generateMarkdown,
};
