/**
 * Renders the document model (../plan-document/document.ts) as Markdown: CommonMark with GitHub
 * tables. Every piece of text goes through the Markdown escaping of src/text/markdown-escape.ts.
 */
import { mdCell, mdCode, mdLineStart, mdTable, mdText } from '../../text/markdown-escape.js';
import type { Block, Inlines, PlanDocumentModel } from '../plan-document/document.js';

function inline(text: Inlines): string {
    return text.map(part => typeof part === 'string' ? mdText(part)
        : 'code' in part ? mdCode(part.code)
            : 'strong' in part ? `**${inline(part.strong)}**`
                : `*${inline(part.em)}*`).join('');
}

/** A table cell: plain text is trimmed (an empty cell stays readable); anything else as running text. */
function cell(text: Inlines): string {
    if (text.length === 0) return ' ';
    const only = text[0];
    return text.length === 1 && typeof only === 'string' ? mdCell(only) : inline(text);
}

function block(b: Block): string[] {
    switch (b.kind) {
        case 'heading': return [`${'#'.repeat(b.level)} ${inline(b.text)}`];
        case 'paragraph': return [mdLineStart(inline(b.text))];
        case 'facts': return [b.items.map(item => `- **${mdText(item.name)}:** ${inline(item.value)}`).join('\n')];
        case 'table': return [mdTable(b.header.map(h => mdCell(h)), b.rows.map(row => row.map(cell)))];
        case 'group': return b.blocks.flatMap(block);
    }
}

/** The document as Markdown: the title as the one first-level heading, then every part's blocks. */
export function renderMarkdown(document: PlanDocumentModel): string {
    const blocks = [`# ${mdText(document.title)}`, ...document.parts.flatMap(part => part.blocks.flatMap(block))];
    return blocks.join('\n\n') + '\n';
}
