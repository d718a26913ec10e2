// The JSON Schema of `suplan diff --format json` (src/model/plan-diff.schema.json), generated from
// the types in src/model/plan-diff.ts as the plan model's schema is (scripts/plan-model-schema.js).
//
//   node scripts/plan-diff-schema.js            writes the schema
//   node scripts/plan-diff-schema.js --check    exits 1 when the committed schema differs from a fresh one
//
// test/model/plan-diff-schema.test.ts makes the same comparison and validates every golden diff.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { toDraft2020, writeOrCheckSchema } from './plan-model-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PLAN_DIFF_SCHEMA_FILE = path.join(root, 'src', 'model', 'plan-diff.schema.json');
const SCHEMA_ID = 'https://example.invalid/su-plan/plan-diff.schema.json';
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** The schema as it should be committed: JSON with two-space indentation and a final newline. */
export function generatePlanDiffSchemaText() {
    const generated = createGenerator({
        path: path.join(root, 'src', 'model', 'plan-diff.ts'),
        tsconfig: path.join(root, 'tsconfig.json'),
        type: 'PlanDiffReport',
        schemaId: SCHEMA_ID,
        topRef: false,
        expose: 'export',
        jsDoc: 'extended',
        sortProps: false,
        additionalProperties: false,
        skipTypeCheck: true,
    }).createSchema('PlanDiffReport');
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { $id, description, $schema: _draft07, ...rest } = toDraft2020(generated);
    const ordered = { $schema: DRAFT_2020_12, $id, title: 'SU-plan plan diff', description, ...rest };
    return `${JSON.stringify(ordered, null, 2)}\n`;
}

function main() {
    writeOrCheckSchema(PLAN_DIFF_SCHEMA_FILE, generatePlanDiffSchemaText(), 'src/model/plan-diff.ts', 'node scripts/plan-diff-schema.js');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
