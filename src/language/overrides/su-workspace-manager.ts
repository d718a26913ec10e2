import { DefaultWorkspaceManager, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { PlanSettings } from '../settings.js';

/** How long the first indexing waits for the client's settings before it uses the defaults. */
const SETTINGS_WAIT_MS = 3000;

/**
 * Indexes every `*.sucat` and `*.suplan` of the workspace and of the configured catalogue
 * folders, and validates all of them at start-up, so that the Problems panel lists every plan,
 * not only the open ones.
 */
export class SuWorkspaceManager extends DefaultWorkspaceManager {
    private readonly sharedServices: LangiumSharedServices;

    constructor(shared: LangiumSharedServices, private readonly settings: PlanSettings) {
        super(shared);
        this.sharedServices = shared;
        this.initialBuildOptions = { validation: true };
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        this.workspaceFolderList = folders;
        await Promise.race([
            this.sharedServices.workspace.ConfigurationProvider.ready,
            new Promise(resolve => setTimeout(resolve, SETTINGS_WAIT_MS)),
        ]);
        for (const uri of await this.catalogueFolderFiles()) {
            collector(await this.langiumDocuments.getOrCreateDocument(uri));
        }
    }

    private workspaceFolderList: readonly WorkspaceFolder[] = [];

    /** The `*.sucat` files under the configured catalogue folders. */
    async catalogueFolderFiles(): Promise<URI[]> {
        const base = this.workspaceFolderList[0] ? URI.parse(this.workspaceFolderList[0].uri) : undefined;
        const uris: URI[] = [];
        for (const folder of this.settings.cataloguePaths) {
            const root = isAbsolute(folder) ? URI.file(folder) : base ? UriUtils.joinPath(base, folder) : undefined;
            if (!root) continue;
            const found: URI[] = [];
            await this.traverseFolder(root, found);
            uris.push(...found.filter(uri => uri.path.endsWith('.sucat')));
        }
        return uris;
    }
}

/** An absolute POSIX or Windows path (no `node:path`: the server also runs in a web worker). */
function isAbsolute(folder: string): boolean {
    return folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder);
}
