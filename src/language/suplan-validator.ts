import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Plan, SuPlanAstType } from './generated/ast.js';
import { PlanReporter } from './diagnostics/reporter.js';
import { runCheck } from './diagnostics/internal-check-error.js';
import { withValueSetCache, type PlanValidator, type ValidationContext } from './validators/common.js';
import type { SuPlanServices } from './suplan-module.js';
import { AcceptanceValidator } from './validators/acceptance-validator.js';
import { AnalysisValidator } from './validators/analysis-validator.js';
import { AnalysisDefinitionValidator } from './validators/analysis-definition-validator.js';
import { CatalogueRefValidator } from './validators/catalogue-ref-validator.js';
import { DerivedValidator } from './validators/derived-validator.js';
import { MinimisationValidator } from './validators/minimisation-validator.js';
import { NamingValidator } from './validators/naming-validator.js';
import { PeriodValidator } from './validators/period-validator.js';
import { PrivacyValidator } from './validators/privacy-validator.js';
import { PurposeValidator } from './validators/purpose-validator.js';
import { ReferenceDataValidator } from './validators/reference-data-validator.js';
import { ScenarioValidator } from './validators/scenario-validator.js';
import { StructureValidator } from './validators/structure-validator.js';
import { TemplateTextValidator } from './validators/template-text-validator.js';
import { TimeValidator } from './validators/time-validator.js';
import { ValueValidator } from './validators/value-validator.js';
import { NumberValidator } from './validators/number-validator.js';
import { VolumeValidator } from './validators/volume-validator.js';

/** Registers the plan checks: one entry for the whole plan, which dispatches to each concern. */
export function registerSuPlanChecks(services: SuPlanServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.SuPlanValidator;
    const checks: ValidationChecks<SuPlanAstType> = {
        Plan: validator.checkPlan
    };
    registry.register(checks, validator);
}

/**
 * The registry of plan concerns; each lives in `validators/<concern>-validator.ts` and is named
 * here by that concern (the name an internal error in it is reported with).
 */
export class SuPlanValidator {
    protected readonly concerns: Readonly<Record<string, PlanValidator>> = {
        structure: new StructureValidator(),
        purpose: new PurposeValidator(),
        'catalogue-ref': new CatalogueRefValidator(),
        naming: new NamingValidator(),
        period: new PeriodValidator(),
        value: new ValueValidator(),
        derived: new DerivedValidator(),
        'reference-data': new ReferenceDataValidator(),
        analysis: new AnalysisValidator(),
        'analysis-definition': new AnalysisDefinitionValidator(),
        time: new TimeValidator(),
        scenario: new ScenarioValidator(),
        minimisation: new MinimisationValidator(),
        privacy: new PrivacyValidator(),
        volume: new VolumeValidator(),
        number: new NumberValidator(),
        'template-text': new TemplateTextValidator(),
        acceptance: new AcceptanceValidator(),
    };

    constructor(private readonly services: SuPlanServices) {}

    /**
     * Runs every concern; an exception in one is an internal error on the plan naming the concern,
     * and the others still run (runCheck).
     */
    checkPlan(plan: Plan, accept: ValidationAcceptor): void {
        const language = this.services.catalogue.MessageLocale.language;
        const reporter = new PlanReporter(plan, accept, language);
        const context: ValidationContext = {
            catalogues: this.services.catalogue.CatalogueResolver,
            defaultMinCell: this.services.catalogue.Settings.defaultMinCell,
        };
        withValueSetCache(() => {
            for (const [name, concern] of Object.entries(this.concerns)) {
                runCheck(name, () => concern.validate(plan, reporter.report, context), plan, accept, language);
            }
        });
        runCheck('acceptance', () => reporter.finish(), plan, accept, language);
    }
}
