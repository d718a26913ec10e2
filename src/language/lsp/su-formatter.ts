import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/**
 * The document formatter of both languages. The examples under `examples/` are the house style:
 *
 * - 4 spaces per block depth (whatever the editor's tab settings say); `{` on the line of
 *   its header after one space, `}` on a line of its own, one element per line inside a block;
 * - single spaces between the tokens of a line, except `bbic.kön`, `18..99` (a range, while a
 *   period is written `2024-01-01 .. 2024-12-31`), `-1`, `a, b`, `medel(a, b)` and an analysis's
 *   `f1 "Titel": frekvens x` (a variable keeps its space: `lokal x "X" : antal`);
 * - a line break that the author put inside an element is kept as a continuation line, one unit
 *   deeper than the element, or two units when the element's own block still follows (so that the
 *   header stays apart from the block's content, as in `frågegrupp ... :` in the examples);
 * - code lists and table rows (`{ 1 "Ja" 2 "Nej" }`, `tabell`, `kolumn`, `fördjupa`, `klassa`)
 *   are grids: written on one line they stay on one line; written over several lines, the rows
 *   the author chose are kept, and so is the alignment between the elements of a row;
 * - blank lines between elements and comments are kept, at most one;
 * - comments stay where they are: a comment after code stays on that line, a comment on a line
 *   of its own is indented with the code it stands before (the block's content before a `}`);
 *   the lines of a block comment move with its first line;
 * - no trailing whitespace, and the file ends with one line break.
 *
 * Langium's `prepend`/`append` formattings cannot express "keep the author's line break here, as a
 * continuation line", grid rows or the indentation of comments before a `}`, so this formatter
 * overrides `doDocumentFormat`: `format(node)` records each node's block and the tokens that
 * start its elements, and a single pass over the tokens lays out every gap.
 *
 * The layout is decided per gap between two tokens, which is what makes the formatter
 * idempotent: a decision depends only on the tokens, on whether the author broke the line there
 * and on whether a grid's braces enclose a line break, and the formatter's output keeps all three.
 *
 * Like Langium's formatters, a document with syntax errors is not formatted; range formatting
 * works up to the first error. Only whitespace is ever changed: a gap between two tokens that is
 * not whitespace (a token the parser skipped) stops the formatting there, and an output whose
 * non-whitespace text differs from the input is thrown away.
 */
abstract class SuFormatter extends AbstractFormatter {
    private rules = new LayoutRules(EMPTY_TABLE);

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value;
        if (!root.$cstNode) return [];
        // The layout of a range depends on the blocks around it, so the rules are collected for
        // the whole document; `range` only selects the edits.
        const table = new TokenTable(document.textDocument.getText(), root.$cstNode);
        if (table.code.length === 0) return [];
        this.rules = new LayoutRules(table);
        this.format(root);
        for (const node of AstUtils.streamAllContents(root)) this.format(node);
        // The house style is four spaces, whatever the editor's tab settings (Neovim's and Emacs's
        // defaults would turn every indented line into tabs); tabs already in the text count as 4.
        const edits = new LayoutEngine(document, table, this.rules, { ...options, tabSize: 4, insertSpaces: true }).edits();
        return edits.filter(edit => !range || insideLines(edit, range)).map(({ range, newText }) => ({ range, newText }));
    }

    /** Records the block of `node`, if it has one, and the tokens that start its elements. */
    protected format(node: AstNode): void {
        const rules = this.rules;
        const braces = rules.table.braces.get(node);
        if (braces?.open === undefined) return;
        const open = braces.open;
        // A block that a syntax error cut off runs to the end of what can be formatted.
        const tokens = rules.table.tokens;
        const close = braces.close ?? tokens.length;
        if (close <= open) return;
        const grid = GRID_BLOCKS.has(node.$type);
        const multiLine = !grid || rules.table.text.slice(tokens[open].end, tokens[close]?.offset).includes('\n');
        const block: Block = { open, close, grid, multiLine };
        rules.opens.set(open, block);
        rules.closes.set(close, block);
        if (!multiLine) return;
        const inside = (index: number | undefined): index is number => index !== undefined && index > open && index < close;
        for (const child of AstUtils.streamContents(node)) {
            if (child.$containerIndex === undefined || !child.$cstNode) continue;
            const first = rules.table.byOffset.get(child.$cstNode.offset);
            if (inside(first)) rules.elementStarts.set(first, block);
        }
        for (const clause of rules.table.clauses.get(node) ?? []) {
            if (inside(clause)) rules.elementStarts.set(clause, block);
        }
    }
}

