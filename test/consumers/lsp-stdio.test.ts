import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODES, type Code } from '../../src/language/diagnostics/codes.js';
import {
    applyEdits, exampleWorkspace, fileUri, lineOf, positionAfter, removeTempDirs, StdioLspClient, unpackVsix,
    type Diagnostic, type Position, type Range, type TextEdit,
} from './editor-helpers.js';

/**
 * The language server as any LSP client sees it: the bundled server from the packaged `.vsix`,
 * started as a child process over stdio with the Node that runs the tests (Node 20), spoken to
 * in plain JSON-RPC. Only one plan is opened; the catalogue it uses stays closed on disk.
 */

const PLAN = 'plans/07-barnavardsutredningar.suplan';
const BROKEN = 'plans/09-trasig.suplan';
const FORMAT = 'plans/05-aldreomsorg-brukarenkat.suplan';
const CATALOGUE = 'catalogues/bbic-2024.sucat';

/** A pattern for a code's message with `{0}` filled in and every other placeholder free. */
function messagePattern(code: Code, language: 'sv' | 'en', first: string): RegExp {
    const template = CODES[code].message[language];
    const parts = template.split(/(\{\d+\})/).map(part => {
        if (part === '{0}') return escape(first);
        if (/^\{\d+\}$/.test(part)) return '[\\s\\S]*';
        return escape(part);
    });
    return new RegExp(`^${parts.join('')}$`);
}

/** A published message's first line: the message itself, before the help line the server adds. */
function firstLine(message: string): string {
    return message.split('\n')[0];
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The label (`etikett`) of a catalogue variable, read from the catalogue text. */
function catalogueLabel(catalogue: string, variable: string): string {
    const block = new RegExp(`variabel ${variable} \\{[^}]*?etikett "([^"]+)"`, 'u').exec(catalogue);
    if (!block) throw new Error(`no label for ${variable}`);
    return block[1];
}

/** The catalogue text without the block of one variable. */
function withoutVariable(catalogue: string, variable: string): string {
    const start = catalogue.indexOf(`    variabel ${variable} {`);
    const end = catalogue.indexOf('\n    }\n', start);
    if (start < 0 || end < 0) throw new Error(`no block for ${variable}`);
    return catalogue.slice(0, start) + catalogue.slice(end + '\n    }\n'.length);
}

/** The range of `needle` (its first occurrence) as 0-based LSP positions on one line. */
function rangeOf(text: string, needle: string): Range {
    const end = positionAfter(text, needle);
    return { start: { line: end.line, character: end.character - needle.length }, end };
}

/** Block depth by braces outside strings and comments: the house style indents 4 spaces per level. */
function indentationProblems(text: string): string[] {
    const problems: string[] = [];
    let depth = 0;
    text.split('\n').forEach((line, index) => {
        const code = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/, '');
        const trimmed = line.trim();
        const expected = 4 * (trimmed.startsWith('}') ? depth - 1 : depth);
        const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
        if (trimmed !== '' && indent !== ' '.repeat(expected)) problems.push(`line ${index + 1}: ${JSON.stringify(indent)} instead of ${expected} spaces`);
        for (const ch of code) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    });
    return problems;
}

/** Re-indents every line badly: tabs, 1–3 spaces, none, in turn. */
function badlyIndented(text: string): string {
    const styles = ['\t', ' ', '', '   ', '  \t'];
    return text.split('\n').map((line, index) => line.trim() === '' ? line : styles[index % styles.length] + line.trimStart()).join('\n');
}

interface CompletionItem { readonly label: string; readonly detail?: string; readonly kind?: number }
interface Hover { readonly contents: unknown }
interface Location { readonly uri: string; readonly range: Range }
interface LocationLink { readonly targetUri: string; readonly targetRange: Range; readonly targetSelectionRange: Range }

