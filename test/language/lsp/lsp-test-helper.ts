import { EmptyFileSystem, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { createSuServices, type SuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace, type SourceText } from '../../../src/workspace/load.js';

/** One service container per test file, with the plan and catalogue sources built into one workspace. */
export class LspWorkspace {
    readonly services: SuServices = createSuServices(EmptyFileSystem);

    /** Builds the sources (replacing what an earlier call built) and returns their documents, by file. */
    async build(sources: readonly SourceText[]): Promise<Map<string, LangiumDocument>> {
        const loaded = await buildWorkspace(this.services, sources);
        return new Map(loaded.map(l => [l.file, l.document]));
    }
}

/** The offset of the `occurrence`-th (1-based) `snippet` in `text`, plus `within`; throws when it is not there. */
export function offsetOf(text: string, snippet: string, occurrence = 1, within = 0): number {
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
        at = text.indexOf(snippet, at + 1);
        if (at < 0) throw new Error(`"${snippet}" (occurrence ${occurrence}) is not in the text`);
    }
    return at + within;
}

/** The position inside the `occurrence`-th `snippet`, `within` characters in. */
export function positionOf(document: LangiumDocument, snippet: string, occurrence = 1, within = 1): Position {
    return document.textDocument.positionAt(offsetOf(document.textDocument.getText(), snippet, occurrence, within));
}

/** The text a range covers in a document. */
export function textAt(document: LangiumDocument, range: { start: Position; end: Position }): string {
    return document.textDocument.getText(range);
}