/** Formats plans (`*.suplan`). */
export class SuPlanFormatter extends SuFormatter {}

/** Formats catalogues (`*.sucat`) by the same rules as plans. */
export class SuCatFormatter extends SuFormatter {}

// ---------------------------------------------------------------- tokens and rules

/** Blocks whose elements are short data (codes, rows): several may share a line. */
const GRID_BLOCKS: ReadonlySet<string> = new Set([
    ast.CodeListSet.$type, ast.NamedValueSet.$type, ast.ChoiceType.$type, ast.MultiChoiceType.$type, ast.ScaleType.$type,
    ast.ClassifyExpression.$type, ast.UseVariable.$type, ast.ReferenceTable.$type, ast.ColumnMapping.$type,
]);

/** Keywords that start an element of a block whose elements are clauses rather than nodes. */
const CLAUSE_KEYWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
    [ast.Catalogue.$type, ['beskrivning']],
    [ast.CatalogueVariable.$type, ['etikett', 'värdemängd', 'kommentar', 'processteg', 'nationell', 'ersätter']],
    [ast.TargetGroup.$type, ['inkludera', 'exkludera', 'ålder', 'förväntat']],
    [ast.Privacy.$type, ['minsta', 'rättslig', 'lagring', 'personuppgiftsansvarig', 'gallring', 'konsekvensbedömning', 'pseudonymisering', 'sekundär']],
    [ast.Extract.$type, ['fil', 'nyckel']],
    [ast.ItemGroup.$type, ['index']],
].map(([type, keywords]) => [type as string, new Set(keywords)]));

/** A token of the document: code, or a comment. */
interface Token {
    readonly offset: number;
    readonly end: number;
    readonly text: string;
    /** The line the token starts on. */
    readonly line: number;
    readonly comment: 'line' | 'block' | undefined;
    /** The keyword the token is, if it is one. */
    readonly keyword: string | undefined;
    /** The AST node the token belongs to. */
    readonly node: AstNode;
}

/** The tokens of a document, and what the rules need to know about them. */
class TokenTable {
    readonly tokens: Token[] = [];
    /** Indices of the code tokens (not comments). */
    readonly code: number[] = [];
    /** Code token index by offset. */
    readonly byOffset = new Map<number, number>();
    /** The first `{` and `}` that each node has in its own syntax (not in its children's). */
    readonly braces = new Map<AstNode, { open?: number; close?: number }>();
    /** The clause keywords of each node (see CLAUSE_KEYWORDS). */
    readonly clauses = new Map<AstNode, number[]>();

    constructor(readonly text: string, root?: CstNode) {
        if (!root) return;
        const leaves = CstUtils.streamCst(root).filter(n => isLeafCstNode(n) && n.length > 0 && n.text.trim().length > 0).toArray().sort((a, b) => a.offset - b.offset);
        let end = 0;
        for (const leaf of leaves) {
            // Stop at a gap that is not whitespace (a token the parser did not keep).
            if (leaf.offset < end || text.slice(end, leaf.offset).trim().length > 0) break;
            end = leaf.end;
            this.add(leaf);
        }
    }

    private add(leaf: CstNode): void {
        const index = this.tokens.length;
        const leafText = leaf.text;
        const comment = leaf.hidden ? (leafText.startsWith('//') ? 'line' : 'block') : undefined;
        const keyword = !comment && GrammarAST.isKeyword(leaf.grammarSource) ? leafText : undefined;
        const node = leaf.astNode;
        this.tokens.push({ offset: leaf.offset, end: leaf.end, text: leafText, line: leaf.range.start.line, comment, keyword, node });
        if (comment) return;
        this.code.push(index);
        this.byOffset.set(leaf.offset, index);
        if (keyword === '{' || keyword === '}') {
            const braces = this.braces.get(node) ?? {};
            if (keyword === '{') braces.open ??= index;
            else braces.close ??= index;
            this.braces.set(node, braces);
        } else if (keyword && CLAUSE_KEYWORDS.get(node.$type)?.has(keyword) && ruleOf(leaf) === node.$type) {
            const clauses = this.clauses.get(node) ?? [];
            clauses.push(index);
            this.clauses.set(node, clauses);
        }
    }
}

