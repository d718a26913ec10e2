import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI } from 'langium';
import { discoverCatalogues, findRepositoryRoot, PLAN_EXTENSION } from '../files/discovery.js';
import type { SuServices } from '../language/suplan-services.js';

/**
 * Finds catalogues for the plans the server builds as the CLI does: in the plan's folder and every
 * folder above it up to the repository root (the nearest folder with `.git`; without one, the
 * workspace folder holding the plan, else the plan's folder), and in their `kataloger/` or
 * `catalogues/` subfolders. So a plan finds its catalogues when the editor's folder is a subfolder
 * of the repository, when a single file is opened without a folder, and whatever folder the editor
 * calls its root. Each folder is looked at once; catalogues found are loaded and the plans relinked.
 */
export function registerCatalogueDiscovery(services: SuServices): void {
    const workspace = services.shared.workspace;
    const lookedAt = new Set<string>();
    let folders: readonly string[] = [];
    services.shared.lsp.LanguageServer.onInitialize(params => {
        const uris = params.workspaceFolders?.map(folder => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
        folders = uris.map(uri => URI.parse(uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
    });
    const rootOf = (folder: string): string => {
        const root = findRepositoryRoot(folder);
        if (existsSync(path.join(root, '.git'))) return root;
        return folders.find(f => folder === f || folder.startsWith(f + path.sep)) ?? folder;
    };
    workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const wanted: URI[] = [];
        for (const document of documents) {
            if (document.uri.scheme !== 'file' || !document.uri.path.endsWith(PLAN_EXTENSION)) continue;
            const file = document.uri.fsPath;
            const folder = path.dirname(file);
            if (lookedAt.has(folder)) continue;
            lookedAt.add(folder);
            let found: string[];
            try {
                found = discoverCatalogues(file, rootOf(folder));
            } catch {
                continue; // an unreadable folder: nothing to add
            }
            for (const catalogue of found) {
                const uri = URI.file(catalogue);
                if (!workspace.LangiumDocuments.hasDocument(uri) && !wanted.some(w => w.toString() === uri.toString())) wanted.push(uri);
            }
        }
        if (wanted.length === 0) return;
        // After this build: load the catalogues and relink the plans that could not resolve them.
        setTimeout(() => {
            void workspace.WorkspaceLock.write(token => workspace.DocumentBuilder.update(wanted, [], token));
        }, 0);
    });
}
