import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { CODE_TABLE_END, CODE_TABLE_START, renderCodeTable } from '../src/language/diagnostics/code-table.js';
import { isCatalogue, isPlan } from '../src/language/generated/ast.js';
import { starterVariable } from '../src/language/catalogue-starter.js';
import { createSuServices } from '../src/language/suplan-services.js';
import { buildPlanModel } from '../src/model/build-model.js';
import { collectFiles } from '../src/files/discovery.js';
import { buildWorkspace, readSources } from '../src/workspace/load.js';
import { renderNewPlan } from '../src/template/plan-template.js';
import { grammarKeywords, PLAN_GRAMMARS } from './grammar-keywords.js';
import { applyStep, fencedBlocks } from './readme-tutorial.js';

const readme = readFileSync('README.md', 'utf8');

function section(start: string, end: string): string {
    const from = readme.indexOf(start);
    const to = readme.indexOf(end, from + 1);
    expect(from, `README section "${start}"`).toBeGreaterThanOrEqual(0);
    return readme.slice(from, to < 0 ? undefined : to);
}

/**
 * Evaluates a model path such as `variables[origin=catalogue].refinement[].original`:
 * `name[]` spreads an array, `name[key=value]` keeps array elements (or an object) whose key equals value.
 */
export function evaluate(value: unknown, pathText: string): unknown[] {
    let current: unknown[] = [value];
    for (const segment of pathText.split('.')) {
        const match = /^([^[\]]+)(?:\[(?:([^=\]]+)=([^\]]+))?\])?$/.exec(segment);
        if (!match) throw new Error(`bad path segment ${segment}`);
        const [, name, key, expected] = match;
        const spread = segment.includes('[');
        const next: unknown[] = [];
        for (const item of current) {
            if (item === null || typeof item !== 'object') continue;
            const child = (item as Record<string, unknown>)[name];
            const candidates = spread && Array.isArray(child) ? child : [child];
            for (const candidate of candidates) {
                if (candidate === undefined) continue;
                if (key !== undefined && (candidate === null || typeof candidate !== 'object' || String((candidate as Record<string, unknown>)[key]) !== expected)) continue;
                next.push(candidate);
            }
        }
        current = next;
    }
    return current;
}

function filled(value: unknown): boolean {
    if (value === undefined || value === null || value === false || value === '') return false;
    if (Array.isArray(value)) return value.length > 0;
    return true;
}

