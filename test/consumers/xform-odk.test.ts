import { describe, expect, test } from 'vitest';
import { JSDOM } from 'jsdom';
import {
    buildSurvey, dataCodec, surveyQuestions, type FieldSpec, type Survey, type SurveyQuestion,
} from '../../src/data/index.js';
import { renderXForm } from '../../src/generators/xform/index.js';
import { looksLikeIdentityNumber } from '../../src/text/identity-number.js';
import { exampleModel, exampleModels } from '../data/example-models.js';
import { HOSTILE, hostileModel } from '../generators/forms/hostile-plan.js';
import { answer, createOdkInstance, odkNode, odkNodes, plain, type OdkNode } from './odk-engine.js';

/**
 * Our XForm in the ODK engine (`@getodk/xforms-engine`, the engine of ODK Web Forms, under jsdom):
 * it loads every example plan's form, accepts valid answers, rejects values that break a
 * constraint, shows and hides conditional questions as the plan says, repeats per-goal questions,
 * and keeps hostile plan text as text. Differential: for random answer sets, the engine's
 * relevance and constraint decisions equal the HTML form's (the form model's points and
 * conditions decided by the data codec that the HTML form embeds, `conditionHolds` and
 * `parseValue`).
 */
const codec = dataCodec(looksLikeIdentityNumber);

function pathOf(survey: Survey, question: SurveyQuestion, goal?: number): string {
    const entry = surveyQuestions(survey).find(q => q.question === question);
    const parts = (entry?.path ?? []).map(g => (g.kind === 'repeat' && goal !== undefined ? `${g.name}[${goal}]` : g.name));
    return ['/data', ...parts, question.name].join('/');
}

