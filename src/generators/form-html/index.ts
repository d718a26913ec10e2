/** The `form-html` target: `<plan>.form.html`, the offline form, with the data package and codebook of its exports. */
import type { GeneratedFile, TargetContext } from '../target.js';
import type { PlanModel } from '../../model/plan-model.js';
import { codebookMarkdown } from '../../data/codebook.js';
import { renderFormPage } from './page.js';

export function generateFormHtml(model: PlanModel, context: TargetContext): GeneratedFile[] {
    return [
        { path: `${context.baseName}.form.html`, content: renderFormPage(model) },
        { path: `${context.baseName}.kodbok.md`, content: codebookMarkdown(model) },
    ];
}

export { renderFormPage } from './page.js';
export { formSpec, type FieldSpec, type FormSpec } from './form-spec.js';
