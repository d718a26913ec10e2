import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { runDataImport } from '../../src/cli/data-command.js';
import {
    buildSurvey, dataCodec, dataLayout, isNotApplicable, synthesize, surveyQuestions, writeDataCsv, type DataRow, type Survey,
} from '../../src/data/index.js';
import { renderXForm } from '../../src/generators/xform/index.js';
import { looksLikeIdentityNumber } from '../../src/text/identity-number.js';
import { exampleModel } from '../data/example-models.js';
import { removeTempDirs, tempDir } from './editor-helpers.js';
import { answer, createOdkInstance, odkNode, odkNodes, type OdkNode } from './odk-engine.js';

/**
 * Data collected with our XForm comes back: synthetic records are entered into the ODK engine
 * (every answer must be relevant and valid there), exported as ODK Central exports a form (a
 * submissions CSV with group prefixes and `KEY`, and the repeat's own CSV with `PARENT_KEY`),
 * and `suplan data import` turns them into exactly the synthetic data file.
 */
const codec = dataCodec(looksLikeIdentityNumber);

function pathOf(survey: Survey, name: string, goal?: number): string {
    const entry = surveyQuestions(survey).find(q => q.question.name === name);
    const parts = (entry?.path ?? []).map(g => (g.kind === 'repeat' && goal !== undefined ? `${g.name}[${goal}]` : g.name));
    return ['/data', ...parts, name].join('/');
}

