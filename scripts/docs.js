// Regenerates the README's table of diagnostic codes from src/language/diagnostics/codes.ts (via out/).
import { readFileSync, writeFileSync } from 'node:fs';
import { withCodeTable } from '../out/language/diagnostics/code-table.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withCodeTable(readme);
if (updated !== readme) {
    writeFileSync('README.md', updated);
    console.log('README.md: code table updated');
} else {
    console.log('README.md: code table up to date');
}
