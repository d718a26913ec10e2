// `npm run bench`, the offline form: the form of examples/plans/08-bbic-samtal.suplan in headless
// Chromium with 2,000 saved records. Prints the time from opening the file to an interactive list
// and the time to export, each with its ratio to opening the empty form (measured in this run).
// Times are the page's own marks (performance.mark in app.js), best of three.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const RECORDS = Number(process.env.BENCH_FORM_RECORDS ?? 2000);
const out = path.resolve('bench-output', 'form');
mkdirSync(out, { recursive: true });
const plan = 'examples/plans/08-bbic-samtal.suplan';
execFileSync(process.execPath, ['bin/cli.js', 'generate', plan, '--target', 'form-html', '--out', out], { stdio: 'ignore' });
const data = path.join(out, 'records.csv');
writeFileSync(data, execFileSync(process.execPath, ['bin/cli.js', 'synth', plan, '--clients', String(RECORDS), '--seed', '1', '--units', '3'], { maxBuffer: 1 << 28 }));
const url = pathToFileURL(path.join(out, '08-bbic-samtal.form.html')).href;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
const mark = (page, name) => page.evaluate(n => performance.getEntriesByName(n)[0]?.startTime ?? NaN, name);

async function openTime(context) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]');
    const ms = await mark(page, 'suplan-ready');
    return { page, ms };
}

const best = values => Math.min(...values);
const empty = [];
const emptyContext = await browser.newContext();
for (let i = 0; i < 3; i++) { const { page, ms } = await openTime(emptyContext); empty.push(ms); await page.close(); }

const context = await browser.newContext({ acceptDownloads: true });
const { page: first } = await openTime(context);
const importStart = performance.now();
await first.setInputFiles('#import-file', data);
await first.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Importerade'), undefined, { timeout: 120_000 });
const importMs = performance.now() - importStart;
const count = await first.textContent('#count');
await first.close();

const full = [];
const exports = [];
for (let i = 0; i < 3; i++) {
    const { page, ms } = await openTime(context);
    full.push(ms);
    const downloads = [];
    page.on('download', d => downloads.push(d));
    await page.click('#export');
    await page.waitForFunction(() => performance.getEntriesByName('suplan-export-end').length > 0);
    exports.push(await page.evaluate(() => performance.getEntriesByName('suplan-export-end')[0].startTime - performance.getEntriesByName('suplan-export-start')[0].startTime));
    while (downloads.length < 2) await new Promise(resolve => setTimeout(resolve, 20));
    await page.close();
}
await browser.close();

const fmt = ms => `${ms.toFixed(0).padStart(7)} ms`;
console.log(`   (${count})`);
console.log(`   ${fmt(best(empty))}  open the empty form until it is interactive (baseline)`);
console.log(`   ${fmt(best(full))}  open the form with ${RECORDS} saved records until the list is interactive   ratio ${(best(full) / best(empty)).toFixed(2)}×   (goal < 1 s)`);
console.log(`   ${fmt(best(exports))}  export ${RECORDS} records (CSV + datapackage.json)                        ratio ${(best(exports) / best(empty)).toFixed(2)}×   (goal < 1 s)`);
console.log(`   ${fmt(importMs)}  (setup, not a goal: import the ${RECORDS} records from a CSV file)`);
