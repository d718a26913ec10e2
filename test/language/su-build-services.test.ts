import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
    AstUtils, DefaultAstNodeDescriptionProvider, DefaultIndexManager, DefaultLinker, DefaultReferenceDescriptionProvider, EmptyFileSystem, TextDocument,
    type AstNode, type AstNodeDescription, type LangiumDocument, type Reference
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { beforeAll, describe, expect, test } from 'vitest';
import { reflection } from '../../src/language/generated/ast.js';
import { SuIndexManager } from '../../src/language/overrides/su-index-manager.js';
import { SuDocumentBuilder } from '../../src/language/overrides/su-document-builder.js';
import { hasLinkingErrors, SuLinker } from '../../src/language/overrides/su-linker.js';
import { SuReferenceDescriptionProvider } from '../../src/language/overrides/su-reference-descriptions.js';
import { createSuServices, type SuServices } from '../../src/language/suplan-services.js';
import { SuAstNodeDescriptionProvider } from '../../src/language/suplan-scope.js';
import { VALUE_CHECKED_TYPES } from '../../src/language/validators/value-validator.js';
import { buildWorkspace, type SourceText } from '../../src/workspace/load.js';

/**
 * The build services that replace Langium's for speed (linker, reference descriptions, lazy reference
 * index, lazy node descriptions) give exactly the default's results.
 */
