// `npm run bench`, the forms (issue 13), whole processes as a user runs them, medians of interleaved runs:
// (a) generating all four forms (form-html, form-xlsx, xlsform, xform) for a 200-variable plan,
//     against `suplan check` of the same plan (goal ≤ 2×);
// (b) `suplan data import` of a filled 10,000-row registration workbook, against exceljs only
//     reading the same workbook (goal ≤ 2×).
// Uses bin/cli.js (npm run build) and out/ (tsc -b) to fill the workbook.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { catalogueText, planText } from './corpus.js';
import { medians } from './medians.js';

const out = path.resolve('bench-output', 'forms');
const RUNS = Number(process.env.BENCH_FORM_RUNS ?? 5);
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'kataloger'), { recursive: true });
writeFileSync(path.join(out, 'kataloger', 'bench.sucat'), catalogueText(400));
const plan = path.join(out, 'plan-200.suplan');
writeFileSync(plan, planText(1, 200, 400));

const ms = value => `${value.toFixed(0).padStart(7)} ms`;

const [check, generate] = medians([
    ['suplan check (200-variable plan)', ['bin/cli.js', 'check', plan]],
    ['suplan generate --target form-html,form-xlsx,xlsform,xform', ['bin/cli.js', 'generate', plan, '--target', 'form-html,form-xlsx,xlsform,xform', '--out', path.join(out, 'forms')]],
], RUNS);
console.log(`   (a) four forms for a 200-variable plan, median of ${RUNS} runs each`);
for (const row of [check, generate]) console.log(`   ${ms(row.ms)}  ${row.label}`);
console.log(`   ratio generate four forms / check: ${(generate.ms / check.ms).toFixed(2)}×   (goal ≤ 2×)`);

// (b) A registration workbook of plan 08, filled with ROWS synthetic records as a unit fills it.
const example = 'examples/plans/08-bbic-samtal.suplan';
const data = await import(path.resolve('out', 'data', 'index.js'));
const csvFile = path.join(out, 'synth.csv');
const synth = spawnSync(process.execPath, ['bin/cli.js', 'synth', example, '--clients', String(ROWS), '--seed', '1', '--units', '3', '--out', csvFile], { encoding: 'utf8' });
if (synth.status !== 0) throw new Error(synth.stderr);
const generated = spawnSync(process.execPath, ['bin/cli.js', 'generate', example, '--target', 'form-xlsx', '--out', out], { encoding: 'utf8' });
if (generated.status !== 0) throw new Error(generated.stderr);
const table = data.readDataFile(readFileSync(csvFile));
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(path.join(out, '08-bbic-samtal.form.xlsx'));
const sheet = workbook.getWorksheet('Data');
const header = sheet.getRow(1).values.slice(1);
for (const record of table.records) {
    sheet.addRow(header.map(name => {
        const raw = record.cells[table.header.indexOf(name)] ?? '';
        if (raw === '') return null;
        return /^-?\d+$/.test(raw) && name !== 'ärendekod' && name !== 'enhet' ? Number(raw) : raw;
    }));
}
const filled = path.join(out, 'filled-10000.xlsx');
await workbook.xlsx.writeFile(filled);
const readOnly = path.join(out, 'read-only.mjs');
writeFileSync(readOnly, `import ExcelJS from 'exceljs';\nconst w = new ExcelJS.Workbook();\nawait w.xlsx.readFile(process.argv[2]);\nlet n = 0;\nw.getWorksheet('Data').eachRow(() => { n++; });\nconsole.log(n);\n`);
const [reading, importing] = medians([
    ['exceljs: read the workbook (whole process)', [readOnly, filled]],
    [`suplan data import (${table.records.length} rows, whole process)`, ['bin/cli.js', 'data', 'import', filled, '--plan', example, '--out', path.join(out, 'imported.csv')]],
], Math.max(3, RUNS - 2));
console.log(`\n   (b) data import of a filled ${table.records.length}-row workbook, median of ${Math.max(3, RUNS - 2)} runs each`);
for (const row of [reading, importing]) console.log(`   ${ms(row.ms)}  ${row.label}`);
console.log(`   ratio data import / exceljs reading: ${(importing.ms / reading.ms).toFixed(2)}×   (goal ≤ 2×)`);