const EMPTY_TABLE = new TokenTable('');

interface Block {
    /** Token indices of the braces. */
    readonly open: number;
    readonly close: number;
    /** Code lists and table rows: several elements may share a line. */
    readonly grid: boolean;
    /** `{` ends its line, each element starts a line (a grid: each row), `}` stands alone. */
    readonly multiLine: boolean;
}

/** Blocks and element starts by token index. */
class LayoutRules {
    readonly opens = new Map<number, Block>();
    readonly closes = new Map<number, Block>();
    /** The first token of each element of a multi-line block, with that block. */
    readonly elementStarts = new Map<number, Block>();

    constructor(readonly table: TokenTable) {}
}

/** The parser rule a keyword is written in. */
function ruleOf(leaf: CstNode): string | undefined {
    const source = leaf.grammarSource;
    return source ? AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name : undefined;
}

/** Tokens written without a space between them. */
function glued(a: Token, b: Token): boolean {
    if (b.keyword === ',' || b.keyword === ')' || b.keyword === '(' || a.keyword === '(') return true;
    if (a.keyword === '.' || b.keyword === '.') return true; // a qualified name
    // A rounding step with a decimal comma, `avrundning 0,5`, is one number.
    if (a.keyword === ',' && a.node === b.node && (ast.isRoundingOption(a.node) || ast.isPlanRounding(a.node))) return true;
    if (a.keyword === '-') return true; // the sign of a number
    if ((a.keyword === '..' && a.node.$type === ast.Range.$type) || (b.keyword === '..' && b.node.$type === ast.Range.$type)) return true;
    return b.keyword === ':' && b.node.$type === ast.Analysis.$type;
}

/** A text edit, with the line of the token it belongs to (for range formatting). */
type OwnedEdit = TextEdit & { owner: number };

/** Whether an edit belongs to the lines of `range` (a range ending at a line's start stops before it). */
function insideLines(edit: OwnedEdit, range: Range): boolean {
    const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    return edit.owner >= range.start.line && edit.owner <= last;
}

// ---------------------------------------------------------------- layout

/** One level of block nesting: the root, or a multi-line block. */
interface Frame {
    readonly block: Block | undefined;
    /** Indentation of the block's elements. */
    readonly interior: number;
    /** Indentation of the block's `}`. */
    readonly closeIndent: number;
    /** The first token of the element being laid out. */
    element: number | undefined;
}

/** How the gap before a code token is laid out. */
type Gap =
    /** On a new line (blank lines kept, at most one). `comments`: indentation of comments on lines of their own. */
    | { readonly kind: 'break'; readonly indent: number; readonly comments: number }
    /** A grid element: on a new line if the author put it there, else after the spaces the author wrote. */
    | { readonly kind: 'row'; readonly indent: number }
    /** Inside an element: on the same line, or on a continuation line if the author broke it there. */
    | { readonly kind: 'inline'; readonly continuation: number };

class LayoutEngine {
    private readonly text: string;
    private readonly tokens: readonly Token[];
    private readonly eol: string;
    private readonly unit: string;
    /** Per element (its first token): the offset of the last multi-line block it opens itself. */
    private readonly lastOwnOpen = new Map<number | undefined, number>();
    private stack: Frame[] = [];
    private readonly output: string[] = [];
    private lineTail = '';
    private readonly result: OwnedEdit[] = [];

    constructor(private readonly document: LangiumDocument, private readonly table: TokenTable, private readonly rules: LayoutRules, private readonly options: FormattingOptions) {
        this.text = table.text;
        this.tokens = table.tokens;
        this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
        this.unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
    }

