// Editor benchmark 1: revalidation after a one-character edit in a 500-variable plan, in a workspace of
// 200 plans and their catalogue, through the real bundled server over stdio (node dist/server.cjs --stdio).
// Prints p50/p95/max from didChange to the plan's publishDiagnostics, with ratios to the parse-only
// baseline (Langium's parser alone on the same plan text, in this process). Nothing is asserted.
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient, summary } from './editor-rpc.js';
import { ms, parseBaseline, ratio, writeWorkspace } from './editor-common.js';

const PLANS = Number(process.env.BENCH_EDITOR_PLANS ?? 200);
const BIG_USES = Number(process.env.BENCH_EDITOR_USES ?? 500);
const SMALL_USES = 20;
const CATALOGUE = 2000;
const EDITS = Number(process.env.BENCH_EDITOR_EDITS ?? 60);
const WARMUP_EDITS = 5;
const GOAL_P95 = 30;
const server = path.resolve(process.argv[2] ?? 'dist/server.cjs');

if (!existsSync(server)) {
    console.log(`   ${path.relative(process.cwd(), server)} is missing: run \`npm run bundle\` first; skipped.`);
    process.exit(0);
}

const workspace = writeWorkspace({ plans: PLANS, smallUses: SMALL_USES, bigUses: BIG_USES, catalogueSize: CATALOGUE });
const baseline = parseBaseline(workspace.bigText);

const client = new LspClient(server);
try {
    // Every file's first diagnostics (the server indexes and validates the whole workspace at start-up).
    const waiting = new Set(workspace.uris);
    let initialDiagnostics = 0;
    const allPublished = new Promise(resolve => {
        const listener = message => {
            if (message.method !== 'textDocument/publishDiagnostics' || !waiting.has(message.params.uri)) return;
            waiting.delete(message.params.uri);
            initialDiagnostics += message.params.diagnostics.length;
            if (process.env.BENCH_DEBUG) for (const d of message.params.diagnostics) console.error(message.params.uri, d.code, d.message);
            if (waiting.size === 0) {
                client.listeners = client.listeners.filter(l => l !== listener);
                resolve();
            }
        };
        client.listeners.push(listener);
    });
    const startedAt = performance.now();
    await client.initialize(workspace.rootUri);
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`initial diagnostics missing for ${waiting.size} files\n${client.stderr.slice(-2000)}`)), 120_000);
    });
    await Promise.race([allPublished, timeout]).finally(() => clearTimeout(timer));
    const initialMs = performance.now() - startedAt;

    // Open the big plan and wait for its (re)validation.
    let version = 1;
    let text = workspace.bigText;
    const opened = client.diagnosticsFor(workspace.bigUri);
    client.notify('textDocument/didOpen', { textDocument: { uri: workspace.bigUri, languageId: 'suplan', version, text } });
    await opened;

    // One-character edits in the plan's title string: insert `x` before the closing quote, then remove it.
    const titleLine = text.split('\n')[0];
    const quote = titleLine.lastIndexOf('"');
    const times = [];
    let lastDiagnostics = 0;
    for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
        const insert = i % 2 === 0;
        const range = insert
            ? { start: { line: 0, character: quote }, end: { line: 0, character: quote } }
            : { start: { line: 0, character: quote }, end: { line: 0, character: quote + 1 } };
        const published = client.diagnosticsFor(workspace.bigUri);
        const sentAt = performance.now();
        client.notify('textDocument/didChange', {
            textDocument: { uri: workspace.bigUri, version: ++version },
            contentChanges: [{ range, text: insert ? 'x' : '' }],
        });
        const { message, receivedAt } = await published;
        if (message.params.version !== undefined && message.params.version !== version) {
            throw new Error(`diagnostics for version ${message.params.version}, expected ${version}`);
        }
        lastDiagnostics = message.params.diagnostics.length;
        if (i >= WARMUP_EDITS) times.push(receivedAt - sentAt);
    }
    const stats = summary(times);

    console.log(`   workspace: ${PLANS} plans (${PLANS - 1} × ${SMALL_USES} uses + 1 × ${BIG_USES} uses), catalogue of ${CATALOGUE} variables; server ${path.relative(process.cwd(), server)}`);
    console.log(`   ${ms(baseline.median)}  baseline: Langium parser only, the ${BIG_USES}-variable plan (median of 25, in-process)`);
    console.log(`   ${ms(initialMs)}  start-up: initialize → first diagnostics of all ${workspace.uris.length} files (${initialDiagnostics} diagnostics)   ${ratio(initialMs, baseline.median)}`);
    console.log(`   one-character edit → publishDiagnostics of the plan, ${EDITS} edits after ${WARMUP_EDITS} unmeasured (${lastDiagnostics} diagnostics after the last):`);
    console.log(`   ${ms(stats.p50)}  p50   ${ratio(stats.p50, baseline.median)}`);
    console.log(`   ${ms(stats.p95)}  p95   ${ratio(stats.p95, baseline.median)}   (goal ≤ ${GOAL_P95} ms: ${stats.p95 <= GOAL_P95 ? 'met' : 'NOT met'})`);
    console.log(`   ${ms(stats.max)}  max   ${ratio(stats.max, baseline.median)}`);
    if (process.env.BENCH_JSON) console.log(JSON.stringify({ baseline, initialMs, ...stats }));
} finally {
    await client.shutdown();
    rmSync(workspace.dir, { recursive: true, force: true });
}
