// The plan model's JSON Schema (src/model/plan-model.schema.json) is generated from its TypeScript
// types (src/model/plan-model.ts and the shared vocabulary in src/language/plan-vocabulary.ts) with
// ts-json-schema-generator: JSDoc comments become descriptions, JSDoc tags (@asType integer,
// @minimum, @pattern, @minItems, @uniqueItems, @title) become constraints, and every object
// allows no other properties.
//
//   npm run schema            writes the schema
//   npm run schema -- --check exits 1 when the committed schema differs from a fresh one
//
// test/model/schema.test.ts makes the same comparison, so CI catches a type changed without the schema.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the committed schema lives. */
export const PLAN_MODEL_SCHEMA_FILE = path.join(root, 'src', 'model', 'plan-model.schema.json');
const SCHEMA_ID = 'https://example.invalid/su-plan/plan-model.schema.json';
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The generator writes draft-07 (`definitions`); the published schema is draft 2020-12 (`$defs`).
 * The keywords it uses mean the same in both drafts, so only the container and the references move.
 */
export function toDraft2020(node) {
    if (Array.isArray(node)) return node.map(toDraft2020);
    if (!node || typeof node !== 'object') return node;
    const result = {};
    for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') result.$ref = value.replace(/^#\/definitions\//, '#/$defs/');
        else result[key === 'definitions' ? '$defs' : key] = toDraft2020(value);
    }
    return result;
}

/** The schema as it should be committed: JSON with two-space indentation and a final newline. */
export function generatePlanModelSchemaText() {
    const generated = createGenerator({
        path: path.join(root, 'src', 'model', 'plan-model.ts'),
        tsconfig: path.join(root, 'tsconfig.json'),
        type: 'PlanModel',
        schemaId: SCHEMA_ID,
        topRef: false,
        expose: 'export',
        jsDoc: 'extended',
        sortProps: false,
        additionalProperties: false,
        // tsc checks the types; this step only reads them.
        skipTypeCheck: true,
    }).createSchema('PlanModel');
    // Keyword order as readers expect it: what the document is, then its shape.
    const { $id, title, description, ...rest } = toDraft2020(generated);
    const schema = { ...rest, $schema: DRAFT_2020_12 };
    const ordered = { $schema: DRAFT_2020_12, $id, title, description, ...schema };
    return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Writes `fresh` to the committed schema `file` (through a temporary file), or with `--check` only
 * compares and exits 1 when they differ, saying `how` to regenerate it.
 */
export function writeOrCheckSchema(file, fresh, source, how) {
    let committed = '';
    try {
        committed = readFileSync(file, 'utf8');
    } catch { /* not written yet */ }
    const relative = path.relative(process.cwd(), file);
    if (process.argv.includes('--check')) {
        if (fresh !== committed) {
            console.error(`${relative} differs from the types in ${source}: run ${how}`);
            process.exitCode = 1;
        } else {
            console.log(`${relative}: up to date`);
        }
        return;
    }
    if (fresh === committed) {
        console.log(`${relative}: up to date`);
        return;
    }
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, fresh);
    renameSync(temporary, file);
    console.log(`${relative}: written`);
}

function main() {
    writeOrCheckSchema(PLAN_MODEL_SCHEMA_FILE, generatePlanModelSchemaText(), 'src/model/plan-model.ts', 'npm run schema');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