function sourcesUnder(dir: string, extension: string): SourceText[] {
    return readdirSync(dir).filter(f => f.endsWith(extension)).sort().map(f => ({ file: path.resolve(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
}

const INVALID = ['SU012', 'SU013', 'SU014', 'SU015', 'SU016', 'SU017', 'SU020', 'SU021'];
const SOURCES: SourceText[] = [
    ...sourcesUnder('examples/catalogues', '.sucat'),
    ...sourcesUnder('examples/plans', '.suplan'),
    ...sourcesUnder('test/fixtures/invalid', '.suplan').filter(s => INVALID.some(code => path.basename(s.file).startsWith(code))),
];

/** A readable, comparable rendering of a document's linked references, in `document.references` order. */
function linkingOf(document: LangiumDocument, services: SuServices): unknown[] {
    const locator = services.suplan.workspace.AstNodeLocator;
    return document.references.map(reference => {
        const single = reference as Reference;
        const target = single.ref;
        return {
            text: reference.$refText,
            offset: reference.$refNode?.offset,
            target: target ? `${AstUtils.getDocument(target).uri.toString()}#${locator.getAstNodePath(target)}` : undefined,
            description: single.$nodeDescription ? `${single.$nodeDescription.documentUri.toString()}#${single.$nodeDescription.path}` : undefined,
            error: reference.error ? { message: reference.error.message, property: reference.error.info.property, index: reference.error.info.index, container: locator.getAstNodePath(reference.error.info.container) } : undefined,
        };
    });
}

function describeFully(description: AstNodeDescription): unknown {
    const { node, name, type, documentUri, path: nodePath, nameSegment, selectionSegment } = description;
    return { node, name, type, documentUri: documentUri.toString(), path: nodePath, nameSegment, selectionSegment };
}

describe('SU-plan build services match Langium defaults', () => {
    let services: SuServices;
    let documents: LangiumDocument[];

    beforeAll(async () => {
        services = createSuServices(EmptyFileSystem);
        documents = (await buildWorkspace(services, SOURCES)).map(loaded => loaded.document);
    });

    test('the workspace holds examples and plans with unresolved references', () => {
        expect(documents.length).toBeGreaterThan(10);
        expect(documents.some(document => document.references.some(reference => reference.error))).toBe(true);
        expect(services.suplan.references.Linker).toBeInstanceOf(SuLinker);
        expect(services.shared.workspace.IndexManager).toBeInstanceOf(SuIndexManager);
    });

    test('SuLinker links the same references, in the same order, with the same targets and errors as DefaultLinker', async () => {
        for (const document of documents) {
            const languageServices = services.shared.ServiceRegistry.getServices(document.uri);
            const ours = languageServices.references.Linker;
            const linkedByUs = linkingOf(document, services);
            ours.unlink(document);
            await new DefaultLinker(languageServices).link(document);
            const linkedByDefault = linkingOf(document, services);
            ours.unlink(document);
            await ours.link(document);
            expect(linkedByUs, document.uri.path).toEqual(linkedByDefault);
            expect(linkingOf(document, services), document.uri.path).toEqual(linkedByDefault);
        }
    });

    test('hasLinkingErrors answers as a scan of the references does, also after relinking', async () => {
        expect(services.shared.workspace.DocumentBuilder).toBeInstanceOf(SuDocumentBuilder);
        const scan = (document: LangiumDocument): boolean => document.references.some(reference => reference.error !== undefined);
        expect(documents.filter(scan).length).toBeGreaterThan(0);
        for (const document of documents) {
            expect(hasLinkingErrors(document), document.uri.path).toBe(scan(document));
            const linker = services.shared.ServiceRegistry.getServices(document.uri).references.Linker;
            linker.unlink(document);
            expect(hasLinkingErrors(document)).toBe(false);
            await linker.link(document);
            expect(hasLinkingErrors(document), document.uri.path).toBe(scan(document));
        }
    });

    test('SuReferenceDescriptionProvider describes the same references as the default', async () => {
        for (const document of documents) {
            const languageServices = services.shared.ServiceRegistry.getServices(document.uri);
            const ours = languageServices.workspace.ReferenceDescriptionProvider;
            expect(ours).toBeInstanceOf(SuReferenceDescriptionProvider);
            const expected = await new DefaultReferenceDescriptionProvider(languageServices).createDescriptions(document);
            expect(await ours.createDescriptions(document), document.uri.path).toEqual(expected);
        }
    });

    test('SuAstNodeDescriptionProvider gives the same descriptions as the default', () => {
        for (const document of documents) {
            const languageServices = services.shared.ServiceRegistry.getServices(document.uri);
            const ours = languageServices.workspace.AstNodeDescriptionProvider;
            expect(ours).toBeInstanceOf(SuAstNodeDescriptionProvider);
            const reference = new DefaultAstNodeDescriptionProvider(languageServices);
            const root = document.parseResult.value;
            for (const node of [root, ...AstUtils.streamAllContents(root)]) {
                const name = languageServices.references.NameProvider.getName(node);
                if (!name) continue;
                expect(describeFully(ours.createDescription(node, name, document))).toEqual(describeFully(reference.createDescription(node, name, document)));
            }
        }
    });

    test('the lazy reference index finds the same references and affected documents as the default index', async () => {
        const defaults = createSuServices(EmptyFileSystem, { workspace: { IndexManager: (shared: LangiumSharedServices) => new DefaultIndexManager(shared) } });
        const defaultDocuments = (await buildWorkspace(defaults, SOURCES)).map(loaded => loaded.document);
        expect(defaults.shared.workspace.IndexManager).not.toBeInstanceOf(SuIndexManager);
        const ours = services.shared.workspace.IndexManager;
        const theirs = defaults.shared.workspace.IndexManager;
        const render = (node: AstNode, index: typeof ours): unknown[] => {
            const nodePath = services.suplan.workspace.AstNodeLocator.getAstNodePath(node);
            return index.findAllReferences(node, nodePath).map(r => ({ ...r, sourceUri: r.sourceUri.toString(), targetUri: r.targetUri.toString() })).toArray();
        };
        let found = 0;
        documents.forEach((document, i) => {
            const other = defaultDocuments[i];
            const ourNodes = [document.parseResult.value, ...AstUtils.streamAllContents(document.parseResult.value)];
            const theirNodes = [other.parseResult.value, ...AstUtils.streamAllContents(other.parseResult.value)];
            expect(ourNodes.length).toBe(theirNodes.length);
            ourNodes.forEach((node, j) => {
                const expected = render(theirNodes[j], theirs);
                found += expected.length;
                expect(render(node, ours)).toEqual(expected);
            });
            const changed = new Set(documents.filter(d => d !== document).map(d => d.uri.toString()));
            expect(ours.isAffected(document, changed), document.uri.path).toBe(theirs.isAffected(other, changed));
        });
        expect(found).toBeGreaterThan(0);
    });

    test('find references works across files after an edit rebuilds the referencing plan', async () => {
        const fresh = createSuServices(EmptyFileSystem);
        const loaded = await buildWorkspace(fresh, SOURCES);
        const catalogue = loaded.find(l => l.file.endsWith('.sucat'))!.document;
        const plan = loaded.find(l => l.document.references.some(r => (r as Reference).ref && AstUtils.getDocument((r as Reference).ref!) === catalogue))!.document;
        const target = plan.references.map(r => (r as Reference).ref).find(t => t && AstUtils.getDocument(t) === catalogue)!;
        const before = fresh.suplan.references.References.findReferences(target, { includeDeclaration: false }).toArray();
        expect(before.some(r => r.sourceUri.toString() === plan.uri.toString())).toBe(true);
        // Edit the plan at its end (as the editor does): it is reparsed and relinked, and its references
        // are described again when next asked.
        const text = plan.textDocument.getText();
        fresh.shared.workspace.TextDocuments.set(TextDocument.create(plan.uri.toString(), 'suplan', 2, `${text}\n`));
        await fresh.shared.workspace.DocumentBuilder.update([plan.uri], []);
        expect(plan.textDocument.getText()).toBe(`${text}\n`);
        const after = fresh.suplan.references.References.findReferences(target, { includeDeclaration: false }).toArray();
        expect(after.map(r => ({ ...r, sourceUri: r.sourceUri.toString(), targetUri: r.targetUri.toString() })))
            .toEqual(before.map(r => ({ ...r, sourceUri: r.sourceUri.toString(), targetUri: r.targetUri.toString() })));
        // Deleting the plan drops its references.
        await fresh.shared.workspace.DocumentBuilder.update([], [plan.uri]);
        const gone = fresh.suplan.references.References.findReferences(target, { includeDeclaration: false }).toArray();
        expect(gone.some(r => r.sourceUri.toString() === plan.uri.toString())).toBe(false);
    });

    test('the node types ValueValidator dispatches on by $type have no subtypes', () => {
        for (const type of VALUE_CHECKED_TYPES) expect(reflection.getAllSubTypes(type)).toEqual([type]);
    });
});
