import {
    AstUtils, Cancellation, DefaultIndexManager, interruptAndCheck, stream, UriUtils, type AstNode, type LangiumDocument, type ReferenceDescription,
    type Stream
} from 'langium';
import { isSuReferenceDescriptionProvider, type SuReferenceDescriptionProvider } from './su-reference-descriptions.js';

/** A document's entry in the reference index: its descriptions, or what computes them when first asked. */
interface ReferenceEntry {
    descriptions?: ReferenceDescription[];
    /** The distinct target URIs of the references into other documents, for `isAffected`. */
    externalTargets?: string[];
    pending?: { readonly document: LangiumDocument; readonly provider: SuReferenceDescriptionProvider };
}

/**
 * Langium's index manager with a lazy reference index. The descriptions of a document's references
 * only serve "find references", rename and `isAffected` (is a document linked to one that changed),
 * so the build phase `IndexedReferences` just records the document and the descriptions are
 * computed on the first such query. A document's references cannot change without the builder
 * calling `removeReferences` first (unlink, reparse, delete), which drops the entry.
 * Entries keep the default's order (`Map` insertion order), so results come in the same order.
 */
export class SuIndexManager extends DefaultIndexManager {
    private readonly references = new Map<string, ReferenceEntry>();

    override async updateReferences(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        const uri = document.uri.toString();
        if (isSuReferenceDescriptionProvider(provider)) {
            await interruptAndCheck(cancelToken);
            this.references.set(uri, { pending: { document, provider } });
        } else {
            this.references.set(uri, { descriptions: await provider.createDescriptions(document, cancelToken) });
        }
    }

    override removeReferences(uri: Parameters<DefaultIndexManager['removeReferences']>[0]): void {
        super.removeReferences(uri);
        this.references.delete(uri.toString());
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        const targetDocUri = AstUtils.getDocument(targetNode).uri;
        const result: ReferenceDescription[] = [];
        for (const entry of this.references.values()) {
            for (const description of descriptionsOf(entry)) {
                if (UriUtils.equals(description.targetUri, targetDocUri) && description.targetPath === astNodePath) result.push(description);
            }
        }
        return stream(result);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const entry = this.references.get(document.uri.toString());
        if (!entry) return false;
        entry.externalTargets ??= [...new Set(descriptionsOf(entry).filter(d => !d.local).map(d => d.targetUri.toString()))];
        return entry.externalTargets.some(uri => changedUris.has(uri));
    }
}

function descriptionsOf(entry: ReferenceEntry): ReferenceDescription[] {
    if (!entry.descriptions) {
        const pending = entry.pending;
        entry.descriptions = pending ? pending.provider.describe(pending.document) : [];
        entry.pending = undefined;
    }
    return entry.descriptions;
}
