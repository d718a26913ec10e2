import { readFileSync } from 'node:fs';
import { CstUtils, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { langiumInternalsProblem } from '../../../src/language/overrides/langium-internals.js';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { EmptyFileSystem } from 'langium';

const services = createSuServices(EmptyFileSystem);
const root = services.suplan.parser.LangiumParser.parse(readFileSync('examples/plans/08-bbic-samtal.suplan', 'utf8')).value.$cstNode!.root;

/** A copy of the tree whose first token lacks `field`, as if a Langium upgrade had renamed it. */
function withRenamedLeafField(field: string): CstNode {
    const original = CstUtils.flattenCst(root).head()!;
    const leaf = Object.assign(Object.create(Object.getPrototypeOf(original)) as object, original) as Record<string, unknown>;
    delete leaf[field];
    leaf[`#${field}`] = 0;
    const copy = Object.create(Object.getPrototypeOf(root)) as Record<string, unknown>;
    Object.assign(copy, root, { content: [leaf] });
    return copy as unknown as CstNode;
}

describe("Langium's CST internals used by the incremental parser", () => {
    test('fit the installed Langium (if this fails after an upgrade, adapt src/language/overrides/langium-internals.ts)', () => {
        expect(langiumInternalsProblem(root)).toBeUndefined();
    });

    test.each(['_offset', '_length', '_startLine', '_startColumn', '_endLine', '_endColumn'])('a renamed LeafCstNodeImpl.%s is named in a clear message', field => {
        const problem = langiumInternalsProblem(withRenamedLeafField(field));
        expect(problem).toContain(`missing: LeafCstNodeImpl.${field}`);
        expect(problem).toContain('Incremental parsing is off');
    });

    test('a renamed root text or range cache is named too', () => {
        const copy = Object.assign(Object.create(Object.getPrototypeOf(root)) as object, root) as Record<string, unknown>;
        delete copy._text;
        delete copy._rangeCache;
        expect(langiumInternalsProblem(copy as unknown as CstNode)).toMatch(/missing: RootCstNodeImpl\._text, CompositeCstNodeImpl\._rangeCache/);
    });
});
