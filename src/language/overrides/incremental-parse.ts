import {
    GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type LeafCstNode,
    type ParseResult,
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { clearRangeCache, moveLeaf, placeLeaf, replaceComposite, resizeLeaf, setRootText, type Position } from './langium-internals.js';

/**
 * Incremental re-parsing. Langium re-parses a whole document on every keystroke, which for a plan of
 * 500 variables costs more than the editor's budget for diagnostics. Two cheaper updates of the
 * syntax tree are tried first, in place:
 *
 * 1. Token: the edit lies inside one string or comment and it stays one token of the same kind, or
 *    the edit only adds or removes whitespace between two tokens. The token's value is written into
 *    the AST and the positions of every later token are shifted.
 * 2. Element: the edit lies inside one element of a list (a variable, an analysis, a plan section …).
 *    That element's text is parsed alone with the rule that parsed it, and the new element replaces
 *    the old one, provided that it parses without errors and that the rule stops before the token
 *    that follows it (the parser itself is asked, shown the next few tokens of the document since its
 *    decisions may look further than one token, so an edit that would make the element swallow its
 *    neighbour is parsed in full). When the edit changes the element's first token, the element must
 *    follow a sibling in the same list, and the sibling, parsed with the new element after it, must
 *    stop where the new element starts; or be the first of a list that the grammar puts right after
 *    a keyword. The smallest enclosing element is tried first, then larger ones (a block such as
 *    `analyser { … }` is an element of the plan); a comment typed at an element's edge goes to a
 *    larger one. An element that ends with the closing keyword of its rule needs no second parse to
 *    ask about the next token, and all tries together parse at most one document's length.
 *
 * Anything else returns false and the caller parses the whole document. Documents with syntax
 * errors are always parsed again. Both updates are checked against a full parse by
 * test/language/incremental-parse.test.ts, which applies thousands of random edits to every example.
 */
export function tryIncrementalUpdate(services: LangiumServices, parseResult: ParseResult<AstNode>, newText: string): boolean {
    const root = parseResult.value.$cstNode?.root;
    if (!root || hasErrors(parseResult)) return false;
    const oldText = root.fullText;
    const change = changedRegion(oldText, newText);
    if (!change) return true;

    const leaves = leavesOf(root);
    const index = leafIndexAt(leaves, change.start);
    let edited: number | undefined;
    if (index < leaves.length && leaves[index].offset < change.start && change.oldEnd < leaves[index].end) edited = index;
    else if (index > 0 && endOfLineComment(leaves[index - 1], change, newText)) edited = index - 1;
    else if (index < leaves.length && endOfLineComment(leaves[index], change, newText)) edited = index;
    const token = edited !== undefined
        ? sameToken(services, leaves[edited], newText.slice(leaves[edited].offset, leaves[edited].end + change.delta))
        : whitespaceOnly(oldText, newText, change, leaves, index);
    if (!token) return replaceElement(services, root, leaves, oldText, newText, change);

    // Commit: from here on the tree is changed; nothing may fail.
    const from = leaves[edited ?? index - 1];
    const oldEnd = positionAfter(oldText, from, change.oldEnd);
    const newEnd = positionAfter(newText, from, change.newEnd);
    const shift = (line: number, character: number): [number, number] => shiftPosition(line, character, oldEnd, newEnd);
    for (let i = edited === undefined ? index : edited + 1; i < leaves.length; i++) moveLeaf(leaves[i], change.delta, shift);
    setRootText(root, newText);
    if (edited !== undefined) {
        const leaf = leaves[edited];
        resizeLeaf(leaf, change.delta, shift);
        if (!leaf.hidden) assignValue(services, leaf);
    }
    clearRangeCaches(root, change.start);
    return true;
}

/**
 * Tokens whose end does not depend on the text after them: a string ends at its closing quote, a
 * comment at `*\/` or the line break. A number or a name could run on into what follows
 * (`20` + `20` before `-01-01` is a date), so edits to those are parsed again.
 */
const DELIMITED = new Set(['STRING', 'ML_COMMENT', 'SL_COMMENT']);

/** At most this many enclosing elements are parsed alone before the whole document is. */
const MAX_ELEMENT_TRIES = 4;

/**
 * The element update (see the file comment). Returns false, with the tree untouched, when no
 * enclosing element can be parsed alone in place of the old one.
 */
function replaceElement(services: LangiumServices, root: CstNode, leaves: readonly LeafCstNode[], oldText: string, newText: string, change: Change): boolean {
    const parser = services.parser.LangiumParser;
    let tries = 0;
    let spent = 0;
    // The token the edit is in, or the one it extends (typing at the end of a name).
    const at = leafIndexAt(leaves, change.start);
    const start = at > 0 && leaves[at - 1].end === change.start ? at - 1 : Math.min(at, leaves.length - 1);
    for (let cst = leaves[start]?.container; cst && tries < MAX_ELEMENT_TRIES; cst = cst.container) {
        const candidate = elementOf(cst);
        if (!candidate) continue;
        const { node, rule } = candidate;
        const firstIndex = leafIndexAt(leaves, cst.offset);
        const first = leaves[firstIndex];
        const lastIndex = leafIndexAt(leaves, cst.end - 1);
        const last = leaves[lastIndex];
        if (!first || !last || first.hidden || last.hidden || change.start < first.offset || change.oldEnd > last.end) continue;
        if (edgeLeaf(cst, 0) !== first || edgeLeaf(cst, -1) !== last) continue; // a comment at either end
        if (!isSpace(oldText.charCodeAt(first.offset - 1)) || !isSpace(oldText.charCodeAt(last.end))) continue;
        if (last.end - first.offset > oldText.length / 2) return false;
        // When the element's first token changes, the list decided on it: only within a list, after a sibling.
        // (Typing right after the first token changes it too: `a1` → `a10`.)
        const firstChanged = change.start <= first.end;
        const previous = firstChanged ? previousSibling(leaves, firstIndex, node) : undefined;
        if (firstChanged && !previous && !firstAfterKeyword(leaves, firstIndex, node)) continue;
        tries++;
        const text = newText.slice(first.offset, last.end + change.delta);
        // All tries together parse at most as much text as the whole document: a miss costs at most twice a full parse.
        spent += text.length;
        if (spent > newText.length) return false;
        const parsed = parser.parse(text, { rule });
        if (hasErrors(parsed) || !parsed.value.$cstNode) continue;
        // A comment typed at either end would hang inside the element here, but beside it in the document.
        if (edgeLeaf(parsed.value.$cstNode, 0)?.hidden !== false || edgeLeaf(parsed.value.$cstNode, -1)?.hidden !== false) continue;
        // Would the rule, in the document, go on into the token after the element? Ask the parser.
        // The parser may look further than one token to decide (`- b` after an element whose rule may
        // end in `'-' ID`), so it is shown the tokens that follow, as they stand in the document.
        const next = nextVisible(leaves, lastIndex + 1);
        const after = oldText.slice(last.end, lookaheadEnd(leaves, lastIndex + 1));
        if (next && !endsWithClosingKeyword(parsed.value.$cstNode)) {
            spent += text.length; // (the few tokens after it are not counted)
            if (spent > newText.length || !stopsBefore(parser.parse(text + after, { rule }), text.length + next.offset - last.end)) continue;
        }
        // Would the sibling before it go on into the element's new first token?
        if (previous) {
            const before = oldText.slice(previous.offset, first.offset);
            if (!stopsBefore(parser.parse(before + text + after, { rule: previous.rule }), before.length)) continue;
        }
        splice(root, leaves, oldText, newText, change, { node, cst, first, firstIndex, lastIndex, replacement: parsed.value });
        return true;
    }
    return false;
}

/**
 * The element's last token is a keyword after which its rule has nothing left to read (`'}'` in
 * `'analyser' '{' … '}'`, reached through `PlanElement: … | Analyses | …`): the rule cannot go on
 * into the next token, which spares parsing a large element a second time to ask.
 */
function endsWithClosingKeyword(parsed: CstNode): boolean {
    const last = edgeLeaf(parsed, -1);
    let element: GrammarAST.AbstractElement | undefined = last?.grammarSource;
    if (!last || !GrammarAST.isKeyword(element)) return false;
    for (let node = last.container; ; node = node.container) {
        if (!endsItsRule(element)) return false;
        if (!node || node === parsed) return true;
        const source = node.grammarSource;
        if (!GrammarAST.isRuleCall(source)) return false;
        element = source;
    }
}

/** Nothing in its rule can follow `element` once it has been read: it is last in every group around it and none of them repeats. */
function endsItsRule(element: GrammarAST.AbstractElement): boolean {
    for (let current: AstNode = element; !GrammarAST.isParserRule(current); current = current.$container!) {
        if (!current.$container) return false;
        if (GrammarAST.isAbstractElement(current) && (current.cardinality === '*' || current.cardinality === '+')) return false;
        const container = current.$container;
        if (GrammarAST.isGroup(container) && container.elements[container.elements.length - 1] !== current) return false;
        if (GrammarAST.isUnorderedGroup(container)) return false;
    }
    return true;
}

/** Tokens after an element that the parser is shown when asked whether the element's rule stops there. */
const LOOKAHEAD_TOKENS = 8;

/** The end of the `LOOKAHEAD_TOKENS`-th token (not counting comments) from `from` on, or of the last one. */
function lookaheadEnd(leaves: readonly LeafCstNode[], from: number): number {
    let seen = 0;
    let end = from > 0 ? leaves[from - 1].end : 0;
    for (let i = from; i < leaves.length && seen < LOOKAHEAD_TOKENS; i++) {
        end = leaves[i].end;
        if (!leaves[i].hidden) seen++;
    }
    return end;
}

/** The first token after `from` that is not a comment. */
function nextVisible(leaves: readonly LeafCstNode[], from: number): LeafCstNode | undefined {
    for (let i = from; i < leaves.length; i++) if (!leaves[i].hidden) return leaves[i];
    return undefined;
}

/**
 * The parse stopped, with no other error, exactly at `offset`: the rule did not go on into what
 * follows. Chevrotain says so either as "not all input parsed" or, when the rule ends in an optional
 * part, as a mismatch expecting the end of input at that token. (A rule that went on would have
 * consumed the token at `offset`; its error, if any, would come later.)
 */
function stopsBefore(result: ParseResult<AstNode>, offset: number): boolean {
    const errors = result.parserErrors;
    if (result.lexerErrors.length > 0 || errors.length !== 1 || errors[0].token.startOffset !== offset) return false;
    return errors[0].name === 'NotAllInputParsedException' || errors[0].name === 'MismatchedTokenException';
}

/**
 * The element right before `node` in the same list (`node.$containerIndex - 1`), ending at the token
 * before the one at `firstIndex`, with where it starts and its rule; undefined when there is none.
 */
function previousSibling(leaves: readonly LeafCstNode[], firstIndex: number, node: AstNode): { offset: number; rule: string } | undefined {
    let index = firstIndex - 1;
    while (index >= 0 && leaves[index].hidden) index--;
    if (index < 0) return undefined;
    const lastOfPrevious = leaves[index];
    for (let cst = lastOfPrevious.container; cst; cst = cst.container) {
        const candidate = elementOf(cst);
        if (!candidate) continue;
        const sibling = candidate.node;
        if (sibling.$container !== node.$container || sibling.$containerProperty !== node.$containerProperty || sibling.$containerIndex !== node.$containerIndex! - 1) continue;
        const firstOfPrevious = edgeLeaf(cst, 0);
        if (edgeLeaf(cst, -1) !== lastOfPrevious || !firstOfPrevious || firstOfPrevious.hidden) return undefined;
        return { offset: firstOfPrevious.offset, rule: candidate.rule };
    }
    return undefined;
}

/**
 * The first element of a list that the grammar puts right after a keyword (`'{' analyses+=Analysis*`,
 * `'vid' points+=PointRef …`): nothing between the keyword and the list is decided by looking at the
 * element, so only the list's own "one more or done" decision sees its new first token.
 */
function firstAfterKeyword(leaves: readonly LeafCstNode[], firstIndex: number, node: AstNode): boolean {
    if (node.$containerIndex !== 0) return false;
    let index = firstIndex - 1;
    while (index >= 0 && leaves[index].hidden) index--;
    const keyword = index >= 0 ? leaves[index].grammarSource : undefined;
    if (!GrammarAST.isKeyword(keyword) || leaves[index].container !== node.$cstNode?.container) return false;
    const group: AstNode | undefined = keyword.$container;
    if (!GrammarAST.isGroup(group)) return false;
    const next = group.elements[group.elements.indexOf(keyword) + 1];
    return GrammarAST.isAssignment(next) && next.operator === '+=' && next.feature === node.$containerProperty;
}

/** A CST node that is an element of a list in its AST container, and the rule that parses it alone. */
function elementOf(cst: CstNode): { node: AstNode; rule: string } | undefined {
    if (!isCompositeCstNode(cst) || !cst.container) return undefined;
    const node = cst.astNode;
    if (node.$cstNode !== cst || node.$containerIndex === undefined || !node.$container) return undefined;
    const source = cst.grammarSource;
    const rule = GrammarAST.isRuleCall(source) ? source.rule.ref : undefined;
    if (!GrammarAST.isParserRule(rule) || rule.fragment || GrammarUtils.isDataTypeRule(rule)) return undefined;
    return { node, rule: rule.name };
}

/** The first (0) or last (-1) token of a CST node, comments included. */
function edgeLeaf(node: CstNode, end: 0 | -1): LeafCstNode | undefined {
    let current: CstNode | undefined = node;
    while (current && isCompositeCstNode(current)) current = end === 0 ? current.content[0] : current.content[current.content.length - 1];
    return current && isLeafCstNode(current) ? current : undefined;
}

function isSpace(code: number): boolean {
    return code === 32 || code === 9 || code === 10 || code === 13;
}

interface Replacement {
    readonly node: AstNode;
    readonly cst: CstNode;
    readonly first: LeafCstNode;
    readonly firstIndex: number;
    readonly lastIndex: number;
    readonly replacement: AstNode;
}

/** Puts the element parsed alone in place of the old one, in the AST and the CST, and shifts what follows. */
function splice(root: CstNode, leaves: readonly LeafCstNode[], oldText: string, newText: string, change: Change, element: Replacement): void {
    const { node, cst, first, firstIndex, lastIndex, replacement } = element;
    // The new element's CST: a composite under the old one's parent, its tokens moved to where the element starts.
    const parsedRoot = replacement.$cstNode as CompositeCstNode;
    const composite = replaceComposite(cst, parsedRoot.content, replacement);
    const added = allLeaves(composite);
    for (const leaf of added) placeLeaf(leaf, first.offset, first.range.start);
    (replacement as { $cstNode?: CstNode }).$cstNode = composite;

    // The new element in the AST, where the old one was.
    const container = node.$container!;
    const property = node.$containerProperty!;
    const index = node.$containerIndex!;
    ((container as unknown as Record<string, unknown>)[property] as AstNode[])[index] = replacement;
    Object.assign(replacement, { $container: container, $containerProperty: property, $containerIndex: index });

    // Every token after the element moves.
    const last = leaves[lastIndex];
    const oldEnd = positionAfter(oldText, first, last.end);
    const newEnd = positionAfter(newText, first, last.end + change.delta);
    const shift = (line: number, character: number): [number, number] => shiftPosition(line, character, oldEnd, newEnd);
    for (let i = lastIndex + 1; i < leaves.length; i++) moveLeaf(leaves[i], change.delta, shift);
    setRootText(root, newText);
    clearRangeCaches(root, change.start);
    // The remembered token list (see `leavesOf`) gets the new element's tokens in place of the old ones.
    if (added.length > 10_000) leafLists.delete(root); // collected again next time rather than spread into splice
    else (leaves as LeafCstNode[]).splice(firstIndex, lastIndex - firstIndex + 1, ...added);
}

/** A position after an edit that ended at `oldEnd` and now ends at `newEnd`. */
function shiftPosition(line: number, character: number, oldEnd: Position, newEnd: Position): [number, number] {
    return line === oldEnd.line ? [newEnd.line, newEnd.character + character - oldEnd.character] : [line + newEnd.line - oldEnd.line, character];
}

interface Change {
    /** First changed offset (same in both texts). */
    readonly start: number;
    /** End of the replaced text in the old text. */
    readonly oldEnd: number;
    /** End of the inserted text in the new text. */
    readonly newEnd: number;
    readonly delta: number;
}

function hasErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

/** Typing at the end of a `//` comment: the comment still runs to the line break. */
function endOfLineComment(leaf: LeafCstNode, change: Change, newText: string): boolean {
    if (leaf.tokenType.name !== 'SL_COMMENT' || change.start < leaf.offset + 2 || change.oldEnd > leaf.end) return false;
    const after = leaf.end + change.delta;
    return after === newText.length || /[\r\n]/.test(newText.charAt(after));
}

/** The smallest region that differs: common prefix and suffix removed; undefined when equal. */
function changedRegion(oldText: string, newText: string): Change | undefined {
    if (oldText === newText) return undefined;
    const shorter = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let suffix = 0;
    while (suffix < shorter - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix, delta: newText.length - oldText.length };
}

/**
 * The tokens of a document's tree in order, remembered per tree: an in-place update keeps the same
 * token objects (their positions change in place) and `splice` swaps in a new element's tokens,
 * so the list stays right and need not be collected again at the next keystroke.
 */
const leafLists = new WeakMap<CstNode, LeafCstNode[]>();

function leavesOf(root: CstNode): readonly LeafCstNode[] {
    let leaves = leafLists.get(root);
    if (!leaves) leafLists.set(root, leaves = allLeaves(root));
    return leaves;
}

/** Every token of the tree, hidden ones (comments) included, in text order. */
function allLeaves(root: CstNode): LeafCstNode[] {
    const leaves: LeafCstNode[] = [];
    const visit = (node: CstNode): void => {
        if (isLeafCstNode(node)) leaves.push(node);
        else if (isCompositeCstNode(node)) for (const child of node.content) visit(child);
    };
    visit(root);
    return leaves;
}

/** The index of the first token that ends after `offset` (binary search; tokens do not overlap). */
function leafIndexAt(leaves: readonly LeafCstNode[], offset: number): number {
    let low = 0;
    let high = leaves.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (leaves[middle].end <= offset) low = middle + 1;
        else high = middle;
    }
    return low;
}

