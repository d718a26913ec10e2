import * as path from 'node:path';
import { layerViolation } from './layers.js';

const SRC = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../src');

/** The top-level folder of src/ that `file` lies in, or undefined outside src/ (or directly in it). */
function folderOf(file) {
    const relative = path.relative(SRC, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    const parts = relative.split(path.sep);
    return parts.length > 1 ? parts[0] : undefined;
}

/** ESLint rule `layers/layers`: relative imports in src/ follow the layer table of layers.js. */
const rule = {
    meta: {
        type: 'problem',
        docs: { description: 'imports in src/ go only to lower layers (scripts/lint/layers.js)' },
        schema: [],
        messages: { violation: '{{message}}' },
    },
    create(context) {
        const file = context.filename;
        const from = folderOf(file);
        if (from === undefined) return {};
        const check = (node, source) => {
            if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
            const to = folderOf(path.resolve(path.dirname(file), source.value));
            if (to === undefined) return;
            const message = layerViolation(from, to);
            if (message) context.report({ node: source, messageId: 'violation', data: { message } });
        };
        return {
            ImportDeclaration: node => check(node, node.source),
            ExportNamedDeclaration: node => check(node, node.source),
            ExportAllDeclaration: node => check(node, node.source),
            ImportExpression: node => check(node, node.source.type === 'Literal' ? node.source : undefined),
            TSImportType: node => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
        };
    },
};

export default { rules: { layers: rule } };
