import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, CstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { beforeAll, describe, expect, test } from 'vitest';
import { isCatalogue, isPlan, isUseVariable, type Plan, type UseVariable } from '../../src/language/generated/ast.js';
import { createSuServices, type SuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace, readSources, type LoadedDocument } from '../../src/workspace/load.js';

const examplesDir = path.resolve('examples');
const catalogueDir = path.join(examplesDir, 'catalogues');
const planDir = path.join(examplesDir, 'plans');
const catalogueFiles = readdirSync(catalogueDir).filter(f => f.endsWith('.sucat')).sort().map(f => path.join(catalogueDir, f));
const planFiles = readdirSync(planDir).filter(f => f.endsWith('.suplan')).sort().map(f => path.join(planDir, f));
const allFiles = [...catalogueFiles, ...planFiles];
const bbicPlan = path.join(planDir, '08-bbic-samtal.suplan');

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** `SU012 12:5 message`, 1-based, for readable failures. */
function describeDiagnostic(d: Diagnostic): string {
    return `${SEVERITY[d.severity ?? 1]} ${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;
}

function planOf(loaded: LoadedDocument): Plan {
    const root = loaded.document.parseResult.value;
    if (!isPlan(root)) throw new Error(`${loaded.file} is not a plan`);
    return root;
}

function useOf(plan: Plan, refText: string): UseVariable {
    const found = AstUtils.streamAllContents(plan).filter(isUseVariable).find(u => u.variable.$refText === refText);
    if (!found) throw new Error(`no \`använd ${refText}\` in the plan`);
    return found;
}

/** The catalogue version a plan's catalogue variable resolved to, or undefined when it did not resolve. */
function resolvedVersion(use: UseVariable): string | undefined {
    const target = use.variable.ref;
    if (!target) return undefined;
    const catalogue = AstUtils.getContainerOfType(target, isCatalogue);
    return catalogue?.version;
}

