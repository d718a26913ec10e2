/**
 * The range of `inner` inside the first appearance of `outer` in `text` (its `occurrence`-th
 * appearance there), as `line:col-line:col`, 1-based with the end one past the last character —
 * the form `render` in plan-validation-helper.ts gives. Throws when either snippet is missing, so a
 * test cannot pass on a typo.
 */
export function rangeWithin(text: string, outer: string, inner: string = outer, occurrence = 1): string {
    const base = text.indexOf(outer);
    if (base < 0) throw new Error(`"${outer}" is not in the text`);
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
        at = outer.indexOf(inner, at + 1);
        if (at < 0) throw new Error(`"${inner}" (occurrence ${occurrence}) is not in "${outer}"`);
    }
    const position = (offset: number): string => {
        const before = text.slice(0, offset);
        return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
    };
    return `${position(base + at)}-${position(base + at + inner.length)}`;
}
