import { CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { forEachDescendant } from '../ast-walk.js';

/** The single-line comment terminal of both grammars. */
const LINE_COMMENT = 'SL_COMMENT';

interface Candidate {
    readonly range: FoldingRange;
    /** The node has a `{ … }` of its own (a block), rather than being a long list or statement. */
    readonly block: boolean;
}

/**
 * Folding for both languages: every block (`variabler { … }`, `målgrupp { … }`, the plan and the
 * catalogue themselves), statements that run over three lines or more, multi-line comments and
 * runs of two or more line comments. Several nodes often start on the same line
 * (`lokal x "X" : skala {` is a variable and a scale) and a client keeps one range per start line,
 * so this keeps the block there, else the longest range. Blocks fold up to the line before their `}`.
 */
export class SuFoldingRangeProvider extends DefaultFoldingRangeProvider {
    override getFoldingRanges(document: LangiumDocument): FoldingRange[] {
        const root = document.parseResult.value;
        const candidates: Candidate[] = [];
        const addNode = (node: AstNode): void => {
            const candidate = this.nodeRange(document, node);
            if (candidate) candidates.push(candidate);
        };
        addNode(root);
        forEachDescendant(root, addNode);

        const byStart = new Map<number, Candidate>();
        for (const candidate of candidates) {
            const existing = byStart.get(candidate.range.startLine);
            if (!existing || better(candidate, existing)) byStart.set(candidate.range.startLine, candidate);
        }
        const ranges = [...byStart.values()].map(c => c.range);
        const comments: FoldingRange[] = [];
        const acceptor: FoldingRangeAcceptor = range => comments.push(range);
        this.collectCommentFolding(document, root, acceptor);
        this.collectLineComments(document, comments);
        for (const comment of comments) {
            if (!byStart.has(comment.startLine)) {
                ranges.push(comment);
                byStart.set(comment.startLine, { range: comment, block: false });
            }
        }
        return ranges.sort((a, b) => a.startLine - b.startLine);
    }

    /** The node's range from its first to its last token (comments around it left out). */
    private nodeRange(document: LangiumDocument, node: AstNode): Candidate | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const tokens = CstUtils.flattenCst(cst).filter(leaf => !leaf.hidden).toArray();
        const first = tokens[0];
        const last = tokens[tokens.length - 1];
        if (!first || !last) return undefined;
        const startLine = first.range.start.line;
        const block = last.text === '}' && last.astNode === node && tokens.some(token => isOpeningBrace(token, node));
        // A block hides its content and keeps the closing `}` visible; a statement hides its last line too.
        const endLine = block ? last.range.start.line - 1 : last.range.end.line;
        if (last.range.end.line - startLine < 2 || endLine <= startLine) return undefined;
        const endCharacter = document.textDocument.getText({ start: { line: endLine, character: 0 }, end: { line: endLine + 1, character: 0 } })
            .replace(/\r?\n$/, '').length;
        return { range: FoldingRange.create(startLine, endLine, first.range.start.character, endCharacter), block };
    }

    /** Two or more consecutive lines that hold only a `//` comment. */
    private collectLineComments(document: LangiumDocument, accept: FoldingRange[]): void {
        const cst = document.parseResult.value.$cstNode;
        if (!cst) return;
        let start: number | undefined;
        let end = -1;
        const flush = (): void => {
            if (start !== undefined && end > start) accept.push(FoldingRange.create(start, end, undefined, undefined, FoldingRangeKind.Comment));
            start = undefined;
        };
        for (const leaf of CstUtils.flattenCst(cst)) {
            const comment = leaf.tokenType.name === LINE_COMMENT;
            if (!comment) {
                if (!leaf.hidden) flush();
                continue;
            }
            const line = leaf.range.start.line;
            const alone = startsLine(document, leaf);
            if (start !== undefined && alone && line === end + 1) {
                end = line;
            } else {
                flush();
                if (alone) {
                    start = line;
                    end = line;
                }
            }
        }
        flush();
    }
}

/** A block is preferred over a statement or list starting on the same line; then the longer range. */
function better(candidate: Candidate, existing: Candidate): boolean {
    if (candidate.block !== existing.block) return candidate.block;
    return candidate.range.endLine > existing.range.endLine;
}

/** A `{` of the node's own rule (not of a child's, such as the scale in `lokal x "X" : skala { … }`). */
function isOpeningBrace(token: CstNode, node: AstNode): boolean {
    return token.astNode === node && GrammarAST.isKeyword(token.grammarSource) && token.grammarSource.value === '{';
}

/** The comment is the first thing on its line. */
function startsLine(document: LangiumDocument, leaf: CstNode): boolean {
    const text = document.textDocument.getText({ start: { line: leaf.range.start.line, character: 0 }, end: leaf.range.start });
    return text.trim() === '';
}
