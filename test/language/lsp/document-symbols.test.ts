import { describe, expect, test } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { SuCatDocumentSymbolProvider, SuPlanDocumentSymbolProvider } from '../../../src/language/lsp/su-document-symbols.js';
import { TEST_CATALOGUE } from '../validators/plan-validation-helper.js';
import { LspWorkspace, textAt } from './lsp-test-helper.js';

const workspace = new LspWorkspace();
const { services } = workspace;

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

const PLAN = `plan "Samtal i utredningar" {
    version "1.0"
    syfte kvalitetssäkring
    fråga "Får barnen enskilda samtal?"
    katalog test version "1"
    målgrupp {
        inkludera "Barn som utreds"
        ålder 0..17
    }
    urval födelsedagar 5, 15
    period 2025-01-01 .. 2025-12-31
    mätpunkter före, uppföljning 6 månader som sex_mån "Efter ett halvår"
    värdemängder {
        nöjd "Nöjdhet" { 1 "Nöjd" 2 "Missnöjd" }
    }
    variabler {
        använd test.samtal
        använd test.kön som kon
        lokal grad "Grad" : nöjd vid före
        frågegrupp mål "Målfrågor" : nöjd {
            m1 "Mål ett"
            m2 "Mål två"
        }
    }
    analyser {
        a1 "Andel samtal": andel samtal i 1
        a2: beskriv grad
    }
    scenarier {
        A när a1 < 60 % "Se över"
        B, C bedöms vid genomgång
    }
    integritet { minsta cell 5 }
    acceptera SU040 för grad "Används i en senare rapport"
}
`;

/** The symbol tree as indented `name (Kind) – detail` lines. */
function render(symbols: readonly DocumentSymbol[] | undefined, depth = 0): string[] {
    return (symbols ?? []).flatMap(s => [
        `${'  '.repeat(depth)}${s.name} (${KIND_NAMES.get(s.kind)})${s.detail ? ` – ${s.detail}` : ''}`,
        ...render(s.children, depth + 1),
    ]);
}

async function symbols(file: string, text: string): Promise<{ symbols: DocumentSymbol[]; text: (range: DocumentSymbol['range']) => string }> {
    const documents = await workspace.build(file === TEST_CATALOGUE.file ? [TEST_CATALOGUE] : [{ file, text }, TEST_CATALOGUE]);
    const document = documents.get(file)!;
    const language = file.endsWith('.sucat') ? services.sucat : services.suplan;
    const result = await language.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
    return { symbols: result, text: range => textAt(document, range) };
}

function all(symbols: readonly DocumentSymbol[] | undefined): DocumentSymbol[] {
    return (symbols ?? []).flatMap(s => [s, ...all(s.children)]);
}

describe('document symbols', () => {
    test('both languages register their provider', () => {
        expect(services.suplan.lsp.DocumentSymbolProvider).toBeInstanceOf(SuPlanDocumentSymbolProvider);
        expect(services.sucat.lsp.DocumentSymbolProvider).toBeInstanceOf(SuCatDocumentSymbolProvider);
    });

    test('a plan: its sections by keyword with their values, and the named elements inside', async () => {
        const { symbols: tree } = await symbols('/ws/plan.suplan', PLAN);
        expect(render(tree)).toEqual([
            'Samtal i utredningar (Module) – plan',
            '  version (Property) – 1.0',
            '  syfte (Property) – kvalitetssäkring',
            '  fråga (Property) – Får barnen enskilda samtal?',
            '  katalog (Package) – test · version 1',
            '  målgrupp (Object) – Barn som utreds',
            '  urval (Property) – födelsedagar 5, 15',
            '  period (Property) – 2025-01-01 .. 2025-12-31',
            '  mätpunkter (Namespace)',
            '    före (Event)',
            '    sex_mån (Event) – Efter ett halvår',
            '  värdemängder (Namespace)',
            '    nöjd (Enum) – Nöjdhet',
            '      1 (EnumMember) – Nöjd',
            '      2 (EnumMember) – Missnöjd',
            '  variabler (Namespace)',
            '    samtal (Variable) – test.samtal · Enskilda samtal har genomförts',
            '    kon (Variable) – test.kön · Kön',
            '    grad (Variable) – Grad',
            '    mål (Struct) – Målfrågor',
            '      m1 (Field) – Mål ett',
            '      m2 (Field) – Mål två',
            '  analyser (Namespace)',
            '    a1 (Function) – Andel samtal · andel samtal i 1',
            '    a2 (Function) – beskriv grad',
            '  scenarier (Namespace)',
            '    A (EnumMember) – när a1 < 60 % · Se över',
            '    B, C (EnumMember) – bedöms vid genomgång',
            '  integritet (Object) – minsta cell 5',
            '  acceptera (Property) – SU040 · grad · Används i en senare rapport',
        ]);
    });

    test('each symbol selects its name inside its range', async () => {
        const { symbols: tree, text } = await symbols('/ws/plan.suplan', PLAN);
        const byName = new Map(all(tree).map(s => [s.name, s]));
        expect(text(byName.get('Samtal i utredningar')!.selectionRange)).toBe('"Samtal i utredningar"');
        expect(text(byName.get('variabler')!.selectionRange)).toBe('variabler');
        expect(text(byName.get('samtal')!.selectionRange)).toBe('test.samtal');
        expect(text(byName.get('kon')!.selectionRange)).toBe('kon');
        expect(text(byName.get('sex_mån')!.selectionRange)).toBe('sex_mån');
        expect(text(byName.get('a1')!.range)).toBe('a1 "Andel samtal": andel samtal i 1');
        expect(text(byName.get('analyser')!.range)).toMatch(/^analyser \{[\s\S]*\}$/);
        for (const symbol of all(tree)) {
            const { range, selectionRange: sel } = symbol;
            const inside = (sel.start.line > range.start.line || (sel.start.line === range.start.line && sel.start.character >= range.start.character))
                && (sel.end.line < range.end.line || (sel.end.line === range.end.line && sel.end.character <= range.end.character));
            expect(inside, symbol.name).toBe(true);
        }
    });

    test('a broken plan still gives an outline with non-empty names', async () => {
        const { symbols: tree } = await symbols('/ws/broken.suplan', 'plan "" {\n    analyser {\n        : beskriv\n    }\n    variabler {\n        lokal "X" : antal\n');
        const names = all(tree).map(s => s.name);
        expect(names).toContain('analyser');
        expect(names.every(name => name.trim() !== '')).toBe(true);
    });

    test('a catalogue: the catalogue with title and version, and each variable with its label', async () => {
        const { symbols: tree, text } = await symbols('/ws/test.sucat', TEST_CATALOGUE.text);
        const lines = render(tree);
        expect(lines[0]).toBe('test (Package) – Testkatalog · version 1');
        expect(lines.slice(1, 4)).toEqual([
            '  samtal (Variable) – Enskilda samtal har genomförts',
            '  kön (Variable) – Kön',
            '  ålder (Variable) – Ålder vid aktualisering',
        ]);
        expect(lines).toHaveLength(8);
        expect(text(tree[0].children![1].selectionRange)).toBe('kön');
    });
});
