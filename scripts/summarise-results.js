// Reads vitest JSON reports (one or more: test-all runs vitest on Node 20 and again on Node 24) and
// prints the plain closing line CI reads: `N passed, N failed`, summed over all reports.
// Fails when a report is missing or no test ran, and under CI=true when any test was skipped or
// left todo: a missing consumer (browser, editor, R) is an install bug, never a reason to skip.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const files = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0;
const skippedNames = [];
const missing = files.length === 0 ? ['(no report given)'] : files.filter(file => !existsSync(file));
for (const file of files.filter(existsSync)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    let filePassed = 0, fileFailed = 0;
    for (const suite of report.testResults ?? []) {
        for (const test of suite.assertionResults ?? []) {
            if (test.status === 'passed') filePassed++;
            else if (test.status === 'failed') fileFailed++;
            else { skipped++; skippedNames.push(test.fullName); }
        }
        // A file that failed to load has no assertions but a failure message.
        if ((suite.assertionResults ?? []).length === 0 && suite.status === 'failed') fileFailed++;
    }
    if (files.length > 1) console.log(`${path.basename(file)}: ${filePassed} passed, ${fileFailed} failed`);
    passed += filePassed;
    failed += fileFailed;
}
let status = failed > 0 ? 1 : 0;
if (missing.length > 0) {
    console.error(`no vitest report at ${missing.join(', ')}`);
    failed += missing.length;
    status = 1;
}
if (passed + failed === 0) {
    console.error('no test was executed');
    status = 1;
}
if (skipped > 0 && process.env.CI === 'true') {
    console.error(`CI=true: ${skipped} skipped or todo test(s) count as failures:\n  ${skippedNames.join('\n  ')}`);
    failed += skipped;
    status = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped && process.env.CI !== 'true' ? `, ${skipped} skipped` : ''}`);
process.exit(status);
