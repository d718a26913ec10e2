import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Shared by the real-editor consumer tests (stdio LSP client, Neovim, code-server): the packaged
 * `.vsix` and the server inside it, a temporary copy of the examples, the code-server install,
 * and a small LSP client that speaks JSON-RPC over the server's stdin/stdout.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Whether this is a CI run (`CI=true`), where a missing consumer is a failure, never a skip. */
export const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Screenshots and other artefacts of the consumer tests (git-ignored). */
export const artefactDir = path.join(repoRoot, 'test-output');

const tempDirs: string[] = [];

/** A new empty temporary folder, removed by `removeTempDirs`. */
export function tempDir(prefix: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
}

/** Removes the temporary folders this test file made (call in `afterAll`, after stopping processes). */
export function removeTempDirs(): void {
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    unpacked = undefined;
}

// ---------------------------------------------------------------------------------- the .vsix

/** The path `npm run package` writes: `suplan-<version>.vsix` at the repository root. */
export function vsixPath(): string {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

export interface UnpackedVsix {
    readonly vsix: string;
    /** The folder the `.vsix` was unpacked into. */
    readonly root: string;
    /** `extension/` inside it: the installed extension's folder. */
    readonly extensionDir: string;
    /** The bundled language server from the package. */
    readonly server: string;
}

let unpacked: UnpackedVsix | undefined;

/**
 * Unpacks the packaged `.vsix` (a zip) with `unzip` into a temporary folder, once per test
 * file, and returns the server bundle inside it. Fails with a clear message when the package
 * is missing: the tests exercise what ships, not the source tree.
 */
export function unpackVsix(): UnpackedVsix {
    if (unpacked) return unpacked;
    const vsix = vsixPath();
    if (!existsSync(vsix)) {
        throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` first (scripts/test-all.sh does).`);
    }
    const root = tempDir('suplan-vsix-');
    execFileSync('unzip', ['-q', '-o', vsix, '-d', root], { stdio: 'pipe' });
    const extensionDir = path.join(root, 'extension');
    const server = path.join(extensionDir, 'dist', 'server.cjs');
    if (!existsSync(server)) throw new Error(`${path.basename(vsix)} holds no extension/dist/server.cjs`);
    unpacked = { vsix, root, extensionDir, server };
    return unpacked;
}

// ---------------------------------------------------------------------------- the workspace

/**
 * Copies `examples/` (the plans and the catalogues they use) into a new temporary folder and
 * returns that folder: the tests change files there, never in the repository.
 */
export function exampleWorkspace(prefix = 'suplan-ws-'): string {
    const dir = tempDir(prefix);
    cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
    return dir;
}

export function fileUri(file: string): string {
    return pathToFileURL(file).href;
}

/** The 0-based position just after the first occurrence of `needle` (after `skip` earlier ones). */
export function positionAfter(text: string, needle: string, skip = 0): { line: number; character: number } {
    let index = -1;
    for (let i = 0; i <= skip; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`"${needle}" not found (occurrence ${i + 1})`);
    }
    const before = text.slice(0, index + needle.length).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The 0-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string | RegExp): number {
    const line = text.split('\n').findIndex(l => typeof needle === 'string' ? l.includes(needle) : needle.test(l));
    if (line < 0) throw new Error(`no line matches ${String(needle)}`);
    return line;
}

// ----------------------------------------------------------------------------- code-server

/** Where scripts/consumers/install-code-server.sh keeps Node 24 and code-server. */
export function suplanCacheDir(): string {
    return process.env.SUPLAN_CACHE ?? path.join(os.homedir(), '.cache', 'suplan');
}

export interface CodeServerInstall {
    readonly nodeVersion: string;
    readonly codeServerVersion: string;
    readonly nodeDir: string;
    /** Node 24's `bin`: first on PATH for the code-server process only. */
    readonly nodeBinDir: string;
    readonly codeServerBin: string;
}

/**
 * The code-server install recorded by the install script in `<cache>/code-server.json`, or a
 * reason why it cannot be used.
 */
