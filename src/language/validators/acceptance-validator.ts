import { isAcceptance, type Acceptance, type Plan } from '../generated/ast.js';
import { CODES, type Code } from '../diagnostics/codes.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';

/**
 * Accepted warnings (`acceptera SUxxx "motivering"`): only warnings can be accepted, and always with
 * a reason (SU070, SU071). An acceptance no warning needed (SU072) is found by the reporter once all
 * concerns have run.
 */
export class AcceptanceValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        for (const acceptance of plan.elements.filter(isAcceptance)) {
            this.cannotBeAccepted(acceptance, report);
            this.reasonMissing(acceptance, report);
        }
    }

    /** SU070: the code is unknown, or names an error (or a hint), which cannot be accepted. */
    private cannotBeAccepted(acceptance: Acceptance, report: Report): void {
        const code = acceptance.code;
        if (!code) return;
        if (!Object.hasOwn(CODES, code)) {
            report({ code: 'SU070', node: acceptance, property: 'code', args: [code, 'koden finns inte.', 'there is no such code.'] });
            return;
        }
        const severity = CODES[code as Code].severity;
        if (severity === 'error') {
            report({ code: 'SU070', node: acceptance, property: 'code', args: [code, 'det är ett fel, inte en varning.', 'it is an error, not a warning.'] });
        } else if (severity !== 'warning') {
            report({ code: 'SU070', node: acceptance, property: 'code', args: [code, 'det är ett tips, inte en varning.', 'it is a hint, not a warning.'] });
        }
    }

    /** SU071: the reason is empty. */
    private reasonMissing(acceptance: Acceptance, report: Report): void {
        if (acceptance.reason !== undefined && acceptance.reason.trim() === '') {
            report({ code: 'SU071', node: acceptance, property: 'reason', args: [acceptance.code ?? ''] });
        }
    }
}
