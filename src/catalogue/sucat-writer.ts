import type { CatalogueEntry, VariableEntry, VariableValueSet } from './model.js';
import { formatNumber } from './value-set-syntax.js';

/** Where each variable's block lies in the written text (1-based, inclusive). */
export interface VariableBlock {
    readonly id: string;
    readonly startLine: number;
    readonly endLine: number;
}

export interface WrittenCatalogue {
    readonly text: string;
    readonly blocks: readonly VariableBlock[];
}

const INDENT = '    ';

/** A `.sucat` string literal: `"` and `\` escaped, line breaks and tabs as `\n`, `\r`, `\t`. */
export function sucatString(text: string): string {
    const escaped = text.replace(/[\\"\n\r\t]/g, c => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c);
    return `"${escaped}"`;
}

function range(valueSet: { readonly range?: { readonly min: number; readonly max: number } }): string {
    return valueSet.range ? ` ${formatNumber(valueSet.range.min)}..${formatNumber(valueSet.range.max)}` : '';
}

/** A value set in `.sucat` syntax: `ja/nej`, `antal 0..100`, `{ 1 "Flicka" 2 "Pojke" }`, … */
export function sucatValueSet(valueSet: VariableValueSet): string {
    switch (valueSet.kind) {
        case 'date': return 'datum';
        case 'yesno': return 'ja/nej';
        case 'text': return 'text';
        case 'count': return `antal${range(valueSet)}`;
        case 'number': {
            const unit = valueSet.unit !== undefined ? ` enhet ${sucatString(valueSet.unit)}` : '';
            const decimals = valueSet.decimals !== undefined ? ` decimaler ${valueSet.decimals}` : '';
            return `tal${range(valueSet)}${unit}${decimals}`;
        }
        case 'codes': return `{ ${valueSet.codes.map(c => `${c.code} ${sucatString(c.label)}`).join(' ')} }`;
    }
}

/** `//` comment lines for a note or header (an empty line as a bare `//`). */
function commentLinesOf(text: string, indent: string): string[] {
    return text.split('\n').map(line => (line === '' ? `${indent}//` : `${indent}// ${line}`));
}

function variableLines(variable: VariableEntry): string[] {
    const lines = [`variabel ${variable.id} {`, `${INDENT}etikett ${sucatString(variable.label)}`, `${INDENT}värdemängd ${sucatValueSet(variable.valueSet)}`];
    if (variable.comment !== undefined) lines.push(`${INDENT}kommentar ${sucatString(variable.comment)}`);
    if (variable.processStep) lines.push(`${INDENT}processteg ${variable.processStep}`);
    if (variable.national) lines.push(`${INDENT}nationell statistik`);
    if (variable.replaces !== undefined) lines.push(`${INDENT}ersätter ${variable.replaces}`);
    lines.push('}');
    return lines;
}

/**
 * The catalogue as `.sucat` text in a stable layout: the header comment lines, the `katalog` line
 * with title, version and `utgiven`, `beskrivning`, then each variable (after a blank line and its
 * note as `//` lines when it has one) with one property per line, four spaces of indentation, LF
 * line endings, variables in the given order. Without a header, `source` names the file it came
 * from in a comment on the first line. The example catalogues are written in this layout, so that
 * `.sucat → xlsx → .sucat` gives the same bytes.
 */
export function writeSucat(catalogue: CatalogueEntry, source?: string): WrittenCatalogue {
    const lines: string[] = [];
    if (catalogue.header !== undefined) {
        lines.push(...commentLinesOf(catalogue.header, ''));
    } else if (source !== undefined) {
        lines.push(`// Importerad från ${source.replace(/[\r\n]+/g, ' ')} med suplan catalogue import.`);
    }
    const title = catalogue.title !== undefined ? ` ${sucatString(catalogue.title)}` : '';
    const published = catalogue.published !== undefined ? ` utgiven ${catalogue.published}` : '';
    lines.push(`katalog ${catalogue.name}${title} version ${sucatString(catalogue.version)}${published} {`);
    if (catalogue.description !== undefined) lines.push(`${INDENT}beskrivning ${sucatString(catalogue.description)}`);
    const blocks: VariableBlock[] = [];
    for (const variable of catalogue.variables) {
        // A note (a section heading, a remark) stands above its variable after a blank line.
        if (variable.note !== undefined) lines.push('', ...commentLinesOf(variable.note, INDENT));
        const own = variableLines(variable);
        blocks.push({ id: variable.id, startLine: lines.length + 1, endLine: lines.length + own.length });
        lines.push(...own.map(l => INDENT + l));
    }
    lines.push('}');
    return { text: `${lines.join('\n')}\n`, blocks };
}
