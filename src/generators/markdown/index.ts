/** The `markdown` target of `suplan generate`: `<plan>.md`, the plan document. */
import type { GeneratedFile, TargetContext } from '../target.js';
import type { PlanModel } from '../../model/plan-model.js';
import { renderPlanDocument } from './plan-document.js';

export function generateMarkdown(model: PlanModel, context: TargetContext): GeneratedFile[] {
    return [{ path: `${context.baseName}.md`, content: renderPlanDocument(model, { language: context.language }) }];
}

export { renderPlanDocument, type PlanDocumentOptions } from './plan-document.js';
