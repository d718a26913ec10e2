// `npm run bench`: prints figures and their ratios to baselines measured in the same run.
// Machines are noisy, so only ratios within one run mean anything; nothing here asserts a duration.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { catalogueText, planText } from './corpus.js';
import { medians } from './medians.js';

const out = path.resolve('bench-output');
const PLANS = Number(process.env.BENCH_PLANS ?? 1000);
const CATALOGUE = Number(process.env.BENCH_CATALOGUE ?? 2000);
const USES = 20;

function prepareCorpus() {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(path.join(out, 'plans', 'kataloger'), { recursive: true });
    mkdirSync(path.join(out, 'models'), { recursive: true });
    writeFileSync(path.join(out, 'plans', 'kataloger', 'bench.sucat'), catalogueText(CATALOGUE));
    for (let i = 0; i < PLANS; i++) {
        writeFileSync(path.join(out, 'plans', `plan-${String(i).padStart(4, '0')}.suplan`), planText(i, USES, CATALOGUE));
    }
}

/** Wall time of a whole process, best of `runs` (start-up included, as a user sees it). */
function timeProcess(label, args, runs = 3) {
    let best = Infinity;
    let output = '';
    for (let r = 0; r < runs; r++) {
        const start = performance.now();
        try {
            output = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
        } catch (error) {
            output = String(error.stdout ?? '');
            if (error.status !== 1) throw error;
        }
        best = Math.min(best, performance.now() - start);
    }
    return { label, ms: best, output };
}

function ms(value) {
    return `${value.toFixed(0).padStart(7)} ms`;
}

console.log(`SU-plan benchmarks (node ${process.version}); corpus: ${PLANS} plans × ${USES} variable uses, catalogue of ${CATALOGUE} variables`);

// 0. Start-up as a user sees it: `suplan check` of one example plan, a whole process, against
// `node -e 0` measured in the same run (interleaved, so that both see the same machine load).
// bin/cli.js keeps V8's code cache of each command (bin/compile-cache.js): every run after a
// command's first one reads it. The warm-up round writes it into a folder of this run; the first
// run of a command after an install or upgrade is measured as well (cache turned off).
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
// The plan of issue 10's goal: one plan without a catalogue (so only the plan language's parser is built).
const EXAMPLE_PLAN = 'examples/plans/02-missbruk-behandling.suplan';
const compileCache = mkdtempSync(path.join(os.tmpdir(), 'suplan-bench-cache-'));
const cached = { SUPLAN_COMPILE_CACHE: compileCache };
const startup = medians([
    ['node -e 0', ['-e', '0']],
    ['suplan --version (loads the CLI only)', ['bin/cli.js', '--version'], cached],
    [`suplan check ${EXAMPLE_PLAN} (whole process)`, ['bin/cli.js', 'check', EXAMPLE_PLAN], cached],
    ['the same check without the code cache (a command\'s first run)', ['bin/cli.js', 'check', EXAMPLE_PLAN], { SUPLAN_DISABLE_COMPILE_CACHE: '1' }],
], STARTUP_RUNS);
rmSync(compileCache, { recursive: true, force: true });
console.log(`\n0. Start-up: one example plan, median of ${STARTUP_RUNS} runs each (after one warm-up run)`);
const baseline = startup[0].ms;
for (const row of startup) console.log(`   ${ms(row.ms)}  ${(row.ms / baseline).toFixed(2).padStart(5)}× node -e 0   ${row.label}`);
console.log(`   ratio suplan check / node -e 0: ${(startup[2].ms / baseline).toFixed(2)}×   (goal ≤ 4×; first run of the command: ${(startup[3].ms / baseline).toFixed(2)}×)`);

prepareCorpus();
execFileSync(process.execPath, ['scripts/bench/write-models.js', path.join(out, 'plans'), path.join(out, 'models')], { stdio: 'inherit' });

