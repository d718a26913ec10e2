import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SuCoreServices } from '../language/su-core-services.js';

export interface LoadedDocument {
    /** Absolute path on disk. */
    readonly file: string;
    readonly document: LangiumDocument;
    readonly diagnostics: readonly Diagnostic[];
}

export interface SourceText {
    readonly file: string;
    readonly text: string;
}

/** Reads files as UTF-8 (a BOM is dropped). Throws the fs error for a missing or unreadable file. */
export function readSources(files: readonly string[]): SourceText[] {
    return files.map(file => ({ file: path.resolve(file), text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '') }));
}

/**
 * Builds catalogues and plans together in one workspace and validates them. Documents already
 * in the workspace from an earlier call are removed first, so one service container can be reused.
 */
export async function buildWorkspace(services: SuCoreServices, sources: readonly SourceText[]): Promise<LoadedDocument[]> {
    const workspace = services.shared.workspace;
    for (const existing of workspace.LangiumDocuments.all.toArray()) {
        workspace.LangiumDocuments.deleteDocument(existing.uri);
    }
    const documents = sources.map(source => {
        const document = workspace.LangiumDocumentFactory.fromString(source.text, URI.file(source.file));
        workspace.LangiumDocuments.addDocument(document);
        return { file: source.file, document };
    });
    await workspace.DocumentBuilder.build(documents.map(d => d.document), { validation: true });
    return documents.map(d => ({ ...d, diagnostics: d.document.diagnostics ?? [] }));
}
