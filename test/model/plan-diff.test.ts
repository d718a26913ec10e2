import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMPARABILITY_WARNINGS, PLAN_DIFF_SCHEMA_VERSION, comparePlans, diffPlanVersions, type ComparabilityWarning, type PlanDiffReport } from '../../src/model/plan-diff.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../src/model/plan-diff-render.js';
import type { PlanModel } from '../../src/model/plan-model.js';
import { FULL_PLAN, TEST_CATALOGUE, buildModels, loadPlans, modelOf, parseAndLinkProblems } from './model-fixtures.js';

/**
 * Golden tests of the plan diff on pairs of plan versions (test/fixtures/diff/<case>/old.suplan and
 * new.suplan, made from the examples by make-pairs.js). Each case's expected output is in its folder:
 * diff.sv.md, diff.en.md, diff.sv.txt, diff.en.txt and diff.json. UPDATE_GOLDEN=1 rewrites them.
 */

const FIXTURES = 'test/fixtures/diff';
const catalogues = readdirSync('examples/catalogues').filter(f => f.endsWith('.sucat')).map(f => readFileSync(path.join('examples/catalogues', f), 'utf8'));
const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name).sort();

async function model(file: string): Promise<PlanModel> {
    const [plan] = await loadPlans([readFileSync(file, 'utf8')], catalogues);
    expect(plan.diagnostics.filter(d => d.severity === 1)).toEqual([]);
    return { ...modelOf(plan), source: path.basename(file) };
}

async function reportOf(name: string): Promise<PlanDiffReport> {
    const before = await model(path.join(FIXTURES, name, 'old.suplan'));
    const after = await model(path.join(FIXTURES, name, 'new.suplan'));
    return { schemaVersion: PLAN_DIFF_SCHEMA_VERSION, from: 'old.suplan', to: 'new.suplan', plans: [diffPlanVersions(before, after, { path: 'new.suplan' })] };
}

