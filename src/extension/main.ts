import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client.js';
import { registerFeatures } from './features.js';

/**
 * The desktop extension (`main` in package.json, bundled to dist/extension.cjs): the language
 * client for plans and catalogues, and the commands New plan, Generate… and Preview plan.
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    registerFeatures(context, client);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
