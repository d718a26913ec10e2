// Editor benchmarks through the real bundled server over stdio (`node dist/server.cjs --stdio`), one
// server for both:
//  a) revalidation: a one-character edit (didChange) in the 500-variable plan → its publishDiagnostics,
//     for each way the server updates the tree (a token in place, one element alone, a whole list);
//  b) completion after `använd bench.` with the 10,000-variable catalogue, in a plan of 20 uses.
// The workspace folder holds 200 plans and their catalogue; the server indexes and validates all of
// them at start-up. Each figure is printed with its ratio to the parse-only baseline (Langium's parser
// alone on the 500-variable plan, in this process, sampled between the measurements). Nothing about
// time is asserted; wrong answers (no diagnostics, no catalogue variable offered) are errors.
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient } from './editor-rpc.js';
import { EDITOR, TRIGGER, ms, parseBaseline, printStats, ratio, summary, EDIT_KINDS, withTrigger, workspaceSources, writeWorkspace } from './editor-common.js';

const server = path.resolve(process.argv[2] ?? 'dist/server.cjs');
if (!existsSync(server)) {
    console.log(`   ${path.relative(process.cwd(), server)} is missing: run \`npm run bundle\` first; skipped.`);
    process.exit(0);
}

const workspace = writeWorkspace(workspaceSources());
const big = workspace.files[workspace.files.length - 1];
const small = workspace.files[1];
const baseline = parseBaseline(big.text);
// BENCH_SERVER_NODE_ARGS: extra node options for the server, e.g. `--max-semi-space-size=64`.
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const client = new LspClient(server, { nodeArgs });

try {
    // Start-up: every file's first diagnostics.
    const waiting = new Set(workspace.files.map(f => f.uri));
    let initialDiagnostics = 0;
    const allPublished = new Promise(resolve => {
        const listener = message => {
            if (message.method !== 'textDocument/publishDiagnostics' || !waiting.delete(message.params.uri)) return;
            initialDiagnostics += message.params.diagnostics.length;
            if (waiting.size > 0) return;
            client.listeners = client.listeners.filter(l => l !== listener);
            resolve();
        };
        client.listeners.push(listener);
    });
    const startedAt = performance.now();
    await client.initialize(workspace.rootUri);
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no initial diagnostics for ${waiting.size} files\n${client.stderr.slice(-2000)}`)), 180_000);
    });
    await Promise.race([allPublished, timeout]).finally(() => clearTimeout(timer));
    const initialMs = performance.now() - startedAt;
    const startupBaseline = baseline.sample();
    console.log(`   workspace: ${EDITOR.plans} plans (${EDITOR.plans - 1} × ${EDITOR.smallUses} uses + 1 × ${EDITOR.bigUses} uses), catalogue of ${EDITOR.catalogue} variables; node ${[...nodeArgs, path.relative(process.cwd(), server)].join(' ')} --stdio`);
    console.log(`   ${ms(initialMs)}  start-up: initialize → first diagnostics of all ${workspace.files.length} files (${initialDiagnostics} diagnostics)   ${ratio(initialMs, startupBaseline)} the baseline`);

    // a) Revalidation after one-character edits of the open big plan, one series per kind of edit.
    let version = 1;
    let text = big.text;
    const opened = client.diagnosticsFor(big.uri);
    client.notify('textDocument/didOpen', { textDocument: { uri: big.uri, languageId: 'suplan', version, text } });
    await opened;
    for (const kind of EDIT_KINDS) {
        const from = baseline.count;
        const editTimes = [];
        let lastDiagnostics;
        for (let i = 0; i < EDITOR.warmup + EDITOR.edits; i++) {
            const edit = kind.edit(text, i);
            text = edit.text;
            baseline.sample(text);
            const published = client.diagnosticsFor(big.uri);
            const sentAt = performance.now();
            client.notify('textDocument/didChange', { textDocument: { uri: big.uri, version: ++version }, contentChanges: [edit.change] });
            const { message, receivedAt } = await published;
            if (message.params.version !== undefined && message.params.version !== version) {
                throw new Error(`diagnostics for version ${message.params.version}, expected ${version}`);
            }
            lastDiagnostics = message.params.diagnostics;
            if (i >= EDITOR.warmup) editTimes.push(receivedAt - sentAt);
        }
        const editBaseline = baseline.medianSince(from);
        console.log(`\n   ${kind.key}) ${kind.what}, in the ${EDITOR.bigUses}-variable plan: didChange → its publishDiagnostics (${EDITOR.edits} edits after ${EDITOR.warmup} unmeasured; ${lastDiagnostics.length} diagnostic(s): ${[...new Set(lastDiagnostics.map(d => d.code))].join(', ') || 'none'})`);
        console.log(`   ${ms(editBaseline)}  baseline: Langium's parser alone on the same plan text (median of ${baseline.count - from}, sampled before each edit)`);
        printStats(summary(editTimes), editBaseline, EDITOR.goalEditP95);
    }

    // b) Completion after `använd bench.` in a small plan.
    const completion = withTrigger(small.text);
    const openedSmall = client.diagnosticsFor(small.uri);
    client.notify('textDocument/didOpen', { textDocument: { uri: small.uri, languageId: 'suplan', version: 1, text: completion.text } });
    await openedSmall;
    const completionTimes = [];
    const before = baseline.count;
    let items = [];
    let bytes = 0;
    for (let i = 0; i < EDITOR.warmup + EDITOR.completions; i++) {
        baseline.sample(big.text);
        const sentAt = performance.now();
        const { result, receivedAt } = await client.request('textDocument/completion', {
            textDocument: { uri: small.uri }, position: completion.position, context: { triggerKind: 2, triggerCharacter: '.' },
        });
        if (i >= EDITOR.warmup) completionTimes.push(receivedAt - sentAt);
        items = Array.isArray(result) ? result : result?.items ?? [];
        if (i === 0) bytes = Buffer.byteLength(JSON.stringify(result));
    }
    const example = items.find(item => /^(bench\.)?v1$/.test(item.label));
    if (!example) throw new Error(`completion after \`${TRIGGER}\` offered no catalogue variable v1 (${items.length} items)`);
    const completionBaseline = baseline.medianSince(before);
    console.log(`\n   b) completion after \`${TRIGGER}\` in a ${EDITOR.smallUses}-use plan: request → complete answer (${EDITOR.completions} requests after ${EDITOR.warmup} unmeasured)`);
    console.log(`      ${items.length} items, ${(bytes / 1e6).toFixed(2)} MB of JSON; e.g. ${example.label} · ${example.detail ?? ''}`);
    console.log(`   ${ms(completionBaseline)}  baseline: Langium's parser alone on the ${EDITOR.bigUses}-variable plan (median of ${baseline.count - before} more samples, one before each request)`);
    printStats(summary(completionTimes), completionBaseline, EDITOR.goalCompletionP95);
} finally {
    await client.shutdown();
    rmSync(workspace.dir, { recursive: true, force: true });
}
