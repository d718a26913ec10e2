import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { PLAN_DIFF_SCHEMA_FILE, generatePlanDiffSchemaText } from '../../scripts/plan-diff-schema.js';

/** The JSON shape of `suplan diff --format json`: a schema generated from src/model/plan-diff.ts, and every golden diff valid against it. */

const schema = JSON.parse(readFileSync(PLAN_DIFF_SCHEMA_FILE, 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const FIXTURES = 'test/fixtures/diff';
const goldens = readdirSync(FIXTURES, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => path.join(FIXTURES, e.name, 'diff.json')).sort();

describe('the plan diff schema', () => {
    test('the committed schema is the one generated from the types (node scripts/plan-diff-schema.js)', () => {
        expect(readFileSync(PLAN_DIFF_SCHEMA_FILE, 'utf8')).toBe(generatePlanDiffSchemaText());
    });

    test.each(goldens)('%s is valid', file => {
        const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
        expect(ok ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`)).toEqual([]);
    });

    test('a report with another shape is not', () => {
        const report = JSON.parse(readFileSync(goldens[0], 'utf8')) as { plans: Array<Record<string, unknown>> };
        expect(validate({ ...report, extra: 1 })).toBe(false);
        expect(validate({ ...report, plans: [{ ...report.plans[0], status: 'moved' }] })).toBe(false);
    });
});
