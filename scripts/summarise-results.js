// Reads vitest's JSON report and prints the plain closing line CI reads: `N passed, N failed`.
// Fails when no test ran, and under CI=true when any test was skipped or left todo:
// a missing consumer (browser, editor, R) is an install bug, never a reason to skip.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
    console.log('0 passed, 1 failed');
    console.error(`no vitest report at ${file}`);
    process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
let passed = 0, failed = 0, skipped = 0;
const skippedNames = [];
for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
        if (test.status === 'passed') passed++;
        else if (test.status === 'failed') failed++;
        else { skipped++; skippedNames.push(test.fullName); }
    }
    // A file that failed to load has no assertions but a failure message.
    if ((suite.assertionResults ?? []).length === 0 && suite.status === 'failed') failed++;
}
let status = failed > 0 ? 1 : 0;
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
