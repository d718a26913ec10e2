// The editor benchmarks in-process: the same workspace, edits and completion as editor-lsp.js, but
// through the services from out/ (createSuServices in editor mode, with the reference index), with
// no JSON-RPC in between: DocumentBuilder.update as the server's update handler calls it, and the
// completion provider plus JSON.stringify of its answer. Splits the edit time by build phase. When a
// p95 misses its goal (or with BENCH_PROFILE=1; BENCH_PROFILE=0 never), samples a CPU profile, prints
// the functions with the most self time and writes the profile to bench-output/ (open it in the
// browser's or VS Code's profiler). Ratios are to the parse-only baseline as in editor-lsp.js.
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';
import { EDITOR, TRIGGER, ms, parseBaseline, printStats, ratio, summary, EDIT_KINDS, withTrigger, workspaceSources } from './editor-common.js';

/** Fewer runs than editor-lsp.js: this run only splits the time; the stdio run has the figures. */
const RUNS = Number(process.env.BENCH_INPROCESS_RUNS ?? 30);
const PROFILE_RUNS = 10;
const verbose = process.env.BENCH_PROFILE === '1';
const TOP = verbose ? 15 : 6;
const profileDir = path.resolve('bench-output');

const sources = workspaceSources();
const big = sources[sources.length - 1];
const small = sources[1];
const baseline = parseBaseline(big.text);

const services = createSuServices(EmptyFileSystem);
const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder, TextDocuments } = services.shared.workspace;
const uriOf = name => URI.file(`/bench-workspace/${name}`);

const startedAt = performance.now();
const documents = sources.map(source => {
    const document = LangiumDocumentFactory.fromString(source.text, uriOf(source.name));
    LangiumDocuments.addDocument(document);
    return document;
});
await DocumentBuilder.build(documents, { validation: true });
const initialMs = performance.now() - startedAt;
console.log(`   same workspace in-process: ${ms(initialMs)} to build and validate all ${documents.length} files   ${ratio(initialMs, baseline.sample())} the baseline`);

// a) Edits. A build phase ends when every rebuilt document has reached it.
const PHASES = [
    ['parse', DocumentState.Parsed], ['index', DocumentState.IndexedContent], ['scopes', DocumentState.ComputedScopes],
    ['link', DocumentState.Linked], ['reference index', DocumentState.IndexedReferences], ['validate', DocumentState.Validated],
];
let marks = new Map();
let rebuilt = 0;
for (const [name, state] of PHASES) DocumentBuilder.onBuildPhase(state, () => { marks.set(name, performance.now()); });
DocumentBuilder.onBuildPhase(DocumentState.Parsed, docs => { rebuilt = docs.length; });

const bigUri = uriOf(big.name);
let version = 1;
let text = big.text;
TextDocuments.set(TextDocument.create(bigUri.toString(), 'suplan', version, text));
await DocumentBuilder.update([bigUri], []);

let editCount = 0;
let editKind = EDIT_KINDS[0];
async function edit() {
    text = editKind.edit(text, editCount++).text;
    if (editCount % 2 === 0) baseline.sample(text);
    TextDocuments.set(TextDocument.create(bigUri.toString(), 'suplan', ++version, text));
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
    phases.rest = end - previous;
    return { total: end - start, phases };
}

for (const kind of EDIT_KINDS) {
    editKind = kind;
    editCount = 0;
    for (let i = 0; i < EDITOR.warmup; i++) await edit();
    const editStart = baseline.count;
    const editTimes = [];
    const phaseSums = {};
    for (let i = 0; i < RUNS; i++) {
        const { total, phases } = await edit();
        editTimes.push(total);
        for (const [name, value] of Object.entries(phases)) phaseSums[name] = (phaseSums[name] ?? 0) + value;
    }
    const editStats = summary(editTimes);
    const editBaseline = baseline.medianSince(editStart);
    const bigDocument = LangiumDocuments.getDocument(bigUri);
    console.log(`\n   ${kind.key}) ${kind.what}, in the ${EDITOR.bigUses}-variable plan: DocumentBuilder.update, ${RUNS} edits (${rebuilt} document(s) rebuilt, ${bigDocument?.diagnostics?.length ?? 0} diagnostic(s))`);
    console.log(`   ${ms(editBaseline)}  baseline: Langium's parser alone on the same plan text (median, sampled before every other edit)`);
    printStats(editStats, editBaseline, EDITOR.goalEditP95);
    const phaseTotal = Object.values(phaseSums).reduce((x, y) => x + y, 0);
    console.log('      mean per phase: ' + Object.entries(phaseSums).map(([name, sum]) => `${name} ${(sum / RUNS).toFixed(1)} ms (${(100 * sum / phaseTotal).toFixed(0)}%)`).join(' · '));
    if (wantProfile(editStats.p95, EDITOR.goalEditP95)) {
        const profile = await profiled(async () => { for (let i = 0; i < PROFILE_RUNS; i++) await edit(); });
        report(profile, `editor-edit-${kind.name}.cpuprofile`, `${PROFILE_RUNS} more edits`);
    }
}

