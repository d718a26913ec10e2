import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createSuServices } from '../../src/language/suplan-services.js';
import type { SuPlanServices } from '../../src/language/suplan-module.js';
import { SuPlanValidator } from '../../src/language/suplan-validator.js';
import type { PlanValidator } from '../../src/language/validators/common.js';
import { buildWorkspace } from '../../src/workspace/load.js';
import { plan, render, TEST_CATALOGUE } from './validators/plan-validation-helper.js';

/** A check with a bug: it throws on every plan (a multi-line message, as some errors have). */
const broken: PlanValidator = {
    validate: () => { throw new TypeError('Cannot read properties of undefined (reading \'ref\')\n    at broken (broken.ts:1:1)'); },
};

/** The plan validator with the broken check first among its concerns. */
class WithBrokenConcern extends SuPlanValidator {
    constructor(services: SuPlanServices) {
        super(services);
        // The concerns are read-only to the validator's users; the test puts the broken one first.
        Object.assign(this, { concerns: { broken, ...this.concerns } });
    }
}

/** The plan validator whose whole check throws (outside any concern). */
class BrokenEntry extends SuPlanValidator {
    override checkPlan(): void {
        throw new Error('the entry itself failed');
    }
}

/** A test-only services module: Langium's dependency injection replaces the plan validator. */
function servicesWith(validator: (services: SuPlanServices) => SuPlanValidator): ReturnType<typeof createSuServices> {
    return createSuServices(EmptyFileSystem, undefined, { suplanModule: { validation: { SuPlanValidator: validator } } });
}

/** A plan with one warning of its own: the variable `oanvand` is collected but used by no analysis (SU040). */
const text = plan({
    variables: `variabler {
        använd test.samtal
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
        lokal oanvand "Används inte" : antal 0..9
    }`,
});

async function diagnostics(services: ReturnType<typeof createSuServices>, language: 'sv' | 'en'): Promise<ReturnType<typeof render>[]> {
    services.suplan.catalogue.MessageLocale.language = language;
    const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text }, TEST_CATALOGUE]);
    return loaded.diagnostics.map(render);
}

describe('an exception inside a check', () => {
    test('is an internal error on the plan\'s first line naming the check, without a stack; the other checks still run', async () => {
        const services = servicesWith(s => new WithBrokenConcern(s));
        const found = await diagnostics(services, 'sv');
        expect(found.map(d => [d.code, d.range, d.severity, d.message])).toEqual([
            ['undefined', '1:1-1:1', 1, 'Internt fel i SU-plans kontroll "broken": Cannot read properties of undefined (reading \'ref\') at broken (broken.ts:1:1). Filens övriga kontroller har körts; rapportera gärna felet.'],
            ['SU040', expect.any(String), 2, expect.stringContaining('"oanvand"')],
        ]);
        const english = await diagnostics(services, 'en');
        expect(english[0].message).toBe('Internal error in SU-plan\'s check "broken": Cannot read properties of undefined (reading \'ref\') at broken (broken.ts:1:1). The file\'s other checks ran; please report the error.');
        expect(english.map(d => d.code)).toEqual(['undefined', 'SU040']);
        for (const d of [...found, ...english]) expect(d.message).not.toMatch(/An error occurred|\n/);
    });

    test('the same plan without the broken check has only its warning', async () => {
        const found = await diagnostics(createSuServices(EmptyFileSystem), 'sv');
        expect(found.map(d => d.code)).toEqual(['SU040']);
    });

    test('an exception in the plan\'s check as a whole is reported the same way, in the message language', async () => {
        const services = servicesWith(s => new BrokenEntry(s));
        const found = await diagnostics(services, 'sv');
        expect(found.map(d => [d.range, d.severity, d.message])).toEqual([
            ['1:1-1:1', 1, 'Internt fel i SU-plans kontroll "Plan": the entry itself failed. Filens övriga kontroller har körts; rapportera gärna felet.'],
        ]);
    });
});
