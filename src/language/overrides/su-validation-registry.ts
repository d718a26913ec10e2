import { isOperationCancelled, ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { MessageLocale } from '../diagnostics/locale.js';
import { internalCheckMessage } from '../diagnostics/internal-check-error.js';

/**
 * Langium's validation registry, with an exception in a check reported in SU-plan's languages:
 * an error on the document's first line naming the checked node's type and the error's message
 * (Langium writes "An error occurred during validation: …" in English and logs the stack). The
 * concerns inside a check each have a guard of their own (runCheck), so this is the last resort.
 */
export class SuValidationRegistry extends ValidationRegistry {
    constructor(services: LangiumServices, private readonly locale: MessageLocale) {
        super(services);
    }

    protected override async handleException(functionality: () => MaybePromise<void>, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            accept('error', internalCheckMessage(node.$type, error, this.locale.language), { node, range: FIRST_LINE });
        }
    }
}

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
