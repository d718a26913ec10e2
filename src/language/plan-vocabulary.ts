/**
 * The words of the plan language that the validators, the editor and the plan model share:
 * purposes, levels, time units, and the value-set shapes computed from the AST (value-sets.ts).
 * The plan model (src/model/plan-model.ts) re-exports them; they are part of its JSON Schema,
 * which is generated from these types (scripts/plan-model-schema.js): JSDoc comments become the
 * schema's descriptions and tags such as `@asType`, `@minimum` or `@pattern` its constraints.
 */

/**
 * A whole number.
 * @asType integer
 */
export type Integer = number;

export type Purpose = 'kontroll' | 'kvalitetssäkring' | 'jämförelse' | 'verksamhetsutveckling' | 'lärande';
export type Level = 'individ' | 'verksamhet' | 'nationell';
export type Status = 'utkast' | 'fastställd';
export type TimeUnit = 'dag' | 'vecka' | 'månad' | 'kvartal' | 'år';
export type TimeUnits = 'dagar' | 'veckor' | 'månader' | 'år';
export type Respondent = 'barn' | 'förälder' | 'klient' | 'anhörig' | 'personal';
export type ProcessStep = 'aktualisering' | 'utredning' | 'insats' | 'uppföljning';
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A value: its code (stored and exported) and its label (shown). */
export interface CodeModel {
    readonly code: Integer;
    readonly label: string;
}

/** What values a variable takes. Codes are what is stored and exported; labels are for display. */
export type ValueSetModel =
    | { readonly kind: 'date' }
    | { readonly kind: 'text' }
    | { readonly kind: 'count'; readonly min?: number; readonly max?: number }
    | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly unit?: string; readonly decimals?: Integer }
    | { readonly kind: 'score'; readonly min?: number; readonly max?: number; readonly instrument?: string }
    | CodedValueSetModel;

export interface CodedValueSetModel {
    /** yesno: 1 Ja, 2 Nej; choice: single choice; multi: multiple choice (one 0/1 column per code);
     *  scale: ordinal; goal4/goal5: the built-in goal-attainment scales mål4 and gas5. */
    readonly kind: 'yesno' | 'choice' | 'multi' | 'scale' | 'goal4' | 'goal5';
    readonly codes: readonly CodeModel[];
    /** The named value set (`värdemängder`) it comes from, if any. */
    readonly named?: string;
}
