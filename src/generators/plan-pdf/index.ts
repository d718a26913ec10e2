/** The `plan-pdf` target: `<plan>.pdf`, the official plan document printed by Chromium (A4, numbered pages). */
import type { PlanModel } from '../../model/plan-model.js';
import { htmlText } from '../../text/html-escape.js';
import { docTexts } from '../plan-document/texts.js';
import { renderPlanHtml } from '../plan-html/page.js';
import type { GeneratedFile, TargetContext } from '../target.js';
import { printHtmlToPdf } from './chromium.js';

const FOOTER_STYLE = 'font: 8pt "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #474747; width: 100%; box-sizing: border-box; padding: 0 16mm; display: flex; gap: 8mm; justify-content: space-between;';

/** The footer: the plan's title and version on the left, `Sida X av Y` on the right. */
export function footerTemplate(model: PlanModel, language: TargetContext['language']): string {
    const t = docTexts(language);
    const title = model.title + (model.governance.version !== undefined ? `, ${t.version.toLowerCase()} ${model.governance.version}` : '');
    const pages = htmlText(t.pageOf).replace('{0}', '<span class="pageNumber"></span>').replace('{1}', '<span class="totalPages"></span>');
    return `<div style='${FOOTER_STYLE}'><span style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis;">${htmlText(title)}</span><span style="white-space: nowrap;">${pages}</span></div>`;
}

/** The page Chromium prints: the HTML plan document without its own page numbers, and the footer. */
export function planPdfPage(model: PlanModel, context: Pick<TargetContext, 'language' | 'revision'>): { html: string; footerTemplate: string } {
    return {
        html: renderPlanHtml(model, { language: context.language, revision: context.revision, pageNumbers: false }),
        footerTemplate: footerTemplate(model, context.language),
    };
}

export async function generatePlanPdf(model: PlanModel, context: TargetContext): Promise<GeneratedFile[]> {
    const { html, footerTemplate: footer } = planPdfPage(model, context);
    return [{ path: `${context.baseName}.pdf`, content: await printHtmlToPdf(html, { footerTemplate: footer }) }];
}

export { findChromium, printPage } from './chromium.js';
