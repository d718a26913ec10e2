import { beforeAll, describe, expect, test } from 'vitest';
import type { AnalysisModel, PlanModel, VariableModel } from '../../src/model/plan-model.js';
import {
    BROKEN_PLAN, buildModels, FULL_PLAN, MINIMAL_PLAN, parseAndLinkProblems, SAMPLING_PLANS, type BuiltPlan,
} from './model-fixtures.js';

let full: PlanModel;
let minimal: PlanModel;
let broken: PlanModel;
let samplings: PlanModel[];
let built: BuiltPlan[];

beforeAll(async () => {
    built = await buildModels([FULL_PLAN, MINIMAL_PLAN, BROKEN_PLAN, ...SAMPLING_PLANS]);
    [full, minimal, broken, ...samplings] = built.map(b => b.model);
});

function variable(model: PlanModel, id: string): VariableModel {
    const found = model.variables.find(v => v.id === id);
    expect(found, `variable ${id}`).toBeDefined();
    return found as VariableModel;
}

function fullAnalysis(model: PlanModel, id: string): AnalysisModel {
    const found = model.analyses.find(a => a.id === id);
    expect(found, `analysis ${id}`).toBeDefined();
    return found as AnalysisModel;
}

/** The fields of issue 14 (rounding, chart, change, code level, time basis, rate counts, top rounding), tested on their own below. */
type Semantics = 'rounding' | 'chart' | 'change' | 'codeLevel' | 'codesLevel' | 'timeBasis' | 'counts' | 'topRounding';

function withoutSemantics(a: AnalysisModel): Omit<AnalysisModel, Semantics> {
    const { rounding: _r, chart: _c, change: _ch, codeLevel: _cl, codesLevel: _csl, timeBasis: _t, counts: _n, topRounding: _tr, ...rest } = a;
    return rest;
}

function analysis(model: PlanModel, id: string): Omit<AnalysisModel, Semantics> {
    return withoutSemantics(fullAnalysis(model, id));
}

