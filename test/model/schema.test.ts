import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { isPlan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildPlanModel } from '../../src/model/build-model.js';
import type { ConditionModel, PlanModel } from '../../src/model/plan-model.js';
import { planModelSchema, planModelSchemaId, planModelSchemaPath } from '../../src/model/schema.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';
import { generatePlanModelSchemaText } from '../../scripts/plan-model-schema.js';
import { grammarKeywords, PLAN_GRAMMARS } from '../grammar-keywords.js';
import { BROKEN_PLAN, buildModels, loadPlans, modelOf, FULL_PLAN, MINIMAL_PLAN, SAMPLING_PLANS } from './model-fixtures.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(planModelSchema);

function errorsOf(model: unknown): string[] {
    return validate(model) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

function filesUnder(dir: string, extension: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith(extension)).map(f => path.join(dir, f)).sort();
}

const examplePlans = filesUnder('examples/plans', '.suplan');
const exampleCatalogues = filesUnder('examples/catalogues', '.sucat');

let testModels: { name: string; model: PlanModel }[] = [];
const exampleModels = new Map<string, PlanModel>();

beforeAll(async () => {
    const names = ['full', 'minimal', 'broken', ...SAMPLING_PLANS.map((_, i) => `sampling${i}`)];
    const built = await buildModels([FULL_PLAN, MINIMAL_PLAN, BROKEN_PLAN, ...SAMPLING_PLANS]);
    testModels = built.map((b, i) => ({ name: names[i], model: b.model }));

    const services = createSuServices(EmptyFileSystem);
    const loaded = await buildWorkspace(services, readSources([...examplePlans, ...exampleCatalogues]));
    for (const document of loaded) {
        const root = document.document.parseResult.value;
        if (!isPlan(root)) continue;
        const source = path.relative(process.cwd(), document.file).split(path.sep).join('/');
        exampleModels.set(source, buildPlanModel(root, { source, catalogues: services.suplan.catalogue.CatalogueResolver }));
    }
});

/** Every name a model field refers to, with the names it may refer to. */
function danglingReferences(model: PlanModel): string[] {
    const variables = new Set(model.variables.map(v => v.id));
    const points = new Set(model.measurementPoints.map(p => p.id));
    const tables = new Set(model.referenceTables.map(t => t.id));
    const analyses = new Set(model.analyses.map(a => a.id));
    const valueSets = new Set(model.valueSets.map(s => s.id));
    const problems: string[] = [];
    const check = (set: ReadonlySet<string>, kind: string, where: string, name: string | undefined): void => {
        if (name !== undefined && !set.has(name)) problems.push(`${where}: ${kind} "${name}" is not in the model`);
    };
    const condition = (where: string, c: ConditionModel | undefined): void => {
        for (const part of c?.parts ?? []) check(variables, 'variable', where, part.variable);
    };
    for (const v of model.variables) {
        const where = `variable ${v.id}`;
        for (const p of v.points) check(points, 'point', where, p);
        condition(where, v.condition);
        check(variables, 'variable', where, v.clarifies);
        if ('named' in v.valueSet) check(valueSets, 'value set', where, v.valueSet.named);
        const d = v.derivation;
        if (d?.kind === 'classify') check(variables, 'variable', where, d.source);
        if (d?.kind === 'sum' || d?.kind === 'mean') for (const item of d.items) check(variables, 'variable', where, item);
        if (d?.kind === 'difference') {
            check(variables, 'variable', where, d.source);
            check(points, 'point', where, d.from);
            check(points, 'point', where, d.to);
        }
    }
    for (const t of model.referenceTables) {
        if (t.key.kind === 'codes') check(variables, 'variable', `table ${t.id}`, t.key.variable);
        else for (const row of t.rows) check(variables, 'variable', `table ${t.id}`, String(row.key));
    }
    for (const c of model.extract?.columns ?? []) {
        check(variables, 'variable', `column ${c.column}`, c.variable);
        check(points, 'point', `column ${c.column}`, c.point);
    }
    for (const a of model.analyses) {
        const where = `analysis ${a.id}`;
        for (const name of [...a.variables, ...a.groups, a.column, a.between]) check(variables, 'variable', where, name);
        for (const name of [a.from, a.to, a.at]) check(points, 'point', where, name);
        for (const name of [a.population, a.targetTable]) check(tables, 'table', where, name);
        condition(where, a.condition);
        condition(where, a.filter);
    }
    for (const s of model.scenarios) for (const part of s.rule ?? []) check(analyses, 'analysis', `scenario ${s.letters.join(',')}`, part.analysis);
    return problems;
}

