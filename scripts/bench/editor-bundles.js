// Editor benchmark 3: the sizes of the bundles `npm run bundle` writes (dist/server.cjs, dist/extension.cjs,
// and dist/web/* when the web extension is built), with the ratio of extension + server to the goal of
// 1.5 MB (1,500,000 bytes). A missing bundle is reported, not an error. Nothing is asserted.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

const GOAL_BYTES = 1_500_000;
const dist = path.resolve(process.argv[2] ?? 'dist');

function kb(bytes) {
    return `${(bytes / 1000).toFixed(1).padStart(8)} KB`;
}

function size(file) {
    if (!existsSync(file)) return undefined;
    const bytes = statSync(file).size;
    return { bytes, gzip: gzipSync(readFileSync(file)).length };
}

function row(label, file) {
    const found = size(file);
    if (found) console.log(`   ${kb(found.bytes)}  ${label}   (gzip ${kb(found.gzip).trim()})`);
    else console.log(`        missing  ${label}   (not built yet: \`npm run bundle\`${label.includes('extension') ? ' once src/extension/main.ts exists' : ''})`);
    return found;
}

const server = row('dist/server.cjs', path.join(dist, 'server.cjs'));
const extension = row('dist/extension.cjs', path.join(dist, 'extension.cjs'));
const together = (server?.bytes ?? 0) + (extension?.bytes ?? 0);
const complete = server && extension;
console.log(`   ${kb(together)}  extension + server${complete ? '' : ' (incomplete: a bundle is missing)'}   ratio to the goal of ${kb(GOAL_BYTES).trim()}: ${(together / GOAL_BYTES).toFixed(2)}×   (goal ≤ 1.5 MB: ${complete ? (together <= GOAL_BYTES ? 'met' : 'NOT met') : 'not measurable yet'})`);

const web = path.join(dist, 'web');
if (existsSync(web)) {
    let webBytes = 0;
    for (const file of readdirSync(web, { recursive: true, encoding: 'utf8' }).sort()) {
        const full = path.join(web, file);
        if (!statSync(full).isFile()) continue;
        webBytes += row(`dist/web/${file}`, full)?.bytes ?? 0;
    }
    console.log(`   ${kb(webBytes)}  web extension (dist/web/*, not counted in the goal)`);
} else {
    console.log('        (none)  dist/web/ (no web-extension build)');
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const vsix = path.resolve(`${manifest.name}-${manifest.version}.vsix`);
if (existsSync(vsix)) console.log(`   ${kb(statSync(vsix).size)}  ${path.basename(vsix)} (from \`npm run package\`, may be older than dist/)`);
