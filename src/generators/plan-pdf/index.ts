/** The `plan-pdf` target: `<plan>.pdf`, the official plan document printed by Chromium (A4, numbered pages). */
import type { PlanModel } from '../../model/plan-model.js';
import { htmlText } from '../../text/html-escape.js';
import { docTexts } from '../plan-document/texts.js';
import { renderPlanHtml } from '../plan-html/page.js';
import type { GeneratedFile, TargetContext } from '../target.js';
import type { Page } from 'playwright-core';
import { PART_IDS } from '../plan-document/official-document.js';
import { PRINTABLE, printHtmlToPdf, type PrintOptions } from './chromium.js';

const FOOTER_STYLE = 'font: 8pt "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #474747; width: 100%; box-sizing: border-box; padding: 0 16mm; display: flex; gap: 8mm; justify-content: space-between;';

/** The footer: the plan's title and version on the left, `Sida X av Y` on the right. */
export function footerTemplate(model: PlanModel, language: TargetContext['language']): string {
    const t = docTexts(language);
    const title = model.title + (model.governance.version !== undefined ? `, ${t.version.toLowerCase()} ${model.governance.version}` : '');
    const pages = htmlText(t.pageOf).replace('{0}', '<span class="pageNumber"></span>').replace('{1}', '<span class="totalPages"></span>');
    return `<div style='${FOOTER_STYLE}'><span style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis;">${htmlText(title)}</span><span style="white-space: nowrap;">${pages}</span></div>`;
}

/**
 * Keeps the summary on the first page: laid out at the printed width, a summary taller than the
 * page gets a smaller font, a quarter point at a time, down to 7 pt. (The example plans fit at the
 * print style's 9 pt; a plan with very long texts still gets its summary on one page.)
 */
export async function fitSummary(page: Page): Promise<void> {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(PRINTABLE);
    await page.evaluate(`(() => {
        const part = document.getElementById(${JSON.stringify(PART_IDS.summary)});
        if (!part) return;
        let size = parseFloat(getComputedStyle(part).fontSize) * 0.75;
        while (part.getBoundingClientRect().height > ${PRINTABLE.height} * 0.98 && size > 7) {
            size -= 0.25;
            part.style.fontSize = size + 'pt';
        }
    })()`);
}

/** The page Chromium prints: the HTML plan document without its own page numbers, the footer and the fitting of the summary. */
export function planPdfPage(model: PlanModel, context: Pick<TargetContext, 'language' | 'revision'>): { html: string } & PrintOptions {
    return {
        html: renderPlanHtml(model, { language: context.language, revision: context.revision, pageNumbers: false }),
        footerTemplate: footerTemplate(model, context.language),
        prepare: fitSummary,
    };
}

export async function generatePlanPdf(model: PlanModel, context: TargetContext): Promise<GeneratedFile[]> {
    const { html, ...options } = planPdfPage(model, context);
    return [{ path: `${context.baseName}.pdf`, content: await printHtmlToPdf(html, options) }];
}

export { findChromium, printPage } from './chromium.js';
