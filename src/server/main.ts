import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createSuServices } from '../language/suplan-services.js';
import { registerSuRequests } from './requests.js';

/**
 * The language server for `*.suplan` and `*.sucat` over stdio or IPC (whatever the client
 * chose). VS Code starts the bundled `dist/server.cjs`; Neovim and other LSP clients run
 * `node dist/server.cjs --stdio`.
 */
const connection = createConnection(ProposedFeatures.all);
const services = createSuServices({ connection, ...NodeFileSystem });
registerSuRequests(connection, services);
startLanguageServer(services.shared);
