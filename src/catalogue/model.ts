/**
 * A variable catalogue as plain data: what `suplan catalogue import` reads from a spreadsheet,
 * writes as `.sucat`, and what `suplan catalogue export` writes back. Independent of the AST.
 */

export const PROCESS_STEPS = ['aktualisering', 'utredning', 'insats', 'uppföljning'] as const;

export type ProcessStepName = (typeof PROCESS_STEPS)[number];

export interface NumericRange {
    readonly min: number;
    readonly max: number;
}

export interface CodeEntry {
    readonly code: number;
    readonly label: string;
}

/** A catalogue variable's value set, as the `.sucat` grammar allows it. */
export type VariableValueSet =
    | { readonly kind: 'date' }
    | { readonly kind: 'yesno' }
    | { readonly kind: 'text' }
    | { readonly kind: 'count'; readonly range?: NumericRange }
    | { readonly kind: 'number'; readonly range?: NumericRange; readonly unit?: string; readonly decimals?: number }
    | { readonly kind: 'codes'; readonly codes: readonly CodeEntry[] };

export interface VariableEntry {
    readonly id: string;
    readonly label: string;
    readonly valueSet: VariableValueSet;
    /** The definition: what the variable means or measures. */
    readonly comment?: string;
    readonly processStep?: ProcessStepName;
    /** Also feeds national statistics. */
    readonly national: boolean;
    /** The id this variable had in an earlier version of the catalogue. */
    readonly replaces?: string;
    /**
     * The `//` comment lines written above the variable in the `.sucat` file (a section heading,
     * a remark), without `// `, joined by line breaks. Not part of the variable's meaning.
     */
    readonly note?: string;
}

export interface CatalogueEntry {
    readonly name: string;
    readonly version: string;
    readonly title?: string;
    /** `utgiven ÅÅÅÅ-MM-DD` */
    readonly published?: string;
    /** `beskrivning "…"` */
    readonly description?: string;
    /** The `//` comment lines at the top of the file, without `// `, joined by line breaks. */
    readonly header?: string;
    readonly variables: readonly VariableEntry[];
}

/** The rows of a workbook's metadata sheet: field name (column A) → the catalogue's value (column B). */
export const METADATA_SHEET = 'Katalog';
export const METADATA_FIELDS = {
    name: 'namn', version: 'version', title: 'titel', published: 'utgiven', description: 'beskrivning', header: 'inledande kommentar',
} as const satisfies Partial<Record<keyof CatalogueEntry, string>>;

/** The spreadsheet columns of a variable list, in the order export writes them. */
export const FIELDS = ['id', 'label', 'valueSet', 'comment', 'step', 'national', 'replaces', 'note'] as const;

export type Field = (typeof FIELDS)[number];

/** The Swedish header export writes for each field (import matches these ignoring case, diacritics and spaces). */
export const FIELD_HEADERS: Readonly<Record<Field, string>> = {
    id: 'variabel',
    label: 'etikett',
    valueSet: 'värdemängd',
    comment: 'kommentar',
    step: 'processteg',
    national: 'nationell statistik',
    replaces: 'ersätter',
    note: 'anteckning',
};