function golden(file: string, actual: string): void {
    if (process.env['UPDATE_GOLDEN'] || !existsSync(file)) writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The warnings each case must give (every comparability warning has a case of its own). */
const EXPECTED_WARNINGS: Readonly<Record<string, readonly ComparabilityWarning[]>> = {
    'syfte-och-malgrupp': [],
    'kod-ny-etikett': ['codeRelabelled'],
    'kod-borttagen': ['codeRemoved'],
    'kod-ateranvand': ['codeReused', 'codeReused'],
    'fordjupning-annan-kod': ['refinementRollup'],
    'vardemangd-annan-sort': ['valueSetKind'],
    'matpunkt-flyttad': ['pointMoved'],
    'variabel-annan-matpunkt': ['pointMoved'],
    'avrundning': ['roundingChanged'],
    'minsta-cell': ['suppressionChanged', 'suppressionChanged'],
    'analyser-och-scenarier': [],
    'accepterad-varning': [],
    'readme-exempel': ['codeRelabelled', 'suppressionChanged'],
};

// A minimal shape of markdown-it (in node_modules through @vscode/vsce; it has no types of its own).
interface MdToken { readonly type: string; readonly tag: string; readonly content: string; readonly children: MdToken[] | null }
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new () => { parse(text: string, env: object): MdToken[] };
const markdown = new MarkdownIt();

describe('plan diff: golden pairs', () => {
    test('every case has its expected warnings, and every warning has a case', () => {
        expect(Object.keys(EXPECTED_WARNINGS).sort()).toEqual(cases);
        expect([...new Set(Object.values(EXPECTED_WARNINGS).flat())].sort()).toEqual([...COMPARABILITY_WARNINGS].sort());
    });

    test.each(cases)('%s: warnings, and the output in Swedish and English as text, Markdown and JSON', async name => {
        const report = await reportOf(name);
        const [entry] = report.plans;
        expect(entry.status).toBe('changed');
        expect(entry.changes.length).toBeGreaterThan(0);
        expect(entry.changes.flatMap(change => (change.warning ? [change.warning] : []))).toEqual(EXPECTED_WARNINGS[name]);
        expect(entry.warnings).toBe(EXPECTED_WARNINGS[name].length);
        const folder = path.join(FIXTURES, name);
        golden(path.join(folder, 'diff.sv.md'), renderDiffMarkdown(report, 'sv'));
        golden(path.join(folder, 'diff.en.md'), renderDiffMarkdown(report, 'en'));
        golden(path.join(folder, 'diff.sv.txt'), renderDiffText(report, 'sv'));
        golden(path.join(folder, 'diff.en.txt'), renderDiffText(report, 'en'));
        golden(path.join(folder, 'diff.json'), renderDiffJson(report));
        expect(JSON.parse(renderDiffJson(report))).toEqual(report);
    });

    test.each(cases)('%s: the Markdown parses to headings, a warning list and tables with four columns', async name => {
        const report = await reportOf(name);
        for (const language of ['sv', 'en'] as const) {
            const tokens = markdown.parse(renderDiffMarkdown(report, language), {});
            const headings = tokens.flatMap((token, i) => (token.type === 'heading_open' ? [`${token.tag} ${tokens[i + 1].content}`] : []));
            expect(headings[0]).toMatch(/^h2 /);
            expect(headings[1]).toMatch(/^h3 /);
            expect(headings.at(-1)).toBe(language === 'sv' ? 'h4 Registreringsbörda (fält per klient och mätpunkt)' : 'h4 Registration burden (fields per client and point)');
            // Every table: a header row and body rows of the same width (four for changes, three for the burden).
            const tables = splitTables(tokens);
            expect(tables.length).toBeGreaterThanOrEqual(2);
            for (const rows of tables) {
                expect(new Set(rows.map(row => row.length)).size).toBe(1);
                expect([3, 4]).toContain(rows[0].length);
            }
            const changeRows = tables.filter(rows => rows[0].length === 4).flatMap(rows => rows.slice(1));
            expect(changeRows).toHaveLength(report.plans[0].changes.length);
            const warned = EXPECTED_WARNINGS[name].length;
            const warningList = tokens.filter(token => token.type === 'list_item_open').length;
            expect(warningList).toBe(warned);
            expect(headings.includes(language === 'sv' ? 'h4 Jämförbarhet' : 'h4 Comparability')).toBe(warned > 0);
        }
    });
});

/** The cell texts of each table, row by row. */
function splitTables(tokens: readonly MdToken[]): string[][][] {
    const tables: string[][][] = [];
    let row: string[] | undefined;
    for (const token of tokens) {
        if (token.type === 'table_open') tables.push([]);
        else if (token.type === 'tr_open') row = [];
        else if (token.type === 'tr_close' && row) {
            tables[tables.length - 1].push(row);
            row = undefined;
        } else if (token.type === 'inline' && row) row.push((token.children ?? []).map(child => child.content).join(''));
    }
    return tables;
}

describe('plan diff: every part of a full plan', () => {
    test('roles, data source, goals, phases, reference data, the extract, a named value set, multiple choice, analyses, plan rounding', async () => {
        const edits: Array<[string, string]> = [
            ['datakälla formulär "Eget formulär i webbläsaren"', 'datakälla formulär "Eget formulär på papper"'],
            ['registrerar "Behandlare"', 'registrerar "Familjebehandlare"'],
            ['klientmål 3 "Mål', 'klientmål 2 "Mål'],
            ['insats 3 veckor från 2025-01-20', 'insats 4 veckor från 2025-01-20'],
            ['{ 1 = 5400 2 = 6100 }', '{ 1 = 5400 2 = 6200 }'],
            ['kolumn "KON" -> kön { "F" -> 1 "P" -> 2 "X" -> 3 }', 'kolumn "KON" -> kön { "F" -> 1 "M" -> 2 "X" -> 3 }'],
            ['fil "uttag.csv"', 'fil "uttag-2025.csv"'],
            ['kontakt { 1 "Telefon" 2 "Besök" }', 'kontakt { 1 "Telefon" 2 "Hembesök" }'],
            ['flerval { 1 "Samtal" 2 "Hembesök" 3 "Gruppträff" }', 'flerval { 1 "Samtal" 2 "Hembesök" }'],
            ['f1 "Enskilda samtal": frekvens samtal_enskilt', 'f1 "Enskilda samtal": frekvens samtal_enskilt diagram ingen'],
            ['p1: förändring problem före -> efter', 'p1: förändring problem före -> efter mått procent'],
            ['    decimaler 2\n', '    decimaler 1\n'],
        ];
        let changed = FULL_PLAN;
        for (const [from, to] of edits) {
            expect(changed.includes(from), from).toBe(true);
            changed = changed.replace(from, to);
        }
        const [before, after] = await buildModels([FULL_PLAN, changed]);
        expect(parseAndLinkProblems(after.diagnostics)).toEqual([]);
        const entry = diffPlanVersions(before.model, after.model, { path: 'p.suplan' });
        const found = entry.changes.map(c => [c.section, c.subject, c.aspect, c.code ?? null, c.warning ?? null]);
        expect(found).toEqual(expect.arrayContaining([
            ['plan', '', 'dataSource', null, null],
            ['plan', '', 'role.registers', null, null],
            ['plan', '', 'clientGoals', null, null],
            ['measurementPoints', 'insats', 'phase', null, null],
            ['valueSets', 'kontakt', 'code', 2, 'codeRelabelled'],
            ['variables', 'insatser', 'code', 3, 'codeRemoved'],
            ['data', 'befolkning', 'referenceTable', null, null],
            ['data', '', 'extract', null, null],
            ['data', 'KON', 'extractColumn', null, null],
            ['analyses', 'f1', 'chart', null, null],
            ['analyses', 'p1', 'change', null, null],
            ['plan', '', 'rounding', null, 'roundingChanged'],
        ]));
        // The plan's `decimaler` is one change, not one per analysis that follows it; b1 has its own `decimaler 1`.
        expect(entry.changes.filter(c => c.warning === 'roundingChanged')).toHaveLength(1);
        // The named set's code is reported once, under value sets, not again for the variable that uses it.
        expect(found.filter(c => c[2] === 'code' && c[3] === 2 && c[4] === 'codeRelabelled')).toHaveLength(1);
        // At `efter`, one goal fewer (måluppf per klientmål) and one option fewer (insatser): two fields fewer.
        const atEfter = (side: typeof entry.burden.before) => side?.perPoint.find(p => p.point === 'efter')?.fields ?? 0;
        expect(atEfter(entry.burden.after)).toBe(atEfter(entry.burden.before) - 2);
        const markdown = renderDiffMarkdown({ schemaVersion: PLAN_DIFF_SCHEMA_VERSION, from: 'a', to: 'b', plans: [entry] }, 'sv');
        expect(markdown).toContain('#### Referensdata och uttag');
        expect(markdown).toContain('| ändrad | `KON` · uttagets kolumn | "KON" -\\> kön { "F" -\\> 1 "P" -\\> 2 "X" -\\> 3 } | "KON" -\\> kön { "F" -\\> 1 "M" -\\> 2 "X" -\\> 3 } |');
    });
});

describe('plan diff: points', () => {
    test('a variable moved to another point warns once; a value derived from it follows without a warning', async () => {
        const plan = (point: string) => `
plan "Punkter" {
    syfte kontroll
    fråga "Hur?"
    mätpunkter före, efter
    variabler {
        lokal a "A" : antal 0..10 vid ${point}
        lokal c "C" : ja/nej vid före
        härledd b "B" = klassa a { 1 "Låg" 0..5 2 "Hög" 6..10 }
    }
}
`;
        const [before, after] = await buildModels([plan('före'), plan('efter')], []);
        const changes = comparePlans(before.model, after.model);
        expect(changes.map(c => [c.subject, c.aspect, c.before, c.after, c.warning ?? null])).toEqual([
            ['a', 'points', 'före', 'efter', 'pointMoved'],
            ['b', 'points', 'före', 'efter', null],
        ]);
        // A point added to a variable's points moves nothing.
        const [, more] = await buildModels([plan('före'), plan('före, efter')], []);
        expect(comparePlans(before.model, more.model).filter(c => c.warning)).toEqual([]);
    });
});

describe('plan diff: catalogue versions', () => {
    test('a new catalogue version is one change of the plan; its variables show only what the version changed', async () => {
        const plan = (version: string) => `
plan "Version" {
    syfte kontroll
    fråga "Hur?"
    katalog bbic version "${version}"
    variabler {
        använd bbic.kön
        använd bbic.ålder
    }
}
`;
        const catalogue2024 = TEST_CATALOGUE.replace('version "2023"', 'version "2024"').replace('3 "Annat eller okänt"', '3 "Annat"');
        const [before, after] = await buildModels([plan('2023'), plan('2024')], [TEST_CATALOGUE, catalogue2024]);
        expect(parseAndLinkProblems(after.diagnostics)).toEqual([]);
        expect(comparePlans(before.model, after.model).map(c => [c.section, c.subject, c.aspect, c.before, c.after, c.warning ?? null])).toEqual([
            ['plan', 'bbic', 'catalogue', 'version "2023"', 'version "2024"', null],
            ['variables', 'kön', 'code', '3 "Annat eller okänt"', '3 "Annat"', 'codeRelabelled'],
        ]);
    });
});

describe('plan diff: the README', () => {
    test('the README\'s example is the real Markdown of its pair, as `suplan diff --git HEAD~1..HEAD --format md` writes it', async () => {
        const report = await reportOf('readme-exempel');
        const asGit: PlanDiffReport = { ...report, from: 'HEAD~1', to: 'HEAD', plans: report.plans.map(entry => ({ ...entry, path: 'samtal.suplan' })) };
        expect(readFileSync('README.md', 'utf8')).toContain('```markdown\n' + renderDiffMarkdown(asGit, 'sv') + '```\n');
    });
});

describe('plan diff: added, removed, unchanged', () => {
    test('an added or removed plan has its burden on one side; the same model gives no change', async () => {
        const old = await model(path.join(FIXTURES, 'kod-borttagen', 'old.suplan'));
        const added = diffPlanVersions(undefined, old, { path: 'a.suplan' });
        expect(added).toMatchObject({ status: 'added', changes: [], warnings: 0 });
        expect(added.burden.before).toBeUndefined();
        expect(added.burden.after?.busiest).toBeGreaterThan(0);
        const removed = diffPlanVersions(old, undefined, { path: 'a.suplan' });
        expect(removed).toMatchObject({ status: 'removed', changes: [] });
        expect(removed.burden.after).toBeUndefined();
        expect(comparePlans(old, old)).toEqual([]);
        expect(diffPlanVersions(old, old, { path: 'b.suplan', oldPath: 'a.suplan' })).toMatchObject({ status: 'renamed', oldPath: 'a.suplan', changes: [] });
        expect(diffPlanVersions(old, old, { path: 'a.suplan', oldPath: 'a.suplan' })).toMatchObject({ status: 'unchanged' });
    });

    test('an empty report renders in every format', () => {
        const empty: PlanDiffReport = { schemaVersion: PLAN_DIFF_SCHEMA_VERSION, from: 'a', to: 'b', plans: [] };
        expect(renderDiffText(empty, 'sv')).toBe('Ändringar i planerna (a → b)\nInga planer har ändrats.\n');
        expect(renderDiffMarkdown(empty, 'en')).toBe('## Changes to the plans (`a` → `b`)\n\nNo plan has changed.\n');
        expect(JSON.parse(renderDiffJson(empty))).toEqual(empty);
    });

    test('plan text in Markdown cannot break a table or start a block', async () => {
        const old = await model(path.join(FIXTURES, 'kod-ny-etikett', 'old.suplan'));
        const tricky = { ...old, question: '| x | y |\n# rubrik <b>' };
        const report: PlanDiffReport = { schemaVersion: PLAN_DIFF_SCHEMA_VERSION, from: 'a', to: 'b', plans: [diffPlanVersions(old, tricky, { path: 'p.suplan' })] };
        const tokens = markdown.parse(renderDiffMarkdown(report, 'sv'), {});
        expect(tokens.filter(token => token.type === 'heading_open')).toHaveLength(4);
        expect(tokens.some(token => token.type === 'html_block' || token.children?.some(child => child.type === 'html_inline'))).toBe(false);
        const rows = splitTables(tokens)[0];
        expect(rows[1]).toEqual(['ändrad', 'fråga', old.question, '| x | y | # rubrik <b>']);
    });
});

describe('plan diff: Markdown within a length (a pull-request comment)', () => {
    /** One report of every golden pair: 14 changed plans, most with comparability warnings. */
    async function bigReport(): Promise<PlanDiffReport> {
        const entries = [];
        for (const name of cases) entries.push({ ...(await reportOf(name)).plans[0], path: `planer/${name}.suplan` });
        return { schemaVersion: PLAN_DIFF_SCHEMA_VERSION, from: 'main', to: 'HEAD', plans: entries };
    }
    const h3 = (text: string) => text.split('\n').filter(line => line.startsWith('### '));

    test('a limit the whole report fits in changes nothing', async () => {
        const report = await bigReport();
        const whole = renderDiffMarkdown(report, 'sv');
        expect(renderDiffMarkdown(report, 'sv', { maxLength: whole.length })).toBe(whole);
    });

    test.each([0.2, 0.5, 0.8])('at %s of the length: within the limit, whole plans first, one without tables, the rest counted; still valid Markdown', async share => {
        const report = await bigReport();
        const whole = renderDiffMarkdown(report, 'sv');
        const maxLength = Math.floor(whole.length * share);
        const cut = renderDiffMarkdown(report, 'sv', { maxLength });
        expect(cut.length).toBeLessThanOrEqual(maxLength);
        expect(cut.split('\n')[0]).toBe(whole.split('\n')[0]);
        // The plans shown are the first ones, in order, each with its heading and status line.
        const shown = h3(cut);
        expect(shown).toEqual(h3(whole).slice(0, shown.length));
        const left = /^(\d+) planer till har ändrats men visas inte här: kommentaren får vara högst (\d+) tecken\. Kör `suplan diff` för hela jämförelsen\.$/m.exec(cut)
            ?? (/^En plan till har ändrats/m.test(cut) ? ['', '1', String(maxLength)] : null);
        expect(left, cut.slice(-400)).not.toBeNull();
        expect(shown.length + Number(left![1])).toBe(report.plans.length);
        expect(left![2]).toBe(String(maxLength));
        // Every plan shown keeps its comparability warnings, with or without its tables.
        const warningsShown = (cut.match(/^- \*\*VARNING\*\*/gm) ?? []).length;
        expect(warningsShown).toBe(report.plans.slice(0, shown.length).reduce((sum, entry) => sum + entry.warnings, 0));
        // Tables are whole: markdown-it reads rows of one width.
        for (const rows of splitTables(markdown.parse(cut, {}))) expect(new Set(rows.map(row => row.length)).size).toBe(1);
        expect((cut.match(/Tabellerna för planen visas inte här/g) ?? []).length).toBeLessThanOrEqual(1);
    });

    test('a first plan too long for the limit keeps its heading, status and warnings without its tables (English)', async () => {
        const report = await reportOf('minsta-cell');
        const whole = renderDiffMarkdown(report, 'en');
        const summaryEnd = whole.indexOf('\n#### ', whole.indexOf('#### Comparability') + 1);
        const maxLength = summaryEnd + 300;
        const cut = renderDiffMarkdown(report, 'en', { maxLength });
        expect(cut.length).toBeLessThanOrEqual(maxLength);
        expect(cut).toContain('#### Comparability');
        expect((cut.match(/^- \*\*WARNING\*\*/gm) ?? []).length).toBe(2);
        expect(cut).toContain(`The tables of this plan are not shown here: the comment may be at most ${maxLength} characters. Run \`suplan diff\` for the whole comparison.`);
        expect(cut).not.toContain('Registration burden');
    });
});
