import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { CODE_TABLE_END, CODE_TABLE_START, renderCodeTable } from '../src/language/diagnostics/code-table.js';
import { isPlan } from '../src/language/generated/ast.js';
import { createSuServices } from '../src/language/suplan-services.js';
import { buildPlanModel } from '../src/model/build-model.js';
import { collectFiles } from '../src/files/discovery.js';
import { buildWorkspace, readSources } from '../src/workspace/load.js';
import { grammarKeywords, PLAN_GRAMMARS } from './grammar-keywords.js';

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
});
