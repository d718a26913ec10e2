/**
 * The custom requests between the SU-plan language server and its clients, spelled once.
 *
 * This module is plain constants and types and imports nothing: the server (src/language/)
 * and the VS Code client (src/extension/) both import it, and pulling anything from langium or
 * vscode in here would drag one side's code into the other side's bundle.
 */

// ---------------------------------------------------------------------------------------------
// Editor generation (client → server): src/server/requests.ts answers,
// src/extension/protocol.ts asks.
// ---------------------------------------------------------------------------------------------

/** Asks for the targets the server can generate for the editor; no params, `EditorTarget[]`. */
export const TARGETS_REQUEST = 'suplan/targets';

/** Generates a target for one plan from the server's current (validated) state. */
export const GENERATE_REQUEST = 'suplan/generate';

/** A target the editor can generate without the CLI (light text generators of the registry in src/generators/registry.ts). */
export interface EditorTarget {
    readonly id: string;
    readonly description: { readonly sv: string; readonly en: string };
}

/** One generated text file, its path relative to the output folder. */
export interface EditorFile {
    readonly path: string;
    readonly content: string;
}

export interface GenerateParams {
    readonly uri: string;
    readonly target: string;
    readonly language?: 'sv' | 'en';
}

/** Either the generated files, or why nothing was generated (in the requested language). */
export type GenerateResult =
    | { readonly ok: true; readonly files: readonly EditorFile[] }
    | { readonly ok: false; readonly message: string };

/**
 * The catalogue versions of the workspace a new plan can start from (the "Ny plan" command), each
 * with the variable the plan's template will use; no params, `NewPlanCatalogue[]`, newest version
 * first within a catalogue.
 */
export const NEW_PLAN_CATALOGUES_REQUEST = 'suplan/newPlanCatalogues';

export interface NewPlanCatalogue {
    readonly name: string;
    readonly version: string;
    /** The catalogue variable the new plan uses (`använd name.variable`), with its label. */
    readonly variable: { readonly name: string; readonly label: string };
}

// ---------------------------------------------------------------------------------------------
// Workspace files for the web server (server → client): in VS Code for the Web the server runs
// in a worker without a file system. src/server/main-browser.ts asks,
// src/extension/web/workspace-files.ts answers from `vscode.workspace.fs`.
// ---------------------------------------------------------------------------------------------

/** Reads a plan or catalogue: `FileParams` → its text. */
export const READ_FILE_REQUEST = 'suplan/readFile';

/** Lists a folder: `FileParams` → `FileEntry[]`. */
export const READ_DIRECTORY_REQUEST = 'suplan/readDirectory';

/** Looks a file or folder up: `FileParams` → `FileEntry`, or `null` when there is none. */
export const STAT_REQUEST = 'suplan/stat';

/** The params of every workspace-file request: the file's or folder's URI as a string. */
export interface FileParams {
    readonly uri: string;
}

export interface FileEntry {
    readonly uri: string;
    readonly isFile: boolean;
    readonly isDirectory: boolean;
}
