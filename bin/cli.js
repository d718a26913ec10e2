#!/usr/bin/env node
// The `suplan` command: runs the CLI bundle dist/cli/main.cjs (`npm run build`, or
// `node esbuild.mjs cli`) with V8's code cache (compile-cache.js).
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { runBundle } = require('./compile-cache.js');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'main.cjs');
if (!existsSync(bundle)) {
    process.stderr.write('suplan: dist/cli/main.cjs is missing; run `npm run build` first\n');
    process.exit(2);
}
runBundle(bundle, process.argv).then(code => {
    process.exitCode = code;
});
