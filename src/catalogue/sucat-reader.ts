import { EmptyFileSystem, GrammarUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    isCatalogue, isCodeListSet, isCountSet, isDateSet, isNumberSet, isTextSet, isYesNoSet,
    type Catalogue, type CatalogueValueSet, type CatalogueVariable,
} from '../language/generated/ast.js';
import { createSuServices, type SuServices } from '../language/suplan-services.js';
import { buildWorkspace } from '../workspace/load.js';
import type { Language } from '../text/language.js';
import { PROCESS_STEPS, type CatalogueEntry, type ProcessStepName, type VariableEntry, type VariableValueSet } from './model.js';

function valueSetOf(set: CatalogueValueSet | undefined): VariableValueSet {
    if (!set || isTextSet(set)) return { kind: 'text' };
    if (isDateSet(set)) return { kind: 'date' };
    if (isYesNoSet(set)) return { kind: 'yesno' };
    if (isCodeListSet(set)) return { kind: 'codes', codes: set.codes.map(c => ({ code: c.code, label: c.label ?? '' })) };
    const range = set.range ? { range: { min: set.range.min, max: set.range.max } } : {};
    if (isCountSet(set)) return { kind: 'count', ...range };
    if (isNumberSet(set)) {
        return { kind: 'number', ...range, ...(set.unit !== undefined ? { unit: set.unit } : {}), ...(set.decimals !== undefined ? { decimals: set.decimals } : {}) };
    }
    return { kind: 'text' };
}

function isProcessStep(step: string | undefined): step is ProcessStepName {
    return (PROCESS_STEPS as readonly string[]).includes(step ?? '');
}

/** The `//` comment lines in a stretch of text, without `//` and one following space. */
function commentLines(text: string): string[] {
    return text.split(/\r?\n/).map(line => line.trim()).filter(line => line.startsWith('//')).map(line => line.slice(2).replace(/^ /, ''));
}

function joined(lines: readonly string[]): { note: string } | Record<string, never> {
    return lines.length > 0 ? { note: lines.join('\n') } : {};
}

/**
 * The comments of a catalogue file: the lines above `katalog`, and for each variable the comment
 * lines between the element before it (the previous variable, `beskrivning` or `{`) and it.
 */
function commentsOf(catalogue: Catalogue): { header: string[]; notes: string[][] } {
    const root = catalogue.$cstNode;
    if (!root) return { header: [], notes: catalogue.variables.map(() => []) };
    const text = root.root.fullText;
    const start = GrammarUtils.findNodeForKeyword(root, 'katalog')?.offset ?? 0;
    const header = commentLines(text.slice(0, start));
    let previous = GrammarUtils.findNodeForProperty(root, 'description')?.end ?? GrammarUtils.findNodeForKeyword(root, '{')?.end ?? start;
    const notes = catalogue.variables.map(variable => {
        const node = variable.$cstNode;
        if (!node) return [];
        const begin = GrammarUtils.findNodeForKeyword(node, 'variabel')?.offset ?? node.offset;
        const lines = commentLines(text.slice(previous, begin));
        previous = node.end;
        return lines;
    });
    return { header, notes };
}

function variableOf(variable: CatalogueVariable, note: readonly string[] = []): VariableEntry {
    return {
        id: variable.name,
        label: variable.label ?? '',
        valueSet: valueSetOf(variable.valueSet),
        national: variable.nationalStatistics,
        ...(variable.comment !== undefined ? { comment: variable.comment } : {}),
        ...(isProcessStep(variable.processStep) ? { processStep: variable.processStep } : {}),
        ...(variable.replaces !== undefined ? { replaces: variable.replaces } : {}),
        ...joined(note),
    };
}

/** The catalogue's data, independent of the AST. */
export function catalogueEntryOf(catalogue: Catalogue): CatalogueEntry {
    const comments = commentsOf(catalogue);
    return {
        name: catalogue.name,
        version: catalogue.version,
        ...(catalogue.title !== undefined ? { title: catalogue.title } : {}),
        ...(catalogue.published !== undefined ? { published: catalogue.published } : {}),
        ...(catalogue.description !== undefined ? { description: catalogue.description } : {}),
        ...(comments.header.length > 0 ? { header: comments.header.join('\n') } : {}),
        variables: catalogue.variables.map((variable, i) => variableOf(variable, comments.notes[i])),
    };
}

export interface LoadedCatalogue {
    /** Undefined when the text is not a catalogue at all. */
    readonly catalogue?: CatalogueEntry;
    readonly diagnostics: readonly Diagnostic[];
}

let services: SuServices | undefined;
/** One build at a time: `buildWorkspace` replaces the documents of the shared container. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Parses and validates `.sucat` text with the project's own services (the same checks as
 * `suplan check` and the editor), in the given message language.
 */
export function loadCatalogueText(text: string, file: string, language: Language): Promise<LoadedCatalogue> {
    const run = async (): Promise<LoadedCatalogue> => {
        services ??= createSuServices(EmptyFileSystem);
        services.sucat.catalogue.MessageLocale.language = language;
        const [loaded] = await buildWorkspace(services, [{ file, text }]);
        const root = loaded.document.parseResult.value;
        return { catalogue: isCatalogue(root) ? catalogueEntryOf(root) : undefined, diagnostics: loaded.diagnostics };
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
}
