import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CstUtils, EmptyFileSystem, isLeafCstNode, URI, type CstNode, type LangiumDocument } from 'langium';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { beforeAll, describe, expect, test } from 'vitest';
import { isPlan } from '../../../src/language/generated/ast.js';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildPlanModel } from '../../../src/model/build-model.js';
import type { PlanModel } from '../../../src/model/plan-model.js';
import { buildWorkspace, type SourceText } from '../../../src/workspace/load.js';

const services = createSuServices(EmptyFileSystem);
const SPACES: FormattingOptions = { tabSize: 4, insertSpaces: true };

function filesIn(dir: string, ...extensions: string[]): string[] {
    return readdirSync(dir).filter(f => extensions.some(e => f.endsWith(e))).sort().map(f => path.resolve(dir, f));
}

const exampleCatalogues = filesIn('examples/catalogues', '.sucat');
const examplePlans = filesIn('examples/plans', '.suplan');
const examples = [...examplePlans, ...exampleCatalogues];
const invalidFixtures = filesIn('test/fixtures/invalid', '.suplan', '.sucat');
const read = (file: string) => readFileSync(file, 'utf8');

let counter = 0;
/** Parses a text on its own (formatting needs no linking). */
function parse(text: string, file: string): LangiumDocument {
    const extension = path.extname(file);
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/formatter-test/${counter++}${extension}`));
}

function formatterOf(document: LangiumDocument) {
    const formatter = (document.uri.path.endsWith('.sucat') ? services.sucat : services.suplan).lsp.Formatter;
    if (!formatter) throw new Error('no formatter');
    return formatter;
}

async function formatEdits(text: string, file: string, options = SPACES): Promise<TextEdit[]> {
    const document = parse(text, file);
    return formatterOf(document).formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
}

function apply(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 1, text), edits);
}

async function format(text: string, file: string, options = SPACES): Promise<string> {
    return apply(text, await formatEdits(text, file, options));
}

async function formatRange(text: string, file: string, range: Range): Promise<string> {
    const document = parse(text, file);
    const edits = await formatterOf(document).formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, range, options: SPACES });
    return apply(text, edits);
}

/** The document's tokens (code and comments) in order, from the parser's syntax tree. */
function leaves(document: LangiumDocument): CstNode[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root).filter(n => isLeafCstNode(n) && n.length > 0 && n.text.trim().length > 0).toArray().sort((a, b) => a.offset - b.offset);
}

/** What formatting must keep: the code tokens in order, and each comment (up to the whitespace of its lines). */
function content(text: string, file: string): { code: string[]; comments: string[] } {
    const tokens = leaves(parse(text, file));
    return {
        code: tokens.filter(t => !t.hidden).map(t => t.text),
        comments: tokens.filter(t => t.hidden).map(t => t.text.split(/\r?\n/).map(line => line.trim()).join('\n')),
    };
}

/** A small deterministic random generator, so that a failure can be reproduced. */
function random(seed: number): (n: number) => number {
    let state = seed;
    return n => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
    };
}

/**
 * Rewrites the whitespace between tokens: `gap(original, previous, next)` gives the new gap.
 * The text of the tokens is kept, so the result parses to the same tokens.
 */
function rewriteGaps(text: string, file: string, gap: (original: string, previous: CstNode | undefined) => string): string {
    const tokens = leaves(parse(text, file));
    let out = '';
    let end = 0;
    for (const token of tokens) {
        out += gap(text.slice(end, token.offset), tokens[tokens.indexOf(token) - 1]) + token.text;
        end = token.end;
    }
    return out + gap(text.slice(end), tokens[tokens.length - 1]);
}

const isLineComment = (token: CstNode | undefined) => token !== undefined && token.hidden && token.text.startsWith('//');

/** All whitespace collapsed to single spaces (a line comment still ends its line). */
function collapse(text: string, file: string): string {
    return rewriteGaps(text, file, (_gap, previous) => (previous === undefined ? '' : isLineComment(previous) ? '\n' : ' '));
}

/** Random indentation (spaces and tabs) and trailing whitespace on every line; line breaks and spaces within lines kept. */
function reindent(text: string, file: string, seed: number): string {
    const next = random(seed);
    const noise = () => ['', ' ', '\t', '  ', ' \t '][next(5)];
    return rewriteGaps(text, file, gap => {
        if (!gap.includes('\n')) return gap;
        const breaks = gap.split('\n').length - 1;
        const eol = gap.includes('\r\n') ? '\r\n' : '\n';
        return Array.from({ length: breaks }, () => noise() + eol).join('') + ' '.repeat(next(14)) + (next(3) === 0 ? '\t' : '');
    });
}

/** As `reindent`, and single spaces (or none) between tokens become 1 to 3 spaces or a tab. */
function respace(text: string, file: string, seed: number): string {
    const next = random(seed);
    const reindented = reindent(text, file, seed);
    return rewriteGaps(reindented, file, (gap, previous) => {
        if (previous === undefined || gap.includes('\n') || gap.length > 1) return gap;
        return ['  ', '   ', '\t', ' \t'][next(4)];
    });
}

/** Layout properties every formatted text has. */
function expectTidy(text: string): void {
    const lines = text.split('\n');
    expect(text.endsWith('\n') && !text.endsWith('\n\n'), 'ends with exactly one line break').toBe(true);
    expect(lines.filter(line => /[ \t]$/.test(line)), 'trailing whitespace').toEqual([]);
    expect(lines.filter(line => /^ *\t/.test(line)), 'tab indentation').toEqual([]);
    expect(lines.filter(line => (/^ */.exec(line)?.[0].length ?? 0) % 4 !== 0), 'indentation by 4').toEqual([]);
    expect(text.includes('\n\n\n'), 'at most one blank line').toBe(false);
}

describe('formatting the examples', () => {
    test.each(examples.map(f => [path.basename(f), f]))('%s is already in the house style: no edits', async (_name, file) => {
        expect(await formatEdits(read(file), file)).toEqual([]);
    });

    test.each(examples.map(f => [path.basename(f), f]))('%s with messed-up indentation and spacing formats back to the example', async (_name, file) => {
        const original = read(file);
        for (const seed of [1, 2]) {
            const reindented = reindent(original, file, seed);
            expect(reindented).not.toBe(original);
            expect(await format(reindented, file)).toBe(original);
            const respaced = respace(original, file, seed);
            expect(respaced).not.toBe(reindented);
            expect(await format(respaced, file)).toBe(original);
        }
    });

    test.each(examples.map(f => [path.basename(f), f]))('%s collapsed to one line: tidy, idempotent, same tokens and comments', async (_name, file) => {
        const original = read(file);
        const collapsed = collapse(original, file);
        expect(collapsed.split('\n').length).toBeLessThan(original.split('\n').length / 3);
        const formatted = await format(collapsed, file);
        expectTidy(formatted);
        expect(await format(formatted, file)).toBe(formatted);
        expect(content(formatted, file)).toEqual(content(original, file));
        // The structure is laid out again over many lines.
        expect(formatted.split('\n').length).toBeGreaterThan(original.split('\n').length / 2);
    });

    test('an example with Windows line endings gets no edits either', async () => {
        const file = examplePlans[0];
        const crlf = read(file).replace(/\n/g, '\r\n');
        expect(await formatEdits(crlf, file)).toEqual([]);
        expect(await format(reindent(crlf, file, 3), file)).toBe(crlf);
    });
});

describe('the plan model survives formatting', () => {
    const catalogueSources = (): SourceText[] => exampleCatalogues.map(file => ({ file, text: read(file) }));

    async function models(plans: readonly SourceText[]): Promise<PlanModel[]> {
        const loaded = await buildWorkspace(services, [...catalogueSources(), ...plans]);
        return loaded.slice(exampleCatalogues.length).map(({ document, file }) => {
            const root = document.parseResult.value;
            if (!isPlan(root)) throw new Error(`${file} is not a plan`);
            expect(document.parseResult.parserErrors).toEqual([]);
            return buildPlanModel(root, { source: path.basename(file), catalogues: services.suplan.catalogue.CatalogueResolver });
        });
    }

    let originals: PlanModel[];
    beforeAll(async () => {
        originals = await models(examplePlans.map(file => ({ file, text: read(file) })));
    });

    test('formatting collapsed and respaced plans gives the same model as the examples', async () => {
        const collapsed = await Promise.all(examplePlans.map(async file => ({ file, text: await format(collapse(read(file), file), file) })));
        expect(await models(collapsed)).toEqual(originals);
        const respaced = await Promise.all(examplePlans.map(async (file, i) => ({ file, text: await format(respace(read(file), file, 10 + i), file) })));
        expect(await models(respaced)).toEqual(originals);
        expect(originals.length).toBe(examplePlans.length);
        expect(originals.every(model => model.variables.length > 0)).toBe(true);
    });
});

describe('formatting the invalid fixtures', () => {
    test.each(invalidFixtures.map(f => [path.basename(f), f]))('%s: idempotent, tokens and comments kept; syntax errors left alone', async (_name, file) => {
        const original = read(file);
        const document = parse(original, file);
        const broken = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;
        if (broken) {
            expect(await formatEdits(original, file)).toEqual([]);
            expect(await formatEdits(collapse(original, file), file)).toEqual([]);
            return;
        }
        const formatted = await format(original, file);
        expect(await format(formatted, file)).toBe(formatted);
        expect(content(formatted, file)).toEqual(content(original, file));
        const fromMess = await format(respace(original, file, 7), file);
        expect(fromMess).toBe(formatted);
        const fromCollapsed = await format(collapse(original, file), file);
        expectTidy(fromCollapsed);
        expect(await format(fromCollapsed, file)).toBe(fromCollapsed);
        expect(content(fromCollapsed, file)).toEqual(content(original, file));
    });

    test('the fixtures include one with a syntax error and many without', () => {
        const broken = invalidFixtures.filter(file => parse(read(file), file).parseResult.parserErrors.length > 0);
        expect(broken.length).toBeGreaterThan(0);
        expect(invalidFixtures.length - broken.length).toBeGreaterThan(40);
    });
});

describe('layout rules', () => {
    test('a messy plan gets the house style', async () => {
        const messy = [
            'plan "P"{version "1" status utkast',
            'syfte lärande   fråga "F?"',
            '',
            '',
            '',
            'period 2025-01-01..2025-12-31 mätpunkter före "Före" , efter "Efter"',
            'värdemängder{ja_nej "Ja/nej" {1 "Ja" 2 "Nej"}}',
            'variabler {',
            'använd bbic . kön som kön vid före fördjupa { 1 "Flicka" -> 1',
            '2 "Pojke" -> 2 } lokal a "A" : antal 0 .. 10 när kön = - 1',
            '  härledd s "S" = medel ( a , a )',
            'frågegrupp g "G" :',
            'val { 1 "Ja" 2 "Nej" } vid före {',
            'g1 "G1" g2 "G2" index summa }',
            '}',
            'analyser { f1 "F" : frekvens a',
            '  f2:andel a i 1 , 2 målvärde 80%}',
            '}',
        ].join('\n');
        const expected = [
            'plan "P" {',
            '    version "1"',
            '    status utkast',
            '    syfte lärande',
            '    fråga "F?"',
            '',
            '    period 2025-01-01 .. 2025-12-31',
            '    mätpunkter före "Före", efter "Efter"',
            '    värdemängder {',
            '        ja_nej "Ja/nej" { 1 "Ja" 2 "Nej" }',
            '    }',
            '    variabler {',
            '        använd bbic.kön som kön vid före fördjupa {',
            '            1 "Flicka" -> 1',
            '            2 "Pojke" -> 2',
            '        }',
            '        lokal a "A" : antal 0..10 när kön = -1',
            '        härledd s "S" = medel(a, a)',
            '        frågegrupp g "G" :',
            '                val { 1 "Ja" 2 "Nej" } vid före {',
            '            g1 "G1"',
            '            g2 "G2"',
            '            index summa',
            '        }',
            '    }',
            '    analyser {',
            '        f1 "F": frekvens a',
            '        f2: andel a i 1, 2 målvärde 80 %',
            '    }',
            '}',
            '',
        ].join('\n');
        const formatted = await format(messy, 'p.suplan');
        expect(formatted).toBe(expected);
        expect(await format(formatted, 'p.suplan')).toBe(formatted);
    });

    test('comments stay in place and are indented with their code', async () => {
        const messy = [
            '   // Huvud',
            '',
            '',
            'plan "P" { // efter klammern',
            '        /* före version */ version "1"',
            '  // före variabler',
            'variabler {',
            'lokal a "A" : antal // efter typen',
            'vid före',
            '     /* ett block',
            '        över två rader */',
            '     // sist i blocket',
            '   }',
            '}   ',
            '// efter planen   ',
        ].join('\n');
        const expected = [
            '// Huvud',
            '',
            'plan "P" { // efter klammern',
            '    /* före version */ version "1"',
            '    // före variabler',
            '    variabler {',
            '        lokal a "A" : antal // efter typen',
            '            vid före',
            '        /* ett block',
            '           över två rader */',
            '        // sist i blocket',
            '    }',
            '}',
            '// efter planen',
            '',
        ].join('\n');
        const formatted = await format(messy, 'p.suplan');
        expect(formatted).toBe(expected);
        expect(await format(formatted, 'p.suplan')).toBe(formatted);
        expect(content(formatted, 'p.suplan')).toEqual(content(messy, 'p.suplan'));
    });

    test('a catalogue: clauses one per line, a one-line code list stays on one line', async () => {
        const messy = 'katalog k "K" version "1" { beskrivning "B" variabel a { etikett "A" värdemängd { 1 "Ja" 2 "Nej" } nationell statistik } variabel b {etikett "B" värdemängd antal 0..5\n} }';
        const expected = [
            'katalog k "K" version "1" {',
            '    beskrivning "B"',
            '    variabel a {',
            '        etikett "A"',
            '        värdemängd { 1 "Ja" 2 "Nej" }',
            '        nationell statistik',
            '    }',
            '    variabel b {',
            '        etikett "B"',
            '        värdemängd antal 0..5',
            '    }',
            '}',
            '',
        ].join('\n');
        expect(await format(messy, 'k.sucat')).toBe(expected);
    });

    test('four spaces whatever the editor options (tabs, other widths): the house style', async () => {
        const file = examplePlans[0];
        for (const options of [{ tabSize: 4, insertSpaces: false }, { tabSize: 8, insertSpaces: false }, { tabSize: 2, insertSpaces: true }]) {
            expect(await format(read(file), file, options)).toBe(read(file));
        }
    });
});

describe('range formatting', () => {
    test('only the lines of the range are formatted', async () => {
        const file = examplePlans[0];
        const original = read(file);
        const lines = original.split('\n');
        // Mess up lines 15-18 (the roles) and 33-36 (the variables); format only the first group.
        const messy = lines.map((line, i) => ((i >= 14 && i <= 17) || (i >= 32 && i <= 35) ? '  ' + line.trim() + ' \t' : line));
        const range: Range = { start: { line: 14, character: 0 }, end: { line: 18, character: 0 } };
        const formatted = (await formatRange(messy.join('\n'), file, range)).split('\n');
        expect(formatted.slice(0, 32)).toEqual(lines.slice(0, 32));
        expect(formatted.slice(32)).toEqual(messy.slice(32));
    });

    test('a document with a syntax error is not formatted as a whole, but the range before the error is', async () => {
        const text = 'plan "P" {\nversion "1"\n      syfte   lärande\nfråga Hur många?\n    nivå   verksamhet\n}\n';
        expect(await formatEdits(text, 'p.suplan')).toEqual([]);
        const before = await formatRange(text, 'p.suplan', { start: { line: 0, character: 0 }, end: { line: 2, character: 20 } });
        expect(before).toBe('plan "P" {\n    version "1"\n    syfte lärande\nfråga Hur många?\n    nivå   verksamhet\n}\n');
        const across = await formatRange(text, 'p.suplan', { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } });
        expect(across).toBe(text);

        const nested = 'plan "P" {\nroller {\n  mandat   "M"\n     }\nfråga Hur?\n}\n';
        const formatted = await formatRange(nested, 'p.suplan', { start: { line: 0, character: 0 }, end: { line: 3, character: 6 } });
        expect(formatted).toBe('plan "P" {\n    roller {\n        mandat "M"\n    }\nfråga Hur?\n}\n');
    });
});
