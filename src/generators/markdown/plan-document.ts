/**
 * The plan as a readable Markdown document for every role: the sections of
 * ../plan-document/plan-sections.ts in order, rendered by render-markdown.ts.
 */
import type { PlanModel } from '../../model/plan-model.js';
import { PlanSections } from '../plan-document/plan-sections.js';
import type { DocLanguage } from '../plan-document/texts.js';
import { renderMarkdown } from './render-markdown.js';

export interface PlanDocumentOptions {
    /** Swedish (default) or English headings and fixed wording; plan text is never translated. */
    readonly language?: DocLanguage;
}

/** The plan document in Markdown (CommonMark with GitHub tables). */
export function renderPlanDocument(model: PlanModel, options: PlanDocumentOptions = {}): string {
    const sections = new PlanSections(model, { language: options.language ?? 'sv' });
    return renderMarkdown({ title: model.title, parts: [{ id: 'document', blocks: sections.all() }] });
}
