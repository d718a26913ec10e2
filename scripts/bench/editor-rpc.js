// A minimal LSP client for the editor benchmarks: starts `node dist/server.cjs --stdio` and speaks
// JSON-RPC over its stdin/stdout (Content-Length framing, byte counts). Requests from the server
// are answered: `workspace/configuration` with the given `suplan` settings, everything else with null.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const HEADER_END = Buffer.from('\r\n\r\n');

export class LspClient {
    /**
     * @param {string} server path of the bundled server
     * @param {{ settings?: object, nodeArgs?: string[], cwd?: string }} options
     */
    constructor(server, options = {}) {
        this.settings = options.settings ?? { messageLanguage: 'sv', minCellSize: 5, cataloguePaths: [] };
        this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), server, '--stdio'], {
            stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd,
        });
        this.nextId = 1;
        /** @type {Map<number, { resolve: (v: unknown) => void, reject: (e: Error) => void }>} */
        this.pending = new Map();
        /** @type {((message: object, receivedAt: number) => void)[]} */
        this.listeners = [];
        this.buffer = Buffer.alloc(0);
        /** @type {Buffer[]} */
        this.chunks = [];
        this.received = 0;
        /** @type {number | undefined} bytes needed before the next message is complete */
        this.needed = undefined;
        this.stderr = '';
        this.exited = new Promise(resolve => this.child.on('exit', code => resolve(code)));
        this.child.stderr.on('data', chunk => { this.stderr += chunk.toString('utf8'); });
        this.child.stdout.on('data', chunk => this.receive(chunk));
    }

    receive(chunk) {
        const receivedAt = performance.now();
        // Large answers (a completion list of 10,000 items is about 3 MB) come in many chunks:
        // collect them and join once the announced length is there, not on every chunk.
        this.chunks.push(chunk);
        this.received += chunk.length;
        if (this.needed !== undefined && this.received < this.needed) return;
        this.buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.received);
        this.chunks = [];
        this.received = 0;
        this.needed = undefined;
        for (;;) {
            const headerEnd = this.buffer.indexOf(HEADER_END);
            if (headerEnd < 0) break;
            const header = this.buffer.subarray(0, headerEnd).toString('ascii');
            const match = /Content-Length: *(\d+)/i.exec(header);
            if (!match) throw new Error(`bad LSP header: ${header}`);
            const start = headerEnd + HEADER_END.length;
            const end = start + Number(match[1]);
            if (this.buffer.length < end) {
                this.needed = end;
                break;
            }
            const body = this.buffer.subarray(start, end).toString('utf8');
            this.buffer = this.buffer.subarray(end);
            this.dispatch(JSON.parse(body), receivedAt);
        }
        if (this.buffer.length) {
            this.chunks.push(this.buffer);
            this.received = this.buffer.length;
        }
    }

    dispatch(message, receivedAt) {
        if ('id' in message && !('method' in message)) {
            const waiter = this.pending.get(message.id);
            this.pending.delete(message.id);
            if (!waiter) return;
            if (message.error) waiter.reject(new Error(`${message.error.code}: ${message.error.message}`));
            else waiter.resolve({ result: message.result, receivedAt });
            return;
        }
        if ('id' in message) {
            // A request from the server.
            const result = message.method === 'workspace/configuration'
                ? (message.params?.items ?? []).map(item => (item.section === 'suplan' ? this.settings : null))
                : null;
            this.write({ jsonrpc: '2.0', id: message.id, result });
            return;
        }
        for (const listener of [...this.listeners]) listener(message, receivedAt);
    }

    write(message) {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.child.stdin.write(body);
    }

    notify(method, params) {
        this.write({ jsonrpc: '2.0', method, params });
    }

    /** Sends a request; resolves with `{ result, receivedAt }` (receivedAt: performance.now() when the answer's bytes arrived). */
    request(method, params) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.write({ jsonrpc: '2.0', id, method, params });
        });
    }

    /** Calls `listener` for every notification until it returns true; resolves with what it matched. */
    waitFor(predicate, timeoutMs, what) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.listeners = this.listeners.filter(l => l !== listener);
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.stderr.slice(-2000)}`));
            }, timeoutMs);
            const listener = (message, receivedAt) => {
                if (!predicate(message)) return;
                clearTimeout(timer);
                this.listeners = this.listeners.filter(l => l !== listener);
                resolve({ message, receivedAt });
            };
            this.listeners.push(listener);
        });
    }

    /** Waits for the publishDiagnostics of `uri`. */
    diagnosticsFor(uri, timeoutMs = 60_000) {
        return this.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, timeoutMs, `diagnostics of ${uri}`);
    }

    /** initialize + initialized with one workspace folder; the client supports configuration and watched files. */
    async initialize(rootUri) {
        const { result } = await this.request('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: 'bench' }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
                textDocument: {
                    synchronization: { didSave: true },
                    publishDiagnostics: { versionSupport: true },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
                },
            },
        });
        this.notify('initialized', {});
        return result;
    }

    async shutdown() {
        try {
            await Promise.race([this.request('shutdown', null), new Promise(resolve => setTimeout(resolve, 2000))]);
            this.notify('exit', null);
        } catch {
            // the server may already be gone
        }
        const killer = setTimeout(() => this.child.kill(), 3000);
        await this.exited;
        clearTimeout(killer);
    }
}
