/** The `plan-html` target: `<plan>.html`, the official plan document as one self-contained page. */
import type { PlanModel } from '../../model/plan-model.js';
import type { GeneratedFile, TargetContext } from '../target.js';
import { renderPlanHtml } from './page.js';

export function generatePlanHtml(model: PlanModel, context: TargetContext): GeneratedFile[] {
    return [{ path: `${context.baseName}.html`, content: renderPlanHtml(model, { language: context.language, revision: context.revision }) }];
}

export { renderPlanHtml, type PlanHtmlOptions } from './page.js';
