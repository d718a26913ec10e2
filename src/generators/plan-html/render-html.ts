/**
 * Renders the document model (../plan-document/document.ts) as HTML: each part a `<section>`,
 * fact lists as `<dl>`, tables with `<th scope>`. Every piece of text goes through `htmlText`.
 */
import { htmlAttribute, htmlText } from '../../text/html-escape.js';
import type { Block, Inlines, PlanDocumentModel } from '../plan-document/document.js';

/** Text with a no-break space before `%`, so that `80 %` never breaks across lines. */
function words(text: string): string {
    return htmlText(text).replace(/ %/g, '\u00a0%');
}

function inline(text: Inlines): string {
    return text.map(part => typeof part === 'string' ? words(part)
        : 'code' in part ? `<code>${htmlText(part.code)}</code>`
            : 'strong' in part ? `<strong>${inline(part.strong)}</strong>`
                : `<em>${inline(part.em)}</em>`).join('');
}

function table(b: Extract<Block, { kind: 'table' }>): string {
    const head = `<thead><tr>${b.header.map(h => `<th scope="col">${htmlText(h)}</th>`).join('')}</tr></thead>`;
    const rows = b.rows.map(row => `<tr>${b.header.map((_h, i) => {
        const cell = inline(row[i] ?? []);
        return i === 0 && b.rowHeaders ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`;
    }).join('')}</tr>`);
    const caption = b.caption !== undefined ? `<caption>${htmlText(b.caption)}</caption>` : '';
    return `<table>${caption}${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function block(b: Block): string {
    switch (b.kind) {
        case 'heading': return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
        case 'paragraph': return `<p${b.role ? ` class="${b.role}"` : ''}>${inline(b.text)}</p>`;
        case 'facts': return `<dl class="facts">\n${b.items.map(item => `<div><dt>${htmlText(item.name)}</dt><dd>${inline(item.value)}</dd></div>`).join('\n')}\n</dl>`;
        case 'table': return table(b);
        case 'group': return `<section class="box" id="${htmlAttribute(b.id)}">\n${b.blocks.map(block).join('\n')}\n</section>`;
    }
}

/** The document's parts as `<section>`s; the title is the first part's `<h1>`. */
export function renderHtmlBody(document: PlanDocumentModel): string {
    return document.parts.map((part, i) => [
        `<section class="part" id="${htmlAttribute(part.id)}">`,
        ...(i === 0 ? [`<h1>${htmlText(document.title)}</h1>`] : []),
        ...part.blocks.map(block),
        '</section>',
    ].join('\n')).join('\n');
}