describe('README', () => {
    test('opens with the two commands, and .ci/run runs the test command', () => {
        const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
        expect(firstBlock).toContain('npm ci && npm run demo');
        expect(firstBlock).toContain('npm run test:all');
        const ci = readFileSync('.ci/run', 'utf8');
        expect(ci).toContain('npm ci');
        expect(ci).toContain('npm run test:all');
    });

    test('the code table is the one generated from the code table source', () => {
        const start = readme.indexOf(CODE_TABLE_START);
        const end = readme.indexOf(CODE_TABLE_END);
        expect(start).toBeGreaterThan(0);
        expect(readme.slice(start + CODE_TABLE_START.length, end).trim()).toBe(renderCodeTable());
    });

    test('every grammar keyword appears in the language reference', () => {
        const reference = section('## Språkreferens', '## Begrepp');
        const words = new Set(reference.match(/[\p{L}\p{N}_/]+/gu) ?? []);
        const missing = PLAN_GRAMMARS.flatMap(grammarKeywords).filter(k => !words.has(k));
        expect(missing).toEqual([]);
    });

    describe('concept table: each row\'s model field is filled in its example', () => {
        const table = section('<!-- concepts:start -->', '<!-- concepts:end -->');
        const rows = table.split('\n').filter(line => line.startsWith('| ') && !line.startsWith('| Begrepp') && !line.startsWith('|---'))
            .map(line => {
                const cells = line.split(/(?<!\\)\|/).slice(1, -1).map(c => c.trim());
                const field = /`([^`]+)`/.exec(cells[2] ?? '')?.[1] ?? '';
                const example = /(examples\/plans\/[\w.-]+\.suplan)/.exec(cells[3] ?? '')?.[1] ?? '';
                return { concept: cells[0], field, example };
            });
        let models: Map<string, unknown>;

        beforeAll(async () => {
            const services = createSuServices(EmptyFileSystem);
            const files = collectFiles(['examples']);
            const loaded = await buildWorkspace(services, readSources([...files.catalogues, ...files.plans]));
            models = new Map();
            for (const entry of loaded) {
                const root = entry.document.parseResult.value;
                if (isPlan(root)) models.set(path.relative(process.cwd(), entry.file).split(path.sep).join('/'), buildPlanModel(root, { source: entry.file }));
            }
        });

        test('the table lists the concepts of product.md\'s checklist', () => {
            expect(rows.length).toBeGreaterThanOrEqual(60);
            for (const row of rows) {
                expect(row.field, `row "${row.concept}" names a model field`).not.toBe('');
                expect(row.example, `row "${row.concept}" names an example file`).not.toBe('');
            }
        });

        test.each(rows.map(r => [r.concept, r] as const))('%s', (_concept, row) => {
            const model = models.get(row.example);
            expect(model, `example ${row.example} exists`).toBeDefined();
            const values = evaluate(model, row.field);
            expect(values.some(filled), `${row.field} is filled in ${row.example}`).toBe(true);
        });
    });

    describe('every plan and plan fragment in the README parses', () => {
        const services = createSuServices(EmptyFileSystem);
        const fragments = readmeFragments();

        test('the README has fragments from the tutorial, the language reference and the catalogue language', () => {
            expect(fragments.filter(f => f.where.startsWith('tutorial')).length).toBe(4);
            expect(fragments.length).toBeGreaterThan(100);
        });

        test.each(fragments.map(f => [`${f.where}: ${f.text.replace(/\s+/g, ' ').slice(0, 70)}`, f] as const))('%s', (_name, fragment) => {
            const tried = CONTEXTS.map(context => ({ context, errors: parseErrors(services, context.language, context.wrap(fragment.text)) }));
            const fits = tried.filter(t => t.errors.length === 0).map(t => t.context.name);
            const asElements = tried.find(t => t.context.name === 'plan elements');
            expect(fits, `"${fragment.text}" parses nowhere; as plan elements: ${asElements?.errors.join(' | ')}`).not.toEqual([]);
        });

        test('the tutorial: steps 4–7 applied to the plan `suplan new` writes give a plan without errors or warnings (its example texts replaced)', async () => {
            const catalogueFile = path.resolve('examples/catalogues/bbic-2023.sucat');
            const [catalogue] = await buildWorkspace(services, readSources([catalogueFile]));
            const root = catalogue.document.parseResult.value;
            expect(isCatalogue(root)).toBe(true);
            const variable = isCatalogue(root) ? starterVariable(root) : undefined;
            expect(variable).toBeDefined();
            let plan = renderNewPlan({ title: 'Samtal med barn', year: 2026, catalogue: variable && { name: 'bbic', version: '2023', variable } });
            const steps = fragments.filter(f => f.where.startsWith('tutorial'));
            for (const step of steps) plan = applyStep(services, plan, step.text);
            const file = path.resolve('examples/plans/readme-tutorial.suplan');
            const loaded = await buildWorkspace(services, [...readSources([catalogueFile]), { file, text: plan }]);
            const diagnostics = loaded.find(l => l.file === file)?.diagnostics ?? [];
            const problems = diagnostics.filter(d => d.severity === 1 || d.severity === 2)
                .map(d => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
            expect(problems, plan).toEqual([]);
        });
    });
});

// ---------------------------------------------------------------- plans and fragments in the README

type Services = ReturnType<typeof createSuServices>;

interface Fragment {
    /** Where in the README: `tutorial 1`, `reference: Styrning`, `block 2`. */
    readonly where: string;
    readonly text: string;
}

/** The places a fragment of plan or catalogue text may stand: a fragment passes when it parses in one. */
const CONTEXTS: ReadonlyArray<{ readonly name: string; readonly language: 'suplan' | 'sucat'; readonly wrap: (text: string) => string }> = [
    { name: 'a plan', language: 'suplan', wrap: text => text },
    { name: 'plan elements', language: 'suplan', wrap: text => `plan "T" {\n${text}\n}` },
    { name: 'variables', language: 'suplan', wrap: text => `plan "T" { variabler {\n${text}\n} }` },
    { name: 'a variable type', language: 'suplan', wrap: text => `plan "T" { variabler { lokal v "V" : ${text} } }` },
    { name: 'options after a variable type', language: 'suplan', wrap: text => `plan "T" { variabler { lokal v "V" : antal 0..9 ${text} } }` },
    { name: 'options after a catalogue variable', language: 'suplan', wrap: text => `plan "T" { variabler { använd k.v ${text} } }` },
    { name: 'a derived variable after its label', language: 'suplan', wrap: text => `plan "T" { variabler { härledd d "D" ${text} } }` },
    { name: 'an analysis', language: 'suplan', wrap: text => `plan "T" { analyser { a1 "A": ${text} } }` },
    { name: 'options after an analysis', language: 'suplan', wrap: text => `plan "T" { analyser { a1 "A": frekvens x ${text} } }` },
    { name: 'a comparison after its variable', language: 'suplan', wrap: text => `plan "T" { analyser { a1 "A": jämför x ${text} } }` },
    { name: 'scenarios', language: 'suplan', wrap: text => `plan "T" { scenarier {\n${text}\n} }` },
    { name: 'reference data', language: 'suplan', wrap: text => `plan "T" { referensdata {\n${text}\n} }` },
    { name: 'privacy', language: 'suplan', wrap: text => `plan "T" { integritet {\n${text}\n} }` },
    { name: 'a catalogue', language: 'sucat', wrap: text => text },
    { name: 'catalogue contents', language: 'sucat', wrap: text => `katalog k version "1" {\n${text}\n}` },
    { name: 'a catalogue variable', language: 'sucat', wrap: text => `katalog k version "1" { variabel v {\n${text}\n} }` },
];

function parseErrors(services: Services, language: 'suplan' | 'sucat', text: string): string[] {
    const result = services[language].parser.LangiumParser.parse(text);
    return [...result.lexerErrors.map(e => e.message), ...result.parserErrors.map(e => e.message)];
}

/**
 * The plan and catalogue text in the README: fenced blocks without a language (the tutorial's
 * steps, the catalogue example) and every code span in the first column of the language
 * reference's `| Syntax |` tables. In those, `…` outside a string means "and so on" and is left
 * out, `ÅÅÅÅ-MM-DD` stands for a date, and `a \| b \| c` after a keyword are alternatives.
 */
function readmeFragments(): Fragment[] {
    const fragments: Fragment[] = [];
    const tutorialStart = readme.indexOf('## Kom igång');
    const tutorialEnd = readme.indexOf('\n## ', tutorialStart + 1);
    let steps = 0;
    let blocks = 0;
    for (const block of fencedBlocks(readme)) {
        if (block.language !== '') continue;
        blocks++;
        const inTutorial = block.offset > tutorialStart && block.offset < tutorialEnd;
        fragments.push({ where: inTutorial ? `tutorial ${++steps}` : `block ${blocks}`, text: block.text });
    }
    const reference = readme.slice(readme.indexOf('## Språkreferens'), readme.indexOf('## Begrepp'));
    let heading = '';
    let inSyntaxTable = false;
    for (const line of reference.split('\n')) {
        if (line.startsWith('### ')) heading = line.slice(4).split(' / ')[0];
        if (!line.startsWith('|')) { inSyntaxTable = false; continue; }
        if (line.startsWith('| Syntax |')) { inSyntaxTable = true; continue; }
        if (!inSyntaxTable || line.startsWith('|---')) continue;
        const firstCell = line.split(/(?<!\\)\|/)[1] ?? '';
        for (const span of firstCell.matchAll(/`([^`]+)`/g)) {
            for (const text of alternatives(span[1])) fragments.push({ where: `reference: ${heading}`, text });
        }
    }
    return fragments;
}

/** `värdemängd datum \| ja/nej` → `värdemängd datum`, `värdemängd ja/nej`; placeholders filled. */
function alternatives(code: string): string[] {
    const filled = withoutEllipsis(code).replaceAll('ÅÅÅÅ-MM-DD', '2025-01-01');
    const parts = filled.split('\\|').map(part => part.trim());
    if (parts.length === 1) return parts;
    const keyword = parts[0].split(/\s+/)[0];
    return [parts[0], ...parts.slice(1).map(part => `${keyword} ${part}`)];
}

/** Leaves out `…` where it is not inside a string. */
function withoutEllipsis(code: string): string {
    let result = '';
    let inString = false;
    for (let i = 0; i < code.length; i++) {
        const char = code[i];
        if (char === '\\' && inString) { result += char + (code[i + 1] ?? ''); i++; continue; }
        if (char === '"') inString = !inString;
        if (char === '…' && !inString) continue;
        result += char;
    }
    return result;
}
