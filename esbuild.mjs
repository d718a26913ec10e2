// Bundles the VS Code extension, the language server and the CLI as minified bundles:
//   dist/server.cjs, dist/extension.cjs           Node (desktop VS Code, Neovim, any LSP client)
//   dist/web/server.js, dist/web/extension.cjs    VS Code for the Web (server in a web worker)
//   dist/cli/main.cjs                             the `suplan` command (bin/cli.js), CommonJS
// `node esbuild.mjs` builds all once and checks the bundles; `node esbuild.mjs cli` builds only the
// CLI; `--watch` rebuilds on change.
// The build fails when a heavy generator dependency ends up in an editor bundle (the extension runs
// the CLI for those), when the web server pulls a Node built-in, when the Node bundles together
// exceed the size budget, or when the CLI imports a package at run time that is not one of
// package.json's `dependencies` (everything else is bundled; the npm tarball ships no other package).
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
/** Build labels named on the command line (`cli`); none means all. */
const only = process.argv.slice(2).filter(arg => !arg.startsWith('--'));

/**
 * The CLI's run-time dependencies: native or heavy packages that stay outside the bundle and are
 * loaded (dynamic `import()`) only by the command that needs them, so that `suplan check` starts fast.
 */
const RUNTIME_DEPENDENCIES = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {});
const CLI_DIR = 'dist/cli';
const CLI_BUNDLE = `${CLI_DIR}/main.cjs`;

/**
 * The CLI bundle parses in Langium's production mode: chevrotain skips its grammar checks when it
 * builds the parsers (about a third of the start-up of `suplan check`). The checks run in the tests
 * and in the editor bundles, which parse the same grammar in development mode.
 */
const productionParser = {
    name: 'langium-production-mode',
    setup(build) {
        build.onLoad({ filter: /[\\/]language[\\/]generated[\\/]module\.ts$/ }, args => {
            const text = readFileSync(args.path, 'utf8');
            const contents = text.replaceAll("mode: 'development'", "mode: 'production'");
            if (contents === text) return { errors: [{ text: `no "mode: 'development'" in ${args.path}` }] };
            return { contents, loader: 'ts' };
        });
    },
};

/**
 * In the editor bundles, a generator target the editor does not offer (`editor: false` in its
 * src/generators/<id>/target.ts) keeps its generator out: the target's dynamic import of it stays
 * an external import that the server never runs (the editor asks only for `editor: true` targets,
 * see src/generators/registry.ts `editorTargets`). Heavy and binary targets run in the CLI.
 */
const TARGET_FILE = /[\\/]src[\\/]generators[\\/]([^\\/]+)[\\/]target\.ts$/;
const editorTargetsOnly = {
    name: 'editor-targets-only',
    setup(build) {
        build.onResolve({ filter: /^\./ }, args => {
            if (args.kind !== 'dynamic-import' || !TARGET_FILE.test(args.importer)) return undefined;
            return offeredInEditor(args.importer) ? undefined : { path: args.path, external: true };
        });
    },
};

/** Whether a target.ts says `editor: true`. */
function offeredInEditor(targetFile) {
    return /\beditor:\s*true\b/.test(readFileSync(targetFile, 'utf8'));
}

/** The folders of src/generators/ whose target the editor does not offer. */
function cliOnlyTargets() {
    const root = 'src/generators';
    return readdirSync(root, { withFileTypes: true })
        .filter(entry => entry.isDirectory() && existsSync(path.join(root, entry.name, 'target.ts')))
        .map(entry => entry.name)
        .filter(name => !offeredInEditor(path.join(root, name, 'target.ts')));
}

/** Packages that must never be bundled: the CLI's generators and file formats use them. */
const FORBIDDEN = ['exceljs', 'papaparse', 'commander', 'iconv-lite', 'playwright-core'];
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
            plugins: [editorTargetsOnly],
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
            plugins: [editorTargetsOnly],
        },
    },
    {
        label: 'cli',
        options: {
            ...common,
            platform: 'node',
            // One CommonJS file, run by bin/cli.js through V8's code cache (bin/compile-cache.js):
            // V8 compiles only the functions a command calls, and after the first run it reads them
            // compiled from the cache. exceljs and playwright-core stay outside (`import()` when a
            // command needs them).
            format: 'cjs',
            target: 'node20',
            outfile: CLI_BUNDLE,
            external: RUNTIME_DEPENDENCIES,
            // The two uses of import.meta.url (the package.json and the model schema next to the bundle).
            define: { 'import.meta.url': '__suplanBundleUrl' },
            // `import('exceljs')` becomes require(): both packages are CommonJS, and a script run
            // from V8's code cache has no loader for import().
            supported: { 'dynamic-import': false },
            banner: { js: "var __suplanBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
            plugins: [productionParser],
            // Written by writeCli: an unchanged file is left alone, so a running CLI never reads a half-written one.
            write: false,
            entryPoints: existing({ main: 'src/cli/main.ts' }),
        },
    },
];

