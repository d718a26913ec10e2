// Baseline: read every plan model (JSON) in a folder and validate it against the plan-model schema with ajv.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { planModelSchema } from '../../out/model/schema.js';

const dir = process.argv[2];
const ajv = new Ajv.default ? new Ajv.default({ allErrors: true }) : new Ajv({ allErrors: true });
const validate = ajv.compile(planModelSchema);
let invalid = 0;
const files = readdirSync(dir).filter(f => f.endsWith('.json'));
for (const file of files) {
    if (!validate(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))) invalid++;
}
console.log(JSON.stringify({ files: files.length, invalid }));