    edits(): OwnedEdit[] {
        const code = this.table.code;
        this.measureElements(code);
        this.stack = [{ block: undefined, interior: 0, closeIndent: 0, element: code[0] }];
        let previous: number | undefined;
        let previousCode: number | undefined;
        let previousOwnLine = false;
        let index = 0;
        for (const next of [...code, undefined]) {
            const gap = next === undefined ? undefined : this.gapBefore(next, previousCode);
            for (; index < this.tokens.length && index !== next; index++) {
                const space = this.spaceBeforeComment(index, previous, gap);
                previousOwnLine = previous === undefined || space.includes('\n');
                this.emitGap(previous, index, space);
                this.emitComment(index);
                previous = index;
            }
            if (next === undefined || !gap) break;
            index++;
            this.emitGap(previous, next, this.spaceBefore(next, previous, gap, previousOwnLine));
            this.write(this.tokens[next].text);
            this.enter(next);
            previous = previousCode = next;
        }
        const end = previous === undefined ? 0 : this.tokens[previous].end;
        if (previous !== undefined && this.text.slice(end).trim().length === 0) this.emitGap(previous, undefined, this.eol);
        // Whitespace is all a formatter may change.
        const before = this.text.slice(0, end).replace(/\s+/g, '');
        const after = this.output.join('').replace(/\s+/g, '');
        return before === after ? this.result : [];
    }

    /** Walks the code once to find, for each element, where its last own multi-line block opens. */
    private measureElements(code: readonly number[]): void {
        this.stack = [{ block: undefined, interior: 0, closeIndent: 0, element: code[0] }];
        for (const token of code) {
            const frame = this.top();
            if (frame.block && this.rules.elementStarts.get(token) === frame.block) frame.element = token;
            if (this.rules.opens.get(token)?.multiLine) this.lastOwnOpen.set(frame.element, token);
            this.enter(token);
        }
    }

    private top(): Frame {
        return this.stack[this.stack.length - 1];
    }

    /** Updates the nesting after `token`. */
    private enter(token: number): void {
        const frame = this.top();
        if (frame.block && this.rules.elementStarts.get(token) === frame.block) frame.element = token;
        const open = this.rules.opens.get(token);
        if (open?.multiLine) {
            const elementIndent = frame.block ? frame.interior : 0;
            this.stack.push({ block: open, interior: elementIndent + 1, closeIndent: elementIndent, element: undefined });
        } else if (frame.block && this.rules.closes.get(token) === frame.block && this.stack.length > 1) {
            this.stack.pop();
        }
    }

    private gapBefore(token: number, previousCode: number | undefined): Gap {
        const frame = this.top();
        const block = frame.block;
        if (block && token === block.close) return { kind: 'break', indent: frame.closeIndent, comments: frame.interior };
        if (block && this.rules.elementStarts.get(token) === block) {
            const first = previousCode === undefined || previousCode === block.open;
            return block.grid && !first ? { kind: 'row', indent: frame.interior } : { kind: 'break', indent: frame.interior, comments: frame.interior };
        }
        if (previousCode === undefined) return { kind: 'break', indent: 0, comments: 0 };
        const elementIndent = block ? frame.interior : 0;
        const ownBlockFollows = token <= (this.lastOwnOpen.get(frame.element) ?? -1);
        return { kind: 'inline', continuation: elementIndent + (ownBlockFollows ? 2 : 1) };
    }

    /** A comment after code stays on its line; a comment on a line of its own is indented like the code it stands before. */
    private spaceBeforeComment(comment: number, previous: number | undefined, gap: Gap | undefined): string {
        if (previous === undefined) return '';
        const breaks = this.breaksBefore(comment, previous);
        if (breaks === 0 && this.tokens[previous].comment !== 'line') return ' ';
        const lines = Math.min(Math.max(breaks, 1), 2);
        if (!gap) return this.newLines(lines, 0);
        switch (gap.kind) {
            case 'break': return this.newLines(lines, gap.comments);
            case 'row': return this.newLines(lines, gap.indent);
            case 'inline': return this.newLines(1, gap.continuation);
        }
    }

