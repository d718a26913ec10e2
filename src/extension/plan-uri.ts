import * as vscode from 'vscode';

/**
 * The plan a command acts on: the file it was invoked on (Explorer or editor title menu), else
 * the active editor's plan, else the only plan visible in an editor group (e.g. when the focus
 * is in a preview).
 */
export function planUri(argument: unknown): vscode.Uri | undefined {
    if (argument instanceof vscode.Uri && argument.path.endsWith('.suplan')) return argument;
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'suplan') return active.uri;
    const visible = vscode.window.visibleTextEditors.filter(editor => editor.document.languageId === 'suplan');
    return visible.length === 1 ? visible[0].document.uri : undefined;
}

/** The file name without its folder: `planer/samtal.suplan` → `samtal.suplan`. */
export function baseName(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The folder of `uri`. */
export function parentOf(uri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(uri, '..');
}

/** Whether a file or folder exists at `uri` (any file system, so also VS Code for the Web). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
