import { registrationBurden, type RegistrationBurden } from '../language/registration-burden.js';
import type { PlanModel } from './plan-model.js';

/**
 * The registration burden of a plan model: fields per client and measurement point, computed as
 * SU064 computes it on the syntax tree (src/language/registration-burden.ts). Derived variables
 * are not registered; catalogue, local and item variables are.
 */
export function planBurden(model: PlanModel): RegistrationBurden<string> {
    const questions = model.variables.filter(variable => variable.origin !== 'derived').map(variable => ({
        points: variable.points,
        options: variable.valueSet.kind === 'multi' ? variable.valueSet.codes.length : 1,
        respondents: variable.respondents.length,
        perClientGoal: variable.perClientGoal,
    }));
    return registrationBurden(questions, model.measurementPoints.map(point => point.id), model.clientGoals?.max);
}
