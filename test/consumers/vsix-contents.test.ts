import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CODES } from '../../src/language/diagnostics/codes.js';

/**
 * The packaged extension, read from the `.vsix` that `npm run package` wrote (never from the
 * source tree, so a file the `.vscodeignore` whitelist leaves out shows up here). Debian `unzip`
 * lists and extracts it; the bundled server is started from the extracted copy.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const vsixPath = path.join(repoRoot, `suplan-${version}.vsix`);

/** The part of a manifest's `contributes` this test reads. */
interface Manifest {
    readonly version: string;
    readonly main: string;
    readonly browser: string;
    readonly contributes: {
        readonly languages: ReadonlyArray<{ id: string; extensions: string[]; aliases: string[]; configuration: string }>;
        readonly grammars: ReadonlyArray<{ language: string; scopeName: string; path: string }>;
        readonly commands: ReadonlyArray<{ command: string; title: string }>;
        readonly configuration: { readonly properties: Record<string, Record<string, unknown>> };
        readonly configurationDefaults?: Record<string, Record<string, unknown>>;
    };
}

let names: string[] = [];

function requireVsix(): void {
    if (!existsSync(vsixPath)) {
        throw new Error(`${path.basename(vsixPath)} is missing: run \`npm run package\` first (it writes the .vsix this test reads).`);
    }
}

