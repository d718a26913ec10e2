import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSurvey, dataCodec, surveyQuestions, type FieldSpec, type Survey } from '../../src/data/index.js';
import { renderFormPage } from '../../src/generators/form-html/index.js';
import { renderXForm } from '../../src/generators/xform/index.js';
import { looksLikeIdentityNumber } from '../../src/text/identity-number.js';
import { exampleModels } from '../data/example-models.js';
import { hasExecutable, missingConsumer, removeTempDirs, tempDir } from './editor-helpers.js';
import { answer, createOdkInstance, odkNode } from './odk-engine.js';

/**
 * Differential, the real HTML form against the ODK engine: random answer sets are entered into
 * the ODK engine on our XForm (answering only what it shows), the same answers are stored in the
 * HTML form (in Chromium, once per plan: every set is a record in its storage) and exported by the
 * form's own script. For every question: where the engine shows it, the HTML export holds the
 * answer (never `ej aktuell`); where the engine hides it, the HTML export says `ej aktuell` when
 * the condition's values are all there (the condition does not hold), and nothing when a value it
 * needs is missing — exactly the HTML form's decisions, from its own code.
 */
const CHROMIUM = '/usr/bin/chromium';
const skip = missingConsumer(hasExecutable(CHROMIUM) ? undefined : `${CHROMIUM} is missing (Debian package chromium)`);
const codec = dataCodec(looksLikeIdentityNumber);
const SETS = 12;
const SEP = '\u0001';

interface Decision { caseCode: string; respondent?: string; column: string; relevant: boolean; answered?: string; unknown: boolean }

describe.skipIf(skip !== undefined)('differential: the HTML form in Chromium and the ODK engine decide alike', () => {
    let browser: Browser;
    let dir: string;
    beforeAll(async () => {
        dir = tempDir('suplan-form-diff-');
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
    });
    afterAll(async () => { await browser?.close(); removeTempDirs(); });

    test('relevance of every question, for random answer sets of every example plan', async () => {
        let random = 4242;
        const next = (): number => { random = (random * 1103515245 + 12345) % 2147483648; return random / 2147483648; };
        let compared = 0;
        for (const [file, model] of await exampleModels()) {
            const survey = buildSurvey(model);
            const xml = renderXForm(model);
            const storage: Record<string, string> = {};
            const decisions: Decision[] = [];
            for (let set = 0; set < SETS; set++) await answerSet(survey, xml, `D-${set}`, next, storage, decisions);
            const page = await browser.newPage();
            // A string, so that this file needs no DOM types: the page runs it before the form's script.
            await page.addInitScript(`for (const [k, v] of Object.entries(${JSON.stringify(storage)})) window.localStorage.setItem(k, v);`);
            const formFile = path.join(dir, file.replace('.suplan', '.form.html'));
            writeFileSync(formFile, renderFormPage(model));
            await page.goto(pathToFileURL(formFile).href);
            await page.waitForSelector('html[data-ready="true"]');
            const downloads: Download[] = [];
            page.on('download', d => { downloads.push(d); });
            await page.click('#export');
            await expect.poll(() => downloads.length).toBe(2);
            const csvDownload = downloads.find(d => d.suggestedFilename().endsWith('.csv'));
            const csvPath = await csvDownload?.path();
            const text = readFileSync(csvPath ?? '', 'utf8').replace(/^\uFEFF/, '');
            await page.close();
            const [header, ...rows] = codec.parseCsv(text, ';').records.map(r => r.cells);
            const at = (name: string): number => header.indexOf(name);
            for (const d of decisions) {
                const row = rows.find(r => r[at('ärendekod')] === d.caseCode && (d.respondent === undefined || at('svarande') < 0 || r[at('svarande')] === d.respondent));
                expect(row, `${file} ${d.caseCode} ${d.respondent ?? ''}`).toBeDefined();
                const cell = row?.[at(d.column)] ?? '';
                const label = `${file} ${d.caseCode} ${d.column}${d.respondent ? `@${d.respondent}` : ''}: engine ${d.relevant ? 'shows' : 'hides'}, HTML exports "${cell}"`;
                if (d.relevant) expect(cell, label).toBe(d.answered ?? '');
                else expect(cell, label).toBe(d.unknown ? '' : 'ej aktuell');
                compared += 1;
            }
        }
        expect(compared).toBeGreaterThan(300);
    });
});

