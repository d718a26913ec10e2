// Bundles the VS Code extension (client) and the language server into dist/ as minified CommonJS.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const node = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
};

const entries = {
    server: 'src/language/main.ts',
    extension: 'src/extension/main.ts',
};

const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
const context = await esbuild.context({ ...node, entryPoints });
if (watch) {
    await context.watch();
} else {
    await context.rebuild();
    await context.dispose();
    for (const name of Object.keys(entryPoints)) console.log(`dist/${name}.cjs`);
}
