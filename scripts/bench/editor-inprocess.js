// Editor benchmark 1, in-process: the same workspace and the same one-character edits as
// editor-revalidate.js, but through the services from out/ (createSuServices, editor mode with the
// reference index) and DocumentBuilder.update, as the server's update handler calls it, with no
// JSON-RPC in between. Splits the time by build phase and, with BENCH_PROFILE=1 (or when the p95
// misses the goal and BENCH_PROFILE is not 0), samples a CPU profile of the edit loop and prints the
// functions that take the most time. Nothing is asserted.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';
import { catalogueText, planText } from './corpus.js';
import { ms, parseBaseline, ratio } from './editor-common.js';
import { summary } from './editor-rpc.js';

const PLANS = Number(process.env.BENCH_EDITOR_PLANS ?? 200);
const BIG_USES = Number(process.env.BENCH_EDITOR_USES ?? 500);
const SMALL_USES = 20;
const CATALOGUE = 2000;
const EDITS = Number(process.env.BENCH_EDITOR_EDITS ?? 60);
const WARMUP_EDITS = 5;
const GOAL_P95 = 30;
const TOP = 25;

const bigText = planText(PLANS, BIG_USES, CATALOGUE);
const baseline = parseBaseline(bigText);

const services = createSuServices(EmptyFileSystem);
const shared = services.shared;
const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = shared.workspace;
const textDocuments = shared.workspace.TextDocuments;

const root = '/bench-workspace';
const sources = [{ uri: URI.file(`${root}/kataloger/bench.sucat`), text: catalogueText(CATALOGUE) }];
for (let i = 0; i < PLANS - 1; i++) sources.push({ uri: URI.file(`${root}/plan-${String(i).padStart(4, '0')}.suplan`), text: planText(i, SMALL_USES, CATALOGUE) });
const bigUri = URI.file(`${root}/stor-plan.suplan`);
sources.push({ uri: bigUri, text: bigText });

const initialStart = performance.now();
const documents = sources.map(source => {
    const document = LangiumDocumentFactory.fromString(source.text, source.uri);
    LangiumDocuments.addDocument(document);
    return document;
});
await DocumentBuilder.build(documents, { validation: true });
const initialMs = performance.now() - initialStart;

// Phase timestamps of each update (a build phase ends when every rebuilt document reached it).
const PHASES = [
    ['parse', DocumentState.Parsed], ['index', DocumentState.IndexedContent], ['scopes', DocumentState.ComputedScopes],
    ['link', DocumentState.Linked], ['references', DocumentState.IndexedReferences], ['validate', DocumentState.Validated],
];
let marks = new Map();
for (const [name, state] of PHASES) DocumentBuilder.onBuildPhase(state, () => { marks.set(name, performance.now()); });
let rebuilt = 0;
DocumentBuilder.onBuildPhase(DocumentState.Parsed, docs => { rebuilt = docs.length; });

let version = 1;
let text = bigText;
textDocuments.set(TextDocument.create(bigUri.toString(), 'suplan', version, text));
await DocumentBuilder.update([bigUri], []);

const quote = text.split('\n')[0].lastIndexOf('"');
const bigDocument = LangiumDocuments.getDocument(bigUri);

async function edit(i) {
    text = i % 2 === 0 ? text.slice(0, quote) + 'x' + text.slice(quote) : text.slice(0, quote) + text.slice(quote + 1);
    textDocuments.set(TextDocument.create(bigUri.toString(), 'suplan', ++version, text));
    marks = new Map();
    const start = performance.now();
    await DocumentBuilder.update([bigUri], []);
    const end = performance.now();
    const phases = {};
    let previous = start;
    for (const [name] of PHASES) {
        const mark = marks.get(name) ?? previous;
        phases[name] = mark - previous;
        previous = mark;
    }
    phases.after = end - previous;
    return { total: end - start, phases };
}

