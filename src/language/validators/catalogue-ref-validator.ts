import { isCatalogueRef, type CatalogueRef, type Plan } from '../generated/ast.js';
import type { CatalogueResolver } from '../catalogue-resolver.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';
import { unknownWord } from './unknown-word.js';

/** A pinned catalogue must be in the workspace, in the pinned version (SU010, SU011). */
export class CatalogueRefValidator implements PlanValidator {
    validate(plan: Plan, report: Report, context: ValidationContext): void {
        for (const element of plan.elements) {
            if (isCatalogueRef(element)) this.cataloguePinned(element, report, context.catalogues);
        }
    }

    private cataloguePinned(pin: CatalogueRef, report: Report, catalogues: CatalogueResolver): void {
        if (!pin.catalogue || pin.version === undefined) return; // a syntax error says what is missing
        const versions = catalogues.versions(pin.catalogue);
        if (versions.length === 0) this.unknownCatalogue(pin, report, catalogues);
        else if (!versions.some(c => c.version === pin.version)) this.versionMissing(pin, report, versions.map(c => c.version));
    }

    /** SU010: no catalogue of that name, with "did you mean" over the catalogue names in the workspace. */
    private unknownCatalogue(pin: CatalogueRef, report: Report, catalogues: CatalogueResolver): void {
        report({ code: 'SU010', node: pin, property: 'catalogue', ...unknownWord(pin.catalogue, catalogues.names()) });
    }

    /** SU011: the catalogue exists, but not in the pinned version; the message lists the versions there are. */
    private versionMissing(pin: CatalogueRef, report: Report, available: readonly string[]): void {
        const sorted = [...new Set(available)].sort((a, b) => a.localeCompare(b, 'sv', { numeric: true }));
        report({
            code: 'SU011', node: pin, property: 'version',
            args: [pin.catalogue, pin.version, sorted.map(v => `"${v}"`).join(', ')],
            fix: { kind: 'replace', suggestions: sorted.slice().reverse().map(v => `"${v}"`) },
        });
    }
}
