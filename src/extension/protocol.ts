import { RequestType, RequestType0 } from 'vscode-languageclient';
import {
    GENERATE_REQUEST,
    NEW_PLAN_CATALOGUES_REQUEST,
    TARGETS_REQUEST,
    type NewPlanCatalogue,
    type EditorTarget,
    type GenerateParams,
    type GenerateResult,
} from '../protocol/requests.js';

/**
 * The language server's own requests (answered by src/server/requests.ts) as typed
 * request objects for the language client. Names and types come from src/protocol/requests.ts,
 * which imports nothing, so the client bundle pulls in none of the server.
 */
export type { EditorTarget, GenerateParams, GenerateResult, NewPlanCatalogue };

/** The targets the server can generate for the editor. */
export const targetsRequest = new RequestType0<EditorTarget[], void>(TARGETS_REQUEST);

/** Generates a target for one plan from the server's current (validated) state. */
export const generateRequest = new RequestType<GenerateParams, GenerateResult, void>(GENERATE_REQUEST);

/** The catalogue versions a new plan can start from, with the variable it will use. */
export const newPlanCataloguesRequest = new RequestType0<NewPlanCatalogue[], void>(NEW_PLAN_CATALOGUES_REQUEST);
