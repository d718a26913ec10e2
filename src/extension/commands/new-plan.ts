import * as vscode from 'vscode';
import { fileNameFor, renderNewPlan } from '../../cli/new-template.js';
import { t } from '../l10n.js';
import { exists, parentOf } from '../plan-uri.js';

export const NEW_PLAN_COMMAND = 'suplan.newPlan';

/**
 * "Ny plan / New plan": asks for a title and writes the `suplan new` template (a complete plan
 * that passes `suplan check`) to a new file, named after the title, in the folder the command
 * was invoked on, or beside the active file, or in the first workspace folder. Without a
 * workspace the plan opens as an unsaved document.
 */
export async function newPlan(argument?: unknown): Promise<void> {
    const title = await vscode.window.showInputBox({
        prompt: t('newPlanPrompt'),
        placeHolder: t('newPlanPlaceholder'),
        validateInput: value => value.trim() === '' ? t('newPlanEmptyTitle') : undefined,
    });
    if (title === undefined) return;
    const content = renderNewPlan({ title: title.trim(), year: new Date().getFullYear() });
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
