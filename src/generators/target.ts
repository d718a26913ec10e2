import type { PlanModel } from '../model/plan-model.js';
import type { Bilingual } from '../text/messages.js';
import type { SourceRevision } from '../files/git-revision.js';

export type { SourceRevision };

/** One file a target produces, relative to the output folder. */
export interface GeneratedFile {
    readonly path: string;
    readonly content: string | Uint8Array;
}

export interface TargetContext {
    /** The plan file's name without `.suplan`: the stem of every output file. */
    readonly baseName: string;
    /** The language of generated documents (`--lang`). */
    readonly language: 'sv' | 'en';
    /** The git commit the plan file was generated from, when it is in a repository (found by the CLI or the Node language server). */
    readonly revision?: SourceRevision;
}


/** A generator: a pure function from the plan model to the files of one target. */
export type Generate = (model: PlanModel, context: TargetContext) => GeneratedFile[] | Promise<GeneratedFile[]>;

/**
 * A generator target of `suplan generate --target` and the editor's "Generera…". Each target
 * folder exports one of these from its `target.ts`; `registry.ts` lists them.
 */
export interface GeneratorTarget {
    readonly id: string;
    readonly description: { readonly sv: string; readonly en: string };
    /** Text targets produce strings; bytes targets (xlsx, pdf) produce `Uint8Array`s. */
    readonly output: 'text' | 'bytes';
    /**
     * Whether the editor's "Generera…" offers the target from the language server. Only light text
     * targets: what `load` imports is bundled into the server, which must stay small; heavy or
     * binary targets run through the CLI.
     */
    readonly editor: boolean;
    /** Whether its files show the git commit of the plan (`TargetContext.revision`), which the CLI then looks up. */
    readonly showsRevision?: boolean;
    /** Imports the generator when the target is asked for, so heavy dependencies never slow other commands. */
    load(): Promise<Generate>;
}

/**
 * A target that cannot run on this machine because a program it needs is missing (Chromium for
 * `plan-pdf`). The CLI prints the text in the user's language as one line, without a stack trace.
 */
export class TargetUnavailableError extends Error {
    constructor(readonly text: Bilingual) {
        super(text.en);
        this.name = 'TargetUnavailableError';
    }
}
