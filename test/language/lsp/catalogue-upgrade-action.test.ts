import { readFileSync } from 'node:fs';
import { TextDocument, type LangiumDocument } from 'langium';
import type { CodeAction, Range } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { LspWorkspace } from './lsp-test-helper.js';

const catalogue = (version: string): { file: string; text: string } => ({
    file: `/ws/catalogues/bbic-${version}.sucat`, text: readFileSync(`examples/catalogues/bbic-${version}.sucat`, 'utf8'),
});
const PLAN_08 = readFileSync('examples/plans/08-bbic-samtal.suplan', 'utf8');
const PLAN_FILE = '/ws/plans/08-bbic-samtal.suplan';

/** The code actions the plan language's provider offers for a range, through the LSP code-action path (no diagnostics). */
async function actionsAt(workspace: LspWorkspace, document: LangiumDocument, range: Range): Promise<CodeAction[]> {
    const provider = workspace.services.suplan.lsp.CodeActionProvider!;
    const result = await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range, context: { diagnostics: [] } });
    return (result ?? []) as CodeAction[];
}

function lineRange(text: string, snippet: string): Range {
    const line = text.slice(0, text.indexOf(snippet)).split('\n').length - 1;
    return { start: { line, character: 6 }, end: { line, character: 6 } };
}

describe('quick fix "Uppgradera till katalogversion …" on a katalog line', () => {
    test('offers each newer version in the workspace, newest first, and the newest gives the upgraded plan that checks clean', async () => {
        const workspace = new LspWorkspace();
        const documents = await workspace.build([catalogue('2023'), catalogue('2024'), catalogue('2025'), { file: PLAN_FILE, text: PLAN_08 }]);
        const document = documents.get(PLAN_FILE)!;
        const actions = await actionsAt(workspace, document, lineRange(PLAN_08, 'katalog bbic version'));
        expect(actions.map(a => [a.title, a.kind, a.isPreferred])).toEqual([
            ['Uppgradera till katalogversion 2025', 'quickfix', undefined],
            ['Uppgradera till katalogversion 2024', 'quickfix', undefined],
        ]);
        const edits = actions[0].edit!.changes![document.uri.toString()];
        const upgraded = TextDocument.applyEdits(document.textDocument, edits);
        // The same text as `suplan catalogue upgrade`: the version, the catalogue name and every use of the plan's name for it.
        expect(upgraded).toBe(PLAN_08.replace('katalog bbic version "2023"', 'katalog bbic version "2025"')
            .replace('använd bbic.samtal_enskilt', 'använd bbic.enskilda_samtal')
            .replace(/(när|frekvens|andel|korstabell|bland) samtal_enskilt/g, '$1 enskilda_samtal'));
        expect(upgraded.split('\n')).toHaveLength(PLAN_08.split('\n').length);
        expect(upgraded).toContain('// Planen använder BBIC-katalogens variabel samtal_enskilt (version 2023)');
        const after = await workspace.build([catalogue('2023'), catalogue('2024'), catalogue('2025'), { file: PLAN_FILE, text: upgraded }]);
        const problems = (after.get(PLAN_FILE)!.diagnostics ?? []).filter(d => d.severity === 1 || d.severity === 2);
        expect(problems.map(d => `${d.code}: ${String(d.message)}`)).toEqual([]);
    });

    test('not offered off the katalog line, at the newest version, or without a newer version in the workspace', async () => {
        const workspace = new LspWorkspace();
        const newest = PLAN_08.replace('katalog bbic version "2023"', 'katalog bbic version "2025"').replace(/samtal_enskilt/g, 'enskilda_samtal');
        let documents = await workspace.build([catalogue('2023'), catalogue('2024'), catalogue('2025'), { file: PLAN_FILE, text: PLAN_08 }]);
        expect(await actionsAt(workspace, documents.get(PLAN_FILE)!, lineRange(PLAN_08, 'syfte verksamhetsutveckling'))).toEqual([]);
        documents = await workspace.build([catalogue('2023'), catalogue('2024'), catalogue('2025'), { file: PLAN_FILE, text: newest }]);
        expect(await actionsAt(workspace, documents.get(PLAN_FILE)!, lineRange(newest, 'katalog bbic version'))).toEqual([]);
        documents = await workspace.build([catalogue('2023'), { file: PLAN_FILE, text: PLAN_08 }]);
        expect(await actionsAt(workspace, documents.get(PLAN_FILE)!, lineRange(PLAN_08, 'katalog bbic version'))).toEqual([]);
    });

    test('plan 07 to 2025 renames the catalogue reference only (the plan names it with som)', async () => {
        const workspace = new LspWorkspace();
        const plan07 = readFileSync('examples/plans/07-barnavardsutredningar.suplan', 'utf8');
        const file = '/ws/plans/07.suplan';
        const documents = await workspace.build([catalogue('2024'), catalogue('2025'), { file, text: plan07 }]);
        const document = documents.get(file)!;
        const [action] = await actionsAt(workspace, document, lineRange(plan07, 'katalog bbic version'));
        expect(action.title).toBe('Uppgradera till katalogversion 2025');
        expect(TextDocument.applyEdits(document.textDocument, action.edit!.changes![document.uri.toString()])).toBe(plan07
            .replace('katalog bbic version "2024"', 'katalog bbic version "2025"')
            .replace('använd bbic.förhandsbedömning_beslut som utredningsbeslut', 'använd bbic.förhandsbedömning_utfall som utredningsbeslut'));
    });
});
