import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Catalogue, SuPlanAstType } from './generated/ast.js';
import { PlanReporter } from './diagnostics/reporter.js';
import { runCheck } from './diagnostics/internal-check-error.js';
import type { SuCatServices } from './sucat-module.js';
import { CatalogueFileValidator } from './validators/catalogue-file-validator.js';

export function registerSuCatChecks(services: SuCatServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.SuCatValidator;
    const checks: ValidationChecks<SuPlanAstType> = { Catalogue: validator.checkCatalogue };
    registry.register(checks, validator);
}

/** Checks of a catalogue file (SU08x). */
export class SuCatValidator {
    private readonly file = new CatalogueFileValidator();

    constructor(private readonly services: SuCatServices) {}

    checkCatalogue(catalogue: Catalogue, accept: ValidationAcceptor): void {
        const language = this.services.catalogue.MessageLocale.language;
        const reporter = new PlanReporter(undefined, accept, language);
        runCheck('catalogue-file', () => this.file.validate(catalogue, reporter.report, {
            catalogues: this.services.catalogue.CatalogueResolver,
            defaultMinCell: this.services.catalogue.Settings.defaultMinCell,
        }), catalogue, accept, language);
    }
}
