import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { messageLanguage, t } from './l10n.js';
import { baseName, planUri } from './plan-uri.js';
import { generateRequest } from './protocol.js';

export const PREVIEW_COMMAND = 'suplan.preview';
const VIEW_TYPE = 'suplan.preview';
/** Typing pauses this long before the preview asks the server again. */
const REFRESH_DELAY_MS = 400;

/**
 * "Förhandsgranska plan / Preview plan": the plan document (the server's `markdown` target)
 * rendered by VS Code's own Markdown renderer in a webview beside the editor. The webview runs
 * no scripts and loads nothing: its content security policy allows only its own inline styles.
 * It follows the plan as it is typed, its catalogues, and the message language.
 */
export class PlanPreviews implements vscode.Disposable {
    private readonly open = new Map<string, PlanPreview>();

    constructor(private readonly client: BaseLanguageClient) {}

    show(argument?: unknown): void {
        const plan = planUri(argument);
        if (!plan) {
            void vscode.window.showWarningMessage(t('noPlan'));
            return;
        }
        const key = plan.toString();
        const existing = this.open.get(key);
        if (existing) {
            existing.reveal();
            return;
        }
        const preview = new PlanPreview(this.client, plan, () => this.open.delete(key));
        this.open.set(key, preview);
    }

    dispose(): void {
        for (const preview of [...this.open.values()]) preview.dispose();
    }
}

class PlanPreview implements vscode.Disposable {
    private readonly panel: vscode.WebviewPanel;
    private readonly subscriptions: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** The last rendered plan without errors: kept on screen while the plan has errors. */
    private lastGood: string | undefined;
    private generation = 0;
    private disposed = false;

    constructor(private readonly client: BaseLanguageClient, private readonly plan: vscode.Uri, private readonly onDispose: () => void) {
        this.panel = vscode.window.createWebviewPanel(
            VIEW_TYPE,
            t('previewTitle', baseName(plan)),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: false, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [] },
        );
        this.subscriptions.push(
            this.panel.onDidDispose(() => this.dispose()),
            vscode.workspace.onDidChangeTextDocument(event => {
                const changed = event.document;
                if (changed.uri.toString() === plan.toString() || changed.languageId === 'sucat') this.schedule();
            }),
            // Catalogues changed on disk reach the plan through the server: follow its diagnostics.
            vscode.languages.onDidChangeDiagnostics(event => {
                if (event.uris.some(uri => uri.toString() === plan.toString())) this.schedule();
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('suplan')) {
                    this.panel.title = t('previewTitle', baseName(plan));
                    this.schedule();
                }
            }),
        );
        void this.refresh();
    }

    reveal(): void {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
    }

    private schedule(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
    }

    private async refresh(): Promise<void> {
        const generation = ++this.generation;
        let notice: string | undefined;
        try {
            const result = await this.client.sendRequest(generateRequest, {
                uri: this.plan.toString(), target: 'markdown', language: messageLanguage(),
            });
            if (result.ok) {
                this.lastGood = await renderMarkdown(result.files[0]?.content ?? '');
            } else {
                notice = this.lastGood ? `${result.message} ${t('previewStale')}` : result.message;
            }
        } catch (error) {
            notice = t('serverFailed', String(error));
        }
        // A slower, older answer must not overwrite a newer one.
        if (this.disposed || generation !== this.generation) return;
        this.panel.webview.html = previewPage(this.lastGood ?? '', notice);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        for (const subscription of this.subscriptions) subscription.dispose();
        this.panel.dispose();
        this.onDispose();
    }
}

/** HTML from VS Code's built-in Markdown renderer; escaped source text if it is disabled. */
async function renderMarkdown(markdown: string): Promise<string> {
    try {
        const html = await vscode.commands.executeCommand<unknown>('markdown.api.render', markdown);
        if (typeof html === 'string') return html;
    } catch {
        // The Markdown extension is disabled: fall through.
    }
    return `<pre>${escapeHtml(markdown)}</pre>`;
}

/** The whole page: no scripts, no network; only the page's own inline styles (by nonce). */
export function previewPage(body: string, notice?: string): string {
    const nonce = randomNonce();
    const csp = `default-src 'none'; img-src data:; style-src 'nonce-${nonce}';`;
    const banner = notice ? `<div class="notice" role="alert">${escapeHtml(notice)}</div>` : '';
    return `<!DOCTYPE html>
<html lang="${messageLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
body { font-family: var(--vscode-markdown-font-family, var(--vscode-font-family)); font-size: var(--vscode-markdown-font-size, 14px); line-height: 1.5; padding: 0 24px 24px; max-width: 60em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 4px 8px; text-align: left; vertical-align: top; }
code { font-family: var(--vscode-editor-font-family); }
.notice { border-left: 4px solid var(--vscode-editorError-foreground, #c00); background: var(--vscode-inputValidation-errorBackground, transparent); padding: 8px 12px; margin: 12px 0; }
</style>
</head>
<body>
${banner}
${body}
</body>
</html>`;
}

function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function randomNonce(): string {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}
