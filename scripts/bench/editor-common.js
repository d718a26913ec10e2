// Shared by the editor benchmarks: the workspace (on disk or in memory), the edits, the parse-only
// baseline and printing. Everything is synthetic (see corpus.js).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';
import { catalogueText, planText } from './corpus.js';

/** The editor workspace: one catalogue `bench` of 10,000 variables, 199 plans of 20 uses and one of 500. */
export const EDITOR = {
    plans: Number(process.env.BENCH_EDITOR_PLANS ?? 200),
    smallUses: 20,
    bigUses: Number(process.env.BENCH_EDITOR_USES ?? 500),
    catalogue: Number(process.env.BENCH_EDITOR_CATALOGUE ?? 10_000),
    edits: Number(process.env.BENCH_EDITOR_EDITS ?? 60),
    completions: Number(process.env.BENCH_EDITOR_COMPLETIONS ?? 50),
    warmup: 5,
    goalEditP95: 30,
    goalCompletionP95: 20,
};

/** What the user has typed when completion is asked for; the cursor is after the dot. */
export const TRIGGER = 'använd bench.';

/** The workspace's files as `{ name, text }` (names relative to the workspace folder); the big plan last. */
export function workspaceSources(config = EDITOR) {
    const sources = [{ name: 'kataloger/bench.sucat', text: catalogueText(config.catalogue) }];
    for (let i = 0; i < config.plans - 1; i++) {
        sources.push({ name: `plan-${String(i).padStart(4, '0')}.suplan`, text: planText(i, config.smallUses, config.catalogue) });
    }
    sources.push({ name: 'stor-plan.suplan', text: planText(config.plans, config.bigUses, config.catalogue) });
    return sources;
}

/** Writes the workspace into a new temporary folder; returns the folder, its URI and every file's URI and text. */
export function writeWorkspace(sources, prefix = 'suplan-bench-editor-') {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    mkdirSync(path.join(dir, 'kataloger'));
    const files = sources.map(source => {
        const file = path.join(dir, source.name);
        writeFileSync(file, source.text);
        return { ...source, file, uri: fileUri(file) };
    });
    return { dir, rootUri: fileUri(dir), files };
}

export function fileUri(file) {
    return pathToFileURL(file).href;
}

/**
 * The `i`-th one-character edit of a plan: alternately insert `x` before the closing quote of the
 * plan's title (line 0) and remove it again, so the plan stays valid. Returns the new text and the
 * LSP change.
 */
export function titleEdit(text, i) {
    const quote = text.indexOf('\n') > 0 ? text.slice(0, text.indexOf('\n')).lastIndexOf('"') : -1;
    if (quote < 0) throw new Error('the plan has no title on its first line');
    const insert = i % 2 === 0;
    const next = insert ? text.slice(0, quote) + 'x' + text.slice(quote) : text.slice(0, quote - 1) + text.slice(quote);
    const at = insert ? quote : quote - 1;
    const range = { start: { line: 0, character: at }, end: { line: 0, character: insert ? at : at + 1 } };
    return { text: next, change: { range, text: insert ? 'x' : '' } };
}

/** The `i`-th one-character edit after `marker`: alternately insert `char` after it and remove it again. */
function toggleAfter(text, i, marker, char) {
    const at = text.indexOf(marker);
    if (at < 0) throw new Error(`the plan has no \`${marker}\``);
    const end = at + marker.length;
    const insert = i % 2 === 0;
    const next = insert ? text.slice(0, end) + char + text.slice(end) : text.slice(0, end) + text.slice(end + char.length);
    const before = text.slice(0, end);
    const line = before.split('\n').length - 1;
    const character = end - (before.lastIndexOf('\n') + 1);
    const range = { start: { line, character }, end: { line, character: insert ? character : character + char.length } };
    return { text: next, change: { range, text: insert ? char : '' } };
}

/** A number in the target group: `förväntat antal 400` ↔ `4000`. */
export function numberEdit(text, i) {
    return toggleAfter(text, i, 'förväntat antal 400', '0');
}

