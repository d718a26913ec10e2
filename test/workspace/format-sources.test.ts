import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CstUtils, EmptyFileSystem, isLeafCstNode, URI, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { isPlan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildPlanModel } from '../../src/model/build-model.js';
import { formatSources } from '../../src/workspace/format-sources.js';
import { buildWorkspace, type SourceText } from '../../src/workspace/load.js';

/** `suplan format`'s core on the examples and on layout-mangled copies of them. */

const services = createSuServices(EmptyFileSystem, undefined, { batch: true });
const filesIn = (dir: string, extension: string) => readdirSync(dir).filter(f => f.endsWith(extension)).sort().map(f => path.resolve(dir, f));
const plans = filesIn('examples/plans', '.suplan');
const catalogues = filesIn('examples/catalogues', '.sucat');
const read = (file: string) => readFileSync(file, 'utf8');

async function formatOne(file: string, text: string): Promise<string> {
    const [result] = await formatSources(services, [{ file, text }]);
    expect(result.syntaxErrors).toEqual([]);
    if (result.formatted === undefined) throw new Error(`${file} was not formatted`);
    return result.formatted;
}

/** The tokens (code and comments) of a text, in order. */
function leaves(text: string, file: string): CstNode[] {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/mangle/${path.basename(file)}`));
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root).filter(n => isLeafCstNode(n) && n.length > 0 && n.text.trim().length > 0).toArray().sort((a, b) => a.offset - b.offset);
}

/** Rewrites only the whitespace between tokens, so the tokens (and strings) stay as they are. */
function rewriteGaps(text: string, file: string, gap: (original: string, previous: CstNode | undefined) => string): string {
    const tokens = leaves(text, file);
    let out = '';
    let end = 0;
    tokens.forEach((token, i) => {
        out += gap(text.slice(end, token.offset), tokens[i - 1]) + token.text;
        end = token.end;
    });
    return out + gap(text.slice(end), tokens[tokens.length - 1]);
}

const isLineComment = (token: CstNode | undefined) => token !== undefined && token.hidden && token.text.startsWith('//');

const MANGLES: Record<string, (text: string, file: string) => string> = {
    /** Every line indented by a different odd number of spaces. */
    reindented: (text, file) => {
        let n = 0;
        return rewriteGaps(text, file, gap => (gap.includes('\n') ? gap.replace(/[ \t]*$/, ' '.repeat((n++ * 7) % 13)) : gap));
    },
    /** Indentation in tabs, one per level and a stray one. */
    tabs: (text, file) => rewriteGaps(text, file, gap => gap.replace(/\n( *)(?=[^\n]*$)/, (_m, spaces: string) => '\n' + '\t'.repeat(spaces.length / 4 + 1))),
    /** Single spaces between tokens widened, and trailing whitespace added. */
    expanded: (text, file) => rewriteGaps(text, file, (gap, previous) => (previous !== undefined && gap === ' ' ? '   ' : gap.replace(/\n/g, ' \t\n'))),
    /** All whitespace collapsed to one space (a line comment still ends its line). */
    collapsed: (text, file) => rewriteGaps(text, file, (_gap, previous) => (previous === undefined ? '' : isLineComment(previous) ? '\n' : ' ')),
    /** Blank lines multiplied and the final line break dropped. */
    blankLines: (text, file) => rewriteGaps(text, file, gap => gap.replace(/\n/g, '\n\n\n')).replace(/\s+$/, ''),
};

/** The model of each plan, built with the example catalogues; `source` is the same for every text. */
async function modelOf(text: string): Promise<unknown> {
    const sources: SourceText[] = [
        { file: path.resolve('mangle-test/plan.suplan'), text },
        ...catalogues.map(file => ({ file, text: read(file) })),
    ];
    const [loaded] = await buildWorkspace(services, sources);
    const root = loaded.document.parseResult.value;
    if (!isPlan(root)) throw new Error('not a plan');
    expect(loaded.diagnostics.filter(d => d.code === 'SU001')).toEqual([]);
    return buildPlanModel(root, { source: 'plan.suplan', catalogues: services.suplan.catalogue.CatalogueResolver });
}

describe('format: the examples', () => {
    test.each([...plans, ...catalogues].map(f => [path.basename(f), f]))('%s is canonical: formatting changes nothing', async (_name, file) => {
        const text = read(file);
        expect(await formatOne(file, text)).toBe(text);
    });
});

describe('format: mangled layouts', () => {
    const cases = plans.flatMap(file => Object.keys(MANGLES).map(mangle => [path.basename(file), mangle, file] as const));
    test.each(cases)('%s %s: idempotent, and the same plan model as the example', async (_name, mangle, file) => {
        const original = read(file);
        const mangled = MANGLES[mangle](original, file);
        expect(mangled).not.toBe(original);
        const once = await formatOne(file, mangled);
        const twice = await formatOne(file, once);
        expect(twice).toBe(once);
        if (mangle === 'reindented' || mangle === 'tabs') expect(once).toBe(original);
        expect(once.split('\n').filter(line => /^\t| +\t|[ \t]$/.test(line))).toEqual([]);
        expect(await modelOf(once)).toEqual(await modelOf(original));
    });

    test.each(catalogues.map(f => [path.basename(f), f]))('%s collapsed: idempotent, no comment lost', async (_name, file) => {
        const original = read(file);
        const once = await formatOne(file, MANGLES.collapsed(original, file));
        expect(await formatOne(file, once)).toBe(once);
        const comments = (text: string) => leaves(text, file).filter(t => t.hidden).map(t => t.text);
        expect(comments(once)).toEqual(comments(original));
    });
});

describe('format: line endings and syntax errors', () => {
    test.each(plans.map(f => [path.basename(f), f]))('%s with CRLF keeps CRLF: reindented, it formats to the example with CRLF', async (_name, file) => {
        const crlf = read(file).replace(/\n/g, '\r\n');
        expect(await formatOne(file, crlf)).toBe(crlf);
        const mangled = MANGLES.reindented(crlf, file);
        expect(mangled).not.toBe(crlf);
        const formatted = await formatOne(file, mangled);
        expect(formatted).toBe(crlf);
        expect(formatted.replace(/\r\n/g, '').includes('\n')).toBe(false);
        expect(await modelOf(formatted)).toEqual(await modelOf(read(file)));
    });

    test('a file with a syntax error is not formatted; the others are', async () => {
        const broken = 'plan "Trasig" {\n  syfte kontroll\n  fråga "Vad?"\n  variabler { lokal x "X" : }\n}\n';
        const good = 'plan "Hel" {\n  syfte kontroll\n    fråga "Vad?"\n}\n';
        const [first, second] = await formatSources(services, [
            { file: path.resolve('fmt/broken.suplan'), text: broken },
            { file: path.resolve('fmt/good.suplan'), text: good },
        ]);
        expect(first.formatted).toBeUndefined();
        expect(first.syntaxErrors.length).toBeGreaterThan(0);
        expect(String(first.syntaxErrors[0].message)).toMatch(/^Syntaxfel/);
        expect(second.formatted).toBe('plan "Hel" {\n    syfte kontroll\n    fråga "Vad?"\n}\n');
    });
});