describe('xform: our XForm in the ODK engine', () => {
    test('every example plan loads, with one engine node per question of the survey', async () => {
        for (const [file, model] of await exampleModels()) {
            const survey = buildSurvey(model);
            const root = await createOdkInstance(renderXForm(model));
            const references = new Set(odkNodes(root).map(n => n.currentState.reference.replace(/\[\d+\]/g, '')));
            for (const { question, path } of surveyQuestions(survey)) {
                if (path.some(g => g.kind === 'repeat')) continue; // no instances until the count is answered
                expect(references, `${file}: ${question.name}`).toContain(pathOf(survey, question));
            }
        }
    });

    test('plan 08: conditional questions shown and hidden as the plan says; constraints and required', async () => {
        const model = await exampleModel('08-bbic-samtal.suplan');
        const root = await createOdkInstance(renderXForm(model));
        const at = (ref: string): OdkNode => odkNode(root, ref);
        answer(at('/data/mätpunkt'), 'efter');
        expect(at('/data/uppgifter/samtal_enskilt').currentState.relevant).toBe(true);
        expect(at('/data/uppgifter/antal_samtal').currentState.relevant).toBe(false);
        expect(at('/data/uppgifter/hinder').currentState.relevant).toBe(false);
        answer(at('/data/uppgifter/samtal_enskilt'), '12');
        expect(at('/data/uppgifter/antal_samtal').currentState.relevant).toBe(true);
        expect(at('/data/uppgifter/hinder').currentState.relevant).toBe(false);
        answer(at('/data/uppgifter/samtal_enskilt'), '2');
        expect(at('/data/uppgifter/antal_samtal').currentState.relevant).toBe(false);
        expect(at('/data/uppgifter/hinder').currentState.relevant).toBe(true);
        expect(at('/data/uppgifter/hinder_annat').currentState.relevant).toBe(false);
        answer(at('/data/uppgifter/hinder'), '4');
        expect(at('/data/uppgifter/hinder_annat').currentState.relevant).toBe(true);
        expect(at('/data/uppgifter/hinder_annat').currentState.required).toBe(false); // optional in the plan

        const ålder = at('/data/klient/ålder');
        expect(ålder.currentState.required).toBe(true);
        answer(ålder, '25');
        expect(ålder.validationState?.constraint?.valid).toBe(false);
        answer(ålder, '9');
        expect(ålder.validationState?.constraint?.valid ?? true).toBe(true);
        expect(plain(ålder.currentState.value)).toBe(9);

        const code = at('/data/ärendekod');
        answer(code, '19121212-1212');
        expect(code.validationState?.constraint?.valid).toBe(false);
        answer(code, 'K-001');
        expect(code.validationState?.constraint?.valid ?? true).toBe(true);
    });

    test('plan 04: per-goal questions repeat once per goal, asked at their points', async () => {
        const model = await exampleModel('04-malupfyllelse-gas.suplan');
        const root = await createOdkInstance(renderXForm(model));
        answer(odkNode(root, '/data/mätpunkt'), 'före');
        const count = odkNode(root, '/data/antal_mål');
        answer(count, '4');
        expect(count.validationState?.constraint?.valid).toBe(false); // klientmål 3
        answer(count, '3');
        const instances = odkNodes(root).filter(n => n.nodeType === 'repeat-instance').map(n => n.currentState.reference);
        expect(instances).toEqual(['/data/uppgifter/mål[1]', '/data/uppgifter/mål[2]', '/data/uppgifter/mål[3]']);
        expect(odkNode(root, '/data/uppgifter/mål[2]/målområde').currentState.relevant).toBe(true);
        expect(odkNode(root, '/data/uppgifter/mål[2]/gas').currentState.relevant).toBe(false);
        answer(odkNode(root, '/data/mätpunkt'), 'avstämning');
        expect(odkNode(root, '/data/uppgifter/mål[3]/gas').currentState.relevant).toBe(true);
        expect(odkNode(root, '/data/uppgifter/mål[3]/målområde').currentState.relevant).toBe(false);
    });

    test('hostile plan text stays text: the XForm parses, the engine shows the labels verbatim', async () => {
        const model = await hostileModel();
        const xml = renderXForm(model);
        const dom = new JSDOM('');
        const document = new dom.window.DOMParser().parseFromString(xml, 'application/xml');
        expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
        expect(document.documentElement.lastElementChild?.localName).toBe('body');
        const title = document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'title')[0]?.textContent;
        expect(title).toBe(`Titel ${HOSTILE}`);
        const root = await createOdkInstance(xml);
        const kön = odkNode(root, '/data/klient/kön') as OdkNode & { currentState: { label: { asString: string } | null; valueOptions: Array<{ label: { asString: string } }> } };
        expect(kön.currentState.label?.asString).toBe(`${HOSTILE} Barnets kön`);
        expect(kön.currentState.valueOptions[0].label.asString).toBe(`${HOSTILE} Flicka`);
    });

    test('differential: the engine decides relevance and constraints as the HTML form does, for random answer sets', async () => {
        let random = 12345;
        const next = (): number => { random = (random * 1103515245 + 12345) % 2147483648; return random / 2147483648; };
        let compared = 0;
        for (const [file, model] of await exampleModels()) {
            const survey = buildSurvey(model);
            const xml = renderXForm(model);
            for (let round = 0; round < 6; round++) {
                compared += await oneAnswerSet(file, survey, xml, next);
            }
        }
        expect(compared).toBeGreaterThan(500);
    });
});

