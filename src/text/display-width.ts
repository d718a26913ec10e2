/** Columns a tab takes in a shown source line (as rustc shows them). */
export const TAB_WIDTH = 4;

/**
 * Terminal columns of one character: 0 for combining marks and other zero-width characters, 2 for
 * East Asian wide and fullwidth characters and emoji, 1 for the rest (å, ä, ö and other Latin
 * letters with diacritics are one column). A tab is `TAB_WIDTH` columns.
 */
export function charWidth(char: string): number {
    if (char === '\t') return TAB_WIDTH;
    if (/^[\p{Mn}\p{Me}\p{Cf}]$/u.test(char) || char === '\u200b') return 0;
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x1100) return 1;
    return isWide(cp) ? 2 : 1;
}

/** The wide ranges of Unicode's East Asian Width (W and F), and the emoji presentation blocks. */
function isWide(cp: number): boolean {
    return (cp >= 0x1100 && cp <= 0x115f)
        || (cp >= 0x2e80 && cp <= 0x303e)
        || (cp >= 0x3041 && cp <= 0x33ff)
        || (cp >= 0x3400 && cp <= 0x4dbf)
        || (cp >= 0x4e00 && cp <= 0x9fff)
        || (cp >= 0xa000 && cp <= 0xa4cf)
        || (cp >= 0xac00 && cp <= 0xd7a3)
        || (cp >= 0xf900 && cp <= 0xfaff)
        || (cp >= 0xfe30 && cp <= 0xfe4f)
        || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6)
        || (cp >= 0x1f300 && cp <= 0x1f64f)
        || (cp >= 0x1f900 && cp <= 0x1f9ff)
        || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** One character of a shown line: its text as shown (a tab as spaces), its width and where it starts in UTF-16 code units. */
export interface ShownChar {
    readonly text: string;
    readonly width: number;
    readonly offset: number;
}

/** The characters of a line as a terminal shows them; control characters other than tab are shown as `�`. */
export function shownChars(line: string): ShownChar[] {
    const chars: ShownChar[] = [];
    let offset = 0;
    for (const char of line) {
        const control = /^[\u0000-\u0008\u000a-\u001f\u007f]$/u.test(char);
        const text = char === '\t' ? ' '.repeat(TAB_WIDTH) : control ? '\ufffd' : char;
        chars.push({ text, width: control ? 1 : charWidth(char), offset });
        offset += char.length;
    }
    return chars;
}
