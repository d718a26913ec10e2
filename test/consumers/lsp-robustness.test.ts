import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { exampleWorkspace, fileUri, positionAfter, removeTempDirs, StdioLspClient, unpackVsix, type Diagnostic, type TextEdit, applyEdits } from './editor-helpers.js';

/**
 * The packaged language server over stdio, as clients other than VS Code use it (Neovim, Emacs
 * eglot, Helix …): hostile files in the workspace, bodies that are not JSON, the clients' own
 * capabilities and formatting options, and catalogues found wherever the editor's root is.
 */

const PLAN = 'plans/08-bbic-samtal.suplan';

interface Hover { readonly contents: { readonly kind: string; readonly value: string } }
interface CompletionItem { readonly label: string; readonly sortText?: string }
interface Registration { readonly registrations: { readonly method: string }[] }

interface StartOptions {
    readonly root?: string | null;
    readonly capabilities?: Record<string, unknown>;
}

const clients: StdioLspClient[] = [];

async function start(cwd: string, options: StartOptions = {}): Promise<StdioLspClient> {
    const { server } = unpackVsix();
    const client = StdioLspClient.start(server, cwd);
    clients.push(client);
    const root = options.root === undefined ? cwd : options.root;
    await client.request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'suplan-robustness-test' },
        rootUri: root === null ? null : fileUri(root),
        workspaceFolders: root === null ? null : [{ uri: fileUri(root), name: path.basename(root) }],
        capabilities: options.capabilities ?? {
            workspace: { configuration: true, workspaceFolders: true },
            textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } } },
        },
    });
    client.notify('initialized', {});
    return client;
}

function open(client: StdioLspClient, file: string, text = readFileSync(file, 'utf8')): string {
    const uri = fileUri(file);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'suplan', version: 1, text } });
    return uri;
}

const errors = (diagnostics: Diagnostic[]): string[] => diagnostics.filter(d => d.severity === 1).map(d => `${String(d.code ?? '')} ${d.message}`);

afterEach(async () => {
    for (const client of clients.splice(0)) {
        expect(client.running, client.stderr).toBe(true);
        await client.stop();
    }
});
afterAll(() => removeTempDirs());

describe('the language server stays up for every file', () => {
    test('an 8 MB string, a FIFO and a link to /dev/zero in the workspace: the other plans are answered', async () => {
        const workspace = exampleWorkspace('suplan-lsp-hostile-');
        const longString = path.join(workspace, 'plans', 'lång-sträng.suplan');
        writeFileSync(longString, `plan "Lång" {\n    fråga "${'å'.repeat(4 * 1024 * 1024)}"\n}\n`);
        execFileSync('mkfifo', [path.join(workspace, 'plans', 'fifo.suplan')]);
        symlinkSync('/dev/zero', path.join(workspace, 'plans', 'noll.suplan'));
        const client = await start(workspace);
        const uri = open(client, path.join(workspace, PLAN));
        expect(errors(await client.waitForDiagnostics(uri, () => true, 120_000))).toEqual([]);
        const text = readFileSync(path.join(workspace, PLAN), 'utf8');
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAfter(text, 'använd bbic.samtal_') });
        expect(hover?.contents.value).toContain('Enskilda samtal med barnet');
        // The plan with the long string was indexed and checked: it has no purpose (SU003).
        const long = await client.waitForDiagnostics(fileUri(longString), d => d.length > 0, 120_000);
        expect(long.map(d => d.code)).toContain('SU003');
    }, 240_000);

    test('a body that is not JSON gets a −32700 parse error; the server goes on', async () => {
        const workspace = exampleWorkspace('suplan-lsp-json-');
        const client = await start(workspace);
        const uri = open(client, path.join(workspace, PLAN));
        await client.waitForDiagnostics(uri, () => true, 60_000);
        client.sendRaw('{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {');
        const deadline = Date.now() + 10_000;
        while (client.nullIdResponses.length === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
        expect(client.nullIdResponses.map(r => r.error?.code)).toEqual([-32700]);
        const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols.length).toBeGreaterThan(0);
    }, 120_000);
});

