import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import draft04 from 'ajv-draft-04';
import { expect, test } from 'vitest';
import { dataPackage } from '../../src/data/index.js';
import { exampleModels } from './example-models.js';

/**
 * The descriptor of every example plan's data file validates against the Tabular Data Package
 * profile: the JSON Schema (draft-04) that Frictionless's `datapackage` npm package ships in
 * `lib/profiles/` (a dev dependency for this test only), checked with ajv.
 */
// ajv-draft-04 is CommonJS: under Node16 resolution the default import is `module.exports`, whose `default` is the class.
const Ajv = draft04.default;
const require = createRequire(import.meta.url);
const profileDir = require.resolve('datapackage/lib/profiles/tabular-data-package.json').replace(/tabular-data-package\.json$/, '');

test('datapackage.json validates against the tabular-data-package profile', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(`${profileDir}tabular-data-package.json`, 'utf8')) as object);
    for (const [file, model] of await exampleModels()) {
        for (const options of [{ path: 'data.csv' }, { path: 'data.csv', delimiter: ',' as const }]) {
            const descriptor = dataPackage(model, options);
            const ok = validate(descriptor);
            expect(ok ? [] : validate.errors, file).toEqual([]);
        }
    }
    // The profile does catch a broken descriptor.
    const [model] = (await exampleModels()).values();
    const broken = { ...dataPackage(model, { path: 'data.csv' }), name: 'Not A Valid Name' };
    expect(validate(broken)).toBe(false);
});
