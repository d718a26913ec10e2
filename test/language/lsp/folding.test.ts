import { describe, expect, test } from 'vitest';
import type { FoldingRange } from 'vscode-languageserver';
import { SuFoldingRangeProvider } from '../../../src/language/lsp/su-folding.js';
import { LspWorkspace } from './lsp-test-helper.js';

const workspace = new LspWorkspace();
const { services } = workspace;

const PLAN = [
    '/* En kommentar',         // 0
    '   över flera',           // 1
    '   rader */',             // 2
    '// Radkommentar ett',     // 3
    '// Radkommentar två',     // 4
    'plan "Vikning" {',        // 5
    '    syfte kontroll',      // 6
    '    målgrupp {',          // 7
    '        inkludera "A"',   // 8
    '        exkludera "B"',   // 9
    '    }',                   // 10
    '    variabler {',         // 11
    '        lokal grad "Grad" : skala {', // 12
    '            1 "Låg"',     // 13
    '            2 "Hög"',     // 14
    '        } vid före',      // 15
    '        lokal x "X" : ja/nej // en kommentar efter koden', // 16
    '    }',                   // 17
    '    mätpunkter före,',    // 18
    '        efter,',          // 19
    '        uppföljning',     // 20
    '    integritet { minsta cell 5 }', // 21
    '}',                       // 22
    '',
].join('\n');

/** The ranges as `start-end kind` strings, in order. */
async function folding(file: string, text: string): Promise<string[]> {
    const documents = await workspace.build([{ file, text }]);
    const document = documents.get(file)!;
    const language = file.endsWith('.sucat') ? services.sucat : services.suplan;
    const ranges: FoldingRange[] = await language.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
    return ranges.map(r => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`);
}

describe('folding', () => {
    test('both languages register the provider', () => {
        expect(services.suplan.lsp.FoldingRangeProvider).toBeInstanceOf(SuFoldingRangeProvider);
        expect(services.sucat.lsp.FoldingRangeProvider).toBeInstanceOf(SuFoldingRangeProvider);
    });

    test('blocks fold up to their closing brace, long statements and comments fold, one range per start line', async () => {
        expect(await folding('/ws/plan.suplan', PLAN)).toEqual([
            '0-1 comment',  // the block comment, its last line stays visible
            '3-4 comment',  // two line comments in a row
            '5-21',         // the plan
            '7-9',          // målgrupp { … }
            '11-16',        // variabler { … }
            '12-14',        // the scale's block wins over the variable that starts on the same line
            '18-20',        // a list of points over three lines
        ]);
    });

    test('a catalogue folds the catalogue and each variable written over several lines', async () => {
        const catalogue = [
            'katalog kat version "1" {',                  // 0
            '    variabel kön {',                         // 1
            '        etikett "Kön"',                      // 2
            '        värdemängd { 1 "Flicka" 2 "Pojke" }', // 3
            '    }',                                      // 4
            '    variabel ålder { etikett "Ålder" värdemängd antal }', // 5
            '}',                                          // 6
            '',
        ].join('\n');
        expect(await folding('/ws/kat.sucat', catalogue)).toEqual(['0-5', '1-3']);
    });
});