describe('clients other than VS Code', () => {
    test('no configuration registration when the client offers no dynamic registration for it (eglot); VS Code-like clients still get it', async () => {
        const workspace = exampleWorkspace('suplan-lsp-reg-');
        const eglot = await start(workspace);
        const uri = open(eglot, path.join(workspace, PLAN));
        await eglot.waitForDiagnostics(uri, () => true, 60_000);
        const methods = (client: StdioLspClient): string[] => client.registrations.flatMap(r => (r as Registration).registrations.map(x => x.method));
        expect(methods(eglot)).toEqual([]);
        const vscode = await start(workspace, { capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } } });
        const uri2 = open(vscode, path.join(workspace, PLAN));
        await vscode.waitForDiagnostics(uri2, () => true, 60_000);
        expect(methods(vscode).sort()).toEqual(['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    }, 180_000);

    test('formatting gives four spaces whatever the tab settings, and keeps CRLF line endings', async () => {
        const workspace = exampleWorkspace('suplan-lsp-format-');
        const lf = readFileSync(path.join(workspace, PLAN), 'utf8');
        const messy = lf.split('\n').map((line, i) => (line.trim() === '' ? line : ['\t', '  ', '', '\t\t'][i % 4] + line.trimStart())).join('\n');
        const crlfFile = path.join(workspace, 'plans', 'crlf.suplan');
        writeFileSync(crlfFile, messy.replace(/\n/g, '\r\n'));
        const client = await start(workspace);
        const uri = open(client, path.join(workspace, PLAN), messy);
        const crlfUri = open(client, crlfFile);
        const lfDiagnostics = await client.waitForDiagnostics(uri, () => true, 60_000);
        const crlfDiagnostics = await client.waitForDiagnostics(crlfUri, () => true, 60_000);
        // CRLF parses like LF: the same diagnostics at the same places.
        expect(crlfDiagnostics.map(d => [d.code, d.range])).toEqual(lfDiagnostics.map(d => [d.code, d.range]));
        for (const options of [{ tabSize: 8, insertSpaces: false }, { tabSize: 2, insertSpaces: true }]) {
            const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
            expect(applyEdits(messy, edits)).toBe(lf);
            const crlfEdits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: crlfUri }, options });
            expect(applyEdits(messy.replace(/\n/g, '\r\n'), crlfEdits)).toBe(lf.replace(/\n/g, '\r\n'));
        }
    }, 120_000);

    test('hover in plain text when the client asks for it first (eglot)', async () => {
        const workspace = exampleWorkspace('suplan-lsp-eglot-');
        const client = await start(workspace, {
            capabilities: {
                workspace: { configuration: true },
                textDocument: { hover: { contentFormat: ['plaintext', 'markdown'] }, completion: { completionItem: { snippetSupport: false } } },
            },
        });
        const file = path.join(workspace, PLAN);
        const text = readFileSync(file, 'utf8');
        const uri = open(client, file);
        await client.waitForDiagnostics(uri, () => true, 60_000);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAfter(text, 'använd bbic.samtal_') });
        expect(hover.contents.kind).toBe('plaintext');
        expect(hover.contents.value).not.toMatch(/\*\*|\\/);
        expect(hover.contents.value).toMatch(/^Enskilda samtal/);
    }, 120_000);

    test('completion after `bbic.sa` ranks the names that start with it first (sortText), as eglot shows them', async () => {
        const workspace = exampleWorkspace('suplan-lsp-rank-');
        const client = await start(workspace, {
            capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: false } } } },
        });
        const file = path.join(workspace, PLAN);
        const text = readFileSync(file, 'utf8');
        const uri = open(client, file);
        await client.waitForDiagnostics(uri, () => true, 60_000);
        // Type `bbic.sa` on a new line in the variables and ask for completion.
        const at = text.indexOf('        använd bbic.kön bakgrund');
        const typed = text.slice(0, at) + '        använd bbic.sa\n' + text.slice(at);
        client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: typed }] });
        const list = await client.request<{ items: CompletionItem[] } | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionAfter(typed, 'använd bbic.sa') });
        const items = (Array.isArray(list) ? list : list.items).filter(i => i.label.includes('.'));
        const ranked = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map(i => i.label);
        const prefixed = ranked.filter(label => /^bbic\.sa/.test(label));
        expect(prefixed).toContain('bbic.samtal_enskilt');
        expect(ranked.slice(0, prefixed.length).sort()).toEqual([...prefixed].sort());
    }, 120_000);
});

describe('catalogues are found as the CLI finds them', () => {
    /** A repository with the catalogues in `catalogues/` and the plans in `plans/`. */
    function repository(prefix: string): string {
        const workspace = exampleWorkspace(prefix);
        mkdirSync(path.join(workspace, '.git'));
        return workspace;
    }

    test.each([
        ['the editor\'s folder is a subfolder of the repository', (ws: string) => ({ cwd: path.join(ws, 'plans'), root: path.join(ws, 'plans') })],
        ['a single file is opened without a folder', (ws: string) => ({ cwd: ws, root: null })],
        ['Neovim\'s root is its current folder (a subfolder)', (ws: string) => ({ cwd: path.join(ws, 'plans'), root: path.join(ws, 'plans') })],
    ])('%s', async (_name, layout) => {
        const workspace = repository('suplan-lsp-find-');
        const { cwd, root } = layout(workspace);
        const client = await start(cwd, { root });
        const uri = open(client, path.join(workspace, PLAN));
        const diagnostics = await client.waitForDiagnostics(uri, d => !d.some(x => x.code === 'SU010'), 60_000).catch(() => client.diagnostics.get(uri)?.diagnostics ?? []);
        expect(errors(diagnostics)).toEqual([]);
    }, 120_000);

    test('without a repository, a single plan finds catalogues in its own folder\'s kataloger/', async () => {
        const workspace = exampleWorkspace('suplan-lsp-norepo-');
        renameSync(path.join(workspace, 'catalogues'), path.join(workspace, 'plans', 'kataloger'));
        const client = await start(workspace, { root: null });
        const uri = open(client, path.join(workspace, PLAN));
        const diagnostics = await client.waitForDiagnostics(uri, d => !d.some(x => x.code === 'SU010'), 60_000).catch(() => client.diagnostics.get(uri)?.diagnostics ?? []);
        expect(errors(diagnostics)).toEqual([]);
    }, 120_000);
});
