import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { messageLanguage, t } from '../l10n.js';
import { parentOf, planUri } from '../plan-uri.js';
import { generateRequest, targetsRequest, type EditorTarget, type GenerateResult } from '../protocol.js';

export const GENERATE_COMMAND = 'suplan.generate';

/** Generated files go to this folder beside the plan (git-ignored in this repository). */
export const OUTPUT_FOLDER = 'suplan-output';

/**
 * "Generera… / Generate…": offers the targets the language server reports, generates the chosen
 * one from the plan as it is in the editor and writes it to `suplan-output/` beside the plan.
 * A plan with errors generates nothing: the server's message says why.
 */
export async function generate(client: BaseLanguageClient, argument?: unknown): Promise<void> {
    const plan = planUri(argument);
    if (!plan) {
        void vscode.window.showWarningMessage(t('noPlan'));
        return;
    }
    const language = messageLanguage();
    let targets: EditorTarget[];
    try {
        targets = await client.sendRequest(targetsRequest);
    } catch (error) {
        void vscode.window.showErrorMessage(t('serverFailed', String(error)));
        return;
    }
    if (targets.length === 0) {
        void vscode.window.showWarningMessage(t('noTargets'));
        return;
    }
    const picked = await vscode.window.showQuickPick(
        targets.map(target => ({ label: target.id, description: target.description[language], target })),
        { placeHolder: t('pickTarget') },
    );
    if (!picked) return;
    let result: GenerateResult;
    try {
        result = await client.sendRequest(generateRequest, { uri: plan.toString(), target: picked.target.id, language });
    } catch (error) {
        void vscode.window.showErrorMessage(t('serverFailed', String(error)));
        return;
    }
    if (!result.ok) {
        void vscode.window.showErrorMessage(result.message);
        return;
    }
    const folder = plan.scheme === 'untitled'
        ? vscode.workspace.workspaceFolders?.[0]?.uri
        : parentOf(plan);
    if (!folder) {
        // An unsaved plan outside any workspace: show the result instead of writing it.
        for (const file of result.files) {
            const document = await vscode.workspace.openTextDocument({ content: file.content, language: picked.target.id });
            await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
        }
        return;
    }
    const output = vscode.Uri.joinPath(folder, OUTPUT_FOLDER);
    const written = result.files.map(file => vscode.Uri.joinPath(output, file.path));
    for (const [index, file] of result.files.entries()) {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(written[index], '..'));
        await vscode.workspace.fs.writeFile(written[index], new TextEncoder().encode(file.content));
    }
    const first = written[0];
    if (!first) return;
    const open = t('open');
    const choice = await vscode.window.showInformationMessage(t('generated', vscode.workspace.asRelativePath(first)), open);
    if (choice === open) await vscode.window.showTextDocument(first, { viewColumn: vscode.ViewColumn.Beside });
}
