import { CompositeCstNodeImpl, isCompositeCstNode, isLeafCstNode, type CompositeCstNode, type CstNode, type LeafCstNode } from 'langium';

/**
 * The one place where SU-plan reaches into Langium's private CST fields: the incremental parser
 * (incremental-parse.ts) moves tokens and swaps nodes in place, which Langium's public API cannot
 * do. Everything here is Langium 4.4's `LeafCstNodeImpl`, `CompositeCstNodeImpl` and
 * `RootCstNodeImpl`. `langiumInternalsProblem` checks that those fields still exist, so a Langium
 * upgrade that renames them turns incremental parsing off (full parses, still correct) and fails
 * test/language/overrides/langium-internals.test.ts with a message that names the field.
 */

/** The fields a token keeps its place in (`LeafCstNodeImpl`). */
interface LeafFields {
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

const LEAF_FIELDS: readonly (keyof LeafFields)[] = ['_offset', '_length', '_startLine', '_startColumn', '_endLine', '_endColumn'];

function fields(leaf: LeafCstNode): LeafFields {
    return leaf as unknown as LeafFields;
}

/** A position in a document: zero-based line and character. */
export interface Position {
    readonly line: number;
    readonly character: number;
}

/** Moves a token by `delta` characters, its start and end to the positions `shift` gives. */
export function moveLeaf(leaf: LeafCstNode, delta: number, shift: (line: number, character: number) => [number, number]): void {
    const f = fields(leaf);
    f._offset += delta;
    [f._startLine, f._startColumn] = shift(f._startLine, f._startColumn);
    [f._endLine, f._endColumn] = shift(f._endLine, f._endColumn);
}

/** Makes a token `delta` characters longer (or shorter), its end at the position `shift` gives. */
export function resizeLeaf(leaf: LeafCstNode, delta: number, shift: (line: number, character: number) => [number, number]): void {
    const f = fields(leaf);
    f._length += delta;
    [f._endLine, f._endColumn] = shift(f._endLine, f._endColumn);
}

/** Moves a token parsed alone (at offset 0, line 0) to where its element starts in the document. */
export function placeLeaf(leaf: LeafCstNode, offset: number, start: Position): void {
    const f = fields(leaf);
    f._offset += offset;
    if (f._startLine === 0) f._startColumn += start.character;
    if (f._endLine === 0) f._endColumn += start.character;
    f._startLine += start.line;
    f._endLine += start.line;
}

/** The root node's copy of the document text (`RootCstNodeImpl._text`). */
export function setRootText(root: CstNode, text: string): void {
    (root as unknown as { _text: string })._text = text;
}

/** Composite nodes cache their range (`CompositeCstNodeImpl._rangeCache`); forget it after tokens moved. */
export function clearRangeCache(node: CompositeCstNode): void {
    (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
}

/** A new composite node holding `content`, under `parent` in place of `old`, standing for `astNode`. */
export function replaceComposite(old: CstNode, content: readonly CstNode[], astNode: CompositeCstNode['astNode']): CompositeCstNode {
    const composite = new CompositeCstNodeImpl();
    composite.grammarSource = old.grammarSource;
    composite.content = [...content];
    for (const child of content) (child as { container?: CompositeCstNode }).container = composite;
    const parent = old.container as CompositeCstNodeImpl;
    parent.content[parent.content.indexOf(old)] = composite;
    (composite as { container?: CompositeCstNode }).container = parent;
    composite.astNode = astNode;
    return composite;
}

/**
 * Why Langium's internals no longer fit, or undefined when they do: looks for the fields on a
 * parsed tree (any root with at least one token).
 */
export function langiumInternalsProblem(root: CstNode): string | undefined {
    const problems: string[] = [];
    if (!(typeof (root as unknown as { _text?: unknown })._text === 'string')) problems.push('RootCstNodeImpl._text');
    if (!isCompositeCstNode(root) || !('_rangeCache' in root)) problems.push('CompositeCstNodeImpl._rangeCache');
    const leaf = firstLeaf(root);
    if (!leaf) problems.push('a LeafCstNode to look at');
    else for (const field of LEAF_FIELDS) if (typeof (leaf as unknown as Record<string, unknown>)[field] !== 'number') problems.push(`LeafCstNodeImpl.${field}`);
    if (problems.length === 0) return undefined;
    return `Langium's CST internals changed (missing: ${problems.join(', ')}). Incremental parsing is off; `
        + 'adapt src/language/overrides/langium-internals.ts to the new Langium and run the differential tests of incremental-parse.test.ts with several SUPLAN_FUZZ_SEEDs.';
}

function firstLeaf(node: CstNode): LeafCstNode | undefined {
    if (isLeafCstNode(node)) return node;
    if (!isCompositeCstNode(node)) return undefined;
    for (const child of node.content) {
        const found = firstLeaf(child);
        if (found) return found;
    }
    return undefined;
}
