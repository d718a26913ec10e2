// What a reviewer sees in a pull request made with the CI templates in examples/ci/, rendered from
// real output: a git repository laid out as README's tutorial makes it (planer/, kataloger/) with
// two example plans, then a change (a new question, a relabelled code, a warning no longer accepted);
// `suplan check --format github` gives the annotations and `suplan diff --git … --format md` the
// comment. The README holds the rendering between the ci-preview markers.
//
//   npm run docs:ci            rewrites the block in README.md (builds the CLI first)
//
// test/examples/ci-preview.test.ts renders it again and compares with README.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const README = path.join(root, 'README.md');
export const START = '<!-- ci-preview:start (npm run docs:ci) -->';
export const END = '<!-- ci-preview:end -->';

const PLANS = ['02-missbruk-behandling.suplan', '07-barnavardsutredningar.suplan'];

/** The annotation kinds of GitHub's workflow commands, as the reviewer sees them. */
const KIND = { error: '⛔ Fel', warning: '⚠️ Varning', notice: 'ℹ️ Notis' };

/** A workflow command's data, unescaped as GitHub does (`%0A` newline, `%25` percent …). */
function unescape(value) {
    return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** `::warning file=…,line=…::message` as a quoted box: kind, code, file and line, the message. */
export function renderAnnotation(line) {
    const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    if (!match) throw new Error(`not a workflow command: ${line}`);
    const properties = Object.fromEntries(match[2].split(',').map(pair => pair.split('=')).map(([key, value]) => [key, unescape(value)]));
    const [message, ...rest] = unescape(match[3]).split('\n');
    return [
        `> **${KIND[match[1]]} ${properties.title ?? ''}** · \`${properties.file}\`, rad ${properties.line}  `,
        `> ${message}${rest.length ? '  ' : ''}`,
        ...rest.map((text, i) => `> ${text}${i < rest.length - 1 ? '  ' : ''}`),
    ].join('\n');
}

/** Markdown quoted line by line, so that a comment's headings and tables stay inside its box. */
function quote(markdown) {
    return markdown.trimEnd().split('\n').map(line => line === '' ? '>' : `> ${line}`).join('\n');
}

function run(cwd, args) {
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
    if (result.status === 2 || result.status === null) throw new Error(`suplan ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

/** The repository with the base branch and the pull request's commit on top. */
function scenario(dir) {
    const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
    git('init', '--quiet', '-b', 'main');
    git('config', 'user.name', 'Planteamet');
    git('config', 'user.email', 'planteamet@example.invalid');
    cpSync(path.join(root, 'examples', 'catalogues'), path.join(dir, 'kataloger'), { recursive: true });
    mkdirSync(path.join(dir, 'planer'));
    for (const plan of PLANS) cpSync(path.join(root, 'examples', 'plans', plan), path.join(dir, 'planer', plan));
    git('add', '.');
    git('commit', '--quiet', '-m', 'Planerna');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    const edit = (plan, from, to) => {
        const file = path.join(dir, 'planer', plan);
        const text = readFileSync(file, 'utf8');
        if (!from.test(text)) throw new Error(`${plan}: ${from} not found`);
        writeFileSync(file, text.replace(from, to));
    };
    edit(PLANS[0], /fråga "[^"]*"/, 'fråga "Hur många fullföljer behandlingen, och minskar deras problemtyngd till utskrivningen?"');
    edit(PLANS[0], /3 "Motivationshöjande behandling"/, '3 "Motiverande samtal (MI)"');
    edit(PLANS[1], /^\s*acceptera SU031 .*\n/m, '');
    git('commit', '--quiet', '-am', 'Ny fråga och etikett; säsongsvarningen inte längre accepterad');
}

/** The README block: the annotations, then the comment. */
export function renderPreview() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'suplan-ci-preview-'));
    try {
        scenario(dir);
        const annotations = run(dir, ['check', 'planer', '--format', 'github']).trimEnd().split('\n').filter(Boolean);
        const comment = run(dir, ['diff', '--git', 'origin/main..HEAD', 'planer', '--format', 'md']);
        return [
            START,
            '',
            '**Annoteringar i diffen** (`suplan check planer --format github`; GitHub visar dem vid raden i fliken *Files changed*):',
            '',
            annotations.map(renderAnnotation).join('\n\n'),
            '',
            '**Kommentaren i pull requesten** (`suplan diff --git origin/main..HEAD planer --format md`, postad med `gh pr comment`):',
            '',
            quote(comment),
            '',
            END,
        ].join('\n');
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** README's text with the block replaced by `block`. */
export function withPreview(readme, block) {
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
    return readme.slice(0, start) + block + readme.slice(end + END.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const readme = readFileSync(README, 'utf8');
    const updated = withPreview(readme, renderPreview());
    if (updated !== readme) writeFileSync(README, updated);
    console.log(updated !== readme ? 'README.md: CI preview updated' : 'README.md: CI preview up to date');
}
