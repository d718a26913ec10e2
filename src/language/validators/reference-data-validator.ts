import {
    isAnalyses, isComparison_, isRate, isReferenceData,
    type Analysis, type Plan, type ReferenceRow, type ReferenceTable,
} from '../generated/ast.js';
import { sections, variableName } from '../plan-access.js';
import { describeValueSet, isCoded, isNumeric } from '../value-sets.js';
import { valueSetOf, type PlanValidator, type Report, type ValidationContext } from './common.js';

/**
 * Reference data that does not come from the form (SU048): a table keyed `per <variable>` has one
 * row per code of that variable (population per district, for rates); a table keyed `per fråga`
 * has one row per numeric question (a target score per question, for comparisons).
 */
export class ReferenceDataValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        for (const table of sections(plan, isReferenceData).flatMap(block => block.tables)) {
            this.keyWithoutCodes(table, report);
            for (const row of table.rows) {
                if (table.byVariable) this.questionRowDoesNotFit(table, row, report);
                else this.codeRowDoesNotFit(table, row, report);
            }
        }
        for (const analysis of sections(plan, isAnalyses).flatMap(block => block.analyses)) {
            this.rateOverQuestionTable(analysis, report);
            this.comparisonAgainstCodeTable(analysis, report);
        }
    }

    /** A table keyed `per <variable>` needs a variable with codes. */
    private keyWithoutCodes(table: ReferenceTable, report: Report): void {
        const variable = table.key?.ref?.ref;
        const set = valueSetOf(variable);
        if (!table.key || !variable || !set || isCoded(set)) return;
        const name = variableName(variable);
        report({
            code: 'SU048', node: table.key,
            args: [table.name ?? '',
                `är nyckelad per "${name}", som är ${describeValueSet(set, 'sv')} och saknar koder`,
                `is keyed by "${name}", which is ${describeValueSet(set, 'en')} and has no codes`],
        });
    }

    /** In a table keyed by a variable, every row is one of its codes. */
    private codeRowDoesNotFit(table: ReferenceTable, row: ReferenceRow, report: Report): void {
        const key = table.key?.ref?.ref;
        if (!key) return;
        const keyName = variableName(key);
        if (row.variable) {
            const named = row.variable.ref?.ref;
            const shown = named ? variableName(named) : row.variable.ref?.$refText ?? '';
            report({
                code: 'SU048', node: row.variable,
                args: [table.name ?? '',
                    `är nyckelad per "${keyName}", så varje rad ska vara en kod ur den, inte variabeln "${shown}"`,
                    `is keyed by "${keyName}", so every row must be one of its codes, not the variable "${shown}"`],
            });
            return;
        }
        const set = valueSetOf(key);
        if (typeof row.code !== 'number' || !isCoded(set) || set.codes.some(c => c.code === row.code)) return;
        const known = set.codes.map(c => c.code).join(', ');
        report({
            code: 'SU048', node: row, property: 'code',
            args: [table.name ?? '',
                `har raden ${row.code}, som inte är en kod i "${keyName}" (${known})`,
                `has the row ${row.code}, which is not a code of "${keyName}" (${known})`],
        });
    }

    /** In a table keyed `per fråga`, every row names a numeric question. */
    private questionRowDoesNotFit(table: ReferenceTable, row: ReferenceRow, report: Report): void {
        if (!row.variable) {
            if (typeof row.code !== 'number') return;
            report({
                code: 'SU048', node: row, property: 'code',
                args: [table.name ?? '',
                    `är nyckelad per fråga, så varje rad ska namnge en variabel, inte koden ${row.code}`,
                    `is keyed per question, so every row must name a variable, not the code ${row.code}`],
            });
            return;
        }
        const variable = row.variable.ref?.ref;
        const set = valueSetOf(variable);
        if (!variable || !set || isNumeric(set)) return;
        const name = variableName(variable);
        report({
            code: 'SU048', node: row.variable,
            args: [table.name ?? '',
                `har raden "${name}", som är ${describeValueSet(set, 'sv')} och inte kan jämföras med ett målvärde`,
                `has the row "${name}", which is ${describeValueSet(set, 'en')} and cannot be compared with a target value`],
        });
    }

    /** `takt … av T` divides by a population per code; a table keyed `per fråga` holds none. */
    private rateOverQuestionTable(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        if (!isRate(kind)) return;
        const table = kind.population?.ref;
        if (!table?.byVariable) return;
        report({
            code: 'SU048', node: kind, property: 'population',
            args: [table.name ?? '',
                `är nyckelad per fråga och kan inte vara nämnare i taktanalysen "${analysis.name ?? ''}"; använd en tabell per kod, t.ex. \`per stadsdel\``,
                `is keyed per question and cannot be the denominator of the rate analysis "${analysis.name ?? ''}"; use a table per code, e.g. \`per stadsdel\``],
        });
    }

    /** `jämför … mot T` compares each question with its target, so T is keyed `per fråga`. */
    private comparisonAgainstCodeTable(analysis: Analysis, report: Report): void {
        const kind = analysis.kind;
        if (!isComparison_(kind)) return;
        const table = kind.targetTable?.ref;
        if (!table || table.byVariable) return;
        report({
            code: 'SU048', node: kind, property: 'targetTable',
            args: [table.name ?? '',
                `är inte nyckelad per fråga och kan inte ge målvärden till jämförelsen "${analysis.name ?? ''}"`,
                `is not keyed per question and cannot give target values to the comparison "${analysis.name ?? ''}"`],
        });
    }
}
