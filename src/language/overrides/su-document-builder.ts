import { DefaultDocumentBuilder, DocumentState, isOperationCancelled, type Cancellation, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { MessageLocale } from '../diagnostics/locale.js';
import { internalErrorDiagnostic, type BuildStep } from './document-problems.js';
import { hasLinkingErrors } from './su-linker.js';

const STEPS: Partial<Record<DocumentState, BuildStep>> = {
    [DocumentState.Parsed]: 'parsing',
    [DocumentState.IndexedContent]: 'indexing',
    [DocumentState.ComputedScopes]: 'scopes',
    [DocumentState.Linked]: 'linking',
    [DocumentState.IndexedReferences]: 'references',
    [DocumentState.Validated]: 'validation',
};

/**
 * Langium's document builder, with two changes:
 *
 * - an internal error while one document is built (parsed, indexed, linked, validated) is reported
 *   on that document as a diagnostic and logged, and the build goes on with the other documents;
 *   Langium's own builder stops the whole build, so one bad file would stop the server for all;
 * - "does this document have linking errors" (asked on every change, of every other document in
 *   the workspace) comes from a remembered answer instead of a scan of all its references each
 *   time: about 2–3 ms per keystroke in a workspace of 200 plans.
 */
export class SuDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedServices, private readonly locale?: MessageLocale) {
        super(services);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return hasLinkingErrors(document) || this.indexManager.isAffected(document, changedUris);
    }

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => void | Promise<void>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, async document => {
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                console.error(`SU-plan: internal error in ${document.uri.toString()}:`, error);
                const diagnostic = internalErrorDiagnostic(STEPS[targetState] ?? 'validation', error, this.locale?.language ?? 'sv');
                document.diagnostics = [...(document.diagnostics ?? []), diagnostic];
            }
        });
    }
}
