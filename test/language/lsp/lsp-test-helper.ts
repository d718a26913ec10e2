import { EmptyFileSystem, type LangiumDocument } from 'langium';
import type { Position, TextDocumentPositionParams } from 'vscode-languageserver';
import { createSuServices, type SuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace, type SourceText } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE } from '../validators/plan-validation-helper.js';

/**
 * A second plan on the test catalogue, beside the one a test is about: it names `test.samtal`
 * `enskilda` (with `som`) and uses `test.kön`, both in one analysis (lines 6, 7 and 10).
 */
export const PLAN_B = `plan "B" {
    syfte kontroll
    fråga "Hur ofta i B?"
    katalog test version "1"
    variabler {
        använd test.samtal som enskilda
        använd test.kön
    }
    analyser {
        b1: korstabell enskilda mot kön
    }
}
`;

/** One service container per test file, with the plan and catalogue sources built into one workspace. */
export class LspWorkspace {
    readonly services: SuServices = createSuServices(EmptyFileSystem);

    /** Builds the sources (replacing what an earlier call built) and returns their documents, by file. */
    async build(sources: readonly SourceText[]): Promise<Map<string, LangiumDocument>> {
        const loaded = await buildWorkspace(this.services, sources);
        return new Map(loaded.map(l => [l.file, l.document]));
    }

    /**
     * Builds plans (by file, e.g. `/ws/a.suplan`) with the test catalogue, or with `catalogues`,
     * and returns every document, by file.
     */
    async buildPlans(
        plans: Readonly<Record<string, string>>,
        catalogues: readonly SourceText[] = [TEST_CATALOGUE],
    ): Promise<Map<string, LangiumDocument>> {
        return this.build([...Object.entries(plans).map(([file, text]) => ({ file, text })), ...catalogues]);
    }
}

/** The messages of a document's errors (severity 1); `[]` when it parsed, linked and validated cleanly. */
export function errorMessages(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => (typeof d.message === 'string' ? d.message : d.message.value));
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

/** The request params (document and position) for a position inside the `occurrence`-th `snippet`, `within` characters in. */
export function positionParams(document: LangiumDocument, snippet: string, occurrence = 1, within = 1): TextDocumentPositionParams {
    return { textDocument: { uri: document.uri.toString() }, position: positionOf(document, snippet, occurrence, within) };
}

/** The text a range covers in a document. */
export function textAt(document: LangiumDocument, range: { start: Position; end: Position }): string {
    return document.textDocument.getText(range);
}
