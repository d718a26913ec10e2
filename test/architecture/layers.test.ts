import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { LAYERS, layerViolation } from '../../scripts/lint/layers.js';

const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
        return /\.(ts|js)$/.test(entry.name) ? [full] : [];
    });
}

function folderOf(file: string): string | undefined {
    const parts = path.relative(SRC, file).split(path.sep);
    return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

/** Folder-level import edges of src/ (type-only imports, re-exports and dynamic imports included). */
function folderEdges(): Map<string, Map<string, string>> {
    const edges = new Map<string, Map<string, string>>();
    for (const file of sourceFiles(SRC)) {
        const from = folderOf(file);
        if (!from) continue;
        const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
        for (const imported of info.importedFiles) {
            if (!imported.fileName.startsWith('.')) continue;
            const to = folderOf(path.resolve(path.dirname(file), imported.fileName));
            if (!to || to === from) continue;
            const targets = edges.get(from) ?? new Map<string, string>();
            if (!targets.has(to)) targets.set(to, path.relative('.', file));
            edges.set(from, targets);
        }
    }
    return edges;
}

/** Every cycle of the folder graph, each as a list of folders (Tarjan's strongly connected components). */
function cycles(edges: Map<string, Map<string, string>>): string[][] {
    let index = 0;
    const indices = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const found: string[][] = [];
    const visit = (node: string): void => {
        indices.set(node, index);
        low.set(node, index++);
        stack.push(node);
        onStack.add(node);
        for (const next of edges.get(node)?.keys() ?? []) {
            if (!indices.has(next)) {
                visit(next);
                low.set(node, Math.min(low.get(node)!, low.get(next)!));
            } else if (onStack.has(next)) {
                low.set(node, Math.min(low.get(node)!, indices.get(next)!));
            }
        }
        if (low.get(node) === indices.get(node)) {
            const component: string[] = [];
            let member: string;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                component.push(member);
            } while (member !== node);
            if (component.length > 1) found.push(component.sort());
        }
    };
    for (const node of edges.keys()) if (!indices.has(node)) visit(node);
    return found;
}

describe('the layers of src/', () => {
    const edges = folderEdges();

    test('the folder graph has no cycle (type-only imports included)', () => {
        expect(cycles(edges)).toEqual([]);
    });

    test('the cycle finder finds a planted cycle', () => {
        const planted = new Map(edges);
        planted.set('text', new Map([['cli', 'planted']]));
        expect(cycles(planted).some(cycle => cycle.includes('text') && cycle.includes('cli'))).toBe(true);
    });

    test('every import goes to a lower layer, and every folder of src/ has a layer', () => {
        const violations = [...edges].flatMap(([from, targets]) =>
            [...targets].map(([to, file]) => [file, layerViolation(from, to)] as const).filter(([, message]) => message !== undefined));
        expect(violations).toEqual([]);
        const folders = readdirSync(SRC, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name);
        expect(folders.filter(folder => !(LAYERS as string[][]).flat().includes(folder))).toEqual([]);
    });

    test('npm run lint fails when src/language/ imports from src/cli/, also for a type-only import', async () => {
        const eslint = new ESLint();
        const text = [
            "import type { GenerateOptions } from '../cli/generate-command.js';",
            "export const options: GenerateOptions | undefined = undefined;",
            '',
        ].join('\n');
        const [result] = await eslint.lintText(text, { filePath: path.resolve('src/language/layer-probe.ts') });
        const messages = result.messages.filter(m => m.ruleId === 'layers/layers').map(m => m.message);
        expect(messages).toEqual([expect.stringContaining('src/language/ may not import from src/cli/')]);
        const [allowed] = await eslint.lintText("import type { Language } from '../text/language.js';\nexport type L = Language;\n",
            { filePath: path.resolve('src/language/layer-probe.ts') });
        expect(allowed.messages.filter(m => m.ruleId === 'layers/layers')).toEqual([]);
    }, 60_000);
});
