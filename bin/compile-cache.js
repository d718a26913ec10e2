// Runs the CLI bundle (CommonJS) through V8's code cache: the first run of a command stores the
// functions V8 compiled while it ran; later runs of that command read them instead of compiling
// again. This is what Node's own `module.enableCompileCache()` does for modules (Node 22.1 and later),
// except that the cache is written after the command has run, so it holds the functions compiled
// lazily during the run as well (building the Langium parser calls a great many), and that it works on
// Node 20. It halves what `suplan check` spends beyond starting Node (README, "Prestanda").
//
// The cache is only an optimisation: when it cannot be read or written the command runs as without
// it and says nothing. V8 rejects cache data made by another V8 version or with other flags; the
// folder name holds a hash of the bundle, so a rebuilt or upgraded CLI never reads old code.
//   SUPLAN_COMPILE_CACHE=<folder>        where to keep it (default: the user's cache folder)
//   SUPLAN_DISABLE_COMPILE_CACHE=1       run without it
// CommonJS (bin/package.json), like the bundle: Node starts a CommonJS entry without its ES module
// loader, which `suplan check` would otherwise wait for.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/**
 * Loads `file` (a CommonJS bundle exporting `runCli(argv)`), runs the command and returns its exit
 * code; writes the code cache afterwards when there was none or V8 rejected it.
 */
async function runBundle(file, argv) {
    const source = readFileSync(file, 'utf8');
    const cacheFile = cacheFileFor(source, argv);
    const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
        filename: file,
        cachedData,
    });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
    const code = await module.exports.runCli(argv);
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) writeCache(cacheFile, script.createCachedData());
    return code;
}

/** `<cache folder>/<bundle hash>-<node version>-<arch>/<command>.bin`, or undefined when off. */
function cacheFileFor(source, argv) {
    if (process.env.SUPLAN_DISABLE_COMPILE_CACHE) return undefined;
    const root = process.env.SUPLAN_COMPILE_CACHE || defaultRoot();
    if (!root) return undefined;
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
    // Each command calls other functions: `check` and `generate` get a cache each.
    const command = argv.slice(2).find(arg => !arg.startsWith('-'));
    const name = command && /^[a-z][a-z-]{0,30}$/.test(command) ? command : 'suplan';
    return path.join(root, `${hash}-${process.version}-${process.arch}`, `${name}.bin`);
}

/** The user's cache folder: %LOCALAPPDATA% on Windows, $XDG_CACHE_HOME or ~/.cache elsewhere. */
function defaultRoot() {
    let base;
    if (process.platform === 'win32') base = process.env.LOCALAPPDATA;
    else base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : undefined);
    return base ? path.join(base, 'suplan', 'compile-cache') : undefined;
}

function readCache(file) {
    try {
        return readFileSync(file);
    } catch {
        return undefined;
    }
}

/**
 * Through a temporary file and a rename (two commands may finish at once); then removes the caches
 * of other builds of the CLI (their folders start with another hash).
 */
function writeCache(file, data) {
    const folder = path.dirname(file);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        writeFileSync(temporary, data, { mode: 0o600 });
        renameSync(temporary, file);
        const hash = path.basename(folder).split('-')[0];
        for (const entry of readdirSync(path.dirname(folder))) {
            if (!entry.startsWith(`${hash}-`)) rmSync(path.join(path.dirname(folder), entry), { recursive: true, force: true });
        }
    } catch {
        try {
            rmSync(temporary, { force: true });
        } catch {
            // The folder could not be made: there is no temporary file either.
        }
    }
}

module.exports = { runBundle };
