import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, type Connection } from 'vscode-languageserver/browser';
import { registerSuRequests } from './lsp/su-requests.js';
import { createSuServices } from './suplan-services.js';

/**
 * The language server in a web worker (VS Code for the Web; bundled to dist/web/server.js). The
 * worker has no file system: the workspace's plans and catalogues are read through the client
 * (src/extension/web/workspace-files.ts answers these requests from `vscode.workspace.fs`).
 */
const READ_FILE_REQUEST = 'suplan/readFile';
const READ_DIRECTORY_REQUEST = 'suplan/readDirectory';
const STAT_REQUEST = 'suplan/stat';

interface FileEntry {
    readonly uri: string;
    readonly isFile: boolean;
    readonly isDirectory: boolean;
}

/** Reads through the language client; a worker cannot block, so the synchronous reads fail. */
export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly connection: Connection) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const entry = await this.connection.sendRequest<FileEntry | null>(STAT_REQUEST, { uri: uri.toString() });
        if (!entry) throw new Error(`No such file: ${uri.toString()}`);
        return toNode(entry);
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.connection.sendRequest<FileEntry | null>(STAT_REQUEST, { uri: uri.toString() })) !== null;
    }

    async readFile(uri: URI): Promise<string> {
        return this.connection.sendRequest<string>(READ_FILE_REQUEST, { uri: uri.toString() });
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.connection.sendRequest<FileEntry[]>(READ_DIRECTORY_REQUEST, { uri: uri.toString() });
        return entries.map(toNode);
    }

    statSync(): FileSystemNode { return synchronous(); }
    existsSync(): boolean { return synchronous(); }
    readBinarySync(): Uint8Array { return synchronous(); }
    readFileSync(): string { return synchronous(); }
    readDirectorySync(): FileSystemNode[] { return synchronous(); }
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
startLanguageServer(services.shared);