function engineText(node: OdkNode): string {
    const value = node.currentState.value;
    if (!node.currentState.relevant || value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(String).join(' ');
    return String(value);
}

/** One submission per record: enters the record's rows into the engine; returns its main CSV cells and its repeat rows. */
async function submit(survey: Survey, xml: string, rows: readonly DataRow[], key: string): Promise<{ main: Map<string, string>; repeat: Array<Map<string, string>> }> {
    const root = await createOdkInstance(xml);
    const layout = survey.layout;
    const first = rows[0];
    const rowOf = (respondent: string | undefined): DataRow | undefined => rows.find(r => respondent === undefined || r['svarande'] === respondent) ?? (respondent === undefined ? first : undefined);
    const questions = surveyQuestions(survey);
    const set = (name: string, value: string | string[], goal?: number): void => {
        const node = odkNode(root, pathOf(survey, name, goal));
        expect(node.currentState.relevant, `${name}${goal ?? ''} relevant in ${JSON.stringify(first)}`).toBe(true);
        answer(node, value);
        expect(node.validationState?.constraint?.valid ?? true, `${name} = ${String(value)} valid`).toBe(true);
    };
    const keys = { unit: 'enhet', caseCode: 'ärendekod', point: 'mätpunkt', occurrence: 'tillfälle' } as const;
    for (const { question } of questions) if (question.key) set(question.name, String(first[keys[question.key]]));
    if (layout.goals > 0 && questions.some(q => q.question.name === 'antal_mål')) {
        const goalCells = layout.columns.filter(c => c.goal !== undefined && rows.some(r => r[c.name] !== null && r[c.name] !== undefined && !isNotApplicable(r[c.name])));
        const goals = Math.max(1, ...goalCells.map(c => c.goal ?? 1));
        const goalsNode = odkNode(root, pathOf(survey, 'antal_mål'));
        if (goalsNode.currentState.relevant) answer(goalsNode, String(goals));
    }
    for (const { question, path } of questions) {
        if (!question.field) continue;
        const inRepeat = path.some(g => g.kind === 'repeat');
        const row = rowOf(question.respondent);
        if (!row) continue;
        for (let goal = 1; goal <= (inRepeat ? layout.goals : 1); goal++) {
            const g = inRepeat ? goal : undefined;
            const columns = layout.columns.filter(c => c.variable === question.field && c.goal === g && (c.kind === 'value' || c.kind === 'option'));
            if (columns.length === 0) continue;
            if (columns[0].kind === 'option') {
                if (columns.every(c => row[c.name] === null || row[c.name] === undefined || isNotApplicable(row[c.name]))) continue;
                set(question.name, columns.filter(c => row[c.name] === 1).map(c => String(c.option)), g);
                continue;
            }
            const value = row[columns[0].name];
            if (value === null || value === undefined || isNotApplicable(value)) continue;
            set(question.name, codec.formatValue(columns[0], value, '.').replace(/^'/, ''), g);
        }
    }
    const main = new Map<string, string>();
    const repeat: Array<Map<string, string>> = [];
    for (const node of odkNodes(root)) {
        const reference = node.currentState.reference;
        if (node.nodeType === 'repeat-instance') {
            const cells = new Map<string, string>();
            for (const child of node.currentState.children ?? []) cells.set(child.currentState.reference.split('/').pop() ?? '', engineText(child));
            cells.set('PARENT_KEY', key);
            cells.set('KEY', `${key}${reference.slice('/data'.length)}`);
            repeat.push(cells);
            continue;
        }
        if (/\]\//.test(reference) || node.currentState.children !== null) continue; // inside a repeat, or a group
        main.set(reference.slice('/data/'.length).replace(/\//g, '-'), engineText(node));
    }
    main.set('KEY', key);
    return { main, repeat };
}

function csv(rows: ReadonlyArray<Map<string, string>>): string {
    const header = [...new Set(rows.flatMap(r => [...r.keys()]))];
    return codec.formatCsv([header, ...rows.map(r => header.map(h => r.get(h) ?? ''))], ',');
}

describe('ODK Central exports of our XForm import into the data format', () => {
    afterAll(() => removeTempDirs());

    for (const plan of ['08-bbic-samtal.suplan', '04-malupfyllelse-gas.suplan', '03-hemmaplansteam.suplan', '06-single-case.suplan']) {
        test(`${plan}: synthetic records through the ODK engine and a Central export come back exactly`, async () => {
            const dir = tempDir('suplan-odk-import-');
            const model = await exampleModel(plan);
            const survey = buildSurvey(model);
            const xml = renderXForm(model);
            const layout = dataLayout(model);
            const rows = synthesize(model, { clients: plan.startsWith('06') ? 2 : 5, seed: 3, units: 1 }); // 06 has a record per day
            const records = new Map<string, DataRow[]>();
            for (const row of rows) {
                const key = ['enhet', 'ärendekod', 'mätpunkt', 'tillfälle'].map(k => String(row[k])).join('|');
                records.set(key, [...records.get(key) ?? [], row]);
            }
            const mains: Array<Map<string, string>> = [];
            const repeats: Array<Map<string, string>> = [];
            let n = 0;
            for (const group of records.values()) {
                const { main, repeat } = await submit(survey, xml, group, `uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
                mains.push(main);
                repeats.push(...repeat);
            }
            const files = [path.join(dir, `${survey.formId}.csv`)];
            writeFileSync(files[0], csv(mains));
            if (repeats.length > 0) {
                files.push(path.join(dir, `${survey.formId}-mål.csv`));
                writeFileSync(files[1], csv(repeats));
            }
            const out = path.join(dir, 'data.csv');
            const errors: string[] = [];
            const spy = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => { errors.push(String(chunk)); return true; });
            const code = await runDataImport(files, { plan: `examples/plans/${plan}`, out, lang: 'sv' });
            spy.mockRestore();
            expect(errors.filter(e => !e.startsWith('Skrev') && !/registreringar/.test(e))).toEqual([]);
            expect(code).toBe(0);
            // ODK keeps no difference between a multiple-choice question left untouched and one with
            // nothing chosen: both export empty, and come back as missing (never as "none chosen").
            const expected = rows.map(row => {
                const copy: Record<string, DataRow[string]> = { ...row };
                const groups = new Map<string, string[]>();
                for (const c of layout.columns) if (c.kind === 'option') groups.set(`${c.variable}#${c.goal ?? ''}`, [...groups.get(`${c.variable}#${c.goal ?? ''}`) ?? [], c.name]);
                for (const names of groups.values()) if (names.every(n => row[n] === 0)) for (const n of names) copy[n] = null;
                return copy;
            });
            const sort = (text: string): string[] => text.replace(/^\uFEFF/, '').split('\r\n').sort();
            expect(sort(readFileSync(out, 'utf8'))).toEqual(sort(writeDataCsv(layout, expected)));
        });
    }
});