/** The second analysis's id, the first token of its line: `a1:` ↔ `a10:`. */
export function analysisIdEdit(text, i) {
    return toggleAfter(text, i, '\n        a1', '0');
}

/** The first analysis's id: `a0:` ↔ `a00:` (no analysis before it, right after `analyser {`). */
export function firstAnalysisIdEdit(text, i) {
    return toggleAfter(text, i, '\n        a0', '0');
}

/** A comment typed after `analyser {` and removed again (one character at a time would pass through `/`). */
export function blockCommentEdit(text, i) {
    return toggleAfter(text, i, 'analyser {', ' // k');
}

/**
 * The kinds of edit the editor benchmarks time, one for each way the server updates the syntax
 * tree (src/language/incremental-parse.ts): a token in place, one element parsed alone (also when
 * its first token changes), and a whole block of 500 analyses parsed alone.
 */
export const EDIT_KINDS = [
    { key: 'a', name: 'token', what: 'one character in the plan\'s title (a string: the token is updated in place)', edit: titleEdit },
    { key: 'a′', name: 'element', what: 'one character of a number in `målgrupp` (that element is parsed alone)', edit: numberEdit },
    { key: 'a″', name: 'first-token', what: 'one character of the second analysis\'s id (its first token: that analysis is parsed alone, checked against the one before)', edit: analysisIdEdit },
    { key: 'a‴', name: 'first-in-list', what: 'one character of the first analysis\'s id (first after `analyser {`: that analysis is parsed alone)', edit: firstAnalysisIdEdit },
    { key: 'a⁗', name: 'block', what: 'a comment ` // k` after `analyser {` (the block of 500 analyses is parsed alone)', edit: blockCommentEdit },
];

/** The plan with a new line `använd bench.` at the end of its `variabler` block, and the cursor after the dot. */
export function withTrigger(text) {
    const lines = text.split('\n');
    const open = lines.findIndex(line => line.trim() === 'variabler {');
    let close = open + 1;
    while (lines[close].trim() !== '}') close++;
    lines.splice(close, 0, `        ${TRIGGER}`);
    return { text: lines.join('\n'), position: { line: close, character: 8 + TRIGGER.length } };
}

/**
 * The parse-only baseline: Langium's plan parser (no linking, no validation) in this process.
 * `sample()` parses once and returns the time; the benchmarks sample it between their measurements
 * so that the baseline and the figures see the same machine load.
 */
export function parseBaseline(text) {
    const parser = createSuServices(EmptyFileSystem).suplan.parser.LangiumParser;
    for (let i = 0; i < 10; i++) parser.parse(text);
    const samples = [];
    return {
        sample(current = text) {
            const start = performance.now();
            parser.parse(current);
            const elapsed = performance.now() - start;
            samples.push(elapsed);
            return elapsed;
        },
        get median() {
            return median(samples);
        },
        /** The median of the samples taken since the `from`-th. */
        medianSince(from) {
            return median(samples.slice(from));
        },
        get count() {
            return samples.length;
        },
    };
}

/** p-th percentile (nearest rank). */
export function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
    return sorted[rank];
}

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

export function summary(values) {
    return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

export function ms(value) {
    return `${value.toFixed(1).padStart(8)} ms`;
}

export function ratio(value, base) {
    return `${(value / base).toFixed(2)}×`;
}

/** The three lines p50 / p95 / max with ratios to the baseline and whether the p95 goal is met. */
export function printStats(stats, baseline, goal) {
    console.log(`   ${ms(stats.p50)}  p50   ${ratio(stats.p50, baseline).padStart(7)} the baseline`);
    console.log(`   ${ms(stats.p95)}  p95   ${ratio(stats.p95, baseline).padStart(7)} the baseline   goal ≤ ${goal} ms: ${stats.p95 <= goal ? 'met' : 'NOT met'} (${ratio(stats.p95, goal)} the goal)`);
    console.log(`   ${ms(stats.max)}  max   ${ratio(stats.max, baseline).padStart(7)} the baseline`);
}