describe('the bundled examples', () => {
    let loaded: Map<string, LoadedDocument>;

    beforeAll(async () => {
        const services = createSuServices(EmptyFileSystem);
        const documents = await buildWorkspace(services, readSources(allFiles));
        loaded = new Map(documents.map(d => [d.file, d]));
    });

    test('hold three BBIC catalogue versions and one plan per worked example plus the BBIC plan', () => {
        expect(catalogueFiles.map(f => path.basename(f))).toEqual(['bbic-2023.sucat', 'bbic-2024.sucat', 'bbic-2025.sucat']);
        expect(planFiles.map(f => path.basename(f))).toEqual([
            '01-ekonomiskt-bistand.suplan',
            '02-missbruk-behandling.suplan',
            '03-hemmaplansteam.suplan',
            '04-malupfyllelse-gas.suplan',
            '05-aldreomsorg-brukarenkat.suplan',
            '06-single-case.suplan',
            '07-barnavardsutredningar.suplan',
            '08-bbic-samtal.suplan',
        ]);
    });

    test.each(allFiles.map(f => [path.relative(examplesDir, f), f]))('%s parses and checks clean', (_name, file) => {
        const document = loaded.get(file)!.document;
        expect(document.parseResult.lexerErrors.map(e => e.message)).toEqual([]);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        const problems = loaded.get(file)!.diagnostics.filter(d => d.severity === 1 || d.severity === 2);
        expect(problems.map(describeDiagnostic)).toEqual([]);
    });

    test('accepted warnings are kept as information with the team\'s reason', () => {
        // Plan 07 samples a quarter (SU031); accepted warnings must still be visible, not dropped.
        const diagnostics = loaded.get(path.join(planDir, '07-barnavardsutredningar.suplan'))!.diagnostics;
        const seasonal = diagnostics.filter(d => d.code === 'SU031');
        expect(seasonal).toHaveLength(1);
        expect(seasonal[0].severity).toBe(3);
    });

    test('plan 08 resolves bbic.samtal_enskilt against BBIC 2023', () => {
        const use = useOf(planOf(loaded.get(bbicPlan)!), 'bbic.samtal_enskilt');
        expect(resolvedVersion(use)).toBe('2023');
        expect(use.variable.ref?.label).toBe('Enskilda samtal med barnet under utredningen');
        expect(AstUtils.getDocument(use.variable.ref!).uri.path.endsWith('/bbic-2023.sucat')).toBe(true);
    });

    test('plan 07 resolves every catalogue variable against BBIC 2024', () => {
        const plan = planOf(loaded.get(path.join(planDir, '07-barnavardsutredningar.suplan'))!);
        const uses = AstUtils.streamAllContents(plan).filter(isUseVariable).toArray();
        expect(uses.length).toBeGreaterThan(0);
        expect(uses.map(u => [u.variable.$refText, resolvedVersion(u)])).toEqual(uses.map(u => [u.variable.$refText, '2024']));
    });

    test('together the plans use every rule and every keyword of the plan grammar', () => {
        // The README's concept table points to an example for each concept: keep them all covered.
        const grammar = readFileSync(path.resolve('src/language/suplan.langium'), 'utf8')
            .replace(/\/\/[^\n]*/g, '')
            .replace(/^import\s+'[^']*';?/gm, '');
        const rules = [...grammar.matchAll(/^(?:entry\s+)?([A-Z]\w*)\s*(?:returns\s+\w+\s*)?:/gm)].map(m => m[1]);
        const keywords = [...new Set([...grammar.matchAll(/'([^']+)'/g)].map(m => m[1]))];
        expect(rules.length).toBeGreaterThan(50);
        expect(keywords.length).toBeGreaterThan(100);

        const usedRules = new Set<string>();
        const usedKeywords = new Set<string>();
        for (const file of planFiles) {
            const root = loaded.get(file)!.document.parseResult.value;
            usedRules.add(root.$type);
            for (const node of CstUtils.streamCst(root.$cstNode!)) {
                const source = node.grammarSource;
                if (GrammarAST.isRuleCall(source) && source.rule.ref) usedRules.add(source.rule.ref.name);
                if (GrammarAST.isCrossReference(source) && GrammarAST.isRuleCall(source.terminal) && source.terminal.rule.ref) {
                    usedRules.add(source.terminal.rule.ref.name);
                }
                if (GrammarAST.isKeyword(source)) usedKeywords.add(source.value);
            }
        }
        expect(rules.filter(rule => !usedRules.has(rule))).toEqual([]);
        expect(keywords.filter(keyword => !usedKeywords.has(keyword))).toEqual([]);
    });
});

describe('a plan pins one catalogue version', () => {
    let services: SuServices;
    const original = readFileSync(bbicPlan, 'utf8');
    const pin2023 = 'katalog bbic version "2023"';
    const pin2024 = 'katalog bbic version "2024"';
    const renamed = original.replace(/\bsamtal_enskilt\b/g, 'enskilda_samtal');

    beforeAll(() => {
        services = createSuServices(EmptyFileSystem);
        expect(original).toContain(pin2023);
        expect(original).toContain('bbic.samtal_enskilt');
    });

    /** Builds the two catalogues and one in-memory plan; returns the plan's document. */
    async function check(text: string): Promise<LoadedDocument> {
        const plan = { file: path.join(planDir, 'in-memory-variant.suplan'), text };
        const documents = await buildWorkspace(services, [...readSources(catalogueFiles), plan]);
        return documents.find(d => d.file === plan.file)!;
    }

    function unknownCatalogueVariables(loaded: LoadedDocument): Array<{ text: string; diagnostic: Diagnostic }> {
        return loaded.diagnostics
            .filter(d => d.code === 'SU012')
            .map(diagnostic => ({ text: loaded.document.textDocument.getText(diagnostic.range), diagnostic }));
    }

    test('plan 08 pinned to 2024 gets SU012 for bbic.samtal_enskilt, suggesting bbic.enskilda_samtal', async () => {
        const loaded = await check(original.replace(pin2023, pin2024));
        const found = unknownCatalogueVariables(loaded);
        expect(found.map(f => f.text)).toEqual(['bbic.samtal_enskilt']);
        const diagnostic = found[0].diagnostic;
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.message).toContain('bbic.enskilda_samtal');
        expect(useOf(planOf(loaded), 'bbic.samtal_enskilt').variable.ref).toBeUndefined();
    });

    test('bbic.enskilda_samtal resolves in 2024', async () => {
        const loaded = await check(renamed.replace(pin2023, pin2024));
        expect(unknownCatalogueVariables(loaded)).toEqual([]);
        expect(resolvedVersion(useOf(planOf(loaded), 'bbic.enskilda_samtal'))).toBe('2024');
        expect(loaded.diagnostics.filter(d => d.severity === 1 || d.severity === 2).map(describeDiagnostic)).toEqual([]);
    });

    test('bbic.enskilda_samtal does not resolve in 2023', async () => {
        const loaded = await check(renamed);
        expect(unknownCatalogueVariables(loaded).map(f => f.text)).toEqual(['bbic.enskilda_samtal']);
        expect(useOf(planOf(loaded), 'bbic.enskilda_samtal').variable.ref).toBeUndefined();
    });
});
