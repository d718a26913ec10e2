// `npm run generate`: runs `langium generate` (with the Node 20 polyfill) and shows its output,
// except the grammar warnings listed in INTENDED below, which have been reviewed and are kept on
// purpose. Any other warning or error is printed as Langium prints it; an INTENDED entry that
// Langium no longer reports is named so that it can be removed from the list.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Langium warns "Found multiple assignments to 'x' with the '=' assignment operator" for a
 * single-valued property inside a `( … )*` loop. These sections are written as such loops on
 * purpose: their settings may come in any order, between list entries (`inkludera`, `kolumn`,
 * `rättslig grund`). The alternative, an unordered group (`a & b & c`), cannot be used with
 * Langium 4.4: its parser remembers which members it has seen under a key made from chevrotain's
 * rule stack, which chevrotain 13 no longer trims, so the second `variabel` of a catalogue fails to
 * parse; and every member of an unordered group becomes a required property in the generated AST
 * types. A setting written twice keeps the last value (as before).
 */
const INTENDED = [
    { grammar: 'src/language/sucat.langium', rule: 'CatalogueVariable', features: ['label', 'valueSet', 'comment', 'processStep', 'nationalStatistics', 'replaces'] },
    { grammar: 'src/language/suplan.langium', rule: 'TargetGroup', features: ['age', 'expected', 'expectedPer'] },
    { grammar: 'src/language/suplan.langium', rule: 'Extract', features: ['file', 'keyColumn'] },
    { grammar: 'src/language/suplan.langium', rule: 'Privacy', features: ['minCell', 'storage', 'controller', 'retention', 'impactAssessment', 'pseudonymisation', 'secondary'] },
];

const WARNING = /^(\S+\.langium):(\d+):\d+ - Found multiple assignments to '(\w+)' with the '\??=' assignment operator\./;

/** The parser rule whose definition holds a line (1-based): the nearest rule header above it. */
function ruleAt(grammar, line) {
    const lines = readFileSync(grammar, 'utf8').split('\n');
    for (let i = line - 1; i >= 0; i--) {
        const header = /^(?:entry\s+|fragment\s+)?([A-Z]\w*)\b[^:]*:/.exec(lines[i]);
        if (header) return header[1];
    }
    return undefined;
}

const result = spawnSync(process.execPath, ['--import', './src/node20-polyfill.js', 'node_modules/langium-cli/bin/langium.js', 'generate'], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
});
if (result.error) throw result.error;

const seen = new Set();
const show = stream => text => {
    for (const line of text.split('\n')) {
        if (line === '') continue;
        const warning = WARNING.exec(line);
        if (warning) {
            const [, grammar, lineNumber, feature] = warning;
            const rule = ruleAt(grammar, Number(lineNumber));
            const entry = INTENDED.find(e => e.grammar === grammar && e.rule === rule && e.features.includes(feature));
            if (entry) {
                seen.add(`${grammar} ${rule}.${feature}`);
                continue;
            }
        }
        stream.write(line + '\n');
    }
};
show(process.stdout)(result.stdout);
show(process.stderr)(result.stderr);

if (result.status === 0) {
    const stale = INTENDED.flatMap(e => e.features.map(f => `${e.grammar} ${e.rule}.${f}`)).filter(key => !seen.has(key));
    for (const key of stale) console.log(`scripts/langium-generate.js: Langium no longer warns about ${key}; remove it from INTENDED`);
    if (seen.size > 0) console.log(`(${seen.size} reviewed grammar warnings about settings in any order not shown: see INTENDED in scripts/langium-generate.js)`);
}
process.exit(result.status ?? 1);
