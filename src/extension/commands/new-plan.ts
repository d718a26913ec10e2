import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { fileNameFor, renderNewPlan, type NewPlanOptions } from '../../template/plan-template.js';
import { t } from '../l10n.js';
import { exists, parentOf } from '../plan-uri.js';
import { newPlanCataloguesRequest, type NewPlanCatalogue } from '../protocol.js';

export const NEW_PLAN_COMMAND = 'suplan.newPlan';

/**
 * "Ny plan / New plan": asks for a title and, when the workspace has catalogues, which catalogue
 * version the plan follows (or none), and writes the `suplan new` template (a complete plan that
 * passes `suplan check`, using one of the catalogue's variables) to a new file, named after the
 * title, in the folder the command was invoked on, or beside the active file, or in the first
 * workspace folder. Without a workspace the plan opens as an unsaved document.
 */
export async function newPlan(client: BaseLanguageClient, argument?: unknown): Promise<void> {
    const title = await vscode.window.showInputBox({
        prompt: t('newPlanPrompt'),
        placeHolder: t('newPlanPlaceholder'),
        validateInput: value => value.trim() === '' ? t('newPlanEmptyTitle') : undefined,
    });
    if (title === undefined) return;
    const catalogue = await pickCatalogue(client);
    if (catalogue === undefined) return;
    const content = renderNewPlan({ title: title.trim(), year: new Date().getFullYear(), catalogue: catalogue ?? undefined });
    const folder = await targetFolder(argument);
    if (!folder) {
        const document = await vscode.workspace.openTextDocument({ language: 'suplan', content });
        await vscode.window.showTextDocument(document);
        return;
    }
    const file = await freeFile(folder, fileNameFor(title.trim()));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
    await vscode.window.showTextDocument(file);
    void vscode.window.showInformationMessage(t('newPlanCreated', vscode.workspace.asRelativePath(file)));
}

/**
 * The catalogue version the new plan follows: `null` for none (also when the workspace has no
 * catalogue or the server cannot say), undefined when the user cancels.
 */
async function pickCatalogue(client: BaseLanguageClient): Promise<NewPlanOptions['catalogue'] | null | undefined> {
    let catalogues: NewPlanCatalogue[];
    try {
        catalogues = await client.sendRequest(newPlanCataloguesRequest);
    } catch {
        return null;
    }
    if (catalogues.length === 0) return null;
    const items = [
        ...catalogues.map(catalogue => ({
            label: `${catalogue.name} ${catalogue.version}`, description: t('newPlanStartsWith', catalogue.variable.label), catalogue,
        })),
        { label: t('newPlanNoCatalogue'), description: t('newPlanNoCatalogueDetail'), catalogue: undefined },
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: t('newPlanPickCatalogue') });
    if (!picked) return undefined;
    return picked.catalogue ?? null;
}

async function targetFolder(argument: unknown): Promise<vscode.Uri | undefined> {
    if (argument instanceof vscode.Uri) {
        const stat = await vscode.workspace.fs.stat(argument).then(s => s, () => undefined);
        if (stat) return stat.type & vscode.FileType.Directory ? argument : parentOf(argument);
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && active.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(active)) return parentOf(active);
    return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** `name` in `folder`, or `name-2`, `name-3`, … when it is taken: never overwrites a plan. */
async function freeFile(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
    const stem = name.replace(/\.suplan$/, '');
    for (let n = 1; ; n++) {
        const candidate = vscode.Uri.joinPath(folder, n === 1 ? name : `${stem}-${n}.suplan`);
        if (!(await exists(candidate))) return candidate;
    }
}
