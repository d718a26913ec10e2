import {
    isDecisionDecl, isLevelDecl, isPurposeDecl, isStatusDecl,
    type LevelDecl, type Plan, type PurposeDecl, type StatusDecl,
} from '../generated/ast.js';
import type { Level, Purpose, Status } from '../plan-vocabulary.js';
import { firstSection } from '../plan-access.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';
import { unknownWord } from './unknown-word.js';

/** The five understandings of follow-up (domain.md, "Purpose: the most common failure"). */
export const PURPOSES: readonly Purpose[] = ['kontroll', 'kvalitetssäkring', 'jämförelse', 'verksamhetsutveckling', 'lärande'];
export const LEVELS: readonly Level[] = ['individ', 'verksamhet', 'nationell'];
export const STATUSES: readonly Status[] = ['utkast', 'fastställd'];

/** The word a plan may write for "we do not know yet"; it is the most common failure, so it is an error of its own. */
const UNCLEAR_PURPOSE = 'oklart';

/** Purpose, level and status (SU004, SU005, SU007, SU008, SU009). */
export class PurposeValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        for (const element of plan.elements) {
            if (isPurposeDecl(element)) this.purposeKnown(element, report);
            else if (isLevelDecl(element)) this.levelKnown(element, report);
            else if (isStatusDecl(element)) this.statusKnown(element, report);
        }
        this.adoptedWithDecision(plan, report);
    }

    /** SU004 for `syfte oklart`, SU005 for any other word that is not one of the five purposes. */
    private purposeKnown(declaration: PurposeDecl, report: Report): void {
        const word = declaration.purpose;
        if (word === undefined || (PURPOSES as readonly string[]).includes(word)) return;
        if (word === UNCLEAR_PURPOSE) {
            report({ code: 'SU004', node: declaration, property: 'purpose' });
            return;
        }
        report({ code: 'SU005', node: declaration, property: 'purpose', ...unknownWord(word, PURPOSES) });
    }

    /** SU007: `nivå` other than individ, verksamhet or nationell. */
    private levelKnown(declaration: LevelDecl, report: Report): void {
        const word = declaration.level;
        if (word === undefined || (LEVELS as readonly string[]).includes(word)) return;
        report({ code: 'SU007', node: declaration, property: 'level', ...unknownWord(word, LEVELS) });
    }

    /** SU008: `status` other than utkast or fastställd. */
    private statusKnown(declaration: StatusDecl, report: Report): void {
        const word = declaration.value;
        if (word === undefined || (STATUSES as readonly string[]).includes(word)) return;
        report({ code: 'SU008', node: declaration, property: 'value', ...unknownWord(word, STATUSES) });
    }

    /** SU009: an adopted plan must say who decided. */
    private adoptedWithDecision(plan: Plan, report: Report): void {
        const status = firstSection(plan, isStatusDecl);
        if (status?.value === 'fastställd' && !plan.elements.some(isDecisionDecl)) {
            report({ code: 'SU009', node: status, property: 'value' });
        }
    }

}