const check = timeProcess('suplan check (CLI, whole process)', ['bin/cli.js', 'check', path.join(out, 'plans'), '--format', 'json']);
const ajv = timeProcess('ajv: read + validate the same plans\' JSON models', ['scripts/bench/ajv-validate.js', path.join(out, 'models')]);
const parse = timeProcess('Langium: parse the same files (no linking, no validation)', ['scripts/bench/parse-only.js', path.join(out, 'plans')]);
const diagnostics = JSON.parse(check.output);
const count = Array.isArray(diagnostics) ? diagnostics.length : (diagnostics.diagnostics ?? []).length;
console.log('\n1. Checking many plans');
for (const row of [check, ajv, parse]) console.log(`   ${ms(row.ms)}  ${row.label}`);
console.log(`   ratio check / ajv:        ${(check.ms / ajv.ms).toFixed(2)}×   (goal ≤ 3×)`);
console.log(`   ratio check / parse-only: ${(check.ms / parse.ms).toFixed(2)}×`);
console.log(`   (${count} diagnostics reported)`);

console.log('\n2. One plan with many variable uses (in-process: parse + link + validate)');
const scaling = JSON.parse(execFileSync(process.execPath, ['scripts/bench/scaling.js'], { encoding: 'utf8' }));
const base = scaling[0];
for (const row of scaling) {
    console.log(`   ${String(row.uses).padStart(5)} uses: ${ms(row.ms)}  ${(row.ms / row.uses * 1000).toFixed(1).padStart(7)} µs/use   ratio to ${base.uses}: time ${(row.ms / base.ms).toFixed(2)}× for ${(row.uses / base.uses).toFixed(0)}× the uses`);
}
const last = scaling[scaling.length - 1];
console.log(`   growth exponent (log time / log uses, ${base.uses} → ${last.uses}): ${(Math.log(last.ms / base.ms) / Math.log(last.uses / base.uses)).toFixed(2)}  (1.0 = linear, 2.0 = quadratic)`);

// The editor (issue 4): the bundled language server over stdio, the same work in-process, bundle sizes.
if (process.env.BENCH_EDITOR !== '0') {
    bundleIfStale();
    console.log('\n3. Editor: the bundled language server over stdio (node dist/server.cjs --stdio)');
    execFileSync(process.execPath, ['scripts/bench/editor-lsp.js'], { stdio: 'inherit' });
    console.log('\n4. Editor, in-process (out/, no JSON-RPC): where the time goes');
    execFileSync(process.execPath, ['scripts/bench/editor-inprocess.js'], { stdio: 'inherit' });
    console.log('\n5. Editor: bundle sizes');
    execFileSync(process.execPath, ['scripts/bench/editor-bundles.js'], { stdio: 'inherit' });
}

/** Runs `node esbuild.mjs` when dist/server.cjs is missing or older than a file under src/. */
function bundleIfStale() {
    const server = path.resolve('dist', 'server.cjs');
    const built = existsSync(server) ? statSync(server).mtimeMs : 0;
    const newest = readdirSync('src', { recursive: true, encoding: 'utf8' })
        .map(file => statSync(path.join('src', file)))
        .filter(stat => stat.isFile())
        .reduce((latest, stat) => Math.max(latest, stat.mtimeMs), 0);
    if (built >= newest) return;
    console.log(`\n(${built ? 'dist/ is older than src/' : 'dist/server.cjs is missing'}: node esbuild.mjs)`);
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
}

// The offline HTML form (issue 12): 2,000 saved records in headless Chromium.
if (process.env.BENCH_FORM !== '0') {
    console.log('\n6. The offline HTML form (form-html) with saved records, in headless Chromium');
    execFileSync(process.execPath, ['scripts/bench/form-html.js'], { stdio: 'inherit' });
}

// The forms (issue 13): four forms for a 200-variable plan against checking it; data import of a
// filled 10,000-row workbook against exceljs only reading it.
if (process.env.BENCH_FORMS !== '0') {
    console.log('\n7. Forms: four forms for a 200-variable plan; data import of a filled 10,000-row workbook');
    execFileSync(process.execPath, ['scripts/bench/forms.js'], { stdio: 'inherit' });
}
