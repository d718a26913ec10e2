import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, FILE_SELECTOR } from './client-options.js';
import { t } from './l10n.js';

/**
 * The Node language client: runs the bundled server `dist/server.cjs` in a child process over
 * IPC. Debug sessions (F5 from this repository) start it with the inspector on port 6009.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    return new LanguageClient('suplan', t('clientName'), serverOptions, clientOptions(FILE_SELECTOR, context));
}
