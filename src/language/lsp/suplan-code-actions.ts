import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, TextEdit, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import { isCatalogueRef, isPlan, isPlanVariable, isUseVariable, type Plan, type PlanVariable, type UseVariable } from '../generated/ast.js';
import type { CatalogueResolver } from '../catalogue-resolver.js';
import { newerVersions, planUpgrade } from '../catalogue-upgrade.js';
import { allVariables, variableName } from '../plan-access.js';
import type { FixData, SuDiagnosticData } from '../validators/common.js';

/**
 * Quick fixes for SU-plan diagnostics. Validators put a typed payload in `Diagnostic.data.fix`:
 * `replace` offers each "did you mean" suggestion (SU005, SU010, SU012–SU017, …), `addRefinedValue`
 * adds a refined value for an uncovered original value (SU022), `removeVariable` deletes a variable
 * no analysis uses (SU040), `append` writes a setting after the range (SU038, SU053, SU054). Titles are Swedish, like the rest of the editor.
 *
 * Without a diagnostic: on a `katalog` line whose catalogue has a newer version in the workspace,
 * "Uppgradera till katalogversion …" for each newer version (the same change as `suplan catalogue upgrade`).
 */
export class SuPlanCodeActionProvider implements CodeActionProvider {
    constructor(private readonly catalogues?: CatalogueResolver) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        const root = document.parseResult.value;
        if (isPlan(root)) actions.push(...this.upgradeCatalogue(document, root, params));
        for (const diagnostic of params.context.diagnostics) {
            const data = suData(diagnostic.data);
            if (!data?.fix) continue;
            const fix = data.fix;
            switch (fix.kind) {
                case 'replace':
                    actions.push(...this.replace(document, diagnostic, fix.suggestions));
                    break;
                case 'addRefinedValue':
                    if (isPlan(root)) actions.push(...optional(this.addRefinedValue(document, root, diagnostic, fix, data.args)));
                    break;
                case 'removeVariable':
                    if (isPlan(root)) actions.push(...optional(this.removeVariable(document, root, diagnostic, fix.name)));
                    break;
                case 'append':
                    actions.push(...this.append(document, diagnostic, fix.texts));
                    break;
                case 'addLine':
                    actions.push(...this.addLine(document, diagnostic, fix.texts));
                    break;
            }
        }
        return actions;
    }

    /**
     * On a `katalog` line: one action per newer version of its catalogue in the workspace, newest
     * first, none preferred (an upgrade may leave things for the team to decide). Not offered on a
     * plan with syntax errors, whose text changes could land in the wrong place.
     */
    private upgradeCatalogue(document: LangiumDocument, plan: Plan, params: CodeActionParams): CodeAction[] {
        if (!this.catalogues || document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) return [];
        const actions: CodeAction[] = [];
        for (const pin of plan.elements.filter(isCatalogueRef)) {
            const range = pin.$cstNode?.range;
            if (!range || !pin.catalogue || pin.version === undefined) continue;
            if (params.range.end.line < range.start.line || params.range.start.line > range.end.line) continue;
            const versions = this.catalogues.versions(pin.catalogue);
            if (!versions.some(c => c.version === pin.version)) continue;
            for (const version of newerVersions(pin, versions)) {
                const upgrade = planUpgrade(plan, pin, versions, version);
                if (!upgrade) continue;
                const edits = upgrade.changes.map(change => TextEdit.replace(
                    { start: document.textDocument.positionAt(change.offset), end: document.textDocument.positionAt(change.end) }, change.text));
                actions.push({
                    title: `Uppgradera till katalogversion ${version}`,
                    kind: CodeActionKind.QuickFix,
                    edit: { changes: { [document.uri.toString()]: edits } },
                });
            }
        }
        return actions;
    }

    /** One action per suggestion, replacing the diagnostic's range; the first is preferred. */
    private replace(document: LangiumDocument, diagnostic: Diagnostic, suggestions: readonly string[]): CodeAction[] {
        return suggestions.map((suggestion, index) => ({
            title: `Ersätt med ${suggestion.startsWith('"') ? suggestion : `"${suggestion}"`}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: index === 0,
            edit: { changes: { [document.uri.toString()]: [TextEdit.replace(diagnostic.range, suggestion)] } },
        }));
    }

    /**
     * One action per text, written after the diagnostic's range with a space: the setting a plan
     * written before it existed lacks (SU038 `enligt`, SU053 `riktning`, SU054 `räknar`). The first is preferred.
     */
    private append(document: LangiumDocument, diagnostic: Diagnostic, texts: readonly string[]): CodeAction[] {
        return texts.map((text, index) => ({
            title: `Lägg till \`${text}\``,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: index === 0,
            edit: { changes: { [document.uri.toString()]: [TextEdit.insert(diagnostic.range.end, ` ${text}`)] } },
        }));
    }

    /**
     * One action per text, each a line of its own after the diagnostic's line, indented like the line
     * after it (four spaces when that is less indented) and with the document's line ending (SU003:
     * `syfte` with each of the five purposes). None is preferred: the choice is the team's.
     */
    private addLine(document: LangiumDocument, diagnostic: Diagnostic, texts: readonly string[]): CodeAction[] {
        const text = document.textDocument.getText();
        const newline = text.includes('\r\n') ? '\r\n' : '\n';
        const lineOf = (line: number): string => document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
        const line = diagnostic.range.end.line;
        const next = lineOf(line + 1);
        const current = /^[ \t]*/.exec(lineOf(line))?.[0] ?? '';
        const nextIndent = /^[ \t]*/.exec(next)?.[0] ?? '';
        const indent = next.trim() !== '' && !next.trim().startsWith('}') && nextIndent.length > current.length ? nextIndent : `${current}    `;
        const at = { line, character: lineOf(line).length };
        return texts.map(added => ({
            title: `Lägg till \`${added}\``,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: false,
            edit: { changes: { [document.uri.toString()]: [TextEdit.insert(at, `${newline}${indent}${added}`)] } },
        }));
    }

    /** SU022: a line `<new code> "<label>" -> <original>` before the `fördjupa` block's closing brace. */
    private addRefinedValue(
        document: LangiumDocument, plan: Plan, diagnostic: Diagnostic,
        fix: Extract<FixData, { kind: 'addRefinedValue' }>, args: readonly string[],
    ): CodeAction | undefined {
        const use = nodeAt(document, diagnostic, isUseVariable)
            ?? allVariables(plan).find((v): v is UseVariable => isUseVariable(v) && variableName(v) === args[2]);
        const brace = use?.$cstNode ? GrammarUtils.findNodeForKeyword(use.$cstNode, '}') : undefined;
        if (!use || !brace) return undefined;
        const used = new Set(use.refinements.map(r => r.code));
        const code = used.has(fix.original) ? Math.max(...used) + 1 : fix.original;
        const line = `${code} "${escapeString(fix.label)}" -> ${fix.original}`;
        const text = document.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', brace.offset - 1) + 1;
        const beforeBrace = text.slice(lineStart, brace.offset);
        let edit: TextEdit;
        if (beforeBrace.trim() === '') {
            // The brace is on a line of its own: add a line, indented like the last refined value.
            const last = use.refinements.at(-1)?.$cstNode;
            const lastIndent = last ? indentationAt(text, last.offset) : undefined;
            const indent = lastIndent !== undefined && last && last.offset < lineStart ? lastIndent : `${beforeBrace}    `;
            edit = TextEdit.insert(document.textDocument.positionAt(lineStart), `${indent}${line}\n`);
        } else {
            const space = /\s/.test(text.charAt(brace.offset - 1)) ? '' : ' ';
            edit = TextEdit.insert(document.textDocument.positionAt(brace.offset), `${space}${line} `);
        }
        return {
            title: `Lägg till fördjupat värde för ${fix.original} "${fix.label}"`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.uri.toString()]: [edit] } },
        };
    }

    /** SU040: delete the variable's declaration, whole lines when it has its lines to itself. */
    private removeVariable(document: LangiumDocument, plan: Plan, diagnostic: Diagnostic, name: string): CodeAction | undefined {
        const atRange = nodeAt(document, diagnostic, isPlanVariable);
        const variable = atRange && variableName(atRange) === name
            ? atRange
            : allVariables(plan).find((v): v is PlanVariable => variableName(v) === name);
        const cst = variable?.$cstNode;
        if (!cst) return undefined;
        const text = document.textDocument.getText();
        let start = cst.offset;
        let end = cst.end;
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const newline = text.indexOf('\n', end);
        const lineEnd = newline < 0 ? text.length : newline + 1;
        const before = text.slice(lineStart, start);
        const after = text.slice(end, lineEnd);
        if (before.trim() === '' && /^[ \t]*(\/\/.*)?\r?\n?$/.test(after)) {
            start = lineStart;
            end = lineEnd;
        } else if (/^[ \t]*\r?\n?$/.test(after)) {
            // Last on a shared line: take the blanks before it, keep the line break.
            while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
        } else {
            while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
        }
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
        return {
            title: `Ta bort variabeln "${name}"`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.uri.toString()]: [TextEdit.del(range)] } },
        };
    }
}

