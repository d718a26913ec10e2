import { TextDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SuServices } from '../language/suplan-services.js';
import { buildWorkspace, type SourceText } from './load.js';

/** A file after formatting: its text in the house style, or the syntax errors that kept it as it was. */
export interface FormattedSource {
    readonly file: string;
    /** The text as read. */
    readonly text: string;
    /** The formatted text; equal to `text` when nothing changes; undefined when the file has syntax errors. */
    readonly formatted?: string;
    /** Syntax errors (SU001): a file with any is not formatted. */
    readonly syntaxErrors: readonly Diagnostic[];
}

/**
 * Formats plans and catalogues with the editor's formatter (src/language/lsp/su-formatter.ts):
 * four spaces per level whatever the tab settings, comments and line endings kept. The files are
 * built together (so the syntax errors come with SU-plan's messages in the services' language);
 * a file with a syntax error is left as it is, like the editor does.
 */
export async function formatSources(services: SuServices, sources: readonly SourceText[]): Promise<FormattedSource[]> {
    const loaded = await buildWorkspace(services, sources);
    const results: FormattedSource[] = [];
    for (const [index, { document, diagnostics }] of loaded.entries()) {
        const text = sources[index].text;
        const file = sources[index].file;
        const syntaxErrors = diagnostics.filter(d => d.code === 'SU001');
        if (syntaxErrors.length > 0) {
            results.push({ file, text, syntaxErrors });
            continue;
        }
        const language = document.uri.path.endsWith('.sucat') ? services.sucat : services.suplan;
        const formatter = language.lsp.Formatter;
        if (!formatter) throw new Error('no formatter');
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(TextDocument.create(document.uri.toString(), language.LanguageMetaData.languageId, 1, text), edits);
        results.push({ file, text, formatted, syntaxErrors });
    }
    return results;
}
