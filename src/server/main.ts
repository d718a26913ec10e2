import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { readFileSync } from 'node:fs';
import { sourceRevision } from '../files/git-revision.js';
import { createSuServices } from '../language/suplan-services.js';
import { registerCatalogueDiscovery } from './catalogue-discovery.js';
import { publishDiagnosticsWithHelp } from './diagnostic-help.js';
import { registerSuRequests } from './requests.js';
import { SafeNodeFileSystem } from './safe-file-system.js';

/**
 * Over stdio the connection reads and writes through streams of our own, so that a message whose
 * body is not JSON gets JSON-RPC's parse-error response (−32700, with a null id as the request's
 * id cannot be read) and the server goes on with the next message.
 */
function stdioConnection(): Connection {
    const reader = new StreamMessageReader(process.stdin);
    const writer = new StreamMessageWriter(process.stdout);
    reader.onError(error => {
        if (!(error instanceof SyntaxError)) return;
        void writer.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: ${error.message}` } } as Parameters<typeof writer.write>[0]);
    });
    return createConnection(ProposedFeatures.all, reader, writer);
}

// A promise that fails without a handler must not end the server: a client may refuse a request
// (Emacs eglot answers an error to a file-watcher registration it cannot set up), and Node would
// otherwise exit on the unhandled rejection. It is logged, and the server goes on.
process.on('unhandledRejection', reason => {
    console.error('SU-plan: a request failed (ignored):', reason);
});

/**
 * The language server for `*.suplan` and `*.sucat` over stdio or IPC (whatever the client
 * chose). VS Code starts the bundled `dist/server.cjs`; Neovim and other LSP clients run
 * `node dist/server.cjs --stdio`.
 */
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const services = createSuServices({ connection, ...SafeNodeFileSystem });
registerSuRequests(connection, services, {
    revisionOf: sourceRevision,
    readText: file => {
        try {
            return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        } catch {
            return undefined;
        }
    },
});
publishDiagnosticsWithHelp(connection, services);
registerCatalogueDiscovery(services);
startLanguageServer(services.shared);