for (let i = 0; i < WARMUP_EDITS; i++) await edit(i);
const wantProfile = process.env.BENCH_PROFILE === '1';
const totals = [];
const phaseSums = {};
for (let i = WARMUP_EDITS; i < WARMUP_EDITS + EDITS; i++) {
    const { total, phases } = await edit(i);
    totals.push(total);
    for (const [name, value] of Object.entries(phases)) phaseSums[name] = (phaseSums[name] ?? 0) + value;
}
const stats = summary(totals);

console.log(`   in-process (out/, DocumentBuilder.update, no JSON-RPC), same workspace: ${ms(initialMs)} initial build of ${documents.length} files`);
console.log(`   ${ms(stats.p50)}  p50   ${ratio(stats.p50, baseline.median)}      ${ms(stats.p95)}  p95   ${ratio(stats.p95, baseline.median)}      ${ms(stats.max)}  max   (goal ≤ ${GOAL_P95} ms: ${stats.p95 <= GOAL_P95 ? 'met' : 'NOT met'})`);
console.log(`   documents rebuilt per edit: ${rebuilt}; ${bigDocument?.diagnostics?.length ?? 0} diagnostics; mean time per phase:`);
console.log('   ' + Object.entries(phaseSums).map(([name, sum]) => `${name} ${(sum / EDITS).toFixed(1)} ms`).join(' · '));
console.log(`   (baseline in this process: ${ms(baseline.median)} to parse the plan alone)`);

if (wantProfile || (stats.p95 > GOAL_P95 && process.env.BENCH_PROFILE !== '0')) {
    const profile = await profileEdits(20);
    const file = path.resolve(process.env.BENCH_PROFILE_OUT ?? 'bench-output/editor-edit.cpuprofile');
    try {
        writeFileSync(file, JSON.stringify(profile));
    } catch {
        // the folder may not exist when run alone
    }
    printProfile(profile, file);
}

/** Samples a CPU profile over `count` more edits. */
async function profileEdits(count) {
    const session = new Session();
    session.connect();
    const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    for (let i = 0; i < count; i++) await edit(WARMUP_EDITS + EDITS + i);
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile;
}

/** Top functions by self time and by total (inclusive) time, each function counted once per stack. */
function printProfile(profile, file) {
    const byId = new Map(profile.nodes.map(node => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const hits = new Map();
    for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
    const key = node => {
        const frame = node.callFrame;
        const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : '';
        return `${frame.functionName || '(anonymous)'} ${where}`.trim();
    };
    const self = new Map();
    const total = new Map();
    let all = 0;
    let idle = 0;
    for (const [id, count] of hits) {
        const node = byId.get(id);
        const name = key(node);
        if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
            if (name === '(idle)') idle += count;
        }
        all += count;
        self.set(name, (self.get(name) ?? 0) + count);
        const seen = new Set();
        for (let at = id; at !== undefined; at = parent.get(at)) {
            const k = key(byId.get(at));
            if (seen.has(k)) continue;
            seen.add(k);
            total.set(k, (total.get(k) ?? 0) + count);
        }
    }
    const busy = all - idle;
    const show = (title, map) => {
        console.log(`   ${title}`);
        const rows = [...map].filter(([name]) => name !== '(root)' && name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, TOP);
        for (const [name, count] of rows) console.log(`     ${(100 * count / busy).toFixed(1).padStart(5)}%  ${name}`);
    };
    console.log(`   CPU profile of 20 more edits (${busy} busy samples; profile written to ${path.relative(process.cwd(), file)}):`);
    show('top functions by self time (% of busy samples):', self);
    show('project functions (out/) by total time (with callees):', new Map([...total].filter(([name]) => / out\//.test(name))));
    show('Langium services by total time (with callees):', new Map([...total].filter(([name]) => / langium\/lib\/(references|workspace|validation|lsp)\//.test(name))));
}

function shorten(url) {
    const text = url.replace(/^file:\/\//, '');
    const nm = text.lastIndexOf('node_modules/');
    if (nm >= 0) return text.slice(nm + 'node_modules/'.length);
    const cwd = process.cwd() + '/';
    return text.startsWith(cwd) ? text.slice(cwd.length) : text;
}
