import {
    Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck, type LangiumDocument, type ReferenceDescription
} from 'langium';
import { forEachReference } from '../ast-walk.js';

/**
 * Langium's reference descriptions from a plain walk instead of `streamAst` with an await per node.
 * Same descriptions in the same order; `describe` is synchronous so that the index manager can
 * compute them when first asked (see `SuIndexManager`).
 */
export class SuReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        return this.describe(document);
    }

    /** The descriptions of every resolved reference in `document`, in document order. */
    describe(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        forEachReference(document.parseResult.value, info => {
            if (!info.reference.error) {
                for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
            }
        });
        return descriptions;
    }
}

export function isSuReferenceDescriptionProvider(provider: unknown): provider is SuReferenceDescriptionProvider {
    return provider instanceof SuReferenceDescriptionProvider;
}
