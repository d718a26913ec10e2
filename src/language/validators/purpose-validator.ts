import type { Plan } from '../generated/ast.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';

/** TODO(foundation): fill in this concern's checks. */
export class PurposeValidator implements PlanValidator {
    validate(_plan: Plan, _report: Report, _context: ValidationContext): void {
        // checks to be written
    }
}
