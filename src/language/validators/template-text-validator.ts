import { AstUtils, type AstNode, type Properties } from 'langium';
import type { Plan } from '../generated/ast.js';
import { templateExampleTexts } from '../../template/plan-template.js';
import type { PlanValidator, Report } from './common.js';

/** How much of an example text the message quotes; the underline shows the rest. */
const QUOTED_LENGTH = 40;

/**
 * Example texts of the new-plan template left in a plan (SU090): every string of the plan that is
 * exactly one of the template's marked example texts (src/template/plan-template.ts), compared
 * after the string's escapes are read and its surrounding spaces dropped. Nothing else is guessed:
 * a plan string only counts when it is the template's own text.
 */
export class TemplateTextValidator implements PlanValidator {
    validate(plan: Plan, report: Report): void {
        const examples = templateExampleTexts();
        for (const node of AstUtils.streamAst(plan)) {
            for (const [property, value] of Object.entries(node)) {
                if (property.startsWith('$')) continue;
                const strings = Array.isArray(value) ? value : [value];
                strings.forEach((text: unknown, index) => {
                    if (typeof text !== 'string' || !examples.has(text.trim())) return;
                    report({
                        code: 'SU090', node, property: property as Properties<AstNode>,
                        index: Array.isArray(value) ? index : undefined, args: [quoted(text.trim())],
                    });
                });
            }
        }
    }
}

/** The text, or its first words up to QUOTED_LENGTH characters and `…`. */
function quoted(text: string): string {
    if (text.length <= QUOTED_LENGTH) return text;
    const start = text.slice(0, QUOTED_LENGTH);
    const space = text[QUOTED_LENGTH] === ' ' ? QUOTED_LENGTH : start.lastIndexOf(' ');
    return `${(space > QUOTED_LENGTH / 2 ? start.slice(0, space) : start).replace(/[\s,.;:]+$/, '')}…`;
}
