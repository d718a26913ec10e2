/**
 * The layers of src/, lowest first. A folder may import (type-only imports count too) from its
 * own files and from folders in lower layers, never from its own layer or above. The ESLint rule
 * below and test/architecture/layers.test.ts both read this table.
 */
export const LAYERS = [
    ['text'],                          // diacritic folding, did-you-mean, escaping: imports nothing
    ['files', 'protocol', 'template'], // file discovery, LSP request names, the new-plan template
    ['language'],                      // grammars, AST, scoping, validators, Langium LSP features
    ['model', 'workspace'],            // the plan model and its builder; loading documents
    ['catalogue', 'data'],             // catalogue import/export; the data format
    ['engine'],                        // the analysis engine
    ['generators'],                    // the generator registry and every target
    ['server', 'cli'],                 // the language server's entry and requests; the CLI
    ['extension'],                     // the VS Code client only
];

/** The layer index of a top-level folder of src/, or undefined for files directly in src/. */
export function layerOf(folder) {
    const index = LAYERS.findIndex(layer => layer.includes(folder));
    return index === -1 ? undefined : index;
}

/** Why `from` may not import `to` (two top-level folders of src/), or undefined when it may. */
export function layerViolation(from, to) {
    if (from === to) return undefined;
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === undefined) return `src/${from}/ is in no layer: add it to scripts/lint/layers.js`;
    if (b === undefined) return undefined; // src/node20-polyfill.js and other root files
    if (b < a) return undefined;
    const where = b === a ? 'its own layer' : 'a higher layer';
    return `src/${from}/ may not import from src/${to}/ (${where}); allowed: ${LAYERS.slice(0, a).flat().join(', ') || 'nothing'}`;
}
