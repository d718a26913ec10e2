import {
    isCodeListSet, isCountSet, isNumberSet,
    type Catalogue, type CatalogueVariable, type CodeLabel,
} from '../generated/ast.js';
import { dayNumber } from './period-validator.js';
import { firstDeclared, firstGiven, type Report, type ValidationContext } from './common.js';

/** What a catalogue variable needs, in both languages, for SU081. */
const REQUIRED_PARTS: ReadonlyArray<{ readonly has: (v: CatalogueVariable) => boolean; readonly sv: string; readonly en: string }> = [
    { has: v => v.label !== undefined, sv: 'etikett', en: 'label (etikett)' },
    { has: v => v.valueSet !== undefined, sv: 'värdemängd', en: 'value set (värdemängd)' },
    { has: v => v.comment !== undefined, sv: 'kommentar', en: 'comment (kommentar)' },
];

/**
 * A catalogue file (`*.sucat`): unique variable ids and labels, complete variables, one file per
 * name and version (SU080–SU083), and the same value checks as plans (SU024, SU025, SU034).
 */
export class CatalogueFileValidator {
    validate(catalogue: Catalogue, report: Report, context: ValidationContext): void {
        this.variableIdsUnique(catalogue, report);
        for (const variable of catalogue.variables) {
            this.variableComplete(variable, report);
            this.valueSetValid(variable, report);
        }
        this.versionInOneFile(catalogue, report, context);
        this.labelsUnique(catalogue, report);
        this.publishedDateExists(catalogue, report);
    }

    /** SU080: a variable id given earlier in the same catalogue. */
    private variableIdsUnique(catalogue: Catalogue, report: Report): void {
        const seen = new Map<string, CatalogueVariable>();
        for (const variable of catalogue.variables) {
            if (!variable.name) continue;
            const first = seen.get(variable.name);
            if (first) report({ code: 'SU080', node: variable, property: 'name', args: [variable.name, catalogue.name], related: firstDeclared(first, 'name') });
            else seen.set(variable.name, variable);
        }
    }

    /** SU081: one diagnostic per variable, naming every missing part. */
    private variableComplete(variable: CatalogueVariable, report: Report): void {
        const missing = REQUIRED_PARTS.filter(part => !part.has(variable));
        if (missing.length === 0 || !variable.name) return;
        report({
            code: 'SU081', node: variable, property: 'name',
            args: [variable.name, joinList(missing.map(p => p.sv), 'och'), joinList(missing.map(p => p.en), 'and')],
        });
    }

    /** SU024 for a code given twice in a code list; SU025 for a reversed range. */
    private valueSetValid(variable: CatalogueVariable, report: Report): void {
        const set = variable.valueSet;
        if (isCodeListSet(set)) {
            const seen = new Map<number, CodeLabel>();
            for (const entry of set.codes) {
                if (entry.code === undefined) continue;
                const first = seen.get(entry.code);
                if (first) report({ code: 'SU024', node: entry, property: 'code', args: [entry.code, variable.name], related: firstGiven(first, 'code') });
                else seen.set(entry.code, entry);
            }
        } else if ((isCountSet(set) || isNumberSet(set)) && set.range && set.range.min > set.range.max) {
            report({ code: 'SU025', node: set, property: 'range', args: [set.range.min, set.range.max] });
        }
    }

    /** SU082: another file in the workspace declares the same catalogue name and version. */
    private versionInOneFile(catalogue: Catalogue, report: Report, context: ValidationContext): void {
        if (!catalogue.name || catalogue.version === undefined) return;
        const same = context.catalogues.versions(catalogue.name).filter(c => c.version === catalogue.version);
        if (same.length < 2) return;
        // Every file gets the error; each points to the others.
        const others = same.filter(c => c !== catalogue);
        report({ code: 'SU082', node: catalogue, property: 'version', args: [catalogue.name, catalogue.version], related: others.flatMap(c => firstGiven(c, 'version')) });
    }

    /** SU083 (warning): a label an earlier variable already has; forms and reports would show two equal questions. */
    private labelsUnique(catalogue: Catalogue, report: Report): void {
        const firstWith = new Map<string, CatalogueVariable>();
        for (const variable of catalogue.variables) {
            if (variable.label === undefined) continue;
            const key = variable.label.trim().toLowerCase();
            const first = firstWith.get(key);
            if (first) report({ code: 'SU083', node: variable, property: 'label', args: [variable.label, first.name], subject: variable.name, related: firstGiven(first, 'label') });
            else firstWith.set(key, variable);
        }
    }

    /** SU034: `utgiven 2025-02-30`. */
    private publishedDateExists(catalogue: Catalogue, report: Report): void {
        if (catalogue.published && dayNumber(catalogue.published) === undefined) {
            report({ code: 'SU034', node: catalogue, property: 'published', args: [catalogue.published] });
        }
    }
}

/** `a`, `a och b`, `a, b och c`. */
function joinList(items: readonly string[], and: string): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