/**
 * The edited token's new text is still exactly one token of the same kind, with no line break in
 * it (before or after), and (for a visible token) its value comes straight from a terminal in a
 * plain assignment, so that the AST can be updated in place.
 */
function sameToken(services: LangiumServices, leaf: LeafCstNode, text: string): boolean {
    if (!DELIMITED.has(leaf.tokenType.name)) return false;
    if (/[\r\n]/.test(text) || /[\r\n]/.test(leaf.text)) return false;
    const lexed = services.parser.Lexer.tokenize(text);
    const tokens = [...lexed.tokens, ...(lexed.hidden ?? [])];
    if (lexed.errors.length > 0 || tokens.length !== 1) return false;
    const [token] = tokens;
    if (token.tokenType.name !== leaf.tokenType.name || token.image.length !== text.length) return false;
    return leaf.hidden || targetOf(leaf) !== undefined;
}

/** Where a visible token's value goes: `feature=TERMINAL`, or the `index`-th value of `feature+=…`. */
interface Target {
    readonly node: Record<string, unknown>;
    readonly feature: string;
    readonly index?: number;
}

/**
 * The AST property a visible token's value is assigned to, when the token hangs directly under its
 * AST node's CST node as a terminal in a plain assignment; undefined otherwise (a name in a datatype
 * rule, a cross-reference, a keyword …).
 */
