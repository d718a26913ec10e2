import { TEMPLATE_NAMES, type StarterVariable } from '../template/plan-template.js';
import { isCodeListSet, isYesNoSet, type Catalogue, type CatalogueVariable } from './generated/ast.js';

/**
 * The catalogue variable a new plan starts from (`suplan new --catalogue`, the editor's "Ny plan"):
 * a yes/no variable, else a code list, national statistics first; never a name the template declares
 * itself, never a variable without a label. Undefined when the catalogue has none of these.
 */
export function starterVariable(catalogue: Catalogue): StarterVariable | undefined {
    const candidates = catalogue.variables.filter(v => v.name && !TEMPLATE_NAMES.includes(v.name) && v.label);
    const rank = (v: CatalogueVariable): number => (isYesNoSet(v.valueSet) ? 0 : isCodeListSet(v.valueSet) ? 2 : 9) + (v.nationalStatistics ? 0 : 1);
    const best = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
    return best && rank(best) < 9 ? { name: best.name, label: best.label ?? best.name } : undefined;
}