describe('buildPlanModel: the full plan', () => {
    test('the plans the model is built from parse and link cleanly', () => {
        expect(parseAndLinkProblems(built[0].diagnostics)).toEqual([]);
        expect(parseAndLinkProblems(built[1].diagnostics)).toEqual([]);
        for (const b of built.slice(3)) expect(parseAndLinkProblems(b.diagnostics)).toEqual([]);
    });

    test('the model is plain JSON: no undefined values, nothing lost in a round trip', () => {
        for (const model of [full, minimal, broken, ...samplings]) {
            expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
        }
    });

    test('header, governance, purpose, level and source', () => {
        expect(full.schemaVersion).toBe(1);
        expect(full.source).toBe('model-test/plan0.suplan');
        expect(full.title).toBe('Föräldrastöd – Jourpatrullen');
        expect(full.governance).toStrictEqual({
            version: '1.2',
            status: 'fastställd',
            decision: { by: 'Ledningsgruppen', date: '2025-01-15', caseNumber: 'SN 2025/12' },
            revisions: [
                { version: '1.1', date: '2024-12-01', text: 'Första versionen' },
                { version: '1.2', date: '2025-01-10', text: 'Lade till uppföljning efter sex månader' },
            ],
            feedback: { when: 'Varje kvartal', to: 'Arbetsgruppen' },
        });
        expect(full.purpose).toBe('verksamhetsutveckling');
        expect(full.question).toBe('Minskar föräldrarnas problem efter insatsen?');
        expect(full.level).toBe('verksamhet');
        expect(full.dataSource).toStrictEqual({ kind: 'formulär', description: 'Eget formulär i webbläsaren' });
    });

    test('catalogues carry their titles, also one whose variables the plan does not use', () => {
        expect(full.catalogues).toStrictEqual([
            { name: 'bbic', version: '2023', title: 'BBIC – testkatalog' },
            { name: 'extra', version: '1', title: 'Extrakatalog' },
        ]);
    });

    test('roles, target group, sampling, period with repeated years, client goals', () => {
        expect(full.roles).toStrictEqual({ mandate: 'Enhetschef', registers: 'Behandlare', compiles: 'Verksamhetsutvecklare', analyses: 'Ledningsgrupp' });
        expect(full.targetGroup).toStrictEqual({
            include: ['Familjer som påbörjar insats hos Jourpatrullen'],
            exclude: ['Familjer som avbryter före första mötet'],
            age: { min: 0, max: 17 },
            expected: { count: 120, per: 'år' },
        });
        expect(full.sampling).toStrictEqual({ method: 'födelsedagar', days: [5, 15, 25] });
        expect(full.period).toStrictEqual({ start: '2025-01-01', end: '2025-03-31', repeatYears: { from: 2025, to: 2027 } });
        expect(full.clientGoals).toStrictEqual({ max: 3, description: 'Mål som sätts tillsammans med familjen' });
    });

    test('measurement points: id is the `som` name or the kind; repeated and offset points', () => {
        expect(full.measurementPoints).toStrictEqual([
            { id: 'före', kind: 'före', label: 'Vid start' },
            { id: 'under', kind: 'under', every: 'vecka' },
            { id: 'efter', kind: 'efter' },
            { id: 'uppf6', kind: 'uppföljning', label: 'Sex månader efter', offset: { amount: 6, unit: 'månader' } },
        ]);
        // The first phase starts with the period, the next on its `från` date, the third where the second ends.
        expect(full.phases).toStrictEqual([
            { id: 'baslinje', label: 'Baslinje', length: 2, unit: 'veckor', start: '2025-01-01', end: '2025-01-14', startStated: false },
            { id: 'insats', length: 3, unit: 'veckor', start: '2025-01-20', end: '2025-02-09', startStated: true },
            { id: 'nedtrappning', label: 'Nedtrappning', length: 3, unit: 'veckor', start: '2025-02-10', end: '2025-03-02', startStated: false },
        ]);
    });

    test('named value sets, and variables typed by them refer to them', () => {
        expect(full.valueSets.map(s => [s.id, s.label, s.ordinal, s.codes.length])).toEqual([
            ['instämmer', 'Instämmer', true, 4],
            ['kontakt', undefined, false, 2],
        ]);
        expect(variable(full, 'kontaktsätt').valueSet).toStrictEqual({
            kind: 'choice', codes: [{ code: 1, label: 'Telefon' }, { code: 2, label: 'Besök' }], named: 'kontakt',
        });
        expect(variable(full, 'm1a').valueSet).toMatchObject({ kind: 'scale', named: 'instämmer' });
    });

    test('variables come in declaration order; a group gives its items, then its index', () => {
        expect(full.variables.map(v => `${v.origin}:${v.id}`)).toEqual([
            'catalogue:samtal_enskilt', 'local:antal_samtal', 'catalogue:kön', 'catalogue:ålder_år', 'catalogue:skäl',
            'derived:åldersgrupp',
            'item:m1a', 'item:m1b', 'item:m1c', 'derived:mål1',
            'item:n1', 'item:n2', 'derived:nöjd',
            'item:b1', 'item:b2',
            'derived:mål1_diff', 'local:måluppf', 'local:problem', 'local:annat_sätt', 'local:insatsdagar', 'local:startdatum',
            'local:insatser', 'local:trygghet', 'local:stadsdel', 'local:kontaktsätt', 'local:gas', 'local:hemma', 'derived:mål_medel',
        ]);
    });

    test('a catalogue variable carries its full catalogue entry', () => {
        const age = variable(full, 'ålder_år');
        expect(age.label).toBe('Ålder vid aktualisering');
        expect(age.catalogue).toStrictEqual({
            catalogue: 'bbic', version: '2023', id: 'ålder', label: 'Ålder vid aktualisering', comment: 'Hela år.',
            processStep: 'aktualisering', nationalStatistics: false, valueSet: { kind: 'count', min: 0, max: 20 },
        });
        expect(age.valueSet).toStrictEqual({ kind: 'count', min: 0, max: 20 });
        expect(age.background).toBe(true);
        expect(age.refinement).toBeUndefined();
        expect(variable(full, 'skäl').optional).toBe(true);
    });

    test('a refinement is expanded: detailed codes with their original code and label', () => {
        const talk = variable(full, 'samtal_enskilt');
        expect(talk.catalogue?.nationalStatistics).toBe(true);
        expect(talk.catalogue?.processStep).toBe('utredning');
        expect(talk.catalogue?.comment).toContain('sms');
        expect(talk.catalogue?.valueSet).toStrictEqual({ kind: 'yesno', codes: [{ code: 1, label: 'Ja' }, { code: 2, label: 'Nej' }] });
        expect(talk.valueSet).toStrictEqual({
            kind: 'choice',
            codes: [{ code: 11, label: 'Ja – sms' }, { code: 12, label: 'Ja – telefon' }, { code: 13, label: 'Ja – chatt' }, { code: 2, label: 'Nej' }],
        });
        expect(talk.refinement).toStrictEqual([
            { code: 11, label: 'Ja – sms', original: 1, originalLabel: 'Ja' },
            { code: 12, label: 'Ja – telefon', original: 1, originalLabel: 'Ja' },
            { code: 13, label: 'Ja – chatt', original: 1, originalLabel: 'Ja' },
            { code: 2, label: 'Nej', original: 2, originalLabel: 'Nej' },
        ]);
        expect(talk.points).toEqual(['före']);
    });

    test('a conditional question keeps its condition by code', () => {
        expect(variable(full, 'antal_samtal')).toStrictEqual({
            id: 'antal_samtal', label: 'Antal samtal', origin: 'local', valueSet: { kind: 'count', min: 0, max: 100 },
            points: ['före'], respondents: [],
            condition: { parts: [{ variable: 'samtal_enskilt', codes: [11, 12, 13], level: 'refined' }] },
            background: false, perClientGoal: false, optional: false,
        });
    });

    test('item groups: items share the group type, points, respondents and definition; the index sums or averages them', () => {
        const item = variable(full, 'm1b');
        expect(item).toMatchObject({
            origin: 'item', label: 'Vi bråkar sällan', group: 'mål1', points: ['före', 'efter'], respondents: ['barn', 'förälder'],
            definition: 'Fyra påståenden om trygghet',
        });
        expect(item.derivation).toBeUndefined();
        expect(variable(full, 'mål1')).toStrictEqual({
            id: 'mål1', label: 'Mål 1: trygghet', origin: 'derived',
            valueSet: { kind: 'number', min: 3, max: 12 },
            definition: 'Fyra påståenden om trygghet', points: ['före', 'efter'], respondents: ['barn', 'förälder'],
            background: false, perClientGoal: false, optional: false,
            derivation: { kind: 'sum', items: ['m1a', 'm1b', 'm1c'] },
        });
        expect(variable(full, 'nöjd')).toMatchObject({
            origin: 'derived', valueSet: { kind: 'number', min: 1, max: 3 }, derivation: { kind: 'mean', items: ['n1', 'n2'] },
        });
        // A group without `index` gives only its items.
        expect(full.variables.some(v => v.id === 'bakg')).toBe(false);
        expect(variable(full, 'b2')).toMatchObject({ group: 'bakg', valueSet: { kind: 'yesno' }, points: [] });
    });

    test('derived variables: classify, mean of items, difference between points', () => {
        expect(variable(full, 'åldersgrupp')).toMatchObject({
            origin: 'derived',
            valueSet: { kind: 'choice', codes: [{ code: 1, label: '0–6 år' }, { code: 2, label: '7–12 år' }, { code: 3, label: '13–17 år' }] },
            derivation: {
                kind: 'classify', source: 'ålder_år',
                classes: [
                    { code: 1, label: '0–6 år', min: 0, max: 6 },
                    { code: 2, label: '7–12 år', min: 7, max: 12 },
                    { code: 3, label: '13–17 år', min: 13, max: 17 },
                ],
            },
            points: [],
        });
        // A mean is available where its sources are; a difference is one value per client.
        expect(variable(full, 'mål_medel')).toMatchObject({ derivation: { kind: 'mean', items: ['m1a', 'm1b'] }, points: ['före', 'efter'], valueSet: { kind: 'number', min: 1, max: 4 } });
        expect(variable(full, 'mål1_diff')).toMatchObject({
            derivation: { kind: 'difference', source: 'mål1', from: 'före', to: 'efter' }, points: [], valueSet: { kind: 'number', min: -9, max: 9 },
        });
    });

    test('local types map to value sets', () => {
        expect(variable(full, 'problem')).toMatchObject({ valueSet: { kind: 'score', min: 0, max: 40, instrument: 'AUDIT' }, definition: 'Totalpoäng enligt manualen' });
        expect(variable(full, 'insatsdagar').valueSet).toStrictEqual({ kind: 'number', min: 0, max: 365, unit: 'dagar', decimals: 0 });
        expect(variable(full, 'startdatum').valueSet).toStrictEqual({ kind: 'date' });
        expect(variable(full, 'insatser').valueSet).toMatchObject({ kind: 'multi', codes: [{ code: 1 }, { code: 2 }, { code: 3 }] });
        expect(variable(full, 'trygghet')).toMatchObject({ valueSet: { kind: 'scale' }, points: ['under'] });
        expect(variable(full, 'måluppf')).toMatchObject({ valueSet: { kind: 'goal4' }, perClientGoal: true, points: ['efter'] });
        expect(variable(full, 'måluppf').valueSet).toHaveProperty('codes.length', 4);
        expect(variable(full, 'gas').valueSet).toHaveProperty('codes.length', 5);
        expect(variable(full, 'hemma')).toMatchObject({ valueSet: { kind: 'yesno' }, points: ['uppf6'] });
        expect(variable(full, 'stadsdel')).toMatchObject({ valueSet: { kind: 'choice' }, background: true });
    });

    test('free text names the question it clarifies and why', () => {
        expect(variable(full, 'annat_sätt')).toStrictEqual({
            id: 'annat_sätt', label: 'Annat sätt för samtal', origin: 'local', valueSet: { kind: 'text' },
            points: ['före'], respondents: [], background: false, perClientGoal: false, optional: true,
            clarifies: 'samtal_enskilt', justification: 'Nya kontaktvägar ska fångas',
        });
    });

    test('reference tables keyed by codes or by variables, and the extract mapping', () => {
        expect(full.referenceTables).toStrictEqual([
            { id: 'befolkning', label: 'Invånare 0–20 år', source: 'SCB 2024', key: { kind: 'codes', variable: 'stadsdel' }, rows: [{ key: 1, value: 5400 }, { key: 2, value: 6100 }] },
            { id: 'målvärden', label: 'Målvärde per fråga', key: { kind: 'variables' }, rows: [{ key: 'm1a', value: 3.5 }, { key: 'm1b', value: 3 }] },
        ]);
        expect(full.extract).toStrictEqual({
            system: 'Verksamhetssystemet', file: 'uttag.csv', keyColumn: 'Ärende',
            columns: [
                { column: 'KON', variable: 'kön', codes: [{ source: 'F', code: 1 }, { source: 'P', code: 2 }, { source: 'X', code: 3 }] },
                { column: 'PROB_FORE', variable: 'problem', point: 'före', codes: [] },
            ],
        });
    });

    test('every analysis kind of the grammar is mapped', () => {
        expect(new Set(full.analyses.map(a => a.kind))).toEqual(new Set([
            'frequency', 'crosstab', 'describe', 'change', 'share', 'goalAttainment', 'timeSeries', 'phaseMeans', 'rate', 'compare', 'concentration',
        ]));
        expect(analysis(full, 'f1')).toStrictEqual({ id: 'f1', title: 'Enskilda samtal', kind: 'frequency', variables: ['samtal_enskilt'], groups: [] });
        expect(analysis(full, 'k1')).toStrictEqual({ id: 'k1', kind: 'crosstab', variables: ['samtal_enskilt'], column: 'kön', groups: [] });
        expect(analysis(full, 'b1')).toStrictEqual({ id: 'b1', kind: 'describe', variables: ['insatsdagar'], groups: ['stadsdel', 'kön'], decimals: 1 });
        expect(analysis(full, 'p1')).toStrictEqual({ id: 'p1', kind: 'change', variables: ['problem'], from: 'före', to: 'efter', groups: [] });
        expect(analysis(full, 'p2')).toStrictEqual({ id: 'p2', kind: 'change', variables: ['mål1'], from: 'före', to: 'efter', groups: ['kön'] });
        expect(analysis(full, 'a1')).toStrictEqual({ id: 'a1', kind: 'share', variables: ['samtal_enskilt'], codes: [11, 12, 13], target: 60, groups: [] });
        expect(analysis(full, 'a2')).toStrictEqual({ id: 'a2', kind: 'share', variables: ['problem'], op: '>=', value: 20, groups: [], at: 'efter' });
        expect(analysis(full, 't1')).toStrictEqual({ id: 't1', kind: 'timeSeries', variables: ['trygghet'], unit: 'vecka', groups: [] });
        expect(analysis(full, 'fm')).toStrictEqual({ id: 'fm', kind: 'phaseMeans', variables: ['trygghet'], unit: 'vecka', dateVariable: 'startdatum', groups: [] });
        expect(analysis(full, 'r1')).toStrictEqual({
            id: 'r1', kind: 'rate', variables: [], per: 1000, population: 'befolkning',
            condition: { parts: [{ variable: 'skäl', op: '=', value: 2 }] }, groups: ['stadsdel'],
        });
        expect(analysis(full, 'r2')).toStrictEqual({ id: 'r2', kind: 'rate', variables: [], per: 100, population: 'befolkning', groups: [] });
        expect(analysis(full, 'j1')).toStrictEqual({ id: 'j1', kind: 'compare', variables: ['m1a', 'm1b'], between: 'stadsdel', targetTable: 'målvärden', groups: [] });
        expect(analysis(full, 'j2')).toStrictEqual({ id: 'j2', kind: 'compare', variables: ['problem'], targetValue: 3.5, groups: [] });
        expect(analysis(full, 'c1')).toStrictEqual({ id: 'c1', kind: 'concentration', variables: ['insatsdagar'], shares: [10, 50], groups: [] });
        expect(analysis(full, 'f2')).toStrictEqual({
            id: 'f2', kind: 'frequency', variables: ['åldersgrupp'], groups: [],
            filter: { parts: [{ variable: 'hemma', op: '=', value: 1 }, { variable: 'kön', codes: [1, 2] }] },
        });
    });

    test('goal attainment: given codes, or the built-in scale\'s "reached" codes', () => {
        expect(analysis(full, 'm1')).toStrictEqual({ id: 'm1', kind: 'goalAttainment', variables: ['måluppf'], codes: [1], groups: [] });
        expect(analysis(full, 'm2')).toStrictEqual({ id: 'm2', kind: 'goalAttainment', variables: ['gas'], codes: [4, 5], groups: [] });
    });

    test('scenarios with rules, and those judged at review', () => {
        expect(full.scenarios).toStrictEqual([
            { letters: ['A'], rule: [{ analysis: 'a1', op: '<', value: 60, percent: true }], nextStep: 'Ändra arbetssättet och följ upp igen' },
            {
                letters: ['D'],
                rule: [{ analysis: 'a1', op: '>=', value: 80, percent: true }, { analysis: 'p1', op: '>', value: 0, percent: false }],
                nextStep: 'Avsluta uppföljningen',
            },
            { letters: ['B', 'C', 'E'], nextStep: 'Diskutera vid genomgången' },
            {
                letters: ['A'],
                rule: [
                    { analysis: 'j3', op: '<', againstTarget: true, percent: false, groups: 'some', whenSuppressed: 'undecided' },
                    { analysis: 'r3', op: '<', value: 20, percent: false, groups: 'every', whenSuppressed: 'undecided' },
                ],
                nextStep: 'Gå igenom stadsdelarna',
            },
        ]);
    });

    test('privacy and accepted warnings', () => {
        expect(full.privacy).toStrictEqual({
            minCell: 3, suppression: { minCell: 3, secondary: false, exempt: false }, legalBasis: ['7 a § SoLPuL', '6 § SoLPuL'], storage: 'Verksamhetssystemet', controller: 'Socialnämnden',
            retention: 'Efter fem år', impactAssessment: 'KB 2025-03', pseudonymisation: 'Löpnummer per ärende',
        });
        expect(full.acceptedWarnings).toStrictEqual([
            { code: 'SU031', reason: 'Säsongsvariation är känd och beskrivs i rapporten' },
            { code: 'SU040', subject: 'startdatum', reason: 'Behövs för att beräkna tid i insats' },
        ]);
    });
});

