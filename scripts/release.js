// `npm run release`: builds everything and writes release/ (git-ignored):
//   suplan-<version>.tgz            the CLI (`npm pack`: bin/cli.js, dist/cli/, the plan model schema, exceljs bundled)
//   suplan-<version>.vsix           the VS Code extension (`npm run package:only`)
//   RELEASE-NOTES-<version>.md      the section of CHANGELOG.md for the version in package.json
//   SHA256SUMS                      checksums of the three files (`sha256sum -c SHA256SUMS`)
// Works from a clean tree after `npm ci`. Stops at the first step that fails.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'release');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The section `## [<version>] …` of a Keep a Changelog file, heading included, up to the next
 * `## ` heading or a link-reference block at the end.
 */
export function releaseNotes(changelog, wanted) {
    const lines = changelog.split('\n');
    const start = lines.findIndex(line => line.startsWith(`## [${wanted}]`));
    if (start < 0) return undefined;
    let end = lines.findIndex((line, i) => i > start && /^## |^\[[^\]]+\]: /.test(line));
    if (end < 0) end = lines.length;
    return lines.slice(start, end).join('\n').trim() + '\n';
}

function step(title, command, args) {
    console.log(`\n== ${title}`);
    try {
        execFileSync(command, args, { cwd: root, stdio: 'inherit' });
    } catch {
        // The command has printed why.
        console.error(`release: ${title} failed`);
        process.exit(1);
    }
}

function main() {
    const notes = releaseNotes(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version);
    if (!notes) {
        console.error(`release: CHANGELOG.md has no section "## [${version}]" for the version in package.json`);
        process.exit(1);
    }
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });

    step('build (langium generate, tsc, CLI bundle)', npm, ['run', '--silent', 'build']);
    step('VS Code extension (bundles, vsce package)', npm, ['run', '--silent', 'package:only', '--', '--out', path.join(out, `suplan-${version}.vsix`)]);
    step('CLI tarball (npm pack)', npm, ['pack', '--pack-destination', out]);

    const notesFile = `RELEASE-NOTES-${version}.md`;
    // `## [0.1.0] – 2026-12-24` → `# SU-plan 0.1.0 – 2026-12-24`.
    const [heading, ...body] = notes.split('\n');
    writeFileSync(path.join(out, notesFile), `# SU-plan ${heading.replace(/^## \[([^\]]+)\]/, '$1')}\n${body.join('\n')}`);

    const files = readdirSync(out).filter(name => name !== 'SHA256SUMS').sort();
    const sums = files.map(name => `${createHash('sha256').update(readFileSync(path.join(out, name))).digest('hex')}  ${name}`);
    writeFileSync(path.join(out, 'SHA256SUMS'), sums.join('\n') + '\n');

    console.log(`\n== release/ (version ${version})`);
    for (const name of [...files, 'SHA256SUMS']) {
        console.log(`   ${(statSync(path.join(out, name)).size / 1024).toFixed(1).padStart(9)} KB  ${name}`);
    }
    const expected = [`suplan-${version}.tgz`, `suplan-${version}.vsix`, notesFile];
    const missing = expected.filter(name => !files.includes(name));
    if (missing.length > 0) {
        console.error(`release: missing ${missing.join(', ')}`);
        process.exit(1);
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'release.js')) main();