describe('the packaged language server over stdio', () => {
    let workspace: string;
    let client: StdioLspClient;
    let planText: string;
    let planUri: string;
    let catalogueText: string;
    let version = 1;

    beforeAll(async () => {
        const { server } = unpackVsix();
        workspace = exampleWorkspace('suplan-lsp-');
        planText = readFileSync(path.join(workspace, PLAN), 'utf8');
        planUri = fileUri(path.join(workspace, PLAN));
        catalogueText = readFileSync(path.join(workspace, CATALOGUE), 'utf8');

        // A plan that is never opened, with a misspelt catalogue variable (and a title of its own).
        const broken = planText
            .replace('plan "Barnavårdsutredningar i stadsdelarna', 'plan "Trasig kopia av barnavårdsutredningarna')
            .replace('använd bbic.utr_tid när', 'använd bbic.utr_tidd när')
            .replace(/(\n\s*fråga "[^"]*")/, '$1$1'); // the question twice: SU002, with the first as related information
        expect(broken).toContain('bbic.utr_tidd');
        writeFileSync(path.join(workspace, BROKEN), broken);
        // A plan whose indentation is all wrong, for formatting.
        writeFileSync(path.join(workspace, FORMAT), badlyIndented(readFileSync(path.join(workspace, FORMAT), 'utf8')));

        client = StdioLspClient.start(server, workspace);
        client.settings = { suplan: { messageLanguage: 'sv' } };
        await client.request('initialize', {
            processId: process.pid,
            clientInfo: { name: 'suplan-stdio-test' },
            rootUri: fileUri(workspace),
            workspaceFolders: [{ uri: fileUri(workspace), name: 'exempel' }],
            capabilities: {
                workspace: {
                    configuration: true,
                    workspaceFolders: true,
                    didChangeConfiguration: { dynamicRegistration: true },
                    didChangeWatchedFiles: { dynamicRegistration: true },
                },
                textDocument: {
                    synchronization: { dynamicRegistration: false, didSave: true },
                    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    definition: { linkSupport: false },
                    formatting: {},
                    publishDiagnostics: { relatedInformation: true },
                },
            },
        });
        client.notify('initialized', {});
        client.notify('textDocument/didOpen', { textDocument: { uri: planUri, languageId: 'suplan', version, text: planText } });
    });

    afterAll(async () => {
        try {
            if (client) {
                const code = await client.stop();
                expect(code, client.stderr).toBe(0);
            }
        } finally {
            removeTempDirs();
        }
    });

    test('publishes diagnostics for the open plan, which is valid against its closed catalogue', async () => {
        const diagnostics = await client.waitForDiagnostics(planUri, () => true);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        // The server asked for its settings and registered file watching, as clients expect.
        expect(client.serverRequests).toContain('workspace/configuration');
        expect(JSON.stringify(client.registrations)).toContain('workspace/didChangeWatchedFiles');
    });

    test('validates a plan that is not open: an unknown catalogue variable, in Swedish', async () => {
        const brokenText = readFileSync(path.join(workspace, BROKEN), 'utf8');
        const brokenUri = fileUri(path.join(workspace, BROKEN));
        const diagnostics = await client.waitForDiagnostics(brokenUri, d => d.some(x => x.code === 'SU012'));
        const su012 = diagnostics.find(d => d.code === 'SU012') as Diagnostic;
        expect(su012.range).toEqual(rangeOf(brokenText, 'bbic.utr_tidd'));
        expect(su012.severity).toBe(1);
        // The message, then the code's help on a line of its own: what VS Code's Problems panel and hover, Neovim and Emacs show.
        const [message, ...help] = su012.message.split('\n');
        expect(message).toMatch(messagePattern('SU012', 'sv', 'bbic.utr_tidd'));
        expect(message).toContain('utr_tid'); // "did you mean" names the real variable
        expect(help).toEqual([`Tips: ${CODES.SU012.help.sv}`]);
    });

    test('a section given twice: SU002 on the repeat, with relatedInformation "först angiven här" at the first', async () => {
        const brokenText = readFileSync(path.join(workspace, BROKEN), 'utf8');
        const brokenUri = fileUri(path.join(workspace, BROKEN));
        const diagnostics = await client.waitForDiagnostics(brokenUri, d => d.some(x => x.code === 'SU002'));
        const su002 = diagnostics.find(d => d.code === 'SU002') as Diagnostic & { relatedInformation?: Array<{ location: Location; message: string }> };
        const question = /fråga ("[^"]*")/.exec(brokenText)![1];
        const first = brokenText.indexOf(question);
        const second = brokenText.indexOf(question, first + 1);
        const before = brokenText.slice(0, second);
        expect(su002.range.start).toEqual({ line: before.split('\n').length - 1, character: second - before.lastIndexOf('\n') - 1 });
        expect(su002.relatedInformation).toEqual([{ location: { uri: brokenUri, range: rangeOf(brokenText, question) }, message: 'först angiven här' }]);
    });

    test('completion after `använd bbic.` offers the catalogue variables with their labels', async () => {
        // Type a new line in `variabler { … }`, as a user would.
        const anchor = '        använd bbic.utr_tid när utredningsbeslut i 1\n';
        const typed = planText.replace(anchor, `${anchor}        använd bbic.\n`);
        client.notify('textDocument/didChange', { textDocument: { uri: planUri, version: ++version }, contentChanges: [{ text: typed }] });
        const position = positionAfter(typed, '        använd bbic.\n');
        const at: Position = { line: position.line - 1, character: '        använd bbic.'.length };
        const result = await client.request<CompletionItem[] | { items: CompletionItem[] } | null>('textDocument/completion', {
            textDocument: { uri: planUri }, position: at, context: { triggerKind: 2, triggerCharacter: '.' },
        });
        const items = Array.isArray(result) ? result : result?.items ?? [];
        const label = catalogueLabel(catalogueText, 'akt_källa');
        const item = items.find(i => `${i.label} ${i.detail ?? ''}`.includes(label));
        expect(item, `no item shows "${label}" among ${items.map(i => i.label).join(', ')}`).toBeDefined();
        expect(item?.label).toContain('akt_källa');
        // Back to the saved text.
        client.notify('textDocument/didChange', { textDocument: { uri: planUri, version: ++version }, contentChanges: [{ text: planText }] });
        await client.waitForDiagnostics(planUri, d => d.every(x => x.severity !== 1), 30_000, true);
    });

    test('hover over a catalogue variable shows its label', async () => {
        const position = positionAfter(planText, 'använd bbic.utr_');
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: planUri }, position });
        expect(JSON.stringify(hover?.contents ?? null)).toContain(catalogueLabel(catalogueText, 'utr_tid'));
    });

    test('edits sent as ranges (as editors do): a typo in a variable gives SU012 where it is, a new line above moves it, undoing clears it', async () => {
        // The server updates the tree in place for these edits (one element re-parsed, whitespace shifted).
        const typo = positionAfter(planText, 'använd bbic.utr_tid');
        client.notify('textDocument/didChange', {
            textDocument: { uri: planUri, version: ++version }, contentChanges: [{ range: { start: typo, end: typo }, text: 'x' }],
        });
        const typed = await client.waitForDiagnostics(planUri, d => d.some(x => x.code === 'SU012'), 30_000, true);
        const before = typed.find(d => d.code === 'SU012') as Diagnostic;
        expect(before.range).toEqual(rangeOf(planText.replace('använd bbic.utr_tid', 'använd bbic.utr_tidx'), 'bbic.utr_tidx'));

        const endOfFirstLine = { line: 0, character: planText.indexOf('\n') };
        client.notify('textDocument/didChange', {
            textDocument: { uri: planUri, version: ++version }, contentChanges: [{ range: { start: endOfFirstLine, end: endOfFirstLine }, text: '\n' }],
        });
        const moved = await client.waitForDiagnostics(planUri, d => d.some(x => x.code === 'SU012' && x.range.start.line === before.range.start.line + 1), 30_000, true);
        expect(moved.find(d => d.code === 'SU012')?.range).toEqual({
            start: { line: before.range.start.line + 1, character: before.range.start.character },
            end: { line: before.range.end.line + 1, character: before.range.end.character },
        });

        client.notify('textDocument/didChange', {
            textDocument: { uri: planUri, version: ++version },
            contentChanges: [
                { range: { start: { line: 0, character: endOfFirstLine.character }, end: { line: 1, character: 0 } }, text: '' },
                { range: { start: typo, end: { line: typo.line, character: typo.character + 1 } }, text: '' },
            ],
        });
        await client.waitForDiagnostics(planUri, d => d.every(x => x.severity !== 1), 30_000, true);
    });

    test('"Ny plan" asks the server which catalogues a plan can follow: every version, newest first, with the variable it starts from', async () => {
        const catalogues = await client.request<{ name: string; version: string; variable: { name: string; label: string } }[]>('suplan/newPlanCatalogues', null);
        expect(catalogues.map(c => `${c.name} ${c.version}`)).toEqual(['bbic 2025', 'bbic 2024', 'bbic 2023']);
        const newest = catalogues[0];
        expect(newest.variable.label).toBe(catalogueLabel(catalogueText, newest.variable.name));
    });

    test('on the katalog line the server offers "Uppgradera till katalogversion 2025" (no diagnostic needed), with the upgraded plan as its edit', async () => {
        const line = lineOf(planText, 'katalog bbic version "2024"');
        const actions = await client.request<Array<{ title: string; kind?: string; edit?: { changes?: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
            textDocument: { uri: planUri }, range: { start: { line, character: 4 }, end: { line, character: 4 } }, context: { diagnostics: [] },
        });
        const upgrade = actions.filter(a => a.title.startsWith('Uppgradera'));
        expect(upgrade.map(a => [a.title, a.kind])).toEqual([['Uppgradera till katalogversion 2025', 'quickfix']]);
        const edits = Object.values(upgrade[0].edit?.changes ?? {})[0] ?? [];
        expect(applyEdits(planText, edits)).toBe(planText.replace('katalog bbic version "2024"', 'katalog bbic version "2025"')
            .replace('använd bbic.förhandsbedömning_beslut som', 'använd bbic.förhandsbedömning_utfall som'));
    });

    test('go to definition lands in the closed .sucat, on the variable', async () => {
        const position = positionAfter(planText, 'använd bbic.utr_');
        const result = await client.request<Location | Location[] | LocationLink[] | null>('textDocument/definition', { textDocument: { uri: planUri }, position });
        const first = Array.isArray(result) ? result[0] : result;
        expect(first, 'no definition').toBeTruthy();
        const uri = first && 'targetUri' in first ? first.targetUri : (first as Location).uri;
        const range = first && 'targetUri' in first ? first.targetSelectionRange : (first as Location).range;
        expect(uri.endsWith('.sucat')).toBe(true);
        expect(decodeURIComponent(uri)).toBe(decodeURIComponent(fileUri(path.join(workspace, CATALOGUE))));
        expect(range.start.line).toBe(lineOf(catalogueText, 'variabel utr_tid {'));
    });

    test('"Generera…" plan-html names the git commit of the plan (the Node server asks git), "ändrad sedan dess" while the editor has unsaved changes', async () => {
        const git = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: workspace, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
            expect(result.status, result.stderr).toBe(0);
            return result.stdout.trim();
        };
        git('init', '-q');
        git('-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'empty');
        git('add', PLAN);
        git('-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'plan');
        const head = git('rev-parse', 'HEAD');
        const commitCell = async (): Promise<string | undefined> => {
            const result = await client.request<{ ok: boolean; files?: Array<{ path: string; content: string }> }>('suplan/generate', { uri: planUri, target: 'plan-html' });
            expect(result.ok).toBe(true);
            return /<dt>Git-version<\/dt><dd>(.*?)<\/dd>/.exec(result.files?.[0].content ?? '')?.[1];
        };
        expect(await commitCell()).toBe(`<code>${head.slice(0, 12)}</code>`);
        // An unsaved change in the editor: the document is not the committed file.
        const changed = planText.replace('plan "Barnavårdsutredningar', 'plan "Ändrade barnavårdsutredningar');
        expect(changed).not.toBe(planText);
        client.notify('textDocument/didChange', { textDocument: { uri: planUri, version: ++version }, contentChanges: [{ text: changed }] });
        expect(await commitCell()).toBe(`<code>${head.slice(0, 12)}</code> (planfilen ändrad sedan dess)`);
        client.notify('textDocument/didChange', { textDocument: { uri: planUri, version: ++version }, contentChanges: [{ text: planText }] });
        expect(await commitCell()).toBe(`<code>${head.slice(0, 12)}</code>`);
    });

    test('formatting a badly indented plan gives the house style, keeps every token and comment, and is idempotent', async () => {
        const file = path.join(workspace, FORMAT);
        const uri = fileUri(file);
        const bad = readFileSync(file, 'utf8');
        expect(indentationProblems(bad).length).toBeGreaterThan(20);
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'suplan', version: 1, text: bad } });
        const options = { tabSize: 4, insertSpaces: true };
        const edits = await client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });
        expect(edits?.length ?? 0).toBeGreaterThan(0);
        const formatted = applyEdits(bad, edits ?? []);
        expect(indentationProblems(formatted)).toEqual([]);
        expect(formatted.replace(/\s+/g, '')).toBe(bad.replace(/\s+/g, ''));
        client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: formatted }] });
        const again = await client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });
        expect(applyEdits(formatted, again ?? [])).toBe(formatted);
        client.notify('textDocument/didClose', { textDocument: { uri } });
    });

    test('a catalogue changed on disk revalidates the open plan (didChangeWatchedFiles)', async () => {
        const catalogueFile = path.join(workspace, CATALOGUE);
        writeFileSync(catalogueFile, withoutVariable(catalogueText, 'utr_tid'));
        client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(catalogueFile), type: 2 }] });
        const diagnostics = await client.waitForDiagnostics(planUri, d => d.some(x => x.code === 'SU012'), 30_000, true);
        const su012 = diagnostics.filter(d => d.code === 'SU012');
        expect(su012.map(d => d.range)).toEqual([rangeOf(planText, 'bbic.utr_tid')]);
        expect(firstLine(su012[0].message)).toMatch(messagePattern('SU012', 'sv', 'bbic.utr_tid'));
    });

    test('changing suplan.messageLanguage to en switches the plan\'s messages to English', async () => {
        client.settings = { suplan: { messageLanguage: 'en' } };
        client.notify('workspace/didChangeConfiguration', { settings: { suplan: { messageLanguage: 'en' } } });
        const english = messagePattern('SU012', 'en', 'bbic.utr_tid');
        const diagnostics = await client.waitForDiagnostics(planUri, d => d.some(x => x.code === 'SU012' && english.test(firstLine(x.message))), 30_000, true);
        const su012 = diagnostics.find(d => d.code === 'SU012') as Diagnostic;
        expect(firstLine(su012.message)).toMatch(english);
        expect(firstLine(su012.message)).not.toMatch(messagePattern('SU012', 'sv', 'bbic.utr_tid'));
        // The help follows the message language.
        expect(su012.message.split('\n').slice(1)).toEqual([`Tip: ${CODES.SU012.help.en}`]);
        expect(su012.range).toEqual(rangeOf(planText, 'bbic.utr_tid'));
    });
});
