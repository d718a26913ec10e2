import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderPlanDocument } from '../../src/generators/markdown/plan-document.js';
import { mdCell, mdCode, mdLineStart, mdText } from '../../src/text/markdown-escape.js';
import { isPlan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildPlanModel } from '../../src/model/build-model.js';
import type { PlanModel, VariableModel } from '../../src/model/plan-model.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';
import { ensureBuilt, repoRoot, runCli, tempDir } from '../cli/cli-helper.js';
import { FULL_PLAN, buildModels } from '../model/model-fixtures.js';

function filesUnder(dir: string, extension: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter(f => f.endsWith(extension)).map(f => path.join(dir, f)).sort();
}

const PLAN_08 = 'examples/plans/08-bbic-samtal.suplan';
const models = new Map<string, PlanModel>();
let fullModel: PlanModel;

beforeAll(async () => {
    const services = createSuServices(EmptyFileSystem);
    const plans = filesUnder('examples/plans', '.suplan');
    const loaded = await buildWorkspace(services, readSources([...plans, ...filesUnder('examples/catalogues', '.sucat')]));
    for (const document of loaded) {
        const root = document.document.parseResult.value;
        if (!isPlan(root)) continue;
        const source = path.relative(process.cwd(), document.file).split(path.sep).join('/');
        models.set(source, buildPlanModel(root, { source, catalogues: services.suplan.catalogue.CatalogueResolver }));
    }
    fullModel = (await buildModels([FULL_PLAN]))[0].model;
});

function model08(): PlanModel {
    const model = models.get(PLAN_08);
    if (!model) throw new Error(`${PLAN_08} was not loaded`);
    return model;
}

/** The number of `|` not escaped by a backslash (an odd run of backslashes before it). */
function unescapedPipes(line: string): number {
    let count = 0;
    for (let i = 0; i < line.length; i++) {
        if (line[i] === '\\') i++;
        else if (line[i] === '|') count++;
    }
    return count;
}

interface TableShape {
    readonly header: string;
    readonly columns: number;
    readonly rows: number;
}

/**
 * Checks the structure of every GitHub table: a header row, a delimiter row with as many cells,
 * and rows with exactly as many unescaped `|` as the header. Throws on the first broken row;
 * returns the tables found. A line outside a table must not start with `|`.
 */
function checkTables(markdown: string): TableShape[] {
    const lines = markdown.split('\n');
    const tables: TableShape[] = [];
    for (let i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith('|')) continue;
        const header = lines[i];
        const pipes = unescapedPipes(header);
        const delimiter = lines[i + 1] ?? '';
        if (!/^\|(?:\s*:?-{3,}:?\s*\|)+$/.test(delimiter)) throw new Error(`line ${i + 1} starts with | but no delimiter row follows: ${header}`);
        if (unescapedPipes(delimiter) !== pipes) throw new Error(`delimiter row of line ${i + 1} has another cell count`);
        let rows = 0;
        i += 2;
        for (; i < lines.length && lines[i] !== ''; i++) {
            if (!lines[i].startsWith('|') || !lines[i].endsWith('|') || lines[i].endsWith('\\|')) {
                throw new Error(`table row ${i + 1} is not a whole row: ${lines[i]}`);
            }
            if (unescapedPipes(lines[i]) !== pipes) throw new Error(`row ${i + 1} has ${unescapedPipes(lines[i])} cell borders, header ${pipes}: ${lines[i]}`);
            rows++;
        }
        tables.push({ header, columns: pipes - 1, rows });
    }
    return tables;
}