export function findCodeServer(): CodeServerInstall | string {
    const manifest = path.join(suplanCacheDir(), 'code-server.json');
    if (!existsSync(manifest)) return `no code-server install in ${suplanCacheDir()}: run scripts/consumers/install-code-server.sh`;
    const install = JSON.parse(readFileSync(manifest, 'utf8')) as CodeServerInstall;
    for (const file of [install.codeServerBin, path.join(install.nodeBinDir, 'node')]) {
        if (!existsSync(file)) return `${file} is missing: run scripts/consumers/install-code-server.sh again`;
    }
    return install;
}

/** The environment for code-server: Node 24 first on PATH and its headers as nodedir, nothing else changed. */
export function codeServerEnv(install: CodeServerInstall, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
        ...process.env,
        PATH: `${install.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: install.nodeDir,
        ...extra,
    };
}

/** Whether an executable exists (absolute path, or found on PATH). */
export function hasExecutable(name: string): boolean {
    if (path.isAbsolute(name)) return existsSync(name) && statSync(name).isFile();
    return (process.env.PATH ?? '').split(path.delimiter).some(dir => dir !== '' && existsSync(path.join(dir, name)));
}

/**
 * A consumer that is not installed: under CI a failure, elsewhere a failure too unless
 * SUPLAN_SKIP_MISSING_CONSUMERS=1 asks to skip (the reason is printed either way).
 * Returns the reason to skip, or undefined when the consumer is there.
 */
export function missingConsumer(reason: string | undefined): string | undefined {
    if (reason === undefined) return undefined;
    if (inCi || process.env.SUPLAN_SKIP_MISSING_CONSUMERS !== '1') {
        throw new Error(`real-consumer test cannot run: ${reason}`);
    }
    console.warn(`skipped: ${reason}`);
    return reason;
}

// ------------------------------------------------------------------------- LSP over stdio

export interface Position { readonly line: number; readonly character: number }
export interface Range { readonly start: Position; readonly end: Position }
export interface Diagnostic {
    readonly range: Range;
    readonly message: string;
    readonly code?: string | number;
    readonly severity?: number;
    readonly source?: string;
}
export interface PublishDiagnosticsParams { readonly uri: string; readonly version?: number; readonly diagnostics: Diagnostic[] }
export interface TextEdit { readonly range: Range; readonly newText: string }

interface Message {
    readonly jsonrpc: '2.0';
    readonly id?: number | string | null;
    readonly method?: string;
    readonly params?: unknown;
    readonly result?: unknown;
    readonly error?: { readonly code: number; readonly message: string };
}

type Waiter = { readonly test: (params: PublishDiagnosticsParams) => boolean; readonly resolve: (params: PublishDiagnosticsParams) => void };

/**
 * A minimal LSP client: `Content-Length` framing over the child's stdio, requests with ids,
 * answers to the server's own requests (`workspace/configuration` from the current settings,
 * `client/registerCapability` and progress creation with null), and the latest diagnostics per
 * document. Written by hand on purpose: it checks the wire format without the server's own library.
 */
export class StdioLspClient {
    private nextId = 1;
    private buffer = Buffer.alloc(0);
    private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
    private waiters: Waiter[] = [];
    readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    readonly serverRequests: string[] = [];
    readonly registrations: unknown[] = [];
    /** Responses with a null id: errors about messages the server could not read. */
    readonly nullIdResponses: Message[] = [];
    stderr = '';
    /** The client's settings, answered to `workspace/configuration` by section (`suplan`, `suplan.messageLanguage`). */
    settings: Record<string, unknown> = {};
    private exited: Promise<number | null>;

    private constructor(private readonly child: ChildProcessWithoutNullStreams) {
        child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
        child.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
        this.exited = new Promise(resolve => child.on('exit', code => {
            for (const { reject, method } of this.pending.values()) reject(new Error(`server exited (${code}) before answering ${method}\n${this.stderr}`));
            this.pending.clear();
            resolve(code);
        }));
    }

    /** Starts `node <server> --stdio` with the Node running the tests (Node 20). */
    static start(server: string, cwd: string): StdioLspClient {
        const child = spawn(process.execPath, [server, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        return new StdioLspClient(child);
    }

    private send(message: Message): void {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        this.child.stdin.write(body);
    }

    /** Sends a message body as it is, with a correct header (for bodies that are not JSON). */
    sendRaw(body: string): void {
        const bytes = Buffer.from(body, 'utf8');
        this.child.stdin.write(`Content-Length: ${bytes.length}\r\n\r\n`);
        this.child.stdin.write(bytes);
    }

    /** Whether the server process is still running. */
    get running(): boolean {
        return this.child.exitCode === null && this.child.signalCode === null;
    }

    request<T>(method: string, params: unknown): Promise<T> {
        const id = this.nextId++;
        return new Promise<T>((resolve, reject) => {
            this.pending.set(id, { resolve: v => resolve(v as T), reject, method });
            this.send({ jsonrpc: '2.0', id, method, params });
        });
    }

    notify(method: string, params: unknown): void {
        this.send({ jsonrpc: '2.0', method, params });
    }

    private receive(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const header = this.buffer.subarray(0, headerEnd).toString('ascii');
            const match = /Content-Length: *(\d+)/i.exec(header);
            if (!match) throw new Error(`LSP header without Content-Length: ${header}`);
            const length = Number(match[1]);
            if (this.buffer.length < headerEnd + 4 + length) return;
            const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            this.dispatch(JSON.parse(body) as Message);
        }
    }

    private dispatch(message: Message): void {
        if (message.method !== undefined && message.id !== undefined && message.id !== null) {
            this.serverRequests.push(message.method);
            this.send({ jsonrpc: '2.0', id: message.id, result: this.answer(message.method, message.params) });
        } else if (message.method !== undefined) {
            if (message.method === 'textDocument/publishDiagnostics') {
                const params = message.params as PublishDiagnosticsParams;
                this.diagnostics.set(params.uri, params);
                const ready = this.waiters.filter(w => w.test(params));
                this.waiters = this.waiters.filter(w => !ready.includes(w));
                for (const waiter of ready) waiter.resolve(params);
            }
        } else if (message.id === null) {
            this.nullIdResponses.push(message);
        } else if (typeof message.id === 'number') {
            const pending = this.pending.get(message.id);
            if (!pending) return;
            this.pending.delete(message.id);
            if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
            else pending.resolve(message.result ?? null);
        }
    }

    private answer(method: string, params: unknown): unknown {
        switch (method) {
            case 'workspace/configuration': {
                const items = (params as { items: { section?: string }[] }).items;
                return items.map(item => this.section(item.section));
            }
            case 'client/registerCapability':
                this.registrations.push(params);
                return null;
            default:
                return null;
        }
    }

    private section(name: string | undefined): unknown {
        if (name === undefined) return this.settings;
        let value: unknown = this.settings;
        for (const part of name.split('.')) {
            value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
        }
        return value ?? null;
    }

    /**
     * The next diagnostics published for `uri` that satisfy `test` (or the latest ones, if they
     * already do and `fresh` is false). Rejects after `timeoutMs` with what was last seen.
     */
    waitForDiagnostics(uri: string, test: (d: Diagnostic[]) => boolean, timeoutMs = 30_000, fresh = false): Promise<Diagnostic[]> {
        const latest = this.diagnostics.get(uri);
        if (!fresh && latest && test(latest.diagnostics)) return Promise.resolve(latest.diagnostics);
        return new Promise<Diagnostic[]>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiters = this.waiters.filter(w => w !== waiter);
                reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics)}\n${this.stderr}`));
            }, timeoutMs);
            const waiter: Waiter = {
                test: params => params.uri === uri && test(params.diagnostics),
                resolve: params => { clearTimeout(timer); resolve(params.diagnostics); },
            };
            this.waiters.push(waiter);
        });
    }

    /** `shutdown`, `exit`, and the exit code (kills the process if it does not exit in time). */
    async stop(): Promise<number | null> {
        if (this.child.exitCode !== null) return this.child.exitCode;
        try {
            await Promise.race([this.request('shutdown', null), new Promise(resolve => setTimeout(resolve, 5000))]);
            this.notify('exit', null);
        } catch { /* already gone */ }
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
        const code = await this.exited;
        clearTimeout(timer);
        return code;
    }
}

/** Applies LSP text edits (0-based, UTF-16 columns) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offset = (p: Position): number => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start) || offset(b.range.end) - offset(a.range.end));
    let result = text;
    for (const edit of sorted) {
        result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
    }
    return result;
}

/** Makes sure a folder exists and returns it. */
export function ensureDir(dir: string): string {
    mkdirSync(dir, { recursive: true });
    return dir;
}
