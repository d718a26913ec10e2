import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The published JSON Schema (draft 2020-12) of the plan model, generated from the types in
 * plan-model.ts by `npm run schema` (never edited by hand). The file sits next to this module
 * both in src/ (tests) and in out/ (tsc copies it, since tsconfig includes src/**\/*.json).
 */
export const planModelSchemaPath: string = fileURLToPath(new URL('./plan-model.schema.json', import.meta.url));

/** A JSON Schema document: plain JSON data. */
export type JsonSchema = { readonly [key: string]: unknown };

export const planModelSchema: JsonSchema = JSON.parse(readFileSync(planModelSchemaPath, 'utf8')) as JsonSchema;

/** The schema's `$id`, for a `$schema` reference in written model files. */
export const planModelSchemaId: string = String(planModelSchema['$id']);
