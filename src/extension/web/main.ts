import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { ANY_SCHEME_SELECTOR, clientOptions } from '../client-options.js';
import { registerFeatures } from '../features.js';
import { t } from '../l10n.js';
import { serveWorkspaceFiles } from './workspace-files.js';

/**
 * The web extension (`browser` in package.json, bundled to dist/web/extension.cjs) for VS Code
 * for the Web: the same client and commands as on the desktop, with the language server
 * (dist/web/server.js) in a web worker that reads the workspace through the client.
 */
let client: LanguageClient | undefined;

/** The worker constructor of the extension host (a web worker itself). */
interface WorkerConstructor {
    new (url: string, options?: { name?: string }): ConstructorParameters<typeof LanguageClient>[2];
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
    const worker = new Worker(serverMain.toString(true), { name: 'SU-plan language server' });
    client = new LanguageClient('suplan', t('clientName'), worker, clientOptions(ANY_SCHEME_SELECTOR, context));
    context.subscriptions.push(serveWorkspaceFiles(client));
    registerFeatures(context, client);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