describe('buildPlanModel: what analyses compute (issue 14)', () => {
    test('rounding: the analysis\'s own decimals or step, else the plan\'s default, else one decimal; halves away from zero after 12 significant digits', () => {
        const base = { half: 'awayFromZero', significantDigits: 12 };
        expect(fullAnalysis(full, 'b1').rounding).toStrictEqual({ ...base, decimals: 1, percentDecimals: 1, from: 'analysis' });
        expect(fullAnalysis(full, 'p3').rounding).toStrictEqual({ ...base, decimals: 1, percentDecimals: 1, step: 0.5, from: 'analysis' });
        expect(fullAnalysis(full, 'f1').rounding).toStrictEqual({ ...base, decimals: 2, percentDecimals: 2, from: 'plan' });
    });

    test('change: formula, direction, pairing and the respondents it is split by', () => {
        expect(fullAnalysis(full, 'p1').change).toStrictEqual({ formula: 'meanDifference', paired: true, respondents: [] });
        expect(fullAnalysis(full, 'p2').change).toStrictEqual({ formula: 'meanDifference', paired: true, respondents: ['barn', 'förälder'] });
        expect(fullAnalysis(full, 'p3').change).toStrictEqual({ formula: 'shareImproved', direction: 'lower', paired: true, respondents: [] });
    });

    test('code levels of a refined variable: tables and code lists', () => {
        expect(fullAnalysis(full, 'f1').codeLevel).toBe('refined');
        expect(fullAnalysis(full, 'a3')).toMatchObject({ codeLevel: 'both', codes: [1], codesLevel: 'original' });
        expect(fullAnalysis(full, 'f17')).toMatchObject({ codeLevel: 'original', filter: { parts: [{ variable: 'samtal_enskilt', codes: [1], level: 'original' }] } });
        expect(fullAnalysis(full, 'b1').codeLevel).toBeUndefined();
    });

    test('charts: the default for the kind, or the plan\'s choice', () => {
        const charts = Object.fromEntries(full.analyses.map(a => [a.id, `${a.chart.kind}${a.chart.stated ? '!' : ''}${a.chart.phaseMarkers ? '+faser' : ''}`]));
        expect(charts).toMatchObject({
            f1: 'bar', k1: 'groupedBar', b1: 'groupedBar', p1: 'groupedBar', a1: 'none', a2: 'none', m1: 'none', t1: 'line',
            fm: 'line+faser', r1: 'bar', r2: 'none', j1: 'groupedBar', c1: 'none', p3: 'line!', a3: 'groupedBar!', c2: 'none!', j3: 'bar!',
        });
    });

    test('rates count records unless they say clients; a population from a table or a variable; concentration rounds the top count up unless told', () => {
        expect(fullAnalysis(full, 'r1')).toMatchObject({ counts: 'records', population: 'befolkning' });
        expect(fullAnalysis(full, 'r3')).toMatchObject({ counts: 'clients', populationVariable: 'insatsdagar', groups: ['stadsdel'] });
        expect(fullAnalysis(full, 'c1').topRounding).toBe('up');
        expect(fullAnalysis(full, 'c2').topRounding).toBe('down');
    });

    test('time series name what places a record in time', () => {
        expect(fullAnalysis(full, 'fm')).toMatchObject({ dateVariable: 'startdatum', timeBasis: 'variable' });
        expect(fullAnalysis(full, 't1').timeBasis).toBe('registrationDate');
    });

    test('suppression: secondary on by default, plans at nivå individ exempt', () => {
        expect(samplings.map(m => m.privacy.suppression)).toEqual(samplings.map(() => ({ minCell: 5, secondary: true, exempt: true })));
    });
});

