import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CODES, helpFor, type Code, type Language } from '../language/diagnostics/codes.js';
import type { SuServices } from '../language/suplan-services.js';
import type { SuDiagnosticData } from '../language/validators/common.js';
import { serverMessage } from './messages.js';

function isSuData(data: unknown): data is SuDiagnosticData {
    return typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string'
        && Object.prototype.hasOwnProperty.call(CODES, data.code);
}

/**
 * A diagnostic as the editor shows it: its message, then on a line of its own `Tips: ` and the
 * code's help text (how to fix it), which the CLI prints as `hjälp:`. Every client shows the whole
 * message in its problem list and hover (VS Code's Problems panel and hover, Neovim's float, Emacs
 * flymake), while many ignore relatedInformation and codeDescription. A warning the plan accepts
 * (`acceptera`) and a diagnostic without a code (an unread file, an internal error) get none.
 */
export function withHelp(diagnostic: Diagnostic, language: Language): Diagnostic {
    const data = diagnostic.data;
    if (!isSuData(data) || data.accepted !== undefined || typeof diagnostic.message !== 'string') return diagnostic;
    const help = helpFor(data.code as Code, language, data.args).trim();
    if (help === '') return diagnostic;
    return { ...diagnostic, message: `${diagnostic.message}\n${serverMessage(language, 'helpLine', help)}` };
}

/**
 * Adds the help text to every diagnostic the server publishes (Langium publishes them through
 * `connection.sendDiagnostics` when a document is validated), in the current message language.
 * The documents keep their diagnostics as the validators made them: code actions and the CLI
 * read those.
 */
export function publishDiagnosticsWithHelp(connection: Connection, services: SuServices): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        const language = services.suplan.catalogue.MessageLocale.language;
        return send({ ...params, diagnostics: params.diagnostics.map(d => withHelp(d, language)) });
    };
}
