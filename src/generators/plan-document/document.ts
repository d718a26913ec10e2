/**
 * The plan document as a small document model (parts, headings, paragraphs, fact lists, tables)
 * that the Markdown plan document (`markdown`) and the official plan document (`plan-html`,
 * `plan-pdf`) render. Text in it is plain: each renderer escapes it for its own format, so plan text
 * can hold any character.
 */

/** A piece of running text: plain text, an identifier (code), strong or emphasised text. */
export type Inline =
    | string
    | { readonly code: string }
    | { readonly strong: Inlines }
    | { readonly em: Inlines };

export type Inlines = readonly Inline[];

export type Block =
    | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: Inlines }
    | { readonly kind: 'paragraph'; readonly text: Inlines; readonly role?: 'lead' | 'note' }
    /** `name: value` pairs (a definition list in HTML, a bullet list in Markdown). */
    | { readonly kind: 'facts'; readonly items: ReadonlyArray<{ readonly name: string; readonly value: Inlines }> }
    /** A table with a header row; with `rowHeaders` the first cell of each row heads its row. */
    | { readonly kind: 'table'; readonly caption?: string; readonly header: readonly string[]; readonly rows: ReadonlyArray<readonly Inlines[]>; readonly rowHeaders?: boolean }
    /** Blocks that belong together (a box in HTML, e.g. the approval block); Markdown shows the blocks. */
    | { readonly kind: 'group'; readonly id: string; readonly blocks: readonly Block[] };

/** A part of the document; in HTML and print each part after the first starts on a new page. */
export interface DocumentPart {
    readonly id: string;
    readonly blocks: readonly Block[];
}

export interface PlanDocumentModel {
    readonly title: string;
    readonly parts: readonly DocumentPart[];
}

/** Inline pieces and lists of them, flattened into one list; undefined pieces are left out. */
export function inlines(...parts: ReadonlyArray<Inline | Inlines | undefined>): Inline[] {
    const out: Inline[] = [];
    for (const part of parts) {
        if (part === undefined) continue;
        if (Array.isArray(part)) out.push(...(part as Inlines));
        else out.push(part as Inline);
    }
    return out;
}

/** Lists joined with a separator: `join([a, b], ', ')` is `a, b`. */
export function join(items: readonly Inlines[], separator: string): Inline[] {
    return items.flatMap((item, i) => (i === 0 ? [...item] : [separator, ...item]));
}

/**
 * Fills `{0}`, `{1}`, … of a template with inline arguments: `fillInline('Andelen där {0} {1}.', [a, b])`.
 * The template is the document's own wording; the arguments may hold plan text and identifiers.
 */
export function fillInline(template: string, args: readonly Inlines[]): Inline[] {
    const out: Inline[] = [];
    let last = 0;
    for (const match of template.matchAll(/\{(\d+)\}/g)) {
        const index = match.index;
        if (index > last) out.push(template.slice(last, index));
        out.push(...(args[Number(match[1])] ?? []));
        last = index + match[0].length;
    }
    if (last < template.length) out.push(template.slice(last));
    return out;
}

/** The plain text of inline pieces (for a title attribute or a test). */
export function plainText(text: Inlines): string {
    return text.map(part => typeof part === 'string' ? part
        : 'code' in part ? part.code
            : 'strong' in part ? plainText(part.strong)
                : plainText(part.em)).join('');
}
