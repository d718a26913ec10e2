import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, type Connection } from 'vscode-languageserver/browser';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, STAT_REQUEST, type FileEntry, type FileParams } from '../protocol/requests.js';
import { publishDiagnosticsWithHelp } from './diagnostic-help.js';
import { registerSuRequests } from './requests.js';
import { createSuServices } from '../language/suplan-services.js';

/**
 * The language server in a web worker (VS Code for the Web; bundled to dist/web/server.js). The
 * worker has no file system: the workspace's plans and catalogues are read through the client
 * (src/extension/web/workspace-files.ts answers these requests from `vscode.workspace.fs`; both
 * sides take their names and types from src/protocol/requests.ts).
 */

/** Reads through the language client; a worker cannot block, so the synchronous reads fail. */
export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly connection: Connection) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const entry = await this.connection.sendRequest<FileEntry | null>(STAT_REQUEST, params(uri));
        if (!entry) throw new Error(`No such file: ${uri.toString()}`);
        return toNode(entry);
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.connection.sendRequest<FileEntry | null>(STAT_REQUEST, params(uri))) !== null;
    }

    async readFile(uri: URI): Promise<string> {
        return this.connection.sendRequest<string>(READ_FILE_REQUEST, params(uri));
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.connection.sendRequest<FileEntry[]>(READ_DIRECTORY_REQUEST, params(uri));
        return entries.map(toNode);
    }

    statSync(): FileSystemNode { return synchronous(); }
    existsSync(): boolean { return synchronous(); }
    readBinarySync(): Uint8Array { return synchronous(); }
    readFileSync(): string { return synchronous(); }
    readDirectorySync(): FileSystemNode[] { return synchronous(); }
}

function params(uri: URI): FileParams {
    return { uri: uri.toString() };
}

function toNode(entry: FileEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory };
}

function synchronous(): never {
    throw new Error('Synchronous file access is not available in a web worker.');
}

// The worker's global scope is both the message source and the target.
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const services = createSuServices({ connection, fileSystemProvider: () => new ClientFileSystemProvider(connection) });
registerSuRequests(connection, services);
publishDiagnosticsWithHelp(connection, services);
startLanguageServer(services.shared);