/** The diagnostic's SU-plan payload, checked: it comes back from the client as plain JSON. */
function suData(data: unknown): SuDiagnosticData | undefined {
    if (typeof data !== 'object' || data === null) return undefined;
    const candidate = data as Partial<SuDiagnosticData>;
    if (typeof candidate.code !== 'string' || !Array.isArray(candidate.args)) return undefined;
    const fix = candidate.fix as Partial<FixData> | undefined;
    if (fix !== undefined && !isFixData(fix)) return { ...candidate, fix: undefined } as SuDiagnosticData;
    return candidate as SuDiagnosticData;
}

function isFixData(fix: Partial<FixData>): fix is FixData {
    switch (fix.kind) {
        case 'replace': return Array.isArray(fix.suggestions) && fix.suggestions.every(s => typeof s === 'string');
        case 'addRefinedValue': return typeof fix.original === 'number' && typeof fix.label === 'string';
        case 'removeVariable': return typeof fix.name === 'string';
        case 'append': return Array.isArray(fix.texts) && fix.texts.every(t => typeof t === 'string');
        case 'addLine': return Array.isArray(fix.texts) && fix.texts.every(t => typeof t === 'string');
        default: return false;
    }
}

/** The innermost node of the given type at the start of the diagnostic's range. */
function nodeAt<T extends AstNode>(document: LangiumDocument, diagnostic: Diagnostic, guard: (n: unknown) => n is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, guard) : undefined;
}

function indentationAt(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

function escapeString(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function optional<T>(value: T | undefined): T[] {
    return value === undefined ? [] : [value];
}
