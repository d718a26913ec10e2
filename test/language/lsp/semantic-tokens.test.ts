import { SemanticTokensDecoder } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import { SuSemanticTokenProvider } from '../../../src/language/lsp/su-semantic-tokens.js';
import { TEST_CATALOGUE } from '../validators/plan-validation-helper.js';
import { LspWorkspace } from './lsp-test-helper.js';

const workspace = new LspWorkspace();
const { services } = workspace;

const PLAN = `plan "Tokens" {
    syfte kontroll
    fråga "Hur ofta?"
    katalog test version "1"
    mätpunkter före, efter som slut
    värdemängder { nöjd "Nöjd" { 1 "Ja" 2 "Nej" } }
    variabler {
        använd test.samtal
        använd test.kön som kon
        lokal samtal_antal "Antal samtal" : antal 0..5 vid före när samtal = 1 och test.kön i 1, 2
        lokal grad "Grad" : nöjd vid slut
    }
    analyser {
        a1: andel samtal i 1
        a2: beskriv samtal_antal vid före
    }
    scenarier {
        A när a1 < 60 % "Se över"
    }
}
`;

/** The decoded tokens as `text type modifier,modifier` lines (modifiers sorted), in document order. */
async function tokens(file: string, text: string): Promise<string[]> {
    const documents = await workspace.build([{ file, text }, TEST_CATALOGUE]);
    const document = documents.get(file)!;
    const language = file.endsWith('.sucat') ? services.sucat : services.suplan;
    const provider = language.lsp.SemanticTokenProvider!;
    const result = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const modifierNames = Object.entries(provider.tokenModifiers);
    return SemanticTokensDecoder.decode(result, provider.tokenTypes, document).map(token => {
        const modifiers = modifierNames.filter(([, bit]) => (token.tokenModifiers & bit) !== 0).map(([name]) => name).sort();
        return `${token.text} ${token.tokenType}${modifiers.length ? ` ${modifiers.join(',')}` : ''}`;
    });
}

describe('semantic tokens', () => {
    test('both languages register the provider', () => {
        expect(services.suplan.lsp.SemanticTokenProvider).toBeInstanceOf(SuSemanticTokenProvider);
        expect(services.sucat.lsp.SemanticTokenProvider).toBeInstanceOf(SuSemanticTokenProvider);
    });

    test('a plan: catalogue names and variables, local variables, codes, points, value sets, analyses, scenarios', async () => {
        expect(await tokens('/ws/plan.suplan', PLAN)).toEqual([
            'kontroll enumMember',
            'test namespace',
            'före event declaration',
            'slut event declaration',
            'nöjd enum declaration',
            '1 enumMember declaration',
            '2 enumMember declaration',
            // `använd test.samtal`: the catalogue and its variable, read-only from the catalogue
            'test namespace',
            'samtal variable defaultLibrary,readonly',
            'test namespace',
            'kön variable defaultLibrary,readonly',
            'kon variable declaration,readonly',
            'samtal_antal variable declaration',
            'före event',
            // `när samtal = 1 och test.kön i 1, 2`: uses of catalogue variables and their codes
            'samtal variable defaultLibrary,readonly',
            'test namespace',
            'kön variable defaultLibrary,readonly',
            '1 enumMember',
            '2 enumMember',
            'grad variable declaration',
            'nöjd enum',
            'slut event',
            'a1 function declaration',
            'samtal variable defaultLibrary,readonly',
            '1 enumMember',
            'a2 function declaration',
            // a local variable is not read-only
            'samtal_antal variable',
            'före event',
            'A enumMember declaration',
            'a1 function',
        ]);
    });

    test('keywords, strings and plain numbers are left to the TextMate grammar', async () => {
        const texts = (await tokens('/ws/plan.suplan', PLAN)).map(line => line.split(' ')[0]);
        for (const keyword of ['plan', 'syfte', 'katalog', 'variabler', 'använd', 'lokal', 'när', 'andel', 'scenarier']) {
            expect(texts).not.toContain(keyword);
        }
        expect(texts).not.toContain('60');
        expect(texts.some(t => t.startsWith('"'))).toBe(false);
    });

    test('a catalogue: its name, variables as read-only declarations, codes, process steps, replaced names as deprecated', async () => {
        const catalogue = `katalog kat "Kat" version "2" {
    variabel kön { etikett "Kön" värdemängd { 1 "Flicka" 2 "Pojke" } processteg aktualisering }
    variabel klar { etikett "Klar" värdemängd ja/nej ersätter färdig }
}
`;
        expect(await tokens('/ws/kat.sucat', catalogue)).toEqual([
            'kat namespace declaration',
            'kön variable declaration,defaultLibrary,readonly',
            '1 enumMember declaration',
            '2 enumMember declaration',
            'aktualisering enumMember',
            'klar variable declaration,defaultLibrary,readonly',
            'färdig variable deprecated',
        ]);
    });
});
