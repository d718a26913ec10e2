#!/usr/bin/env node
// The `suplan` command: runs the CLI bundle dist/cli/main.js (`npm run build`, or `node esbuild.mjs cli`).
import module from 'node:module';

// Node 22.1 and later keep the compiled bundle between runs (os.tmpdir()/node-compile-cache);
// Node 20 has no compile cache and skips this.
module.enableCompileCache?.();

let cli;
try {
    cli = await import('../dist/cli/main.js');
} catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js')) throw error;
    process.stderr.write('suplan: dist/cli/main.js is missing; run `npm run build` first\n');
    process.exit(2);
}
process.exitCode = await cli.runCli(process.argv);