function read(name: string): string {
    return execFileSync('unzip', ['-p', vsixPath, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function readJson<T>(name: string): T {
    return JSON.parse(read(name)) as T;
}

/** `./dist/x.cjs` in package.json → `extension/dist/x.cjs` in the archive. */
function inVsix(relative: string): string {
    return path.posix.join('extension', relative);
}

/** Every `%key%` placeholder anywhere in the manifest. */
function nlsKeys(value: unknown, keys = new Set<string>()): Set<string> {
    if (typeof value === 'string') {
        const match = /^%(.+)%$/.exec(value);
        if (match) keys.add(match[1]);
    } else if (Array.isArray(value)) {
        for (const item of value) nlsKeys(item, keys);
    } else if (typeof value === 'object' && value !== null) {
        for (const item of Object.values(value)) nlsKeys(item, keys);
    }
    return keys;
}

describe('the packaged .vsix', () => {
    // Read lazily in each test (not in beforeAll): a missing .vsix then fails every test with
    // the message below instead of leaving them skipped.
    let manifest: Manifest;
    let rawManifest: unknown;

    beforeEach(() => {
        requireVsix();
        if (names.length > 0) return;
        names = execFileSync('unzip', ['-Z1', vsixPath], { encoding: 'utf8' }).split('\n').filter(Boolean);
        rawManifest = readJson<unknown>('extension/package.json');
        manifest = rawManifest as Manifest;
    });

    test('is the current version', () => {
        expect(manifest.version).toBe(version);
    });

    test('holds the bundles, both grammars, the language configuration, the nls files, README, CHANGELOG and LICENSE', () => {
        for (const file of [
            'extension/dist/server.cjs', 'extension/dist/extension.cjs',
            'extension/dist/web/server.js', 'extension/dist/web/extension.cjs',
            'extension/syntaxes/suplan.tmLanguage.json', 'extension/syntaxes/sucat.tmLanguage.json',
            'extension/language-configuration.json',
            'extension/package.nls.json', 'extension/package.nls.sv.json',
            'extension/package.json',
        ]) {
            expect(names, file).toContain(file);
        }
        expect(names.some(name => /^extension\/readme\.md$/i.test(name))).toBe(true);
        expect(names.some(name => /^extension\/LICENSE(\.txt)?$/i.test(name))).toBe(true);
        // The marketplace's Changelog tab; the same CHANGELOG.md gives the release notes (npm run release).
        expect(names.some(name => /^extension\/changelog\.md$/i.test(name))).toBe(true);
    });

    test('holds nothing but what the extension runs (whitelist): no sources, tests or node_modules', () => {
        const allowed = [
            /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
            /^extension\/dist\/(server|extension)\.cjs$/, /^extension\/dist\/web\/(server\.js|extension\.cjs)$/,
            /^extension\/syntaxes\/[a-z]+\.tmLanguage\.json$/, /^extension\/language-configuration[\w.-]*\.json$/,
            /^extension\/snippets\/[\w.-]+\.json$/, /^extension\/images\/[\w.-]+$/,
            /^extension\/package(\.nls(\.[a-z-]+)?)?\.json$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/LICENSE(\.txt)?$/i,
        ];
        const unexpected = names.filter(name => !name.endsWith('/') && !allowed.some(pattern => pattern.test(name)));
        expect(unexpected).toEqual([]);
    });

    test('main and browser point to bundles in the .vsix', () => {
        expect(names).toContain(inVsix(manifest.main));
        expect(names).toContain(inVsix(manifest.browser));
        expect(manifest.main).toMatch(/\.cjs$/);
    });

    test('contributes both languages with their files, grammars and language configuration', () => {
        const languages = new Map(manifest.contributes.languages.map(language => [language.id, language]));
        expect(languages.get('suplan')?.extensions).toEqual(['.suplan']);
        expect(languages.get('sucat')?.extensions).toEqual(['.sucat']);
        for (const language of languages.values()) {
            expect(language.aliases.length).toBeGreaterThan(0);
            expect(names, language.configuration).toContain(inVsix(language.configuration));
        }
        for (const id of ['suplan', 'sucat']) {
            const grammar = manifest.contributes.grammars.find(g => g.language === id);
            expect(grammar, `grammar for ${id}`).toBeDefined();
            expect(names).toContain(inVsix(grammar!.path));
            // The scope the manifest names is the scope the grammar file declares.
            const file = readJson<{ scopeName: string; patterns: unknown[] }>(inVsix(grammar!.path));
            expect(file.scopeName).toBe(grammar!.scopeName);
            expect(file.patterns.length).toBeGreaterThan(0);
        }
    });

    test('the language configuration knows comments, brackets, quotes and qualified Swedish names', () => {
        const configuration = readJson<{
            comments: { lineComment: string; blockComment: [string, string] };
            brackets: Array<[string, string]>;
            autoClosingPairs: Array<{ open: string; close: string }>;
            surroundingPairs: Array<[string, string]>;
            wordPattern: string;
            indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
        }>('extension/language-configuration.json');
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual(expect.arrayContaining([['{', '}'], ['[', ']'], ['(', ')']]));
        expect(configuration.autoClosingPairs.map(pair => pair.open + pair.close)).toEqual(expect.arrayContaining(['{}', '[]', '()', '""']));
        expect(configuration.surroundingPairs).toEqual(expect.arrayContaining([['"', '"']]));
        const words = '    använd bbic.samtal_enskilt vid före, efter // målgrad'.match(new RegExp(configuration.wordPattern, 'gu'));
        expect(words).toEqual(['använd', 'bbic.samtal_enskilt', 'vid', 'före', 'efter', 'målgrad']);
        const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
        expect(increase.test('    målgrupp {')).toBe(true);
        expect(increase.test('    lokal a "A" : skala { 1 "x" 2 "y" }')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
    });

    test('contributes the three commands and the four settings', () => {
        expect(manifest.contributes.commands.map(c => c.command).sort()).toEqual(['suplan.generate', 'suplan.newPlan', 'suplan.preview']);
        const properties = manifest.contributes.configuration.properties;
        expect(Object.keys(properties).sort()).toEqual(['suplan.cataloguePaths', 'suplan.incrementalParsing', 'suplan.messageLanguage', 'suplan.minCellSize']);
        expect(properties['suplan.messageLanguage']).toMatchObject({ type: 'string', enum: ['sv', 'en'], default: 'sv' });
        expect(properties['suplan.cataloguePaths']).toMatchObject({ type: 'array', items: { type: 'string' }, default: [] });
        expect(properties['suplan.minCellSize']).toMatchObject({ type: 'integer', minimum: 1, default: 5 });
        expect(properties['suplan.incrementalParsing']).toMatchObject({ type: 'boolean', default: true });
        for (const property of Object.values(properties)) expect(property.description).toMatch(/^%.+%$/);
    });

    test('turns off ambiguous-character highlighting in plans and catalogues (the en dash in `1–3 år`)', () => {
        const defaults = manifest.contributes.configurationDefaults;
        for (const language of ['[suplan]', '[sucat]']) {
            expect(defaults?.[language], language).toMatchObject({ 'editor.unicodeHighlight.ambiguousCharacters': false });
        }
    });

    test('every nls key the manifest uses exists in English and Swedish, with Swedish command titles', () => {
        const english = readJson<Record<string, string>>('extension/package.nls.json');
        const swedish = readJson<Record<string, string>>('extension/package.nls.sv.json');
        const used = [...nlsKeys(rawManifest)];
        expect(used.length).toBeGreaterThanOrEqual(6);
        for (const key of used) {
            expect(english[key], `package.nls.json: ${key}`).toEqual(expect.any(String));
            expect(swedish[key], `package.nls.sv.json: ${key}`).toEqual(expect.any(String));
        }
        expect(Object.keys(swedish).sort()).toEqual(Object.keys(english).sort());
        const title = (id: string, table: Record<string, string>): string => {
            const command = manifest.contributes.commands.find(c => c.command === id);
            return table[command!.title.slice(1, -1)];
        };
        expect([title('suplan.newPlan', swedish), title('suplan.generate', swedish), title('suplan.preview', swedish)])
            .toEqual(['Ny plan', 'Generera…', 'Förhandsgranska plan']);
        expect([title('suplan.newPlan', english), title('suplan.generate', english), title('suplan.preview', english)])
            .toEqual(['New plan', 'Generate…', 'Preview plan']);
    });

    test('the Node bundles stay within 1.5 MB together; the web extension needs nothing but vscode', () => {
        const size = (name: string): number => Number(/^\s*(\d+)/.exec(execFileSync('unzip', ['-l', vsixPath, name], { encoding: 'utf8' })
            .split('\n')[3])?.[1]);
        const node = size('extension/dist/server.cjs') + size('extension/dist/extension.cjs');
        expect(node).toBeGreaterThan(100_000);
        expect(node).toBeLessThanOrEqual(1.5 * 1024 * 1024);
        const required = new Set([...read('extension/dist/web/extension.cjs').matchAll(/require\("([^"]+)"\)/g)].map(m => m[1]));
        expect([...required]).toEqual(['vscode']);
        expect(read('extension/dist/web/server.js')).not.toMatch(/require\("node:/);
    });
});

describe('the bundled server in the .vsix', () => {
    let dir: string;
    let server: ChildProcessWithoutNullStreams | undefined;

    beforeAll(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'suplan-vsix-'));
    });

    afterAll(() => {
        if (server && server.exitCode === null) server.kill();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('answers initialize over stdio with the editor capabilities', async () => {
        requireVsix();
        execFileSync('unzip', ['-q', '-o', vsixPath, '-d', dir]);
        const child = spawn(process.execPath, [path.join(dir, 'extension', 'dist', 'server.cjs'), '--stdio'], { cwd: dir });
        server = child;
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        const messages = jsonRpcMessages(child);
        send(child, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } });
        const response = await waitFor(messages, message => message.id === 1, () => stderr);
        const capabilities = (response.result as { capabilities: Record<string, unknown> }).capabilities;
        expect(capabilities.completionProvider).toBeTruthy();
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.definitionProvider).toBeTruthy();
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.semanticTokensProvider).toMatchObject({ legend: { tokenTypes: expect.any(Array) } });
        send(child, { jsonrpc: '2.0', id: 2, method: 'shutdown' });
        await waitFor(messages, message => message.id === 2, () => stderr);
        const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
        send(child, { jsonrpc: '2.0', method: 'exit' });
        expect(await exited).toBe(0);
    }, 60_000);
});

/**
 * The browser side of the web test: starts the server worker, answers the server's requests the
 * way the web extension does (settings, and the workspace's files through `suplan/readDirectory`,
 * `suplan/readFile`, `suplan/stat`, see src/extension/web/workspace-files.ts) from an in-memory
 * workspace, and collects what the server sends. Plain JavaScript: it runs in Chromium.
 */
const WEB_HARNESS = `async (files) => {
    const worker = new Worker('/server.js');
    const pending = new Map();
    const diagnostics = {};
    const served = new Set();
    let nextId = 0;
    let planDiagnostics;
    const planSeen = new Promise(resolve => { planDiagnostics = resolve; });
    const entries = uri => {
        const prefix = uri.endsWith('/') ? uri : uri + '/';
        const found = new Map();
        for (const file of Object.keys(files.tree)) {
            if (!file.startsWith(prefix)) continue;
            const [head, ...rest] = file.slice(prefix.length).split('/');
            found.set(prefix + head, rest.length > 0);
        }
        return [...found].map(([entry, folder]) => ({ uri: entry, isFile: !folder, isDirectory: folder }));
    };
    worker.onerror = event => { diagnostics.workerError = String(event.message); };
    worker.onmessage = ({ data }) => {
        if (data.id !== undefined && data.method === undefined) { pending.get(data.id)?.(data); return; }
        if (data.method === 'textDocument/publishDiagnostics') {
            diagnostics[data.params.uri] = data.params.diagnostics;
            if (data.params.uri === files.plan && data.params.diagnostics.length > 0) planDiagnostics();
            return;
        }
        if (data.id === undefined) return;
        served.add(data.method);
        let result = null;
        const uri = data.params?.uri;
        if (data.method === 'workspace/configuration') {
            result = data.params.items.map(item => item.section === 'suplan' ? { messageLanguage: 'en' } : null);
        } else if (data.method === 'suplan/readDirectory') {
            result = entries(uri);
        } else if (data.method === 'suplan/readFile') {
            result = files.tree[uri];
        } else if (data.method === 'suplan/stat') {
            result = files.tree[uri] !== undefined ? { uri, isFile: true, isDirectory: false } : null;
        }
        worker.postMessage({ jsonrpc: '2.0', id: data.id, result });
    };
    const request = (method, params) => new Promise(resolve => {
        const id = ++nextId;
        pending.set(id, resolve);
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
    const initialize = await request('initialize', {
        processId: null, rootUri: files.root, workspaceFolders: [{ uri: files.root, name: 'ws' }],
        capabilities: { workspace: { configuration: true } },
    });
    worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
    await Promise.race([planSeen, new Promise(resolve => setTimeout(resolve, 30000))]);
    const generated = await request('suplan/generate', { uri: files.plan, target: 'markdown', language: 'en' });
    worker.terminate();
    return { capabilities: Object.keys(initialize.result.capabilities), diagnostics, served: [...served], generated: generated.result };
}`;

describe('the web server in the .vsix (VS Code for the Web)', () => {
    let browser: Browser | undefined;
    let http: Server | undefined;

    afterAll(async () => {
        await browser?.close();
        http?.close();
    });

    test('runs in a Chromium web worker and checks a plan against a catalogue it reads through the client', async () => {
        requireVsix();
        const serverJs = execFileSync('unzip', ['-p', vsixPath, 'extension/dist/web/server.js'], { maxBuffer: 64 * 1024 * 1024 });
        http = createServer((request, response) => {
            if (request.url === '/server.js') {
                response.writeHead(200, { 'content-type': 'text/javascript' }).end(serverJs);
            } else {
                response.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>suplan web worker</title>');
            }
        });
        await new Promise<void>(resolve => http!.listen(0, '127.0.0.1', resolve));
        const address = http.address();
        const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

        // A plan with an unknown catalogue variable; the catalogue is never opened, only indexed.
        const root = 'memfs:/ws';
        const plan = `${root}/plans/samtal.suplan`;
        const planText = readFileSync(path.join(repoRoot, 'examples/plans/08-bbic-samtal.suplan'), 'utf8')
            .replace(/bbic\.samtal_enskilt\b/, 'bbic.samtal_enskiltt');
        expect(planText).toContain('bbic.samtal_enskiltt');
        const tree = {
            [plan]: planText,
            [`${root}/catalogues/bbic-2023.sucat`]: readFileSync(path.join(repoRoot, 'examples/catalogues/bbic-2023.sucat'), 'utf8'),
            [`${root}/notes/readme.txt`]: 'not a plan',
        };

        browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--headless=new', '--disable-gpu'] });
        const context = await browser.newContext();
        const blocked: string[] = [];
        await context.route('**/*', route => {
            if (route.request().url().startsWith(origin)) return route.continue();
            blocked.push(route.request().url());
            return route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', error => pageErrors.push(String(error)));
        await page.goto(`${origin}/`);
        const result = await page.evaluate(`(${WEB_HARNESS})(${JSON.stringify({ root, plan, tree })})`) as {
            capabilities: string[];
            diagnostics: Record<string, Array<{ code: string; message: string }>> & { workerError?: string };
            served: string[];
            generated: { ok: boolean; message?: string };
        };
        expect(pageErrors).toEqual([]);
        expect(blocked).toEqual([]);
        expect(result.diagnostics.workerError).toBeUndefined();
        expect(result.capabilities).toEqual(expect.arrayContaining([
            'completionProvider', 'hoverProvider', 'definitionProvider', 'documentFormattingProvider', 'semanticTokensProvider',
        ]));
        // The workspace was read through the client: directories and the two files.
        expect(result.served).toEqual(expect.arrayContaining(['workspace/configuration', 'suplan/readDirectory', 'suplan/readFile']));
        // The unknown variable is reported in English with the catalogue's name as the suggestion:
        // the catalogue was indexed from the (virtual) workspace without being opened.
        expect(result.diagnostics[plan], 'no diagnostics for the plan within 30 s').toBeDefined();
        const su012 = result.diagnostics[plan].find(d => d.code === 'SU012');
        expect(su012, JSON.stringify(result.diagnostics[plan])).toBeDefined();
        expect(su012!.message).toContain('"bbic.samtal_enskiltt" is not in the catalogue version');
        expect(su012!.message).toContain('"bbic.samtal_enskilt"');
        // The web worker publishes the help text after the message too, in the message language.
        expect(su012!.message.split('\n').slice(1)).toEqual([`Tip: ${CODES.SU012.help.en}`]);
        // A plan with errors generates nothing; the server says why.
        expect(result.generated.ok).toBe(false);
        expect(result.generated.message).toMatch(/^The plan has \d+ error/);
    }, 120_000);
});

interface JsonRpcMessage {
    readonly id?: number;
    readonly method?: string;
    readonly result?: unknown;
    readonly error?: unknown;
}

function send(child: ChildProcessWithoutNullStreams, message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
}

/** The messages the server writes, decoded from `Content-Length` frames as they arrive. */
function jsonRpcMessages(child: ChildProcessWithoutNullStreams): { received: JsonRpcMessage[]; listeners: Array<() => void> } {
    const state = { received: [] as JsonRpcMessage[], listeners: [] as Array<() => void> };
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
            const headerEnd = buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) break;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
            if (buffer.length < headerEnd + 4 + length) break;
            state.received.push(JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as JsonRpcMessage);
            buffer = buffer.subarray(headerEnd + 4 + length);
            for (const listener of state.listeners) listener();
        }
    });
    return state;
}

function waitFor(
    messages: { received: JsonRpcMessage[]; listeners: Array<() => void> },
    predicate: (message: JsonRpcMessage) => boolean,
    stderr: () => string,
): Promise<JsonRpcMessage> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer from the server within 30 s; stderr:\n${stderr()}`)), 30_000);
        const check = (): void => {
            const found = messages.received.find(predicate);
            if (found) {
                clearTimeout(timer);
                resolve(found);
            }
        };
        messages.listeners.push(check);
        check();
    });
}