function targetOf(leaf: LeafCstNode): Target | undefined {
    const source = leaf.grammarSource;
    if (!GrammarAST.isRuleCall(source) || !GrammarAST.isTerminalRule(source.rule.ref)) return undefined;
    const assignment: AstNode | undefined = source.$container;
    if (!GrammarAST.isAssignment(assignment) || assignment.operator === '?=') return undefined;
    const container = leaf.container;
    if (!container || container !== leaf.astNode.$cstNode) return undefined;
    const node = leaf.astNode as unknown as Record<string, unknown>;
    if (assignment.operator === '=') return { node, feature: assignment.feature };
    const values = node[assignment.feature];
    if (!Array.isArray(values)) return undefined;
    // The values of `feature+=…` in the order of the CST node's children assigned to that feature.
    let index = -1;
    let count = 0;
    for (const child of container.content) {
        if (child === leaf) index = count;
        if (assignedFeature(child) === assignment.feature) count++;
    }
    return index >= 0 && count === values.length ? { node, feature: assignment.feature, index } : undefined;
}

function assignedFeature(node: CstNode): string | undefined {
    if (node.hidden) return undefined;
    const source = node.grammarSource;
    const assignment = source && (GrammarAST.isAssignment(source.$container) ? source.$container
        : GrammarAST.isCrossReference(source.$container) && GrammarAST.isAssignment(source.$container.$container) ? source.$container.$container : undefined);
    return assignment?.feature;
}

