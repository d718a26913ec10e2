import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fieldsPerRegistration } from '../../src/language/validators/volume-validator.js';
import { planBurden } from '../../src/model/plan-burden.js';
import { buildModel, loadPlans, modelOf } from './model-fixtures.js';

const catalogues = readdirSync('examples/catalogues').filter(f => f.endsWith('.sucat')).map(f => readFileSync(path.join('examples/catalogues', f), 'utf8'));
const plans = readdirSync('examples/plans').filter(f => f.endsWith('.suplan')).sort();

describe('the registration burden of a plan model', () => {
    test.each(plans)('%s: the model gives the fields SU064 counts on the syntax tree', async name => {
        const [plan] = await loadPlans([readFileSync(path.join('examples/plans', name), 'utf8')], catalogues);
        const burden = planBurden(modelOf(plan));
        expect(burden.busiest).toBe(fieldsPerRegistration(plan.root));
        expect(burden.busiest).toBeGreaterThan(0);
    });

    test('multiple choice, respondents and per-goal questions widen a field; once-per-client questions join the first point', async () => {
        const { model } = await buildModel(`
plan "Börda" {
    syfte kontroll
    fråga "Hur?"
    klientmål 3
    mätpunkter före, efter
    variabler {
        lokal a "A" : flerval { 1 "X" 2 "Y" 3 "Z" } vid före
        lokal b "B" : ja/nej vid före, efter svarar barn, förälder
        lokal c "C" : mål4 vid efter per klientmål
        lokal d "D" : text
        härledd e "E" = summa(a)
    }
}
`, []);
        expect(planBurden(model)).toEqual({ once: 1, perPoint: [{ point: 'före', fields: 3 + 2 + 1 }, { point: 'efter', fields: 2 + 3 }], busiest: 6 });
    });
});