/** One record answered in the engine at random; its answers go into the HTML form's storage, its decisions into `decisions`. */
async function answerSet(survey: Survey, xml: string, caseCode: string, next: () => number, storage: Record<string, string>, decisions: Decision[]): Promise<void> {
    const spec = survey.spec;
    const root = await createOdkInstance(xml);
    const questions = surveyQuestions(survey);
    const point = spec.points[Math.floor(next() * spec.points.length)];
    const occurrence = '2025-06-15';
    const pathOf = (name: string, goal?: number): string => {
        const entry = questions.find(q => q.question.name === name);
        return ['/data', ...(entry?.path ?? []).map(g => (g.kind === 'repeat' && goal !== undefined ? `${g.name}[${goal}]` : g.name)), name].join('/');
    };
    const keyAnswers: Record<string, string> = { unit: 'Enhet D', caseCode, point: point.id, occurrence };
    for (const { question } of questions) if (question.key) answer(odkNode(root, pathOf(question.name)), keyAnswers[question.key]);
    const recordValues: Record<string, string> = {};
    const clientValues: Record<string, string> = {};
    const goalsName = questions.find(q => q.question.name === 'antal_mål')?.question.name;
    if (goalsName && odkNode(root, pathOf(goalsName)).currentState.relevant) {
        const goals = String(1 + Math.floor(next() * spec.goals));
        answer(odkNode(root, pathOf(goalsName)), goals);
        recordValues['#goals'] = goals;
    }
    const fieldOf = (id: string): FieldSpec | undefined => spec.fields.find(f => f.id === id);
    const stored = new Map<string, string>();
    const randomAnswer = (field: FieldSpec): string | string[] | undefined => {
        if (next() < 0.12) return undefined;
        const codes = field.codes ?? [];
        switch (field.kind) {
            case 'choice': return String(codes[Math.floor(next() * codes.length)]?.code ?? '');
            case 'multi': return codes.filter(() => next() < 0.5).map(c => String(c.code));
            case 'integer': case 'number': {
                const min = field.min ?? 0;
                const max = field.max ?? 50;
                return String(Math.round(min + next() * (max - min)));
            }
            case 'date': return '2025-06-1' + Math.floor(next() * 10);
            default: return 'Svar med å, ä och ö';
        }
    };
    for (const { question, path: groups } of questions) {
        const field = question.field ? fieldOf(question.field) : undefined;
        if (!field) continue;
        const inRepeat = groups.some(g => g.kind === 'repeat');
        const goals = inRepeat ? Number(recordValues['#goals'] ?? '0') : 1;
        const respondent = question.respondent;
        const client = field.points === undefined;
        for (let goal = 1; goal <= Math.max(goals, inRepeat ? spec.goals : 1); goal++) {
            const g = inRepeat ? goal : undefined;
            const column = spec.columns.find(c => c.variable === field.id && c.goal === g && (c.kind === 'value' || c.kind === 'option'));
            if (!column) continue;
            if (inRepeat && goal > goals) continue; // beyond the count: no instance in the engine, ej aktuell in HTML (not compared)
            const node = odkNode(root, pathOf(question.name, g));
            const relevant = node.currentState.relevant;
            const valueKey = field.id + (g !== undefined ? `#${g}` : '') + (client ? '' : respondent !== undefined ? `@${respondent}` : '');
            let answered: string | undefined;
            if (relevant) {
                const value = randomAnswer(field);
                if (value !== undefined) {
                    answer(node, value);
                    const raw = Array.isArray(value) ? value.join(',') : value;
                    (client ? clientValues : recordValues)[valueKey] = raw;
                    stored.set(`${field.id}#${g ?? ''}@${respondent ?? ''}`, raw);
                    answered = column.kind === 'option' ? (Array.isArray(value) && value.includes(String(column.option)) ? '1' : '0') : raw;
                }
            }
            // A condition whose value is missing in the answers: the HTML form exports nothing.
            const unknown = (field.condition ?? []).some(part => {
                const ref = fieldOf(part.variable);
                const gg = ref?.perGoal ? g : undefined;
                return ![respondent, undefined, ...(ref?.respondents ?? [])].some(r => stored.has(`${part.variable}#${gg ?? ''}@${r ?? ''}`));
            });
            const pointHides = field.points !== undefined && !field.points.includes(point.id);
            const respondentHides = respondent !== undefined && !(spec.rowsAt[point.id] ?? []).includes(respondent);
            if (pointHides || respondentHides || (!relevant && !field.condition)) continue; // not collected here: empty in both
            if (column.kind === 'option' && !relevant) continue;
            decisions.push({ caseCode, respondent, column: column.name, relevant, answered: column.kind === 'option' && answered === undefined ? undefined : answered, unknown });
        }
    }
    const recordKey = ['Enhet D', caseCode, point.id, point.repeated ? occurrence : ''].join(SEP);
    storage[`${spec.storagePrefix}r:${recordKey}`] = JSON.stringify({ unit: 'Enhet D', caseCode, point: point.id, occurrence, values: recordValues, saved: '2025-06-15T00:00:00.000Z' });
    if (Object.keys(clientValues).length > 0) storage[`${spec.storagePrefix}c:${['Enhet D', caseCode].join(SEP)}`] = JSON.stringify(clientValues);
}
