// Editor benchmark 2: completion after `använd bench.` with a 10,000-variable catalogue, through the
// real bundled server over stdio. 50 requests (after 5 unmeasured) in a small plan (20 uses) and in
// the 500-use plan; p50/p95/max from the request to its complete answer, each with its ratio to the
// parse-only baseline of the same plan text (Langium's parser alone, in this process, sampled
// between the requests so that both see the same machine load). Nothing is asserted about time.
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';
import { planText } from './corpus.js';
import { LspClient, summary } from './editor-rpc.js';
import { fileUri, ms, ratio, writeWorkspace } from './editor-common.js';

const CATALOGUE = Number(process.env.BENCH_COMPLETION_CATALOGUE ?? 10_000);
const PLANS = 20;
const SMALL_USES = 20;
const BIG_USES = 500;
const REQUESTS = Number(process.env.BENCH_COMPLETION_REQUESTS ?? 50);
const WARMUP = 5;
const GOAL_P95 = 20;
const TRIGGER = 'använd bench.';
const server = path.resolve(process.argv[2] ?? 'dist/server.cjs');

if (!existsSync(server)) {
    console.log(`   ${path.relative(process.cwd(), server)} is missing: run \`npm run bundle\` first; skipped.`);
    process.exit(0);
}

/** The plan with a new line `använd bench.` at the end of its `variabler` block; the cursor after the dot. */
function withTrigger(text) {
    const lines = text.split('\n');
    const open = lines.findIndex(line => line.trim() === 'variabler {');
    let close = open + 1;
    while (lines[close].trim() !== '}') close++;
    lines.splice(close, 0, `        ${TRIGGER}`);
    return { text: lines.join('\n'), position: { line: close, character: 8 + TRIGGER.length } };
}

const workspace = writeWorkspace({ plans: PLANS, smallUses: SMALL_USES, bigUses: BIG_USES, catalogueSize: CATALOGUE, prefix: 'suplan-bench-completion-' });
const parser = createSuServices(EmptyFileSystem).suplan.parser.LangiumParser;
const cases = [
    { label: `a ${SMALL_USES}-use plan`, file: path.join(workspace.dir, 'plan-0000.suplan'), source: planText(0, SMALL_USES, CATALOGUE) },
    { label: `the ${BIG_USES}-use plan`, file: workspace.big, source: workspace.bigText },
];

const client = new LspClient(server);
const rows = [];
try {
    const catalogueUri = workspace.uris[0];
    const indexed = client.diagnosticsFor(catalogueUri, 180_000);
    const startedAt = performance.now();
    await client.initialize(workspace.rootUri);
    await indexed;
    const indexedMs = performance.now() - startedAt;

    for (const entry of cases) {
        const uri = fileUri(entry.file);
        const { text, position } = withTrigger(entry.source);
        const opened = client.diagnosticsFor(uri, 60_000);
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'suplan', version: 1, text } });
        await opened;
        for (let i = 0; i < 5; i++) parser.parse(text);

        const times = [];
        const parses = [];
        let items = 0;
        let example;
        for (let i = 0; i < WARMUP + REQUESTS; i++) {
            const parseStart = performance.now();
            parser.parse(text);
            const parseMs = performance.now() - parseStart;
            const sentAt = performance.now();
            const { result, receivedAt } = await client.request('textDocument/completion', {
                textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '.' },
            });
            const list = Array.isArray(result) ? result : result?.items ?? [];
            items = list.length;
            example = list.find(item => /^(bench\.)?v1$/.test(item.label));
            if (i >= WARMUP) {
                times.push(receivedAt - sentAt);
                parses.push(parseMs);
            }
        }
        if (!example) throw new Error(`completion after \`${TRIGGER}\` in ${entry.label} offered no catalogue variable v1 (${items} items)`);
        parses.sort((a, b) => a - b);
        rows.push({ ...entry, items, example, stats: summary(times), baseline: parses[Math.floor(parses.length / 2)] });
    }

    console.log(`   workspace: ${PLANS} plans, catalogue of ${CATALOGUE} variables (initialize → catalogue validated: ${(indexedMs / 1000).toFixed(1)} s); ${REQUESTS} requests after ${WARMUP} unmeasured`);
    for (const row of rows) {
        const { stats, baseline } = row;
        console.log(`   completion after \`${TRIGGER}\` in ${row.label}: ${row.items} items (e.g. ${row.example.label} · ${row.example.detail ?? ''})`);
        console.log(`   ${ms(baseline)}  baseline: Langium parser only, the same plan text (median, sampled between the requests)`);
        console.log(`   ${ms(stats.p50)}  p50   ${ratio(stats.p50, baseline)}`);
        console.log(`   ${ms(stats.p95)}  p95   ${ratio(stats.p95, baseline)}   (goal ≤ ${GOAL_P95} ms: ${stats.p95 <= GOAL_P95 ? 'met' : 'NOT met'})`);
        console.log(`   ${ms(stats.max)}  max   ${ratio(stats.max, baseline)}`);
    }
    if (process.env.BENCH_JSON) console.log(JSON.stringify(rows.map(row => ({ label: row.label, items: row.items, baseline: row.baseline, ...row.stats }))));
} finally {
    await client.shutdown();
    rmSync(workspace.dir, { recursive: true, force: true });
}
