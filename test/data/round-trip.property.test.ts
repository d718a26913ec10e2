import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import {
    NOT_APPLICABLE, dataLayout, readDataFile, validateData, writeDataCsv, type DataColumn, type DataRow, type DataValue, type WriteOptions,
} from '../../src/data/index.js';
import type { MeasurementPointModel, PlanModel, ValueSetModel, VariableModel } from '../../src/model/plan-model.js';
import { exampleModel } from './example-models.js';

/**
 * Property: for random plans (variables of every kind, points, respondents, goals, refinements)
 * and random data (nasty text included), writing a data file and reading it back gives every
 * cell unchanged, in every dialect the writer offers.
 */
let base: PlanModel;
beforeAll(async () => { base = await exampleModel('08-bbic-samtal.suplan'); });

const ID = fc.stringMatching(/^[a-zåäö][a-zåäö0-9_]{0,7}$/);
const codes = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 })
    .map(list => list.map(code => ({ code, label: `Värde ${code}` })));
const valueSet: fc.Arbitrary<ValueSetModel> = fc.oneof(
    fc.constant({ kind: 'date' as const }),
    fc.constant({ kind: 'text' as const }),
    fc.integer({ min: 0, max: 50 }).map(min => ({ kind: 'count' as const, min, max: min + 100 })),
    fc.constant({ kind: 'number' as const, min: -1000, max: 1000000, decimals: 2 }),
    fc.constant({ kind: 'score' as const, min: 0, max: 40 }),
    fc.tuple(fc.constantFrom('yesno', 'choice', 'multi', 'scale', 'goal4', 'goal5') as fc.Arbitrary<'choice'>, codes).map(([kind, list]) => ({ kind, codes: list })),
);
const POINTS: MeasurementPointModel[] = [{ id: 'före', kind: 'före' }, { id: 'under', kind: 'under', every: 'vecka' }, { id: 'efter', kind: 'efter' }];

const plan = fc.record({
    variables: fc.uniqueArray(fc.record({
        id: ID, valueSet, points: fc.subarray(['före', 'under', 'efter']), respondents: fc.subarray(['barn', 'förälder'] as const),
        perClientGoal: fc.boolean(), refined: fc.boolean(),
    }), { minLength: 1, maxLength: 8, selector: v => v.id }),
    goals: fc.integer({ min: 1, max: 3 }),
    version: fc.constantFrom('1.0', '2', ''),
}).map(({ variables, goals, version }): PlanModel => ({
    ...base,
    source: 'plans/slump.suplan',
    governance: { ...base.governance, version: version || undefined },
    measurementPoints: POINTS,
    clientGoals: { max: goals },
    variables: variables.map((v): VariableModel => ({
        id: v.id, label: `Fråga ${v.id}`, origin: 'local', valueSet: v.valueSet, points: v.points, respondents: v.respondents,
        background: false, perClientGoal: v.perClientGoal, optional: false,
        ...(v.refined && 'codes' in v.valueSet && v.valueSet.kind !== 'multi'
            ? { refinement: v.valueSet.codes.map(c => ({ ...c, original: c.code % 2 + 1, originalLabel: `Original ${c.code % 2 + 1}` })) } : {}),
    })),
}));

const NASTY = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('=SUMMA(A1)', '+46', '-1', '@a', '\tx', '\rx', "'=x", 'ej aktuell', 'a;b', 'a,b', '"citat"', 'rad\nbrytning', 'rad\r\nbrytning', 'Åsa Öberg-Ängel'),
);
const DATE = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map(d => d.toISOString().slice(0, 10));

function cell(column: DataColumn): fc.Arbitrary<DataValue> {
    const value: fc.Arbitrary<DataValue> = column.codes ? fc.constantFrom(...column.codes)
        : column.values ? fc.constantFrom(...column.values)
            : column.type === 'date' ? DATE
                : column.type === 'integer' ? fc.integer({ min: column.min ?? -1e6, max: column.max ?? 1e6 })
                    : column.type === 'number' ? fc.integer({ min: (column.min ?? -1e6) * 100, max: (column.max ?? 1e6) * 100 }).map(n => n / 100)
                        : NASTY.filter(s => s.trim() !== '');
    if (column.kind === 'key') return value;
    return fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(NOT_APPLICABLE) });
}

test('write → read gives every cell back, for random plans and data, in every dialect', () => {
    const dialects: WriteOptions[] = [{}, { delimiter: ',' }, { delimiter: '\t', bom: false }, { delimiter: ';', decimalChar: '.' }];
    fc.assert(fc.property(
        plan.chain(model => fc.tuple(fc.constant(model), fc.array(fc.record(Object.fromEntries(dataLayout(model).columns.map(c => [c.name, cell(c)]))), { maxLength: 8 }), fc.constantFrom(...dialects))),
        ([model, rows, dialect]) => {
            const layout = dataLayout(model);
            const text = writeDataCsv(layout, rows as DataRow[], dialect);
            const read = validateData(model, readDataFile(new TextEncoder().encode(text)));
            const cellProblems = read.issues.filter(i => /^(cell\.(integer|number|date|code|range|notApplicable)|header|row|csv)/.test(i.code));
            expect(cellProblems).toEqual([]);
            expect(read.rows).toEqual(rows);
        },
    ), { numRuns: 150 });
});
