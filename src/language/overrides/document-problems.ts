import type { Diagnostic } from 'vscode-languageserver-types';
import type { Language } from '../diagnostics/codes.js';
import { messageTable } from '../../text/messages.js';

const say = messageTable({
    internalError: {
        sv: 'Internt fel i SU-plan när filen bearbetades ({0}): {1}. Övriga filer kontrolleras som vanligt; rapportera gärna felet.',
        en: 'Internal error in SU-plan while processing this file ({0}): {1}. Other files are checked as usual; please report the error.',
    },
    parsing: { sv: 'tolkning', en: 'parsing' },
    indexing: { sv: 'indexering', en: 'indexing' },
    scopes: { sv: 'namnområden', en: 'scopes' },
    linking: { sv: 'länkning', en: 'linking' },
    references: { sv: 'referenser', en: 'references' },
    validation: { sv: 'validering', en: 'validation' },
});

export type BuildStep = 'parsing' | 'indexing' | 'scopes' | 'linking' | 'references' | 'validation';

/** A diagnostic on the first line of a document for something that went wrong inside the tools. */
export function internalErrorDiagnostic(step: BuildStep, error: unknown, language: Language): Diagnostic {
    return unreadDiagnostic(internalErrorMessage(step, error, language));
}

export function internalErrorMessage(step: BuildStep, error: unknown, language: Language): string {
    const detail = error instanceof Error ? error.message : String(error);
    return say(language, 'internalError', say(language, step), detail);
}

/**
 * Problems found while reading a file from disk in the language server (not a regular file, too
 * large, not UTF-8) or while parsing it, by document URI. The server's file system and the document
 * factory fill it; the document validator reports the entry on the document instead of its checks.
 * The CLI reports unreadable files itself.
 */
export const documentProblems = new Map<string, { readonly source: 'read' | 'parse'; readonly message: (language: Language) => string }>();

/** The diagnostic of a file that was not read, on its first line. */
export function unreadDiagnostic(message: string): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'suplan', message };
}