/** Every property name the schema declares, anywhere. */
function schemaPropertyNames(node: unknown, into = new Set<string>()): Set<string> {
    if (Array.isArray(node)) {
        for (const child of node) schemaPropertyNames(child, into);
    } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            if (key === 'properties' && value && typeof value === 'object') for (const name of Object.keys(value)) into.add(name);
            schemaPropertyNames(value, into);
        }
    }
    return into;
}

/** Every property name that occurs in a piece of JSON data. */
function dataPropertyNames(node: unknown, into = new Set<string>()): Set<string> {
    if (Array.isArray(node)) {
        for (const child of node) dataPropertyNames(child, into);
    } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            into.add(key);
            dataPropertyNames(value, into);
        }
    }
    return into;
}

/** A deep copy, changed by `edit`. */
function mutated(model: PlanModel, edit: (copy: Record<string, unknown>) => void): unknown {
    const copy = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
    edit(copy);
    return copy;
}

function at(object: unknown, ...keys: (string | number)[]): Record<string, unknown> {
    let node = object;
    for (const key of keys) node = (node as Record<string | number, unknown>)[key];
    return node as Record<string, unknown>;
}

describe('plan model JSON Schema', () => {
    test('the schema is draft 2020-12 and loads from next to its module', () => {
        expect(planModelSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(planModelSchemaId).toMatch(/plan-model\.schema\.json$/);
        expect(path.basename(planModelSchemaPath)).toBe('plan-model.schema.json');
        expect(existsSync(planModelSchemaPath)).toBe(true);
    });

    test('the committed schema is the one generated from the TypeScript model types (run npm run schema after changing them)', () => {
        const committed = readFileSync(planModelSchemaPath, 'utf8');
        expect(generatePlanModelSchemaText()).toBe(committed);
    });

    test('the generated schema keeps its id, title, descriptions from the JSDoc, and the constraints from JSDoc tags', () => {
        expect(planModelSchema['title']).toBe('SU-plan plan model');
        expect(String(planModelSchema['description'])).toMatch(/suplan generate --target json/);
        expect(planModelSchema['additionalProperties']).toBe(false);
        const defs = planModelSchema['$defs'] as Record<string, Record<string, unknown>>;
        expect(defs['IsoDate']).toMatchObject({ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
        expect(defs['Integer']).toMatchObject({ type: 'integer' });
        expect(defs['AnalysisModel']['description']).toMatch(/scenario rules/);
        expect(JSON.stringify(planModelSchema)).not.toContain('#/definitions/');
    });

    test('every model built in the model tests validates', () => {
        expect(testModels.length).toBeGreaterThan(5);
        for (const { name, model } of testModels) expect(errorsOf(model), name).toEqual([]);
    });

    test('every example plan has a model that validates', () => {
        expect(examplePlans.length, 'examples/plans/ holds no plans').toBeGreaterThan(0);
        expect([...exampleModels.keys()].length).toBe(examplePlans.length);
        for (const [source, model] of exampleModels) {
            expect(errorsOf(model), source).toEqual([]);
            expect(model.source).toBe(source);
        }
    });

    test('example models carry what issue 14 defines: rounding and a chart on every analysis, formula and direction on every change, suppression settings, phase starts', () => {
        for (const [source, model] of exampleModels) {
            for (const analysis of model.analyses) {
                expect(analysis.rounding.significantDigits, `${source} ${analysis.id}`).toBe(12);
                expect(['bar', 'groupedBar', 'line', 'none'], `${source} ${analysis.id}`).toContain(analysis.chart.kind);
                if (analysis.kind === 'change') expect(analysis.change?.direction, `${source} ${analysis.id}`).toMatch(/^(lower|higher)$/);
                if (analysis.kind === 'rate') expect(analysis.counts, `${source} ${analysis.id}`).toMatch(/^(clients|records)$/);
            }
            expect(model.privacy.suppression.exempt, source).toBe(model.level === 'individ');
            for (const phase of model.phases) expect(phase.start, `${source} ${phase.id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        const all = [...exampleModels.values()];
        expect(all.some(m => m.scenarios.some(s => s.rule?.some(p => p.groups !== undefined && p.whenSuppressed === 'undecided')))).toBe(true);
        expect(all.some(m => m.analyses.some(a => a.codeLevel === 'both'))).toBe(true);
        expect(all.some(m => m.analyses.some(a => a.rounding.step === 0.5))).toBe(true);
    });

    test('models refer only to variables, points, tables and analyses that are in the same model', () => {
        for (const { name, model } of testModels) expect(danglingReferences(model), name).toEqual([]);
        for (const [source, model] of exampleModels) expect(danglingReferences(model), source).toEqual([]);
    });

    test('every property the schema declares occurs in some built model (the schema has no phantom fields)', () => {
        const used = new Set<string>();
        for (const { model } of testModels) dataPropertyNames(model, used);
        const declared = schemaPropertyNames(planModelSchema);
        expect([...declared].filter(name => !used.has(name)).sort()).toEqual([]);
    });

    describe('rejects a model that does not have the shape', () => {
        const cases: [string, (m: Record<string, unknown>) => void, string][] = [
            ['an extra property at the top', m => { m.extra = 1; }, ''],
            ['an extra property in a variable', m => { at(m, 'variables', 0).colour = 'blå'; }, '/variables/0'],
            ['an extra property in a refined code', m => { at(m, 'variables', 0, 'refinement', 0).note = 'x'; }, '/variables/0/refinement/0'],
            ['an unknown level', m => { m.level = 'kommun'; }, '/level'],
            ['an unknown purpose', m => { m.purpose = 'oklart'; }, '/purpose'],
            ['an unknown analysis kind', m => { at(m, 'analyses', 0).kind = 'regression'; }, '/analyses/0/kind'],
            ['an unknown value set kind', m => { at(m, 'variables', 1, 'valueSet').kind = 'slider'; }, '/variables/1/valueSet'],
            ['an unknown scenario letter', m => { at(m, 'scenarios', 0).letters = ['F']; }, '/scenarios/0/letters/0'],
            ['a status outside the two', m => { at(m, 'governance').status = 'beslutad'; }, '/governance/status'],
            ['a code that is not an integer', m => { at(m, 'valueSets', 0, 'codes', 0).code = 1.5; }, '/valueSets/0/codes/0/code'],
            ['a date that is not YYYY-MM-DD', m => { at(m, 'period').start = '1/1 2025'; }, '/period/start'],
            ['a missing required field', m => { delete at(m, 'privacy').minCell; }, '/privacy'],
            ['a wrong schema version', m => { m.schemaVersion = 2; }, '/schemaVersion'],
            ['a sampling method with fields of another', m => { m.sampling = { method: 'alla', days: [5] }; }, '/sampling'],
        ];
        test.each(cases)('%s', (_name, edit, path) => {
            const full = testModels.find(t => t.name === 'full')?.model;
            expect(full).toBeDefined();
            expect(errorsOf(full)).toEqual([]);
            const bad = mutated(full as PlanModel, edit);
            const errors = errorsOf(bad);
            expect(errors.length).toBeGreaterThan(0);
            expect(errors.some(e => e.startsWith(`${path || '/'} `) || (path !== '' && e.startsWith(`${path}/`)))).toBe(true);
        });
    });

    test('models of damaged plans (spans deleted, tokens inserted) still validate and refer only to what they hold', async () => {
        const tokens = [...PLAN_GRAMMARS.flatMap(grammarKeywords), '{', '}', ',', ':', '..', '->', '%', '=', '12', '3.5', 'x', 'm1a', 'före', 'kön'];
        const damaged = fc.array(fc.tuple(fc.nat(), fc.nat(60), fc.constantFrom(...tokens), fc.boolean()), { minLength: 1, maxLength: 5 })
            .map(edits => edits.reduce((text, [position, length, token, remove]) => {
                const i = position % text.length;
                return remove ? text.slice(0, i) + text.slice(i + length) : `${text.slice(0, i)} ${token} ${text.slice(i)}`;
            }, FULL_PLAN));
        await fc.assert(fc.asyncProperty(damaged, async text => {
            // Crashes before the model builder runs are the robustness test's concern.
            const [plan] = await loadPlans([text]).catch(() => []);
            fc.pre(plan !== undefined);
            const model = modelOf(plan);
            expect(errorsOf(model)).toEqual([]);
            expect(danglingReferences(model)).toEqual([]);
            expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
        }), { numRuns: 60 });
    });
});
