import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import {
    AstUtils, CstUtils, EmptyFileSystem, isCompositeCstNode, isLeafCstNode, isReference, URI, type AstNode, type CstNode, type LangiumDocument, type ParseResult,
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { createServicesForGrammar } from 'langium/grammar';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { tryIncrementalUpdate } from '../../../src/language/overrides/incremental-parse.js';
import { SuDocumentFactory } from '../../../src/language/overrides/su-document-factory.js';
import { createSuServices } from '../../../src/language/suplan-services.js';

const services = createSuServices(EmptyFileSystem);

const EXAMPLES = ['examples/plans', 'examples/catalogues'].flatMap(dir =>
    readdirSync(dir).map(name => ({ file: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8') })));

function languageOf(file: string): LangiumServices {
    return file.endsWith('.sucat') ? services.sucat : services.suplan;
}

/** A small deterministic random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Everything a parse produces that later phases read: the AST's values, every CST node's position and text. */
function snapshot(result: ParseResult<AstNode>): unknown {
    const cst: unknown[] = [];
    const visitCst = (node: CstNode): void => {
        cst.push([node.offset, node.end, node.range, node.hidden, isLeafCstNode(node) ? [node.tokenType.name, node.text] : node.astNode.$type]);
        if (isCompositeCstNode(node)) node.content.forEach(visitCst);
    };
    const ast = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(ast);
        if (isReference(value)) return { $refText: value.$refText };
        if (value && typeof value === 'object' && '$type' in value) {
            const node = value as AstNode;
            const entries = Object.entries(node).filter(([key]) => !key.startsWith('$')).map(([key, v]) => [key, ast(v)]);
            return { $type: node.$type, $range: node.$cstNode?.range, ...Object.fromEntries(entries) };
        }
        return value;
    };
    if (result.value.$cstNode) visitCst(result.value.$cstNode.root);
    return { ast: ast(result.value), cst, text: result.value.$cstNode?.root.fullText };
}

/** Offsets inside strings and comments, where the fast path applies, and anywhere else. */
function delimitedOffsets(text: string): number[] {
    const offsets: number[] = [];
    for (const match of text.matchAll(/"(\\.|[^"\\])*"|\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g)) {
        for (let i = match.index + 1; i < match.index + match[0].length; i++) offsets.push(i);
    }
    return offsets;
}

const INSERTS = ['x', 'å', 'Ö', ' ', '  ', '\n', '\r\n', '\t', ',', ':', '..', ' vid ', '%', '"', '\\', '\\"', '/', '*', '*/', '//', '/*', '1', '-', '.', '{', '}', 'ab cd', 'utkast', '// kommentar\n', '/* k */ ', ' /* k */', 'x\n'];

/** A random edit: an insertion, a deletion or a replacement, inside a string or comment half of the time. */
function randomEdit(text: string, next: () => number, inside: readonly number[]): string {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const at = inside.length > 0 && next() < 0.5 ? pick(inside) : Math.floor(next() * (text.length + 1));
    const kind = next();
    if (kind < 0.5) return text.slice(0, at) + pick(INSERTS) + text.slice(at);
    const length = 1 + Math.floor(next() * 4);
    if (kind < 0.8) return text.slice(0, at) + text.slice(at + length);
    return text.slice(0, at) + pick(INSERTS) + text.slice(at + length);
}

describe('incremental parsing', () => {
    for (const example of EXAMPLES) {
        test(`random edits of ${example.file}: every tree updated in place equals a fresh parse`, () => {
            const language = languageOf(example.file);
            const parser = language.parser.LangiumParser;
            const next = random(example.text.length + Number(process.env.SUPLAN_FUZZ_SEED ?? 0));
            const inside = delimitedOffsets(example.text);
            let updated = 0;
            const edits = example.file.endsWith('.sucat') ? 60 : 200;
            for (let i = 0; i < edits; i++) {
                const result = parser.parse(example.text);
                const text = randomEdit(example.text, next, inside);
                if (!tryIncrementalUpdate(language, result, text)) continue;
                updated++;
                expect(snapshot(result), `edit ${i}`).toEqual(snapshot(parser.parse(text)));
            }
            // Half of the edits land in strings and comments, and some of the others in whitespace.
            expect(updated).toBeGreaterThan(edits * 0.2);
        });
    }

    test('edits at the first token of list elements in the examples (24 per example, drawn with the fuzz seed): each tree updated in place equals a fresh parse', () => {
        let updated = 0;
        for (const example of EXAMPLES.filter(e => e.file.endsWith('.suplan'))) {
            const language = languageOf(example.file);
            const parser = language.parser.LangiumParser;
            const starts = new Set<number>();
            for (const node of AstUtils.streamAllContents(parser.parse(example.text).value)) {
                const first = node.$containerIndex !== undefined && node.$cstNode ? CstUtils.flattenCst(node.$cstNode).find(leaf => !leaf.hidden) : undefined;
                if (first) starts.add(first.offset).add(first.end);
            }
            // Every element's first token would take a minute: 24 of them per example, drawn with the fuzz seed.
            const all = [...starts].sort((a, b) => a - b);
            const next = random(all.length + Number(process.env.SUPLAN_FUZZ_SEED ?? 0));
            for (const at of Array.from({ length: 24 }, () => all[Math.floor(next() * all.length)])) {
                const edits = ['x', '/* k */ ', '// k\n', ' // k'].map(insert => example.text.slice(0, at) + insert + example.text.slice(at));
                for (const text of [...edits, example.text.slice(0, at - 1) + example.text.slice(at)]) {
                    const result = parser.parse(example.text);
                    if (!tryIncrementalUpdate(language, result, text)) continue;
                    updated++;
                    expect(snapshot(result), `${example.file} at ${at}`).toEqual(snapshot(parser.parse(text)));
                }
            }
        }
        expect(updated).toBeGreaterThan(100);
    });

    for (const example of EXAMPLES.filter(e => e.file.endsWith('.suplan'))) {
        test(`a series of edits in one tree of ${example.file} (the remembered token list and ranges kept in step) stays equal to a fresh parse`, () => {
            const parser = services.suplan.parser.LangiumParser;
            const result = parser.parse(example.text);
            const next = random(7 + Number(process.env.SUPLAN_FUZZ_SEED ?? 0));
            let text = example.text;
            let updated = 0;
            for (let i = 0; i < 120; i++) {
                const inside = delimitedOffsets(text);
                const candidate = randomEdit(text, next, inside);
                if (!tryIncrementalUpdate(services.suplan, result, candidate)) continue;
                text = candidate;
                updated++;
                expect(snapshot(result), `edit ${i}`).toEqual(snapshot(parser.parse(text)));
            }
            expect(updated).toBeGreaterThan(30);
        });
    }

    test('edits that could change the tree\'s shape are declined: keywords, quotes, new tokens, touching tokens, syntax errors', () => {
        const parser = services.suplan.parser.LangiumParser;
        const text = 'plan "Titel" {\n    version "1"\n    status utkast\n}\n';
        const declined = [
            text.replace('status', 'statu'), // keyword
            text.replace('"1"', '"12'), // quote removed
            text.replace('"Titel"', '"Ti"tel"'), // string split in two
            text.replace('{\n', '{\n    // ny\n'), // new comment (a new token)
            text.replace(' {', '{').replace('plan "Titel"', 'plan"Titel"'), // tokens that touch
        ];
        for (const edited of declined) {
            expect(tryIncrementalUpdate(services.suplan, parser.parse(text), edited), edited).toBe(false);
        }
        // A comment typed before an element, or after it, hangs beside the element, not in it: parsed in full.
        for (const edited of [text.replace('    version', '    // ny\n    version'), text.replace('"1"', '"1" // ny')]) {
            const result = parser.parse(text);
            if (tryIncrementalUpdate(services.suplan, result, edited)) expect(snapshot(result), edited).toEqual(snapshot(parser.parse(edited)));
        }
        const broken = parser.parse('plan "Titel" {\n    version\n}\n');
        expect(broken.parserErrors.length).toBeGreaterThan(0);
        expect(tryIncrementalUpdate(services.suplan, broken, 'plan "Titlar" {\n    version\n}\n')).toBe(false);
    });

    test('an escaped quote, a line break in a string and a typed `*/` fall back to a full parse', () => {
        const parser = services.suplan.parser.LangiumParser;
        const text = 'plan "Titel" {\n    /* kommentar */\n    version "1"\n}\n';
        expect(tryIncrementalUpdate(services.suplan, parser.parse(text), text.replace('Titel', 'Ti\\"tel'))).toBe(true);
        expect(tryIncrementalUpdate(services.suplan, parser.parse(text), text.replace('Titel', 'Ti\ntel'))).toBe(false);
        expect(tryIncrementalUpdate(services.suplan, parser.parse(text), text.replace('kommentar', 'kom */ mentar'))).toBe(false);
    });
    test('an edit inside one element (a variable, an analysis) re-parses that element alone', () => {
        const parser = services.suplan.parser.LangiumParser;
        const text = 'plan "P" {\n    variabler {\n        lokal x "X" : antal 0..50\n        lokal y "Y" : antal\n    }\n}\n';
        const result = parser.parse(text);
        const before = result.value;
        const edits = [
            text.replace('0..50', '0..500'), text.replace('lokal y', 'lokal yy'), text.replace('antal\n', 'antal 1..3\n'),
        ];
        for (const edited of edits) {
            const fresh = parser.parse(text);
            expect(tryIncrementalUpdate(services.suplan, fresh, edited), edited).toBe(true);
            expect(snapshot(fresh)).toEqual(snapshot(parser.parse(edited)));
        }
        expect(result.value).toBe(before);
        // A plan setting is an element of the plan too: `status utkastx` parses (the validator rejects the word).
        const head = 'plan "P" {\n    status utkast\n    version "1"\n}\n';
        const status = parser.parse(head);
        expect(tryIncrementalUpdate(services.suplan, status, head.replace('utkast', 'utkastx'))).toBe(true);
        expect(snapshot(status)).toEqual(snapshot(parser.parse(head.replace('utkast', 'utkastx'))));
    });

    test('a comment above the first element of a block, and a new first id: the block or the element is parsed alone', () => {
        const parser = services.suplan.parser.LangiumParser;
        const text = 'plan "P" {\n    variabler {\n        lokal x "X" : antal\n    }\n    analyser {\n        a0: beskriv x\n        a1: beskriv x\n    }\n    urval alla\n}\n';
        const edits = [
            // The comment cannot go into `a0`; the `analyser` block ends with its `}`, so it is parsed alone without asking what follows.
            text.replace('\n        a0', '\n        // ny\n        a0'),
            // The first analysis's id: the list right after `{` decides on it alone.
            text.replace('a0:', 'a00:'),
        ];
        for (const edited of edits) {
            const result = parser.parse(text);
            const plan = result.value;
            expect(tryIncrementalUpdate(services.suplan, result, edited), edited).toBe(true);
            expect(result.value).toBe(plan);
            expect(snapshot(result)).toEqual(snapshot(parser.parse(edited)));
        }
    });

    test('an element that would swallow the next token is parsed with the whole document', () => {
        const parser = services.suplan.parser.LangiumParser;
        const text = 'plan "P" {\n    mätpunkter före, efter\n    variabler {\n        lokal x "X" : antal vid före\n        lokal y "Y" : antal\n    }\n}\n';
        // `vid före,` alone is an error; with the next line it would run on into `lokal`.
        expect(tryIncrementalUpdate(services.suplan, parser.parse(text), text.replace('vid före\n', 'vid före,\n'))).toBe(false);
    });
});

describe('incremental parsing in a grammar where an element can run on into the next', () => {
    test('an element that the parser, looking two tokens ahead, would continue into the next one is parsed with the whole document', async () => {
        // `'-' ID` may end an item and also start the next: after `a:`, the parser takes `- b` into the item.
        const language = await createServicesForGrammar({
            grammar: `
                grammar RunOn
                entry Model: items+=Item*;
                Item: '-'? key=ID ':' ('-' other=ID)? ('+' more=ID)?;
                hidden terminal WS: /\\s+/;
                terminal ID: /[a-z]+/;
            `,
        });
        const parser = language.parser.LangiumParser;
        const text = '\na: + x\n-b:\nc: + y\n';
        expect(parser.parse(text).parserErrors).toEqual([]);
        // Without `+ x`, the whole document reads `a: - b` and then fails at `:`; `a:` alone parses fine.
        const edited = '\na:\n-b:\nc: + y\n';
        expect(parser.parse(edited).parserErrors.length).toBeGreaterThan(0);
        expect(parser.parse('a:', { rule: 'Item' }).parserErrors).toEqual([]);
        expect(tryIncrementalUpdate(language, parser.parse(text), edited)).toBe(false);
        // An edit that leaves the item's end alone is still an element update.
        const result = parser.parse(text);
        expect(tryIncrementalUpdate(language, result, text.replace('+ x', '+ xy'))).toBe(true);
        expect(snapshot(result)).toEqual(snapshot(parser.parse(text.replace('+ x', '+ xy'))));
    });
});

describe('the document factory', () => {
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder, TextDocuments } = services.shared.workspace;
    const catalogue = EXAMPLES.find(e => e.file.endsWith('bbic-2023.sucat'))!;
    const planExample = EXAMPLES.find(e => e.file.endsWith('08-bbic-samtal.suplan'))!;

    async function open(name: string, text: string): Promise<LangiumDocument> {
        const uri = URI.file(`/factory/${name}`);
        const document = LangiumDocumentFactory.fromString(text, uri);
        LangiumDocuments.addDocument(document);
        TextDocuments?.set(TextDocument.create(uri.toString(), 'suplan', 1, text));
        return document;
    }

    async function edit(document: LangiumDocument, text: string, version: number): Promise<void> {
        TextDocuments?.set(TextDocument.create(document.uri.toString(), 'suplan', version, text));
        await DocumentBuilder.update([document.uri], []);
    }

    async function freshDiagnostics(name: string, text: string): Promise<unknown> {
        const fresh = createSuServices(EmptyFileSystem);
        const docs = [catalogue, { file: name, text }].map(source => {
            const document = fresh.shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(`/fresh/${path.basename(source.file)}`));
            fresh.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await fresh.shared.workspace.DocumentBuilder.build(docs, { validation: true });
        return docs[1].diagnostics;
    }

    test('is registered for both languages', () => {
        expect(LangiumDocumentFactory).toBeInstanceOf(SuDocumentFactory);
    });

    test('edits in a label and in a variable keep the tree; a syntax error parses again; diagnostics always as in a fresh build', async () => {
        const catalogueDocument = LangiumDocumentFactory.fromString(catalogue.text, URI.file('/factory/bbic-2023.sucat'));
        LangiumDocuments.addDocument(catalogueDocument);
        const document = await open('plan.suplan', planExample.text);
        await DocumentBuilder.build([catalogueDocument, document], { validation: true });
        const root = document.parseResult.value;

        // In a string: the token is updated in place.
        const quote = planExample.text.indexOf('"');
        const labelEdited = planExample.text.slice(0, quote + 1) + 'Ändrad: ' + planExample.text.slice(quote + 1);
        await edit(document, labelEdited, 2);
        expect(document.parseResult.value).toBe(root);
        expect(document.diagnostics).toEqual(await freshDiagnostics('plan.suplan', labelEdited));

        // In a variable's name: that variable is parsed alone and replaced; the reference is now unresolved.
        const nameEdited = labelEdited.replace(/använd bbic\.(\w+)/, 'använd bbic.$1_x');
        expect(nameEdited).not.toBe(labelEdited);
        await edit(document, nameEdited, 3);
        expect(document.parseResult.value).toBe(root);
        const diagnostics = document.diagnostics ?? [];
        expect(diagnostics).toEqual(await freshDiagnostics('plan.suplan', nameEdited));
        expect(diagnostics.some(d => d.code === 'SU012')).toBe(true);

        // A closing brace removed: the whole plan is parsed again and the syntax error reported.
        const broken = nameEdited.replace(/\n\s*}\s*$/, '\n');
        await edit(document, broken, 4);
        expect(document.parseResult.value).not.toBe(root);
        expect(document.diagnostics).toEqual(await freshDiagnostics('plan.suplan', broken));
        expect((document.diagnostics ?? []).some(d => d.code === 'SU001')).toBe(true);
    });

    test('with `suplan.incrementalParsing` off, every edit parses the document in full', async () => {
        const settings = services.suplan.catalogue.Settings;
        const document = await open('off.suplan', planExample.text);
        const catalogueDocument = LangiumDocuments.getDocument(URI.file('/factory/bbic-2023.sucat'))
            ?? LangiumDocumentFactory.fromString(catalogue.text, URI.file('/factory/bbic-2023.sucat'));
        if (!LangiumDocuments.hasDocument(catalogueDocument.uri)) LangiumDocuments.addDocument(catalogueDocument);
        await DocumentBuilder.build([catalogueDocument, document], { validation: true });
        const quote = planExample.text.indexOf('"');
        const labelEdited = planExample.text.slice(0, quote + 1) + 'Ändrad: ' + planExample.text.slice(quote + 1);
        settings.incrementalParsing = false;
        try {
            const root = document.parseResult.value;
            await edit(document, labelEdited, 2);
            expect(document.parseResult.value).not.toBe(root);
            expect(document.diagnostics).toEqual(await freshDiagnostics('off.suplan', labelEdited));
        } finally {
            settings.incrementalParsing = true;
        }
        const root = document.parseResult.value;
        await edit(document, labelEdited.replace('Ändrad: ', 'Ändrad igen: '), 3);
        expect(document.parseResult.value).toBe(root);
    });
});

