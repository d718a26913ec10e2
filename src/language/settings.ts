/** The minimum cell size of a plan that says none (`integritet { minsta cell … }`). */
export const DEFAULT_MIN_CELL = 5;

/**
 * Editor settings that change what a plan means when it leaves something unsaid. The language
 * server fills them from the `suplan.*` settings; the CLI and the tests keep the defaults.
 */
export class PlanSettings {
    /** Minimum cell size for plans without `integritet { minsta cell … }`. */
    defaultMinCell: number = DEFAULT_MIN_CELL;
    /** Extra folders (absolute, or relative to the first workspace folder) whose `*.sucat` files are indexed. */
    cataloguePaths: readonly string[] = [];
    /**
     * Whether an edit in the editor updates the syntax tree in place where it can (see
     * overrides/incremental-parse.ts) instead of parsing the whole document again. Off: every edit
     * parses the document in full, as Langium does by default.
     */
    incrementalParsing = true;
}