function existing(entries) {
    return Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
}

/**
 * Writes the CLI bundle: each changed file through a temporary file and a rename, then removes
 * files of an earlier build (the ESM chunks of before). Tests run `bin/cli.js` while another test file may rebuild.
 */
function writeCli(outputFiles) {
    mkdirSync(CLI_DIR, { recursive: true });
    const written = new Set();
    for (const file of outputFiles) {
        written.add(path.resolve(file.path));
        let same = false;
        try { same = readFileSync(file.path).equals(Buffer.from(file.contents)); } catch { /* new file */ }
        if (same) continue;
        const temporary = `${file.path}.${process.pid}.tmp`;
        writeFileSync(temporary, file.contents);
        renameSync(temporary, file.path);
    }
    for (const name of readdirSync(CLI_DIR)) {
        const full = path.resolve(CLI_DIR, name);
        if (!written.has(full) && !name.endsWith('.tmp')) rmSync(full, { recursive: true, force: true });
    }
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
    let cliBytes = 0;
    let cliFiles = 0;
    for (const { label, metafile } of results) {
        for (const [file, output] of Object.entries(metafile.outputs)) {
            if (label === 'cli') {
                // Every package the CLI imports at run time must be installed with it.
                const imported = output.imports.filter(i => i.external && !isBuiltin(i.path)).map(i => packageName(i.path));
                const missing = [...new Set(imported)].filter(name => !RUNTIME_DEPENDENCIES.includes(name));
                if (missing.length > 0) problems.push(`${file} imports ${missing.join(', ')}, which package.json does not list in dependencies`);
                cliBytes += output.bytes;
                cliFiles++;
                continue;
            }
            const cliOnly = cliOnlyTargets();
            const generatorCode = Object.keys(output.inputs)
                .filter(input => cliOnly.some(name => input.startsWith(`src/generators/${name}/`) && !input.endsWith('/target.ts')));
            if (generatorCode.length > 0) problems.push(`${file} bundles generators the editor does not offer: ${generatorCode.join(', ')}`);
            const packages = packagesOf(output);
            const forbidden = FORBIDDEN.filter(name => packages.has(name));
            if (forbidden.length > 0) problems.push(`${file} bundles ${forbidden.join(', ')}`);
            if (label === 'node') nodeBytes += output.bytes;
            console.log(`${file.padEnd(26)} ${(output.bytes / 1024).toFixed(1).padStart(7)} KB`);
        }
    }
    if (results.some(r => r.label === 'node')) {
        console.log(`extension + server (node) ${(nodeBytes / 1024).toFixed(1).padStart(7)} KB of ${(NODE_BUDGET / 1024).toFixed(0)} KB`);
        if (nodeBytes > NODE_BUDGET) problems.push(`the Node bundles take ${nodeBytes} bytes, more than ${NODE_BUDGET}`);
    }
    if (cliFiles > 0) {
        console.log(`${(CLI_BUNDLE + ' (CLI)').padEnd(26)} ${(cliBytes / 1024).toFixed(1).padStart(7)} KB in ${cliFiles} file${cliFiles === 1 ? '' : 's'}; run-time dependencies: ${RUNTIME_DEPENDENCIES.join(', ') || 'none'}`);
    }
    return problems;
}

/** `exceljs/dist/x.js` → `exceljs`; `@scope/name/x` → `@scope/name`. */
function packageName(specifier) {
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const selected = builds.filter(({ label }) => only.length === 0 || only.includes(label));
if (selected.length === 0) {
    console.error(`esbuild: no build named ${only.join(', ')} (builds: ${builds.map(b => b.label).join(', ')})`);
    process.exit(1);
}

if (watch) {
    // The watch mode writes the CLI bundle itself.
    for (const { options } of selected) await (await esbuild.context({ ...options, write: true })).watch();
} else {
    const results = [];
    for (const { label, options } of selected) {
        if (Object.keys(options.entryPoints).length === 0) continue;
        try {
            const result = await esbuild.build(options);
            if (label === 'cli') writeCli(result.outputFiles);
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