/** Fills one form at random in form order, comparing every decision with the HTML form's; returns the number of decisions compared. */
async function oneAnswerSet(file: string, survey: Survey, xml: string, next: () => number): Promise<number> {
    const spec = survey.spec;
    const root = await createOdkInstance(xml);
    const point = spec.points[Math.floor(next() * spec.points.length)].id;
    const questions = surveyQuestions(survey);
    const pointQuestion = questions.find(q => q.question.key === 'point')?.question;
    if (!pointQuestion) throw new Error('no point question');
    answer(odkNode(root, pathOf(survey, pointQuestion)), point);
    /** Answers as the HTML form stores them: by field, respondent and goal. */
    const answers = new Map<string, string>();
    const keyOf = (field: string, respondent: string | undefined, goal: number | undefined): string => `${field}@${respondent ?? ''}#${goal ?? ''}`;
    const fieldOf = (id: string): FieldSpec | undefined => spec.fields.find(f => f.id === id);
    /** The HTML form's `conditionValue`: the same respondent's answer, the record's, then any respondent's. */
    const valueOf = (variable: string, respondent: string | undefined, goal: number | undefined) => {
        const field = fieldOf(variable);
        if (!field) return undefined;
        const g = field.perGoal ? goal : undefined;
        const candidates = [keyOf(variable, respondent, g), keyOf(variable, undefined, g), ...(field.respondents ?? []).map(r => keyOf(variable, r, g))];
        const raw = candidates.map(k => answers.get(k)).find(v => v !== undefined && v !== '');
        if (raw === undefined) return null;
        if (field.kind === 'multi') return raw.split(' ').filter(x => x !== '').map(Number);
        const rule = spec.columns.find(c => c.variable === field.id && c.kind === 'value') ?? { name: field.id, type: 'string' as const, notApplicable: true };
        const parsed = codec.parseValue(rule, raw);
        return 'value' in parsed ? parsed.value : null;
    };
    const htmlShows = (field: FieldSpec, respondent: string | undefined, goal: number | undefined): boolean => {
        if (field.points !== undefined && !field.points.includes(point)) return false;
        if (respondent !== undefined && !(spec.rowsAt[point] ?? []).includes(respondent)) return false;
        if (!field.condition) return true;
        return codec.conditionHolds(field.condition, v => valueOf(v, respondent, goal)) === true;
    };
    const htmlProblem = (field: FieldSpec, raw: string): boolean => {
        if (field.kind === 'multi' || field.kind === 'choice' || field.kind === 'date') return false;
        if (field.kind === 'text') return codec.isIdentityNumber(raw);
        const rule = spec.columns.find(c => c.variable === field.id && c.kind === 'value');
        return rule !== undefined && 'problem' in codec.parseValue(rule, raw);
    };
    const randomAnswer = (field: FieldSpec): string | string[] | undefined => {
        if (next() < 0.15) return undefined;
        switch (field.kind) {
            case 'choice': return String(field.codes?.[Math.floor(next() * (field.codes?.length ?? 1))]?.code ?? '');
            case 'multi': return (field.codes ?? []).filter(() => next() < 0.4).map(c => String(c.code));
            case 'integer': case 'number': {
                const min = field.min ?? 0;
                const max = field.max ?? 100;
                const value = Math.round(min - 2 + next() * (max - min + 4));
                return field.kind === 'number' && next() < 0.3 ? `${value}.5` : String(value);
            }
            case 'date': return `2025-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)}`;
            default: return next() < 0.5 ? 'Vårdnadshavare: "annat"' : 'Ånge, Öckerö';
        }
    };
    let compared = 0;
    const goalsQuestion = questions.find(q => q.question.name === 'antal_mål')?.question;
    if (goalsQuestion && odkNode(root, pathOf(survey, goalsQuestion)).currentState.relevant) {
        answer(odkNode(root, pathOf(survey, goalsQuestion)), String(1 + Math.floor(next() * spec.goals)));
    }
    for (const { question, path } of questions) {
        if (!question.field) continue;
        const field = fieldOf(question.field);
        if (!field) continue;
        const inRepeat = path.some(g => g.kind === 'repeat');
        const goals = inRepeat ? odkNodes(root).filter(n => n.nodeType === 'repeat-instance' && n.currentState.reference.startsWith(pathOf(survey, question).split('/').slice(0, -1).join('/'))).length : 1;
        for (let goal = 1; goal <= goals; goal++) {
            const g = inRepeat ? goal : undefined;
            const node = odkNode(root, pathOf(survey, question, g));
            const expected = htmlShows(field, question.respondent, g);
            expect(node.currentState.relevant, `${file} ${point} ${question.name}${g ? `[${g}]` : ''} relevant (answers ${JSON.stringify([...answers])})`).toBe(expected);
            compared += 1;
            if (!expected) continue;
            const value = randomAnswer(field);
            if (value === undefined) continue;
            answer(node, value);
            answers.set(keyOf(field.id, question.respondent, g), Array.isArray(value) ? value.join(' ') : value);
            if (!Array.isArray(value)) {
                const engineValid = node.validationState?.constraint?.valid !== false;
                expect(engineValid, `${file} ${question.name} = ${value} constraint`).toBe(!htmlProblem(field, value));
                compared += 1;
            }
        }
    }
    return compared;
}
