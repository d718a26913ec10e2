import { describe, expect, test } from 'vitest';
import { excerptLines } from '../../src/cli/formats/source-excerpt.js';
import { charWidth } from '../../src/text/display-width.js';

/** The excerpt of `source` with the range of the first appearance of `part`. */
function under(source: string, part: string, line = 12): string[] {
    const start = source.indexOf(part);
    if (start < 0) throw new Error(`"${part}" is not in the line`);
    return excerptLines({ line, source, start, end: start + part.length });
}

describe('source excerpt: the line, its number and carets under the range', () => {
    test('carets under the range, the number in a gutter', () => {
        expect(under('    använd bbic.kon', 'bbic.kon')).toEqual([
            '  12 |     använd bbic.kon',
            '     |            ^^^^^^^^',
        ]);
    });

    test('å, ä and ö are one column each, also written as a letter and a combining ring', () => {
        expect(under('    lokal åäö "Ö": antal', 'antal')).toEqual([
            '  12 |     lokal åäö "Ö": antal',
            '     |                    ^^^^^',
        ]);
        expect(under('    lokal a\u030Aa\u0308o\u0308 "x": antal', 'antal')[1]).toBe('     |                    ^^^^^');
    });

    test('a tab is shown as four spaces and the carets follow it', () => {
        expect(under('\tlokal x "X":\tantal', 'antal')).toEqual([
            '  12 |     lokal x "X":    antal',
            '     |                     ^^^^^',
        ]);
    });

    test('wide characters take two columns', () => {
        expect(charWidth('漢')).toBe(2);
        expect(charWidth('å')).toBe(1);
        expect(under('    fråga "漢字は" x', 'x')).toEqual([
            '  12 |     fråga "漢字は" x',
            '     |                    ^',
        ]);
    });

    test('an empty range or one at the end of the line gets one caret', () => {
        expect(excerptLines({ line: 3, source: '    minsta cell', start: 15, end: 15 })).toEqual([
            '  3 |     minsta cell',
            '    |                ^',
        ]);
    });

    test('a range over several lines: carets from its start to the end of the first line', () => {
        const source = '    målgrupp {';
        expect(excerptLines({ line: 9, source, start: 4, end: source.length })).toEqual([
            '  9 |     målgrupp {',
            '    |     ^^^^^^^^^^',
        ]);
    });

    test('the gutter is as wide as asked, and at least as the number', () => {
        expect(excerptLines({ line: 7, source: 'x', start: 0, end: 1 }, 3)).toEqual(['    7 | x', '      | ^']);
        expect(excerptLines({ line: 1234, source: 'x', start: 0, end: 1 }, 1)[0]).toBe('  1234 | x');
    });

    test('a long line is cut around the range, with … where it is cut', () => {
        const source = `    fråga "${'a'.repeat(300)}" ${'b'.repeat(200)} fel ${'c'.repeat(300)}`;
        const [line, carets] = under(source, 'fel');
        expect(line.startsWith('  12 | …')).toBe(true);
        expect(line.endsWith('…')).toBe(true);
        expect(line.length).toBeLessThan(140);
        expect(line.slice(carets.indexOf('^'), carets.indexOf('^') + 3)).toBe('fel');
        expect(carets.trimEnd().endsWith('^^^')).toBe(true);
    });

    test('a line of megabytes is shown cut, quickly', () => {
        const source = `${'x'.repeat(4_000_000)} fel ${'y'.repeat(4_000_000)}`;
        const [line, carets] = under(source, 'fel');
        expect(line.length).toBeLessThan(140);
        expect(line.slice(carets.indexOf('^'), carets.indexOf('^') + 3)).toBe('fel');
    });
});
