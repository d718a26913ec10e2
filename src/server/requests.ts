import { DocumentState, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { isPlan } from '../language/generated/ast.js';
import { buildPlanModel } from '../model/build-model.js';
import { editorTargets, type SourceRevision } from '../generators/registry.js';
import { serverMessage } from './messages.js';
import type { SuServices } from '../language/suplan-services.js';
import { starterVariable } from '../language/catalogue-starter.js';
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
 * What the server can find out about a plan file beyond its text: the git commit it comes from
 * (the Node server asks git, src/files/git-revision.ts; a server in a browser cannot), and the
 * file's text on disk, to see whether the editor's text has unsaved changes.
 */
export interface PlanFileInfo {
    readonly revisionOf: (file: string) => SourceRevision | undefined;
    readonly readText: (file: string) => string | undefined;
}

/**
 * The revision shown in a plan document generated from the editor's text: the file's commit,
 * `modified` also when the editor holds unsaved changes (the document then is not the file).
 */
function editorRevision(info: PlanFileInfo | undefined, uri: URI, text: string): SourceRevision | undefined {
    if (!info || uri.scheme !== 'file') return undefined;
    const revision = info.revisionOf(uri.fsPath);
    if (!revision || revision.state !== 'committed') return revision;
    return info.readText(uri.fsPath) === text ? revision : { ...revision, state: 'modified' };
}

/** Generates `target` for the plan at `uri` from the server's current (validated) state. */
export async function generateForEditor(services: SuServices, params: GenerateParams, info?: PlanFileInfo): Promise<GenerateResult> {
    const language = params.language ?? 'sv';
    const target = editorTargets().find(t => t.id === params.target);
    if (!target) return { ok: false, message: serverMessage(language, 'unknownTarget', params.target) };
    const uri = URI.parse(params.uri);
    const workspace = services.shared.workspace;
    await workspace.WorkspaceManager.ready;
    const document = await workspace.LangiumDocuments.getOrCreateDocument(uri);
    if (document.state < DocumentState.Validated) {
        await workspace.DocumentBuilder.build([document], { validation: true });
    }
    const root = document.parseResult.value;
    if (!isPlan(root)) return { ok: false, message: serverMessage(language, 'notAPlan') };
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).length;
    if (errors > 0) return { ok: false, message: serverMessage(language, 'planHasErrors', errors) };
    const source = uri.path.split('/').pop() ?? uri.path;
    const baseName = source.replace(/\.suplan$/, '');
    const model = buildPlanModel(root, { source, catalogues: services.suplan.catalogue.CatalogueResolver });
    const generate = await target.load();
    const revision = target.showsRevision ? editorRevision(info, uri, document.textDocument.getText()) : undefined;
    const files = (await generate(model, { baseName, language, ...(revision ? { revision } : {}) })).map(file => ({
        path: file.path,
        content: typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content),
    }));
    return { ok: true, files };
}

/** The targets the editor offers, as the client sees them. */
function editorTargetList(): EditorTarget[] {
    return editorTargets().map(target => ({ id: target.id, description: target.description }));
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

/**
 * Registers the editor's own requests: the targets it offers, generation for preview/"Generera…",
 * catalogues for "Ny plan". `info` (the Node server) lets plan documents name the git commit.
 */
export function registerSuRequests(connection: Connection, services: SuServices, info?: PlanFileInfo): void {
    connection.onRequest(TARGETS_REQUEST, editorTargetList);
    connection.onRequest(GENERATE_REQUEST, (params: GenerateParams) => generateForEditor(services, params, info));
    connection.onRequest(NEW_PLAN_CATALOGUES_REQUEST, () => newPlanCatalogues(services));
}
