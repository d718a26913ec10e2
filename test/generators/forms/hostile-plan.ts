import type { PlanModel } from '../../../src/model/plan-model.js';
import { exampleModel } from '../../data/example-models.js';

/** Text a plan may hold that every form must keep as plain text: a formula, quotes, XML, an XLSForm reference. */
export const HOSTILE = '=HYPERLINK("http://example.invalid","klick") "citat" \'apostrof\' </h:html> ${ålder} <!-- & ]]>';

/** Plan 08 with every label, definition and code label replaced by hostile text (a code label starts with `=`). */
export async function hostileModel(): Promise<PlanModel> {
    const model = await exampleModel('08-bbic-samtal.suplan');
    return {
        ...model,
        title: `Titel ${HOSTILE}`,
        question: `Fråga ${HOSTILE}`,
        variables: model.variables.map(v => ({
            ...v, label: `${HOSTILE} ${v.label}`, definition: `Definition ${HOSTILE}`,
            valueSet: 'codes' in v.valueSet ? { ...v.valueSet, codes: v.valueSet.codes.map(c => ({ ...c, label: `${HOSTILE} ${c.label}` })) } : v.valueSet,
        })),
    };
}