    private spaceBefore(token: number, previous: number | undefined, gap: Gap, previousOwnLine: boolean): string {
        if (previous === undefined) return '';
        const before = this.tokens[previous];
        const breaks = this.breaksBefore(token, previous);
        switch (gap.kind) {
            case 'break': {
                // `/* note */ version "1"` on a line of its own stays together.
                const afterBlockComment = before.comment === 'block' && previousOwnLine && breaks === 0 && !this.rules.closes.has(token);
                return afterBlockComment ? ' ' : this.newLines(Math.min(Math.max(breaks, 1), 2), gap.indent);
            }
            case 'row': {
                if (breaks > 0 || before.comment === 'line') return this.newLines(Math.min(Math.max(breaks, 1), 2), gap.indent);
                if (before.comment) return ' ';
                const original = this.original(previous, token);
                return /^ +$/.test(original) ? original : ' ';
            }
            case 'inline':
                if (before.comment === 'line') return this.newLines(1, gap.continuation);
                if (before.comment) return breaks > 0 ? this.newLines(1, gap.continuation) : ' ';
                if (glued(before, this.tokens[token])) return '';
                if (breaks > 0 && !this.rules.opens.has(token)) return this.newLines(1, gap.continuation);
                return ' ';
        }
    }

    private breaksBefore(token: number, previous: number): number {
        return this.tokens[token].line - (this.tokens[previous].line + countBreaks(this.tokens[previous].text));
    }

    private original(previous: number | undefined, next: number | undefined): string {
        return this.text.slice(previous === undefined ? 0 : this.tokens[previous].end, next === undefined ? this.text.length : this.tokens[next].offset);
    }

    private newLines(count: number, indent: number): string {
        return this.eol.repeat(count) + this.unit.repeat(indent);
    }

    private emitGap(previous: number | undefined, next: number | undefined, space: string): void {
        const start = previous === undefined ? 0 : this.tokens[previous].end;
        const end = next === undefined ? this.text.length : this.tokens[next].offset;
        const old = this.text.slice(start, end);
        this.write(space);
        if (old === space) return;
        const lineOf = (offset: number) => this.document.textDocument.positionAt(offset).line;
        const owner = next === undefined ? lineOf(start) : this.tokens[next].line;
        const lineBreak = old.search(/\r?\n/);
        if (lineBreak > 0 && /^\r?\n/.test(space)) {
            // Trailing whitespace belongs to its own line, the rest to the next token's line.
            this.result.push({ range: this.range(start, start + lineBreak), newText: '', owner: lineOf(start) });
            if (old.slice(lineBreak) !== space) this.result.push({ range: this.range(start + lineBreak, end), newText: space, owner });
        } else {
            this.result.push({ range: this.range(start, end), newText: space, owner });
        }
    }

    /** A comment, without trailing whitespace; the lines of a block comment move with its first line. */
    private emitComment(index: number): void {
        const comment = this.tokens[index];
        let text = comment.text;
        if (comment.comment === 'line') {
            text = text.replace(/[ \t]+$/, '');
        } else {
            const lineStart = this.text.lastIndexOf('\n', comment.offset - 1) + 1;
            const shift = this.width(this.lineTail) - this.width(this.text.slice(lineStart, comment.offset));
            text = text.split('\n').map((line, i) => {
                const content = line.replace(/\s+$/, '');
                if (i === 0 || shift === 0 || content.length === 0) return content;
                const indentation = /^[ \t]*/.exec(content)?.[0] ?? '';
                return this.indentation(Math.max(0, this.width(indentation) + shift)) + content.slice(indentation.length);
            }).join('\n');
            if (this.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
        }
        if (text !== comment.text) {
            this.result.push({ range: this.range(comment.offset, comment.end), newText: text, owner: comment.line });
        }
        this.write(text);
    }

    private write(text: string): void {
        this.output.push(text);
        const lineBreak = text.lastIndexOf('\n');
        this.lineTail = lineBreak >= 0 ? text.slice(lineBreak + 1) : this.lineTail + text;
    }

    /** Visual width, a tab counting as one indentation unit. */
    private width(text: string): number {
        let width = 0;
        for (const char of text) width += char === '\t' ? this.options.tabSize : 1;
        return width;
    }

    private indentation(width: number): string {
        if (this.options.insertSpaces) return ' '.repeat(width);
        return '\t'.repeat(Math.floor(width / this.options.tabSize)) + ' '.repeat(width % this.options.tabSize);
    }

    private range(start: number, end: number): Range {
        return { start: this.document.textDocument.positionAt(start), end: this.document.textDocument.positionAt(end) };
    }
}

function countBreaks(text: string): number {
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    return count;
}
