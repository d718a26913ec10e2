import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, STAT_REQUEST, type FileEntry, type FileParams } from '../../protocol/requests.js';

/**
 * In VS Code for the Web the server runs in a worker without a file system. It asks the client
 * for the workspace's plans and catalogues through these requests (the server side is
 * src/server/main-browser.ts; names and types are in src/protocol/requests.ts), and the client
 * answers from `vscode.workspace.fs`, whatever file system the workspace lives on.
 */

/** Only plans and catalogues are handed to the server. */
const READABLE = /\.(suplan|sucat)$/;

export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable {
    const decoder = new TextDecoder();
    const subscriptions = [
        client.onRequest(READ_FILE_REQUEST, async (params: FileParams) => {
            const uri = vscode.Uri.parse(params.uri);
            if (!READABLE.test(uri.path)) throw new Error(`Not a plan or catalogue: ${params.uri}`);
            const open = vscode.workspace.textDocuments.find(document => document.uri.toString() === uri.toString());
            return open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
        }),
        client.onRequest(READ_DIRECTORY_REQUEST, async (params: FileParams): Promise<FileEntry[]> => {
            const folder = vscode.Uri.parse(params.uri);
            const entries = await vscode.workspace.fs.readDirectory(folder);
            return entries.map(([name, type]) => entry(vscode.Uri.joinPath(folder, name), type));
        }),
        client.onRequest(STAT_REQUEST, async (params: FileParams): Promise<FileEntry | null> => {
            const uri = vscode.Uri.parse(params.uri);
            try {
                return entry(uri, (await vscode.workspace.fs.stat(uri)).type);
            } catch {
                return null;
            }
        }),
    ];
    return vscode.Disposable.from(...subscriptions);
}

function entry(uri: vscode.Uri, type: vscode.FileType): FileEntry {
    return {
        uri: uri.toString(),
        isFile: (type & vscode.FileType.File) !== 0,
        isDirectory: (type & vscode.FileType.Directory) !== 0,
    };
}
