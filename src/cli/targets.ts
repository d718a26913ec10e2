import type { PlanModel } from '../model/plan-model.js';

/** One file a target produces, relative to the output folder. */
export interface GeneratedFile {
    readonly path: string;
    readonly content: string | Uint8Array;
}

export interface TargetContext {
    /** The plan file's name without `.suplan`: the stem of every output file. */
    readonly baseName: string;
    /** The language of generated documents (`--lang`); Swedish when not given. */
    readonly language?: 'sv' | 'en';
}

/**
 * A generator target of `suplan generate --target`. `load` imports the generator only when the
 * target is asked for, so heavy dependencies (exceljs, …) never slow down other commands.
 */
export interface GenerateTarget {
    readonly id: string;
    readonly description: { readonly sv: string; readonly en: string };
    load(): Promise<(model: PlanModel, context: TargetContext) => GeneratedFile[] | Promise<GeneratedFile[]>>;
}

const jsonTarget: GenerateTarget = {
    id: 'json',
    description: { sv: 'planmodellen som JSON', en: 'the plan model as JSON' },
    load: async () => (model, context) => [{ path: `${context.baseName}.json`, content: JSON.stringify(model, null, 2) + '\n' }],
};

const markdownTarget: GenerateTarget = {
    id: 'markdown',
    description: { sv: 'plandokument i Markdown', en: 'the plan document in Markdown' },
    load: async () => (await import('../generators/markdown/index.js')).generateMarkdown,
};

/** Every target, in the order they are listed in help. New generators register here. */
export const TARGETS: readonly GenerateTarget[] = [jsonTarget, markdownTarget];

export function findTarget(id: string): GenerateTarget | undefined {
    return TARGETS.find(target => target.id === id);
}
