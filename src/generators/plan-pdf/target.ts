import type { GeneratorTarget } from '../target.js';

/** `plan-pdf`: the official plan document as an A4 PDF, printed by the system's Chromium (CLI only). */
export const planPdfTarget: GeneratorTarget = {
    id: 'plan-pdf',
    description: { sv: 'plandokumentet för beslut som PDF (kräver Chromium)', en: 'the plan document for decision as PDF (needs Chromium)' },
    output: 'bytes',
    editor: false,
    showsRevision: true,
    load: async () => (await import('./index.js')).generatePlanPdf,
};