describe('buildPlanModel: defaults', () => {
    test('status utkast, level verksamhet, min cell 5; an unclear purpose and an unknown level are left out or defaulted', () => {
        expect(minimal).toStrictEqual({
            schemaVersion: 1,
            source: 'model-test/plan1.suplan',
            title: 'Minimal',
            governance: { status: 'utkast', revisions: [] },
            question: 'Hur många?',
            level: 'verksamhet',
            catalogues: [],
            roles: {},
            targetGroup: { include: [], exclude: [] },
            measurementPoints: [],
            phases: [],
            valueSets: [],
            variables: [],
            referenceTables: [],
            analyses: [],
            scenarios: [],
            privacy: { minCell: 5, suppression: { minCell: 5, secondary: true, exempt: false }, legalBasis: [] },
            acceptedWarnings: [],
        });
    });

    test('every sampling method', () => {
        expect(samplings.map(m => m.sampling)).toStrictEqual([
            { method: 'alla' }, { method: 'jämna veckor' }, { method: 'udda veckor' }, { method: 'hela perioden' },
        ]);
        expect(samplings.map(m => [m.purpose, m.level, m.governance.status])).toEqual(samplings.map(() => ['kontroll', 'individ', 'utkast']));
    });
});

describe('buildPlanModel: unresolved references are left out, never thrown', () => {
    test('the broken plan has the link errors it is meant to have', () => {
        expect(parseAndLinkProblems(built[2].diagnostics).length).toBeGreaterThan(5);
    });

    test('purpose misspelt without diacritics is not guessed; unknown catalogue has no title', () => {
        expect(broken.purpose).toBeUndefined();
        expect(broken.catalogues).toStrictEqual([{ name: 'bbic', version: '2023', title: 'BBIC – testkatalog' }, { name: 'saknas', version: '9' }]);
    });

    test('variables that cannot be typed or derived are skipped; unresolved options are left out', () => {
        expect(broken.variables.map(v => v.id)).toEqual(['b', 'samtal_enskilt', 't']);
        const b = variable(broken, 'b');
        expect(b.points).toEqual(['före']);
        expect(b.condition).toBeUndefined();
        expect(variable(broken, 't').clarifies).toBeUndefined();
    });

    test('a refined code mapping to an unknown original is left out of both the codes and the mapping', () => {
        const talk = variable(broken, 'samtal_enskilt');
        expect(talk.refinement?.map(r => [r.code, r.original, r.originalLabel])).toEqual([[11, 1, 'Ja'], [2, 2, 'Nej']]);
        expect(talk.valueSet).toStrictEqual({ kind: 'choice', codes: [{ code: 11, label: 'Ja – sms' }, { code: 2, label: 'Nej' }] });
    });

    test('reference tables, extract columns, analyses and scenario rules with broken references', () => {
        // Rows of the wrong kind for their table (a code in a table per question, a variable in a table per code) are left out.
        expect(broken.referenceTables).toStrictEqual([
            { id: 'mv', label: 'Målvärden', key: { kind: 'variables' }, rows: [{ key: 'b', value: 2 }] },
            { id: 'pb', label: 'Per b', key: { kind: 'codes', variable: 'b' }, rows: [{ key: 1, value: 5 }] },
        ]);
        expect(broken.extract).toStrictEqual({ system: 'System', columns: [{ column: 'B', variable: 'b', codes: [] }] });
        expect(broken.analyses.map(withoutSemantics)).toStrictEqual([
            { id: 'x3', kind: 'compare', variables: ['b'], groups: [] },
            { id: 'x4', kind: 'rate', variables: [], per: 100, groups: [] },
            { id: 'x5', kind: 'change', variables: ['b'], from: 'före', groups: [] },
            { id: 'x6', kind: 'frequency', variables: ['b'], groups: [] },
            // A yes/no variable has no built-in "reached" codes.
            { id: 'x7', kind: 'goalAttainment', variables: ['b'], groups: [] },
        ]);
        expect(broken.scenarios).toStrictEqual([
            { letters: ['A'], nextStep: 'Något' },
            { letters: ['A'] },
        ]);
    });
});
