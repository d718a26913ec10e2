/**
 * The official plan document as one self-contained HTML page: the document model of
 * ../plan-document/official-document.ts rendered by render-html.ts, with styles for the screen and
 * for print (A4, the summary alone on page 1, the plan and the appendix each from a new page).
 * Nothing is fetched: no fonts, scripts or images, and the Content-Security-Policy forbids requests.
 */
import type { PlanModel } from '../../model/plan-model.js';
import { buildOfficialDocument, PART_IDS } from '../plan-document/official-document.js';
import { docTexts, type DocLanguage } from '../plan-document/texts.js';
import { htmlPage } from '../html-page.js';
import type { SourceRevision } from '../target.js';
import { renderHtmlBody } from './render-html.js';

export interface PlanHtmlOptions {
    readonly language?: DocLanguage;
    readonly revision?: SourceRevision;
    /**
     * Page numbers in the page margin when the browser prints (CSS margin boxes); true by default.
     * The PDF target prints its own footer instead.
     */
    readonly pageNumbers?: boolean;
}

/** A CSS string literal. */
function cssString(text: string): string {
    return `"${text.replace(/["\\]/g, ch => `\\${ch}`).replace(/\n/g, ' ')}"`;
}

/** `Sida {0} av {1}` as CSS content: `"Sida " counter(page) " av " counter(pages)`. */
function pageCounterContent(template: string): string {
    return template.split(/(\{[01]\})/).filter(piece => piece !== '')
        .map(piece => piece === '{0}' ? 'counter(page)' : piece === '{1}' ? 'counter(pages)' : cssString(piece)).join(' ');
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 .2rem; }
h2 { font-size: 1.3em; line-height: 1.25; margin: 1.6rem 0 .5rem; padding-bottom: .15rem; border-bottom: 1px solid #8a8a8a; }
h3 { font-size: 1.08em; margin: 1.1rem 0 .35rem; }
p { margin: .4rem 0; }
p.lead { color: #474747; margin: 0 0 .8rem; }
p.note { color: #474747; font-size: .9em; }
dl.facts { margin: .4rem 0; }
dl.facts > div { display: flex; gap: .9rem; padding: .12rem 0; }
dt { flex: 0 0 10.5rem; font-weight: 600; }
dd { flex: 1 1 auto; margin: 0; min-width: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .9rem; }
th, td { border: 1px solid #a8a8a8; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
td, dd, th { overflow-wrap: break-word; }
tbody th { width: 9.5rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; }
.box { border: 2px solid #0b4f9c; border-radius: 6px; padding: 0 .9rem .35rem; margin: .9rem 0 0; }
.box h3 { margin-top: .5rem; }
.box dl.facts { columns: 2 18rem; column-gap: 1.5rem; }
.box dl.facts > div { break-inside: avoid; }
.box dt { flex-basis: 7.5rem; }
.box code { overflow-wrap: anywhere; }
#${PART_IDS.summary} h2 { margin-top: .6rem; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .part + .part { break-before: page; }
  #${PART_IDS.summary} { font-size: 9pt; line-height: 1.3; }
  #${PART_IDS.summary} h1 { font-size: 1.55em; }
  #${PART_IDS.summary} h3 { margin: .5rem 0 .2rem; }
  #${PART_IDS.summary} dt { flex-basis: 7.5rem; }
  #${PART_IDS.summary} dl.facts > div { padding: .05rem 0; }
  #${PART_IDS.summary} table { margin-bottom: .3rem; }
  #${PART_IDS.summary} th, #${PART_IDS.summary} td { padding: .15rem .35rem; }
  #${PART_IDS.summary} tbody th { width: 7.5rem; }
  .box { padding-bottom: .2rem; }
  .box dt { flex-basis: 6rem; }
  h2, h3 { break-after: avoid; }
  tr, dl.facts > div, .box { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

function pageStyle(pageNumbers: string | undefined): string {
    const footer = pageNumbers !== undefined
        ? ` @bottom-right { content: ${pageCounterContent(pageNumbers)}; font: 9pt system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #474747; }`
        : '';
    return `@page { size: A4; margin: 14mm 16mm 16mm;${footer} }`;
}

/** The official plan document as an HTML page (`lang` from the language). */
export function renderPlanHtml(model: PlanModel, options: PlanHtmlOptions = {}): string {
    const language = options.language ?? 'sv';
    const t = docTexts(language);
    const document = buildOfficialDocument(model, { language, revision: options.revision });
    return htmlPage({
        language,
        title: `${model.title} – ${t.documentKind}`,
        csp: "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'",
        meta: [
            ['suplan-plan-version', model.governance.version ?? ''],
            ...(options.revision ? [['suplan-commit', options.revision.commit] as const] : []),
        ],
        style: `${STYLE}${pageStyle(options.pageNumbers === false ? undefined : t.pageOf)}\n`,
        body: `<main>\n${renderHtmlBody(document)}\n</main>`,
    });
}
