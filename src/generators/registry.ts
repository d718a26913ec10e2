/**
 * The one list of generator targets: `suplan generate`, its help and the editor's "Generera…"
 * read it. Adding a target is its folder (with a `target.ts`) plus one line here.
 */
import { formHtmlTarget } from './form-html/target.js';
import { formXlsxTarget } from './form-xlsx/target.js';
import { jsonTarget } from './json/target.js';
import { markdownTarget } from './markdown/target.js';
import { planHtmlTarget } from './plan-html/target.js';
import { planPdfTarget } from './plan-pdf/target.js';
import type { GeneratorTarget } from './target.js';
import { xformTarget } from './xform/target.js';
import { xlsformTarget } from './xlsform/target.js';

export type { GeneratedFile, Generate, GeneratorTarget, SourceRevision, TargetContext } from './target.js';
export { TargetUnavailableError } from './target.js';

/** Every target, in the order help lists them. */
export const TARGETS: readonly GeneratorTarget[] = [jsonTarget, markdownTarget, planHtmlTarget, planPdfTarget, formHtmlTarget, formXlsxTarget, xlsformTarget, xformTarget];

export function findTarget(id: string): GeneratorTarget | undefined {
    return TARGETS.find(target => target.id === id);
}

/** The targets the editor offers (light text targets generated in the language server). */
export function editorTargets(): GeneratorTarget[] {
    return TARGETS.filter(target => target.editor && target.output === 'text');
}
