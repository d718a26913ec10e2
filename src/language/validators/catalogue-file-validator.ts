import type { Catalogue } from '../generated/ast.js';
import type { Report, ValidationContext } from './common.js';

/** TODO(foundation): SU080–SU083. */
export class CatalogueFileValidator {
    validate(_catalogue: Catalogue, _report: Report, _context: ValidationContext): void {
        // checks to be written
    }
}
