import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import draft04, { type ValidateFunction } from 'ajv-draft-04';
import { repoRoot } from './cli-helper.js';

/** The SARIF 2.1.0 schema shipped by @microsoft/jest-sarif (JSON Schema draft-04). Its `language` pattern is not valid with the `u` flag, hence `unicodeRegExp: false`. */
const schemaPath = path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function isUriReference(value: string): boolean {
    try {
        new URL(value, 'file:///base/');
        return !/\s/.test(value);
    } catch {
        return false;
    }
}

// ajv-draft-04 is CommonJS: under Node16 resolution the default import is `module.exports`, whose `default` is the class.
const Ajv = draft04.default;

let validator: ValidateFunction | undefined;

/** Schema errors of a SARIF log, as readable lines; empty when the log is valid. */
export function sarifErrors(log: unknown): string[] {
    if (!validator) {
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
        ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && isUriReference(value));
        ajv.addFormat('uri-reference', (value: string) => isUriReference(value));
        ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
        validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    }
    if (validator(log)) return [];
    return (validator.errors ?? []).map(e => `${e.instancePath} ${e.message ?? ''}`);
}