// b) Completion after `använd bench.` in a small plan.
const smallUri = uriOf(small.name);
const completion = withTrigger(small.text);
TextDocuments.set(TextDocument.create(smallUri.toString(), 'suplan', 2, completion.text));
await DocumentBuilder.update([smallUri], []);
const smallDocument = LangiumDocuments.getDocument(smallUri);
const provider = services.suplan.lsp.CompletionProvider;
const params = { textDocument: { uri: smallUri.toString() }, position: completion.position, context: { triggerKind: 2, triggerCharacter: '.' } };
let items = 0;
let completeCount = 0;
async function complete() {
    if (completeCount++ % 2 === 0) baseline.sample(big.text);
    const start = performance.now();
    const list = await provider.getCompletion(smallDocument, params);
    const provided = performance.now();
    JSON.stringify(list);
    const end = performance.now();
    items = list?.items.length ?? 0;
    return { provide: provided - start, stringify: end - provided, total: end - start };
}
for (let i = 0; i < EDITOR.warmup; i++) await complete();
const completionStart = baseline.count;
const rows = [];
for (let i = 0; i < RUNS; i++) rows.push(await complete());
const completionStats = summary(rows.map(r => r.total));
const completionBaseline = baseline.medianSince(completionStart);
const mean = key => rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
console.log(`\n   b) completion after \`${TRIGGER}\`: getCompletion + JSON.stringify of the answer, ${RUNS} requests (${items} items)`);
console.log(`   ${ms(completionBaseline)}  baseline: Langium's parser alone on the ${EDITOR.bigUses}-variable plan (median, sampled before every other request)`);
printStats(completionStats, completionBaseline, EDITOR.goalCompletionP95);
console.log(`      mean: getCompletion ${mean('provide').toFixed(1)} ms · JSON.stringify ${mean('stringify').toFixed(1)} ms`);
if (wantProfile(completionStats.p95, EDITOR.goalCompletionP95)) {
    const profile = await profiled(async () => { for (let i = 0; i < PROFILE_RUNS; i++) await provider.getCompletion(smallDocument, params); });
    report(profile, 'editor-completion.cpuprofile', `${PROFILE_RUNS} more completions (getCompletion only)`);
}

function wantProfile(p95, goal) {
    return process.env.BENCH_PROFILE === '1' || (p95 > goal && process.env.BENCH_PROFILE !== '0');
}

/** A sampled CPU profile of `work`. */
async function profiled(work) {
    const session = new Session();
    session.connect();
    const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    await work();
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile;
}

/** Writes the profile and prints the top functions by self time and the project's functions by total time. */
function report(profile, name, what) {
    mkdirSync(profileDir, { recursive: true });
    const file = path.join(profileDir, name);
    writeFileSync(file, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map(node => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const hits = new Map();
    for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
    const self = new Map();
    const total = new Map();
    let busy = 0;
    for (const [id, count] of hits) {
        const name = frameName(byId.get(id));
        if (name === '(idle)' || name === '(root)') continue;
        busy += count;
        self.set(name, (self.get(name) ?? 0) + count);
        const seen = new Set();
        for (let at = id; at !== undefined; at = parent.get(at)) {
            const key = frameName(byId.get(at));
            if (seen.has(key)) continue;
            seen.add(key);
            total.set(key, (total.get(key) ?? 0) + count);
        }
    }
    const show = (title, map, filter) => {
        const rows = [...map].filter(([key]) => filter(key)).sort((a, b) => b[1] - a[1]).slice(0, TOP);
        console.log(`      ${title}:`);
        for (const [key, count] of rows) console.log(`        ${(100 * count / busy).toFixed(1).padStart(5)}%  ${key}`);
    };
    console.log(`      CPU profile of ${what} → ${path.relative(process.cwd(), file)}${verbose ? '' : ' (BENCH_PROFILE=1 for longer lists)'}`);
    show('most self time', self, () => true);
    show('project code (out/), total time', total, key => key.includes(' out/'));
    if (verbose) show('Langium services, total time', total, key => / langium\/lib\/(references|workspace|validation|lsp|documentation)\//.test(key));
}

function frameName(node) {
    const frame = node.callFrame;
    let url = frame.url.replace(/^file:\/\//, '');
    const modules = url.lastIndexOf('node_modules/');
    if (modules >= 0) url = url.slice(modules + 'node_modules/'.length);
    else if (url.startsWith(process.cwd() + '/')) url = url.slice(process.cwd().length + 1);
    return `${frame.functionName || '(anonymous)'}${url ? ` ${url}:${frame.lineNumber + 1}` : ''}`;
}
