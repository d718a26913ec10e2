import { Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument, type ReferenceInfo } from 'langium';
import { forEachReference } from '../ast-walk.js';

/** How many references the linker resolves between two cancellation checks. */
const REFERENCES_PER_CHECK = 500;

/**
 * Langium's linker with a plain walk. The default walks `streamAst` and awaits `interruptAndCheck`
 * for every node, which costs more than the linking itself on large plans. This one lists the same
 * references in the same order (`forEachReference`), links each with `doLink` as the default does,
 * and checks for cancellation every few hundred references.
 */
export class SuLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const references: ReferenceInfo[] = [];
        forEachReference(document.parseResult.value, info => references.push(info));
        await interruptAndCheck(cancelToken);
        for (let i = 0; i < references.length; i++) {
            if (i > 0 && i % REFERENCES_PER_CHECK === 0) await interruptAndCheck(cancelToken);
            this.doLink(references[i], document);
        }
    }
}

/** Whether a document's references hold a linking error, remembered per `document.references` array and length. */
const linkingErrors = new WeakMap<LangiumDocument, { readonly references: readonly unknown[]; readonly length: number; readonly errors: boolean }>();

/**
 * `document.references.some(ref => ref.error !== undefined)`, which the document builder asks of
 * every document on every change, remembered until the document is relinked. A reference's error
 * only changes when the linker unlinks the document, which replaces `document.references`, and a
 * reference resolved later is appended to it; either way the remembered answer is recomputed.
 */
export function hasLinkingErrors(document: LangiumDocument): boolean {
    const references = document.references;
    const known = linkingErrors.get(document);
    if (known && known.references === references && known.length === references.length) return known.errors;
    const errors = references.some(reference => reference.error !== undefined);
    linkingErrors.set(document, { references, length: references.length, errors });
    return errors;
}
