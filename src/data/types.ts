/**
 * The values of the data format, shared by its writer, readers, validation, synthetic data and
 * every form. A cell is a code or number, a date or text, missing (`null`), or not applicable.
 */

export type ColumnType = 'string' | 'integer' | 'number' | 'date';

/** `ej aktuell`: a conditional question whose condition did not hold. Outside every denominator. */
export interface NotApplicable {
    readonly notApplicable: true;
}

/** A cell's value: number (codes, counts, numbers), string (text, dates as `YYYY-MM-DD`), missing, or not applicable. */
export type DataValue = number | string | null | NotApplicable;

/** One row of a data file, by column name. Columns a row does not have are missing. */
export type DataRow = Readonly<Record<string, DataValue>>;

/** What a cell of a column may hold; enough for the codec to write and read it. */
export interface ColumnRule {
    readonly name: string;
    readonly type: ColumnType;
    /** Allowed codes (integer columns of coded variables). */
    readonly codes?: readonly number[];
    readonly min?: number;
    readonly max?: number;
    /** Whether `ej aktuell` is allowed (value columns; never key columns). */
    readonly notApplicable: boolean;
}

/** Why a cell could not be read. */
export type CellProblem = 'integer' | 'number' | 'date' | 'code' | 'range' | 'notApplicable';

/** A condition part as the plan model states it (`när x i 1, 2`, `när x >= 3`). */
export type ConditionPart =
    | { readonly variable: string; readonly op: '=' | '!=' | '<' | '<=' | '>' | '>='; readonly value: number }
    | { readonly variable: string; readonly codes: readonly number[] };

export const NOT_APPLICABLE: NotApplicable = Object.freeze({ notApplicable: true });

export function isNotApplicable(value: DataValue | undefined): value is NotApplicable {
    return typeof value === 'object' && value !== null;
}
