import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { isCatalogue, type Catalogue, type CatalogueVariable } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';

const catalogueDir = path.resolve('examples/catalogues');
const PROCESS_STEPS = ['aktualisering', 'utredning', 'insats', 'uppföljning'];

/** Everything about a variable except its id and `ersätter`, to compare versions. */
function content(variable: CatalogueVariable): string {
    return JSON.stringify({
        label: variable.label,
        valueSet: variable.valueSet?.$cstNode?.text.replace(/\s+/g, ' '),
        comment: variable.comment,
        processStep: variable.processStep,
        nationalStatistics: variable.nationalStatistics,
    });
}

function byName(catalogue: Catalogue): Map<string, CatalogueVariable> {
    return new Map(catalogue.variables.map(v => [v.name, v]));
}

describe('the example BBIC catalogue', () => {
    let bbic2023: Catalogue;
    let bbic2024: Catalogue;

    beforeAll(async () => {
        const services = createSuServices(EmptyFileSystem);
        const files = ['bbic-2023.sucat', 'bbic-2024.sucat'].map(f => path.join(catalogueDir, f));
        const [first, second] = await buildWorkspace(services, readSources(files));
        for (const loaded of [first, second]) {
            expect(loaded.document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        }
        const roots = [first, second].map(d => d.document.parseResult.value);
        if (!isCatalogue(roots[0]) || !isCatalogue(roots[1])) throw new Error('the example catalogues did not parse as catalogues');
        [bbic2023, bbic2024] = roots;
    });

    describe('version 2023', () => {
        test('is BBIC version 2023', () => {
            expect(bbic2023.name).toBe('bbic');
            expect(bbic2023.version).toBe('2023');
        });

        test('has at least 76 variables', () => {
            expect(bbic2023.variables.length).toBeGreaterThanOrEqual(76);
        });

        test('has unique ids', () => {
            const names = bbic2023.variables.map(v => v.name);
            expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
        });

        test('has unique labels', () => {
            const labels = bbic2023.variables.map(v => v.label);
            expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
        });

        test('gives every variable a label, a value set, a comment and a process step', () => {
            const incomplete = bbic2023.variables
                .filter(v => !v.label?.trim() || !v.valueSet || !v.comment?.trim() || !v.processStep)
                .map(v => v.name);
            expect(incomplete).toEqual([]);
        });

        test('writes every comment as one sentence', () => {
            const notOneSentence = bbic2023.variables
                .filter(v => !/^[A-ZÅÄÖ][\s\S]*\.$/.test(v.comment ?? '') || /[.!?]\s+[A-ZÅÄÖ]/.test(v.comment ?? ''))
                .map(v => v.name);
            expect(notOneSentence).toEqual([]);
        });

        test('covers all four process steps, each with several variables', () => {
            const counts = new Map<string, number>();
            for (const v of bbic2023.variables) counts.set(v.processStep ?? '', (counts.get(v.processStep ?? '') ?? 0) + 1);
            expect([...counts.keys()].sort()).toEqual([...PROCESS_STEPS].sort());
            for (const step of PROCESS_STEPS) expect(counts.get(step), step).toBeGreaterThanOrEqual(10);
        });

        test('flags exactly 13 variables for national statistics', () => {
            expect(bbic2023.variables.filter(v => v.nationalStatistics)).toHaveLength(13);
        });

        test('uses at least five kinds of value set, with free text kept rare', () => {
            const kinds = bbic2023.variables.map(v => v.valueSet!.$type);
            expect(new Set(kinds).size).toBeGreaterThanOrEqual(5);
            expect(kinds.filter(k => k === 'TextSet').length).toBeLessThanOrEqual(3);
        });

        test('holds the background variables plans use: kön as a code list, ålder as a count 0..20', () => {
            const variables = byName(bbic2023);
            expect(variables.get('kön')?.valueSet?.$type).toBe('CodeListSet');
            const age = variables.get('ålder')?.valueSet;
            expect(age?.$type).toBe('CountSet');
            expect(age?.$cstNode?.text.replace(/\s+/g, ' ')).toBe('antal 0..20');
        });

        test('replaces no variable', () => {
            expect(bbic2023.variables.filter(v => v.replaces).map(v => v.name)).toEqual([]);
        });
    });

    describe('version 2024', () => {
        test('is the same catalogue in version 2024', () => {
            expect(bbic2024.name).toBe(bbic2023.name);
            expect(bbic2024.title).toBe(bbic2023.title);
            expect(bbic2024.version).toBe('2024');
        });

        test('differs from 2023 by exactly one renamed variable that carries `ersätter`', () => {
            const old = byName(bbic2023);
            const current = byName(bbic2024);
            const removed = [...old.keys()].filter(name => !current.has(name));
            const added = [...current.keys()].filter(name => !old.has(name));
            expect(removed).toHaveLength(1);
            expect(added).toHaveLength(1);

            const renamed = current.get(added[0])!;
            expect(renamed.replaces).toBe(removed[0]);
            expect(content(renamed)).toBe(content(old.get(removed[0])!));

            const changed = [...current.values()]
                .filter(v => v !== renamed)
                .filter(v => v.replaces !== undefined || content(v) !== content(old.get(v.name)!))
                .map(v => v.name);
            expect(changed).toEqual([]);
            expect(bbic2024.variables.map(v => v.name)).toEqual(bbic2023.variables.map(v => v.name === removed[0] ? added[0] : v.name));
        });

        test('renames samtal_enskilt to enskilda_samtal', () => {
            expect(byName(bbic2024).get('enskilda_samtal')?.replaces).toBe('samtal_enskilt');
            expect(byName(bbic2024).has('samtal_enskilt')).toBe(false);
        });
    });
});