/** An edit between two tokens that only adds or removes whitespace and leaves some between them. */
function whitespaceOnly(oldText: string, newText: string, change: Change, leaves: readonly LeafCstNode[], index: number): boolean {
    const previous = index > 0 ? leaves[index - 1] : undefined;
    const next = index < leaves.length ? leaves[index] : undefined;
    const gapStart = previous?.end ?? 0;
    const gapEnd = next?.offset ?? oldText.length;
    if (change.start < gapStart || change.oldEnd > gapEnd) return false;
    if (!/^\s*$/.test(oldText.slice(change.start, change.oldEnd)) || !/^\s*$/.test(newText.slice(change.start, change.newEnd))) return false;
    // Tokens that touched must stay apart, and tokens that were apart must not touch.
    const newGap = gapEnd - gapStart + change.delta;
    if (previous && next && newGap === 0) return false;
    // A line comment runs to the line break: whatever follows it must still start with one.
    if (previous?.tokenType.name === 'SL_COMMENT' && previous.end < newText.length && !/[\r\n]/.test(newText.charAt(previous.end))) return false;
    return true;
}

/** The line and character of `offset` in `text`, counting from a token before it (or the start). */
function positionAfter(text: string, from: LeafCstNode | undefined, offset: number): Position {
    let line = from ? from.range.start.line : 0;
    let lineStart = from ? from.offset - from.range.start.character : 0;
    for (let i = from ? from.offset : 0; i < offset; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 /* \n */ || (code === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: offset - lineStart };
}

/** Writes the edited token's new value into its AST node. */
function assignValue(services: LangiumServices, leaf: LeafCstNode): void {
    const target = targetOf(leaf);
    if (!target) return;
    const value = services.parser.ValueConverter.convert(leaf.text, leaf);
    if (target.index === undefined) target.node[target.feature] = value;
    else (target.node[target.feature] as unknown[])[target.index] = value;
}

/** Composite nodes cache their range; every range after the edit has moved. */
function clearRangeCaches(node: CstNode, from: number): void {
    if (!isCompositeCstNode(node)) return;
    clearRangeCache(node);
    // Children that end before the edit did not move; nor did anything before them.
    for (let i = node.content.length - 1; i >= 0; i--) {
        const child = node.content[i];
        const last = edgeLeaf(child, -1);
        if (last && last.end < from) break;
        clearRangeCaches(child, from);
    }
}
