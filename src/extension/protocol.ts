import { RequestType, RequestType0 } from 'vscode-languageclient';
import type { EditorTarget, GenerateParams, GenerateResult } from '../language/lsp/su-requests.js';

/**
 * The language server's own requests (src/language/lsp/su-requests.ts). Only the types are
 * imported from the server: importing its values would bundle the whole server into the client.
 */
export type { EditorTarget, GenerateParams, GenerateResult };

/** The targets the server can generate for the editor. */
export const targetsRequest = new RequestType0<EditorTarget[], void>('suplan/targets');

/** Generates a target for one plan from the server's current (validated) state. */
export const generateRequest = new RequestType<GenerateParams, GenerateResult, void>('suplan/generate');
