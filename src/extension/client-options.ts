import * as vscode from 'vscode';
import type { DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';

/** The languages the server serves; ids as in package.json `contributes.languages`. */
export const LANGUAGE_IDS = ['suplan', 'sucat'] as const;

/** Plans and catalogues on disk and not yet saved (desktop). */
export const FILE_SELECTOR: DocumentSelector = LANGUAGE_IDS.flatMap(language => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
]);

/** Any scheme: VS Code for the Web opens files from virtual file systems (`vscode-vfs`, …). */
export const ANY_SCHEME_SELECTOR: DocumentSelector = LANGUAGE_IDS.map(language => ({ language }));

/**
 * The client options both builds share: the `suplan` settings are pushed to the server on every
 * change, and the server hears about plans and catalogues that change on disk (a catalogue edited
 * outside the editor revalidates the plans that use it).
 */
export function clientOptions(documentSelector: DocumentSelector, context: vscode.ExtensionContext): LanguageClientOptions {
    const watchers = ['**/*.suplan', '**/*.sucat'].map(glob => vscode.workspace.createFileSystemWatcher(glob));
    context.subscriptions.push(...watchers);
    return {
        documentSelector,
        synchronize: {
            configurationSection: 'suplan',
            fileEvents: watchers,
        },
    };
}
