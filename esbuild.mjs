// Bundles the VS Code extension and the language server as minified bundles:
//   dist/server.cjs, dist/extension.cjs           Node (desktop VS Code, Neovim, any LSP client)
//   dist/web/server.js, dist/web/extension.cjs    VS Code for the Web (server in a web worker)
// `node esbuild.mjs` builds once and checks the bundles; `--watch` rebuilds on change.
// The build fails when a heavy generator dependency ends up in a bundle (the extension runs the
// CLI for those), when the web server pulls a Node built-in, or when the Node bundles together
// exceed the size budget.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/** Packages that must never be bundled: the CLI's generators and file formats use them. */
const FORBIDDEN = ['exceljs', 'papaparse', 'commander', 'iconv-lite'];
/** Extension + server (Node), in bytes: the goal of issue 4. */
const NODE_BUDGET = 1.5 * 1024 * 1024;

const common = {
    bundle: true,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    external: ['vscode'],
};

/** @type {Array<{ label: string, options: import('esbuild').BuildOptions }>} */
const builds = [
    {
        label: 'node',
        options: {
            ...common,
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            outdir: 'dist',
            outExtension: { '.js': '.cjs' },
            entryPoints: existing({ server: 'src/server/main.ts', extension: 'src/extension/main.ts' }),
        },
    },
    {
        label: 'web extension',
        options: {
            ...common,
            platform: 'browser',
            format: 'cjs',
            target: 'es2022',
            outdir: 'dist/web',
            outExtension: { '.js': '.cjs' },
            entryPoints: existing({ extension: 'src/extension/web/main.ts' }),
        },
    },
    {
        label: 'web server',
        options: {
            ...common,
            platform: 'browser',
            // A Node built-in anywhere in the server fails this build ("Could not resolve").
            format: 'iife',
            target: 'es2022',
            outdir: 'dist/web',
            entryPoints: existing({ server: 'src/server/main-browser.ts' }),
        },
    },
];

function existing(entries) {
    return Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
}

/** The packages (node_modules/<name>) a bundle contains, with their bytes in the output. */
function packagesOf(output) {
    const sizes = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
        if (match) sizes.set(match[1], (sizes.get(match[1]) ?? 0) + bytesInOutput);
    }
    return sizes;
}

function check(results) {
    const problems = [];
    let nodeBytes = 0;
    for (const { label, metafile } of results) {
        for (const [file, output] of Object.entries(metafile.outputs)) {
            const packages = packagesOf(output);
            const forbidden = FORBIDDEN.filter(name => packages.has(name));
            if (forbidden.length > 0) problems.push(`${file} bundles ${forbidden.join(', ')}`);
            if (label === 'node') nodeBytes += output.bytes;
            console.log(`${file.padEnd(26)} ${(output.bytes / 1024).toFixed(1).padStart(7)} KB`);
        }
    }
    console.log(`extension + server (node) ${(nodeBytes / 1024).toFixed(1).padStart(7)} KB of ${(NODE_BUDGET / 1024).toFixed(0)} KB`);
    if (nodeBytes > NODE_BUDGET) problems.push(`the Node bundles take ${nodeBytes} bytes, more than ${NODE_BUDGET}`);
    return problems;
}

if (watch) {
    for (const { options } of builds) await (await esbuild.context(options)).watch();
} else {
    const results = [];
    for (const { label, options } of builds) {
        if (Object.keys(options.entryPoints).length === 0) continue;
        try {
            const result = await esbuild.build(options);
            results.push({ label, metafile: result.metafile });
        } catch {
            // esbuild has printed the errors (e.g. a Node built-in in the web server).
            console.error(`esbuild: the ${label} build failed`);
            process.exit(1);
        }
    }
    const problems = check(results);
    for (const problem of problems) console.error(`esbuild: ${problem}`);
    if (problems.length > 0) process.exit(1);
}
