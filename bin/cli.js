#!/usr/bin/env node
// The `suplan` command: the Node 20 polyfill first, then the compiled CLI (`npm run build`).
import '../out/node20-polyfill.js';
import { runCli } from '../out/cli/main.js';

process.exitCode = await runCli(process.argv);
