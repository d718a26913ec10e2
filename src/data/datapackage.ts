import type { PlanModel } from '../model/plan-model.js';
import { dataLayout, type DataColumn, type DataLayout } from './columns.js';
import { writeDialect, type WriteOptions } from './write.js';

/**
 * The Frictionless Data Package (`datapackage.json`, profile `tabular-data-package`) that goes
 * beside every data file: one resource, the file, with its dialect and Table Schema — types, code
 * lists as `enum`, ranges, `missingValues` (empty and `ej aktuell`) and the primary key.
 * Table Schema has one kind of missing value; the `suplan` property says which one means "not
 * applicable", which the codebook explains too.
 */

export interface TableSchemaField {
    readonly name: string;
    readonly title: string;
    readonly description?: string;
    readonly type: 'string' | 'integer' | 'number' | 'date';
    readonly format: 'default';
    readonly decimalChar?: string;
    readonly constraints?: {
        readonly required?: boolean;
        readonly enum?: ReadonlyArray<string | number>;
        readonly minimum?: number;
        readonly maximum?: number;
    };
}

/** A name as Data Package names must be: lower case, digits, `-`, `_`, `.` (å, ä, ö folded). */
export function packageName(text: string): string {
    const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return folded.replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'data';
}

function codesText(column: DataColumn): string | undefined {
    return column.labels ? column.labels.map(l => `${l.code} = ${l.label}`).join('; ') : undefined;
}

export function tableSchemaField(column: DataColumn, decimalChar: string): TableSchemaField {
    const constraints: Record<string, unknown> = {};
    if (column.required) constraints.required = true;
    if (column.codes) constraints.enum = column.codes;
    if (column.values) constraints.enum = column.values;
    if (column.min !== undefined) constraints.minimum = column.min;
    if (column.max !== undefined) constraints.maximum = column.max;
    const description = codesText(column);
    return {
        name: column.name, title: column.title, ...(description ? { description } : {}), type: column.type, format: 'default',
        ...(column.type === 'number' ? { decimalChar } : {}),
        ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    };
}

export interface DataPackageOptions extends WriteOptions {
    /** The data file's name, relative to the descriptor. */
    readonly path: string;
}

/** The descriptor for a data file written with `options` (the same delimiter and decimal character). */
export function dataPackage(model: PlanModel, options: DataPackageOptions, layout: DataLayout = dataLayout(model)): Record<string, unknown> {
    const { delimiter, decimalChar } = writeDialect(options);
    const name = packageName(`${layout.planId}${layout.planVersion ? `-${layout.planVersion}` : ''}`);
    return {
        profile: 'tabular-data-package',
        name,
        title: model.title,
        ...(layout.planVersion ? { version: layout.planVersion } : {}),
        description: `Uppgifter insamlade enligt planen "${model.title}" (${layout.planId}${layout.planVersion ? `, version ${layout.planVersion}` : ''}). Tom cell = uppgift saknas; "ej aktuell" = frågan ställdes inte eftersom villkoret inte gällde.`,
        suplan: { plan: layout.planId, planVersion: layout.planVersion, missing: '', notApplicable: 'ej aktuell' },
        resources: [{
            profile: 'tabular-data-resource',
            name: packageName(options.path.replace(/\.[^.]*$/, '')),
            path: options.path,
            format: 'csv',
            mediatype: 'text/csv',
            encoding: 'utf-8',
            dialect: { delimiter, doubleQuote: true, quoteChar: '"', lineTerminator: '\r\n', header: true },
            schema: {
                fields: layout.columns.map(c => tableSchemaField(c, decimalChar)),
                missingValues: ['', 'ej aktuell'],
                primaryKey: [...layout.primaryKey],
            },
        }],
    };
}