/** Lines that start a heading. */
function headings(markdown: string): string[] {
    return markdown.split('\n').filter(line => /^#{1,6}\s/.test(line));
}

const HOSTILE = '| <script>alert(1)</script> *x* \n # rubrik';
const hostile = (text: string): string => `${text} ${HOSTILE}`;

/** Plan 08 with hostile text in every free-text field, label and code label (ids and enums unchanged). */
function hostileModel(model: PlanModel): PlanModel {
    const variable = (v: VariableModel): VariableModel => ({
        ...v,
        label: hostile(v.label),
        definition: hostile(v.definition ?? ''),
        valueSet: 'codes' in v.valueSet ? { ...v.valueSet, codes: v.valueSet.codes.map(c => ({ ...c, label: hostile(c.label) })) } : v.valueSet,
        refinement: v.refinement?.map(r => ({ ...r, label: hostile(r.label), originalLabel: hostile(r.originalLabel) })),
    });
    return {
        ...model,
        title: hostile(model.title),
        question: hostile(model.question ?? ''),
        governance: {
            ...model.governance,
            version: hostile(model.governance.version ?? ''),
            revisions: model.governance.revisions.map(r => ({ ...r, version: hostile(r.version), text: hostile(r.text) })),
            decision: { by: hostile('Chef'), date: '2025-01-15', caseNumber: hostile('SN 1') },
            feedback: { when: hostile('halvår'), to: hostile('alla') },
        },
        targetGroup: { ...model.targetGroup, include: [HOSTILE], exclude: [HOSTILE] },
        roles: { mandate: HOSTILE, registers: HOSTILE, compiles: HOSTILE, analyses: HOSTILE },
        catalogues: model.catalogues.map(c => ({ ...c, version: hostile(c.version), title: hostile(c.title ?? '') })),
        measurementPoints: model.measurementPoints.map(p => ({ ...p, label: hostile(p.label ?? '') })),
        variables: model.variables.map(variable),
        analyses: model.analyses.map(a => ({ ...a, title: hostile(a.title ?? '') })),
        scenarios: model.scenarios.map(s => ({ ...s, nextStep: hostile(s.nextStep ?? '') })),
        privacy: {
            ...model.privacy, legalBasis: [HOSTILE], storage: HOSTILE, controller: HOSTILE, retention: HOSTILE,
            impactAssessment: HOSTILE, pseudonymisation: HOSTILE,
        },
        acceptedWarnings: [{ code: 'SU012', subject: HOSTILE, reason: HOSTILE }],
    };
}

describe('markdown escaping', () => {
    test('special characters are backslash-escaped and line breaks removed', () => {
        expect(mdText('a*b_c`d[e]f<g>h|i#j\\k')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\#j\\\\k');
        expect(mdText('rad ett\n\n# två')).toBe('rad ett \\# två');
        expect(mdText('- 1. (x)!')).toBe('- 1. (x)!');
        expect(mdLineStart(mdText('- inte en lista'))).toBe('\\- inte en lista');
        expect(mdLineStart(mdText('12) inte numrerad'))).toBe('12\\) inte numrerad');
        expect(mdLineStart(mdText('     kod'))).toBe('kod');
        expect(mdCell('a | b\nc')).toBe('a \\| b c');
        expect(mdCell('  ')).toBe(' ');
        expect(mdCode('a`b')).toBe('``a`b``');
        expect(mdCode('x|y')).toBe('`x\\|y`');
    });
});

describe('renderPlanDocument', () => {
    test('plan 08 shows its key facts', () => {
        const model = model08();
        const doc = renderPlanDocument(model);
        expect(doc.startsWith(`# ${mdText(model.title)}\n`)).toBe(true);
        expect(doc).toContain('BBIC – enskilda samtal med barnet under utredningen');
        expect(doc).toContain('## Styrning');
        expect(doc).toContain('SN 2025/12');
        expect(doc).toContain('| 1.1 | 2025-01-15 | Skäl till att samtal inte förts lades till, med fritext för annat skäl |');
        expect(doc).toMatch(/\*\*Syfte:\*\* Verksamhetsutveckling\. Att utveckla/);
        expect(doc).toContain('Hur stor andel av barnen har utredaren samtalat enskilt med');
        expect(doc).toContain('**Ger mandat:** Enhetschef utredning barn och unga');
        expect(doc).toContain('**Förväntat antal:** 1200 per år');
        expect(doc).toContain('personer födda dag 5, 15, 25 i månaden');
        expect(doc).toContain('2025-02-01 – 2026-01-31');
        // The refinement: each detailed value with its original code and label from the catalogue.
        const refined = model.variables.find(v => v.id === 'samtal_enskilt');
        expect(refined?.refinement?.length).toBe(5);
        for (const r of refined?.refinement ?? []) {
            expect(doc).toContain(`| ${r.code} | ${mdCell(r.label)} | ${r.original} | ${mdCell(r.originalLabel)} |`);
        }
        expect(doc).toContain('| 11 | Ja – SMS | 1 | Ja |');
        expect(doc).toContain('| 2 | Nej | 2 | Nej |');
        // The catalogue comment is the definition of a catalogue variable; a local one has its own.
        expect(doc).toContain('samtalen kan ske på olika sätt, också via sms, telefon eller chatt');
        expect(doc).toContain('**Definition:** Alla enskilda samtal med barnet under utredningen');
        expect(doc).toContain('**Frågas bara när:** Enskilda samtal med barnet under utredningen (`samtal_enskilt`) är 2 Nej');
        expect(doc).toContain('**Bakgrundsvariabel:** ja');
        // Scenarios with their rules and next steps; B, C, E judged at review.
        expect(doc).toContain('`a1` (Andel barn med enskilda samtal) \\< 80 %');
        expect(doc).toContain('`a1` (Andel barn med enskilda samtal) ≥ 90 %');
        expect(doc).toMatch(/\| \*\*E\*\* \|[^\n]*\| bedöms vid genomgång \| Utredningsgruppen bedömer/);
        expect(doc).toContain('Andelen där Enskilda samtal med barnet under utredningen (`samtal_enskilt`) är 1 Ja (katalogens originalkod, alla fördjupade koder som förs dit). Målvärde 90 %.');
        expect(doc).toContain('är 11 Ja – SMS, 12 Ja – chatt, 13 Ja – telefon, 14 Ja – annat');
        expect(doc).toContain('Bara bland dem där');
        expect(doc).toContain('**Minsta cell:** 5: grupper med färre än 5 personer redovisas inte.');
        expect(doc).toContain('7 a § lagen (2001:454) om behandling av personuppgifter');
        expect(doc).toContain('**Personuppgiftsansvarig:** Socialnämnden');
        expect(doc).toContain('bevisar inte att en insats har orsakat förändringen');
    });

    test('English headings and fixed wording with language en; plan text unchanged', () => {
        const doc = renderPlanDocument(model08(), { language: 'en' });
        expect(doc).toContain('## Governance');
        expect(doc).toContain('## Scenarios: what the result leads to');
        expect(doc).toContain('**Purpose:** Service development.');
        expect(doc).toContain('**Minimum cell:** 5: groups with fewer than 5 persons are not shown.');
        expect(doc).toContain('does not prove that an intervention caused the change');
        expect(doc).toContain('| 11 | Ja – SMS | 1 | Ja |');
        expect(doc).not.toContain('## Styrning');
    });

    test('numbers use a decimal comma in Swedish', () => {
        const model = model08();
        const withDecimals: PlanModel = { ...model, scenarios: [{ letters: ['A'], rule: [{ analysis: 'a1', op: '<', value: 82.5, percent: true }] }] };
        expect(renderPlanDocument(withDecimals)).toContain('\\< 82,5 %');
        expect(renderPlanDocument(withDecimals, { language: 'en' })).toContain('\\< 82.5 %');
    });

    test('every table of every example plan (and the full test plan) is structurally valid', () => {
        expect(models.size).toBeGreaterThanOrEqual(8);
        for (const [source, model] of [...models, ['full', fullModel] as const]) {
            for (const language of ['sv', 'en'] as const) {
                const doc = renderPlanDocument(model, { language });
                const tables = checkTables(doc);
                // Scenarios always give one table of five rows.
                expect(tables.filter(t => t.rows === 5 && t.columns === 4).length, source).toBeGreaterThanOrEqual(1);
                expect(doc, source).not.toMatch(/(^|[^\\])</);
            }
        }
    });

    test('the table checker notices a broken row', () => {
        expect(() => checkTables('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n')).toThrow(/cell borders/);
        expect(() => checkTables('| a | b |\n|---|---|\n| 1 \\| 2 |\n')).toThrow(/cell borders/);
        expect(checkTables('| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n')).toEqual([{ header: '| a | b |', columns: 2, rows: 1 }]);
    });

    test('hostile text keeps tables and headings intact and injects no HTML', () => {
        const benign: PlanModel = { ...model08(), acceptedWarnings: [{ code: 'SU012', subject: 'x', reason: 'y' }] };
        for (const language of ['sv', 'en'] as const) {
            const doc = renderPlanDocument(hostileModel(model08()), { language });
            const reference = renderPlanDocument(benign, { language });
            expect(doc).toContain('\\<script\\>alert(1)\\</script\\>');
            expect(doc).not.toMatch(/(^|[^\\])<script/i);
            expect(doc).not.toMatch(/(^|[^\\])</);
            expect(doc).not.toMatch(/(^|[^\\])\*x\*/);
            // The same tables with the same shapes, and the same headings count (no injected `# rubrik`).
            expect(checkTables(doc).map(t => [t.columns, t.rows])).toEqual(checkTables(reference).map(t => [t.columns, t.rows]));
            expect(headings(doc).length).toBe(headings(reference).length);
            expect(doc.split('\n').some(line => /^\s*#+\s*rubrik/.test(line))).toBe(false);
        }
    });
});

describe('suplan generate --target markdown', () => {
    beforeAll(() => ensureBuilt(), 300_000);

    test('writes <out>/08-bbic-samtal.md with the plan document', async () => {
        const out = tempDir('generate-markdown');
        const result = await runCli(['generate', PLAN_08, '--target', 'markdown', '--out', out]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const written = path.join(out, '08-bbic-samtal.md');
        expect(result.stdout).toBe(`Skrev ${written}\n`);
        expect(readdirSync(out)).toEqual(['08-bbic-samtal.md']);
        const doc = readFileSync(written, 'utf8');
        expect(doc).toBe(renderPlanDocument(model08()));
        expect(doc.startsWith('# BBIC – enskilda samtal med barnet under utredningen\n')).toBe(true);
        expect(existsSync(path.join(repoRoot, PLAN_08))).toBe(true);
    });

    test('--lang en writes the English document', async () => {
        const out = tempDir('generate-markdown-en');
        const result = await runCli(['generate', PLAN_08, '--target', 'markdown', '--out', out, '--lang', 'en']);
        expect(result.code).toBe(0);
        const doc = readFileSync(path.join(out, '08-bbic-samtal.md'), 'utf8');
        expect(doc).toBe(renderPlanDocument(model08(), { language: 'en' }));
        expect(doc).toContain('## Governance');
    });
});
