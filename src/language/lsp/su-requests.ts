import { DocumentState, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { isPlan } from '../generated/ast.js';
import { buildPlanModel } from '../../model/build-model.js';
import { renderPlanDocument } from '../../generators/markdown/plan-document.js';
import type { SuServices } from '../suplan-services.js';
import { starterVariable } from '../catalogue-starter.js';
import {
    GENERATE_REQUEST,
    NEW_PLAN_CATALOGUES_REQUEST,
    TARGETS_REQUEST,
    type NewPlanCatalogue,
    type EditorTarget,
    type GenerateParams,
    type GenerateResult,
} from '../../protocol/requests.js';

/** The targets the editor offers; the request names and types are in src/protocol/requests.ts. */
export const EDITOR_TARGETS: readonly EditorTarget[] = [
    { id: 'markdown', extension: '.md', description: { sv: 'plandokument i Markdown', en: 'the plan document in Markdown' } },
    { id: 'json', extension: '.json', description: { sv: 'planmodellen som JSON', en: 'the plan model as JSON' } },
];

/** Generates `target` for the plan at `uri` from the server's current (validated) state. */
export async function generateForEditor(services: SuServices, params: GenerateParams): Promise<GenerateResult> {
    const language = params.language ?? 'sv';
    const target = EDITOR_TARGETS.find(t => t.id === params.target);
    if (!target) {
        return { ok: false, message: language === 'sv' ? `Okänt mål: ${params.target}` : `Unknown target: ${params.target}` };
    }
    const uri = URI.parse(params.uri);
    const workspace = services.shared.workspace;
    await workspace.WorkspaceManager.ready;
    const document = await workspace.LangiumDocuments.getOrCreateDocument(uri);
    if (document.state < DocumentState.Validated) {
        await workspace.DocumentBuilder.build([document], { validation: true });
    }
    const root = document.parseResult.value;
    if (!isPlan(root)) {
        return { ok: false, message: language === 'sv' ? 'Filen är ingen plan.' : 'The file is not a plan.' };
    }
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).length;
    if (errors > 0) {
        return {
            ok: false,
            message: language === 'sv'
                ? `Planen har ${errors} fel. Rätta dem (se Problem) och försök igen.`
                : `The plan has ${errors} error(s). Fix them (see Problems) and try again.`,
        };
    }
    const source = uri.path.split('/').pop() ?? uri.path;
    const model = buildPlanModel(root, { source, catalogues: services.suplan.catalogue.CatalogueResolver });
    const content = target.id === 'json'
        ? JSON.stringify(model, null, 2) + '\n'
        : renderPlanDocument(model, { language });
    return { ok: true, content, extension: target.extension };
}

/**
 * The catalogue versions a new plan can start from: every catalogue of the workspace with a
 * variable to start from, in name order, newest version first within a name.
 */
export async function newPlanCatalogues(services: SuServices): Promise<NewPlanCatalogue[]> {
    await services.shared.workspace.WorkspaceManager.ready;
    const resolver = services.suplan.catalogue.CatalogueResolver;
    const found: NewPlanCatalogue[] = [];
    for (const name of [...resolver.names()].sort((a, b) => a.localeCompare(b, 'sv'))) {
        const versions = [...resolver.versions(name)].sort((a, b) => b.version.localeCompare(a.version, 'sv', { numeric: true }));
        for (const catalogue of versions) {
            const variable = starterVariable(catalogue);
            if (variable && catalogue.version !== undefined) found.push({ name, version: catalogue.version, variable });
        }
    }
    return found;
}

/** Registers the editor's own requests: the targets it offers, generation for preview/"Generera…", catalogues for "Ny plan". */
export function registerSuRequests(connection: Connection, services: SuServices): void {
    connection.onRequest(TARGETS_REQUEST, () => EDITOR_TARGETS);
    connection.onRequest(GENERATE_REQUEST, (params: GenerateParams) => generateForEditor(services, params));
    connection.onRequest(NEW_PLAN_CATALOGUES_REQUEST, () => newPlanCatalogues(services));
}
