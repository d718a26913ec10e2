import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { isPlan, type Plan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildPlanModel } from '../../src/model/build-model.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';
import { ensureBuilt, repoRoot, runCli, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

const GOLDEN = path.join(repoRoot, 'test/cli/fixtures/catalogue-diff');
const catalogue = (version: string): string => `examples/catalogues/bbic-${version}.sucat`;

/** Compares with the golden file; `UPDATE_GOLDEN=1` writes it instead. */
function expectGolden(name: string, actual: string): void {
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('suplan catalogue diff', () => {
    test.each([
        ['2023', '2024', 'sv'], ['2023', '2024', 'en'],
        ['2024', '2025', 'sv'], ['2024', '2025', 'en'],
        ['2023', '2025', 'sv'], ['2023', '2025', 'en'],
    ])('%s → %s with --plans examples/plans (%s) matches its golden file', async (from, to, lang) => {
        const result = await runCli(['catalogue', 'diff', catalogue(from), catalogue(to), '--plans', 'examples/plans', '--lang', lang]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expectGolden(`bbic-${from}-${to}.${lang}.txt`, result.stdout);
    });

    test.each([
        ['2024', '2025', 'sv', 'md'], ['2023', '2025', 'en', 'md'], ['2024', '2025', 'en', 'json'],
    ])('%s → %s (%s) as %s matches its golden file', async (from, to, lang, format) => {
        const result = await runCli(['catalogue', 'diff', catalogue(from), catalogue(to), '--plans', 'examples/plans', '--lang', lang, '--format', format]);
        expect(result.code).toBe(0);
        expectGolden(`bbic-${from}-${to}.${lang}.${format}`, result.stdout);
    });

    test('every change kind and every effect on a plan has a real case in the example catalogues and plans', async () => {
        const result = await runCli(['catalogue', 'diff', catalogue('2024'), catalogue('2025'), '--plans', 'examples/plans', '--format', 'json']);
        const report = JSON.parse(result.stdout) as { changes: Array<{ kind: string }>; plans: Array<{ findings: Array<{ impact: string; change: string }> }> };
        expect(new Set(report.changes.map(c => c.kind))).toEqual(new Set(['added', 'removed', 'renamed', 'relabelled', 'redefined', 'codeAdded', 'codeRemoved', 'codeRelabelled', 'valueSetChanged', 'stepChanged', 'nationalChanged']));
        const findings = report.plans.flatMap(p => p.findings.map(f => `${f.impact} ${f.change}`));
        expect(new Set(findings)).toEqual(new Set([
            'breaks removed', 'breaks codeRemoved', 'incomparable codeAdded', 'incomparable codeRelabelled', 'review relabelled', 'renamed renamed',
        ]));
    });

    test('without --plans: only the changes; no changes between a version and itself', async () => {
        const result = await runCli(['catalogue', 'diff', catalogue('2023'), catalogue('2024'), '--lang', 'en']);
        expect(result.stdout).toBe('Catalogue bbic: version "2023" → "2024"\n\nRenamed variables (1):\n  samtal_enskilt → enskilda_samtal\n');
        const same = await runCli(['catalogue', 'diff', catalogue('2023'), catalogue('2023')]);
        expect(same.stdout).toBe('Katalog bbic: version "2023" → "2023"\n  Inga ändringar.\n');
        expect(same.code).toBe(0);
    });

    test('usage errors: a plan instead of a catalogue, a missing file, two different catalogues', async () => {
        const plan = await runCli(['catalogue', 'diff', 'examples/plans/08-bbic-samtal.suplan', catalogue('2024')]);
        expect([plan.code, plan.stderr]).toEqual([2, 'suplan: examples/plans/08-bbic-samtal.suplan är ingen katalogfil (.sucat).\n']);
        const missing = await runCli(['catalogue', 'diff', 'saknas.sucat', catalogue('2024'), '--lang', 'en']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(/^suplan: .*saknas\.sucat/);
        const dir = tempDir('catalogue-diff');
        writeFileSync(path.join(dir, 'annan.sucat'), 'katalog annan version "1" {\n}\n');
        const other = await runCli(['catalogue', 'diff', path.join(repoRoot, catalogue('2023')), path.join(dir, 'annan.sucat')]);
        expect(other.code).toBe(2);
        expect(other.stderr).toContain('är olika kataloger (bbic och annan)');
    });

    test('a catalogue with errors: its errors, exit 1; a catalogue that cannot be read: one line, exit 2', async () => {
        const dir = tempDir('catalogue-diff-errors');
        writeFileSync(path.join(dir, 'fel.sucat'), 'katalog bbic version "9" {\n    variabel x { etikett 1 }\n}\n');
        const broken = await runCli(['catalogue', 'diff', path.join(repoRoot, catalogue('2024')), 'fel.sucat', '--lang', 'en'], { cwd: dir });
        expect(broken.code).toBe(1);
        expect(broken.stdout).toBe('');
        // As `check` prints them (first lines), in position order.
        expect(broken.stderr.split('\n').slice(0, 2).map(line => /^[^ ]+ error SU\d{3}/.exec(line)?.[0])).toEqual(['fel.sucat:2:14: error SU081', 'fel.sucat:2:26: error SU001']);
        expect(broken.stderr).toContain('fel.sucat has errors; correct them first.\n');
        writeFileSync(path.join(dir, 'stor.sucat'), `katalog bbic version "9" {\n${'// x\n'.repeat(2_700_000)}}\n`);
        const huge = await runCli(['catalogue', 'diff', path.join(repoRoot, catalogue('2024')), 'stor.sucat', '--lang', 'en'], { cwd: dir });
        expect([huge.code, huge.stderr]).toEqual([2, 'suplan: stor.sucat: the file is 12.8 MB; plans and catalogues may be at most 10 MB\n']);
    });
});

/** Builds the plans and catalogues of a folder in one workspace and returns each plan's model by file name. */
async function models(folder: string): Promise<Map<string, { model: unknown; errors: Array<{ line: number; code: string }> }>> {
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(f => /\.su(plan|cat)$/.test(f)).map(f => path.join(folder, f));
    const services = createSuServices(EmptyFileSystem);
    const loaded = await buildWorkspace(services, readSources(files));
    const resolver = services.suplan.catalogue.CatalogueResolver;
    const result = new Map<string, { model: unknown; errors: Array<{ line: number; code: string }> }>();
    for (const { file, document, diagnostics } of loaded) {
        const root = document.parseResult.value;
        if (!isPlan(root)) continue;
        const model = JSON.parse(JSON.stringify(buildPlanModel(root as Plan, { catalogues: resolver, source: path.basename(file) })));
        const errors = diagnostics.filter(d => d.severity === 1 || d.severity === 2).map(d => ({ line: d.range.start.line + 1, code: String(d.code) }));
        result.set(path.basename(file), { model, errors });
    }
    return result;
}

/** Lists of things with ids (variables, analyses, …) as objects keyed by id, so that differences are named by id. */
function keyed(value: unknown): unknown {
    if (Array.isArray(value)) {
        const withIds = value.length > 0 && value.every(v => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string');
        return withIds ? Object.fromEntries(value.map(v => [(v as { id: string }).id, keyed(v)])) : value.map(keyed);
    }
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyed(v)]));
    return value;
}

/** Paths (`a.b[2].c`) where two JSON values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
    if (JSON.stringify(a) === JSON.stringify(b)) return [];
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return [at];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap(key => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`));
}

describe('suplan catalogue upgrade', () => {
    let dir: string;
    let before: Awaited<ReturnType<typeof models>>;
    let upgrade: Awaited<ReturnType<typeof runCli>>;

    beforeAll(async () => {
        dir = tempDir('catalogue-upgrade');
        mkdirSync(path.join(dir, '.git'));
        cpSync(path.join(repoRoot, 'examples/catalogues'), path.join(dir, 'catalogues'), { recursive: true });
        cpSync(path.join(repoRoot, 'examples/plans'), path.join(dir, 'plans'), { recursive: true });
        before = await models(dir);
        const plans = readdirSync(path.join(dir, 'plans')).sort().map(f => path.join('plans', f));
        upgrade = await runCli(['catalogue', 'upgrade', ...plans, '--to', '2025', '--lang', 'en'], { cwd: dir });
    }, 120_000);

    test('upgrades the example plans that pin BBIC to 2025, skips the others, lists what to decide and exits 1 for it', () => {
        expect(upgrade.stderr).toBe('');
        expect(upgrade.code).toBe(1);
        expect(upgrade.stdout).toBe([
            'plans/01-ekonomiskt-bistand.suplan: the plan pins no catalogue (katalog … version "…"); skipped',
            'plans/02-missbruk-behandling.suplan: the plan pins no catalogue (katalog … version "…"); skipped',
            'plans/03-hemmaplansteam.suplan: the plan pins no catalogue (katalog … version "…"); skipped',
            'plans/04-malupfyllelse-gas.suplan: the plan pins no catalogue (katalog … version "…"); skipped',
            'plans/05-aldreomsorg-brukarenkat.suplan: the plan pins no catalogue (katalog … version "…"); skipped',
            'plans/06-single-case.suplan: the plan pins no catalogue (katalog … version "…"); skipped',
            'plans/07-barnavardsutredningar.suplan: bbic version "2024" → "2025"',
            '  renamed: förhandsbedömning_beslut → förhandsbedömning_utfall',
            '  to decide (5):',
            '    breaks: variable utr_tid is no longer in the catalogue (lines 46, 77, 85, 86)',
            '    breaks: skäl (bbic.akt_skäl): code 8 "Konflikter i familjen" was removed (lines 44, 72)',
            '    not comparable: skäl (bbic.akt_skäl): code 10 "Hedersrelaterat våld eller förtryck" was added (line 44)',
            '    not comparable: utredningsbeslut (bbic.förhandsbedömning_beslut): code 3 is now "Ärendet överlämnas till annan kommun" (was "Ärendet överförs till annan kommun") (lines 45, 75)',
            '    review: skäl (bbic.akt_skäl) has a new label "Huvudsakligt skäl till att ärendet aktualiserades" (was "Huvudsakligt skäl till aktualiseringen") (line 44)',
            'plans/08-bbic-samtal.suplan: bbic version "2023" → "2025"',
            '  renamed: samtal_enskilt → enskilda_samtal (also the plan\'s name for the variable)',
            '  to decide (1):',
            '    review: ålder has a new definition "Barnets ålder i hela år den dag då utredningen inleddes." (was "Barnets ålder i hela år den dag då ärendet aktualiserades.") (line 61)',
            '',
        ].join('\n'));
    });

    test('the upgraded plans check clean apart from the decisions listed', async () => {
        const after = await models(dir);
        // Plan 08 only has a definition to review: clean. Plan 07: one error on the line of each removed variable or code it still uses.
        expect(after.get('08-bbic-samtal.suplan')!.errors).toEqual([]);
        expect(after.get('07-barnavardsutredningar.suplan')!.errors).toEqual([{ line: 46, code: 'SU012' }, { line: 72, code: 'SU020' }]);
        for (const name of ['01-ekonomiskt-bistand.suplan', '06-single-case.suplan']) expect(after.get(name)!.errors).toEqual([]);
        const check = await runCli(['check', 'plans/08-bbic-samtal.suplan'], { cwd: dir });
        expect(check.code, `${check.stdout}${check.stderr}`).toBe(0);
    });

    test('each upgraded plan model equals the original except the renamed ids, the catalogue version and the decisions listed', async () => {
        const after = await models(dir);
        for (const name of ['01-ekonomiskt-bistand.suplan', '05-aldreomsorg-brukarenkat.suplan']) expect(after.get(name)!.model).toEqual(before.get(name)!.model);
        const renamed = (model: unknown, renames: Record<string, string>, from: string): unknown => {
            let text = JSON.stringify(model).replace(new RegExp(`"version":"${from}"`, 'g'), '"version":"2025"');
            for (const [old, now] of Object.entries(renames)) text = text.replace(new RegExp(`"${old}"`, 'g'), `"${now}"`);
            return JSON.parse(text);
        };
        // Plan 08: the rename, and the new definition of ålder that it lists to decide.
        const definition = { 'Barnets ålder i hela år den dag då ärendet aktualiserades.': 'Barnets ålder i hela år den dag då utredningen inleddes.' };
        expect(after.get('08-bbic-samtal.suplan')!.model).toEqual(renamed(before.get('08-bbic-samtal.suplan')!.model, { samtal_enskilt: 'enskilda_samtal', ...definition }, '2023'));
        // Plan 07: only what belongs to a decision differs (utr_tid no longer resolves; akt_skäl's label and
        // codes; förhandsbedömning's code 3).
        const expected07 = renamed(before.get('07-barnavardsutredningar.suplan')!.model, { förhandsbedömning_beslut: 'förhandsbedömning_utfall' }, '2024');
        const actual07 = after.get('07-barnavardsutredningar.suplan')!.model;
        const paths = differences(keyed(expected07), keyed(actual07));
        // skäl (akt_skäl): its new label and codes 8 → 10; utredningsbeslut: code 3's label.
        expect(paths.filter(p => /^\.variables\.(skäl|utredningsbeslut)\./.test(p)).every(p => /(\.label|codes\[[278]\]\.(code|label))$/.test(p))).toBe(true);
        // utr_tid no longer resolves: it, its extract column (the columns after it move up), the analyses
        // of it (b1, s1) and the scenarios that read b1 are left out until the team decides.
        const owners = [...new Set(paths.map(p => /^\.(variables|analyses)\.[^.[]+|^\.(extract\.columns|scenarios)\[\d+\]/.exec(p)?.[0] ?? p))];
        expect(owners).toEqual([
            '.variables.skäl', '.variables.utredningsbeslut', '.variables.utr_tid', '.extract.columns[3]', '.extract.columns[4]',
            '.analyses.b1', '.analyses.s1', '.scenarios[1]', '.scenarios[2]',
        ]);
        const original = expected07 as { analyses: Array<{ id: string }>; scenarios: Array<{ rule?: Array<{ analysis: string }> }>; extract: { columns: Array<{ variable: string }> } };
        expect(original.analyses.filter(a => JSON.stringify(a).includes('"utr_tid"')).map(a => a.id)).toEqual(['b1', 's1']);
        expect(original.scenarios.map(s => (s.rule ?? []).some(r => r.analysis === 'b1'))).toEqual([false, true, true, false]);
        expect(original.extract.columns[3].variable).toBe('utr_tid');
    });

    test('--dry-run shows the changed lines and writes nothing; a plan already at the version is left alone', async () => {
        const fresh = tempDir('catalogue-upgrade-dry');
        mkdirSync(path.join(fresh, '.git'));
        cpSync(path.join(repoRoot, 'examples/catalogues'), path.join(fresh, 'catalogues'), { recursive: true });
        cpSync(path.join(repoRoot, 'examples/plans/08-bbic-samtal.suplan'), path.join(fresh, 'plan.suplan'));
        const original = readFileSync(path.join(fresh, 'plan.suplan'), 'utf8');
        const dry = await runCli(['catalogue', 'upgrade', 'plan.suplan', '--to', '2024', '--dry-run'], { cwd: fresh });
        expect(dry.code).toBe(0);
        expect(dry.stdout.split('\n').slice(0, 9)).toEqual([
            'plan.suplan: bbic version "2023" → "2024" (inte skrivet: --dry-run)',
            '  nytt namn: samtal_enskilt → enskilda_samtal (också planens namn på variabeln)',
            '  inget att ta ställning till',
            '  rad 18:',
            '  -     katalog bbic version "2023"',
            '  +     katalog bbic version "2024"',
            '  rad 42:',
            '  -         använd bbic.samtal_enskilt vid efter fördjupa {',
            '  +         använd bbic.enskilda_samtal vid efter fördjupa {',
        ]);
        expect(readFileSync(path.join(fresh, 'plan.suplan'), 'utf8')).toBe(original);
        // Step by step: 2023 → 2024, then 2024 → 2025 gives the same text as 2023 → 2025 in one go.
        expect((await runCli(['catalogue', 'upgrade', 'plan.suplan', '--to', '2024'], { cwd: fresh })).code).toBe(0);
        // 2025 gives ålder a new definition: a decision to take, exit 1.
        expect((await runCli(['catalogue', 'upgrade', 'plan.suplan', '--to', '2025'], { cwd: fresh })).code).toBe(1);
        expect(readFileSync(path.join(fresh, 'plan.suplan'), 'utf8')).toBe(readFileSync(path.join(dir, 'plans/08-bbic-samtal.suplan'), 'utf8'));
        const again = await runCli(['catalogue', 'upgrade', 'plan.suplan', '--to', '2025'], { cwd: fresh });
        expect([again.code, again.stdout]).toEqual([0, 'plan.suplan: anger redan bbic version "2025"\n']);
        const back = await runCli(['catalogue', 'upgrade', 'plan.suplan', '--to', '2023'], { cwd: fresh });
        expect(back.code).toBe(1);
        expect(back.stderr).toContain('som är nyare än "2023"');
        // A plan with a BOM and CRLF line endings keeps both.
        const crlf = `\uFEFF${original.replace(/\n/g, '\r\n')}`;
        writeFileSync(path.join(fresh, 'crlf.suplan'), crlf);
        expect((await runCli(['catalogue', 'upgrade', 'crlf.suplan', '--to', '2025'], { cwd: fresh })).code).toBe(1);
        expect(readFileSync(path.join(fresh, 'crlf.suplan'), 'utf8')).toBe(`\uFEFF${readFileSync(path.join(fresh, 'plan.suplan'), 'utf8').replace(/\n/g, '\r\n')}`);
        writeFileSync(path.join(fresh, 'trasig.suplan'), 'plan "x" {\n    katalog bbic version "2023"\n    variabler { använd bbic.kön\n}\n');
        const broken = await runCli(['catalogue', 'upgrade', 'trasig.suplan', '--to', '2025'], { cwd: fresh });
        expect([broken.code, broken.stdout, broken.stderr]).toEqual([1, '', 'trasig.suplan: planen har syntaxfel och uppgraderas inte; rätta dem först.\n']);
        expect(readFileSync(path.join(fresh, 'trasig.suplan'), 'utf8')).toContain('version "2023"');
        const unknown = await runCli(['catalogue', 'upgrade', 'plan.suplan', '--to', '2052'], { cwd: fresh });
        expect(unknown.code).toBe(1);
        expect(unknown.stderr).toBe('Ingen av planerna anger en katalog som finns i version "2052".\n');
        expect(readdirSync(fresh).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });
});
