import { isOperationCancelled, type AstNode, type ValidationAcceptor } from 'langium';
import type { Language } from './codes.js';
import { messageTable } from '../../text/messages.js';

const say = messageTable({
    internalCheckError: {
        sv: 'Internt fel i SU-plans kontroll "{0}": {1}. Filens övriga kontroller har körts; rapportera gärna felet.',
        en: 'Internal error in SU-plan\'s check "{0}": {1}. The file\'s other checks ran; please report the error.',
    },
});

/** The message of a check that failed with an exception: the check's name and the error's message, never its stack. */
export function internalCheckMessage(check: string, error: unknown, language: Language): string {
    const detail = error instanceof Error ? error.message : String(error);
    return say(language, 'internalCheckError', check, detail.replace(/\s*\n\s*/g, ' ').trim());
}

/**
 * Runs one check of a document. An exception in it (a bug in SU-plan, not in the file) becomes an
 * error on the document's first line naming the check, in the message language, and the caller
 * goes on with the next check; a cancelled build is passed on.
 */
export function runCheck(check: string, work: () => void, root: AstNode, accept: ValidationAcceptor, language: Language): void {
    try {
        work();
    } catch (error) {
        if (isOperationCancelled(error)) throw error;
        accept('error', internalCheckMessage(check, error, language), { node: root, range: FIRST_LINE });
    }
}

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
