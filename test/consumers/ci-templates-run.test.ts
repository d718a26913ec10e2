import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ensureBuilt } from '../cli/cli-helper.js';
import { hasExecutable, missingConsumer, removeTempDirs, repoRoot, tempDir } from './editor-helpers.js';

/**
 * Runs the shell steps of the CI templates in examples/ci/ as the forges would, in a git repository
 * laid out as README's tutorial makes it (planer/, kataloger/) with a base branch on a local
 * "origin" and a change on top: the real `suplan` (this checkout's CLI), real git, real Chromium
 * for the PDF. Only what needs the forge is replaced by recording stand-ins: `gh` (the PR comment),
 * `curl` (the merge request note) and `apt-get`; the install step (tested by test/release/) is left
 * out. So a template that calls a command or flag the CLI lacks, or reads a file no step writes,
 * fails here.
 */
const CHROMIUM = '/usr/bin/chromium';
const skip = missingConsumer(
    !hasExecutable(CHROMIUM) ? `${CHROMIUM} is missing (Debian package chromium)`
        : !hasExecutable('git') ? 'git is missing' : undefined);

const CHANGED_QUESTION = 'Hur många fullföljer behandlingen, och minskar deras missbruk efter sex månader?';

let root = '';
let repo = '';
let shims = '';

interface StepResult { readonly status: number | null; readonly stdout: string; readonly stderr: string }

function git(...args: string[]): string {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

/** A stand-in on PATH that records its arguments (one line per call) and copies a body file it is given. */
function recorder(name: string, script: string): void {
    const file = path.join(shims, name);
    writeFileSync(file, `#!/bin/bash\nprintf '%s\\n' "$*" >> "${root}/${name}.log"\n${script}\n`);
    chmodSync(file, 0o755);
}

function log(name: string): string {
    const file = path.join(root, `${name}.log`);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function runShell(script: string, env: Record<string, string>): StepResult {
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: repo, encoding: 'utf8', timeout: 240_000,
        env: { ...process.env, ...env, PATH: `${shims}:${process.env.PATH ?? ''}` },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
    if (skip) return;
    ensureBuilt();
    root = tempDir('suplan-ci-run-');
    repo = path.join(root, 'repo');
    shims = path.join(root, 'bin');
    mkdirSync(shims);
    writeFileSync(path.join(shims, 'suplan'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'bin', 'cli.js')}" "$@"\n`);
    chmodSync(path.join(shims, 'suplan'), 0o755);
    // `gh pr comment --edit-last` fails when the PR has no comment yet; the template then posts one.
    recorder('gh', 'for a in "$@"; do [ "$a" = --edit-last ] && exit 1; done\nwhile [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "' + root + '/gh-body.md"; shift; done');
    recorder('curl', 'while [ $# -gt 0 ]; do case "$1" in @*) cp "${1#@}" "' + root + '/curl-body.json";; esac; shift; done');
    recorder('apt-get', 'exit 0');

    const origin = path.join(root, 'origin.git');
    execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', origin]);
    execFileSync('git', ['clone', '--quiet', origin, repo], { stdio: 'ignore' });
    git('config', 'user.name', 'Planteamet');
    git('config', 'user.email', 'planteamet@example.invalid');
    mkdirSync(path.join(repo, 'planer'));
    cpSync(path.join(repoRoot, 'examples', 'catalogues'), path.join(repo, 'kataloger'), { recursive: true });
    for (const plan of ['02-missbruk-behandling.suplan', '07-barnavardsutredningar.suplan']) {
        cpSync(path.join(repoRoot, 'examples', 'plans', plan), path.join(repo, 'planer', plan));
    }
    git('add', '.');
    git('commit', '--quiet', '-m', 'Planerna');
    git('push', '--quiet', 'origin', 'main');

    // The pull request: a new question in one plan; in the other, a warning that is no longer accepted.
    git('checkout', '--quiet', '-b', 'andring');
    const plan02 = path.join(repo, 'planer', '02-missbruk-behandling.suplan');
    const before02 = readFileSync(plan02, 'utf8');
    const after02 = before02.replace(/fråga "[^"]*"/, `fråga "${CHANGED_QUESTION}"`);
    expect(after02).not.toBe(before02);
    writeFileSync(plan02, after02);
    const plan07 = path.join(repo, 'planer', '07-barnavardsutredningar.suplan');
    writeFileSync(plan07, readFileSync(plan07, 'utf8').replace(/^\s*acceptera SU031 .*\n/m, ''));
    git('commit', '--quiet', '-am', 'Ny fråga; säsongsvarningen inte längre accepterad');
}, 120_000);

afterAll(() => removeTempDirs());

/** Files in plandokument/ by extension. */
function planDocuments(): Record<string, string[]> {
    const dir = path.join(repo, 'plandokument');
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    const pdf = files.filter(f => f.endsWith('.pdf'));
    for (const file of pdf) expect(readFileSync(path.join(dir, file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { html: files.filter(f => f.endsWith('.html')), pdf };
}

describe.skipIf(skip !== undefined)('GitHub Actions workflow, run step by step', () => {
    interface Step { name?: string; uses?: string; run?: string; env?: Record<string, string> }
    const workflow = parse(readFileSync(path.join(repoRoot, 'examples/ci/github/suplan.yml'), 'utf8')) as {
        env: Record<string, string>; jobs: Record<string, { steps: Step[] }>;
    };
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const EXPRESSIONS: Record<string, string> = {
        'github.token': 'test-token', 'github.event.pull_request.number': '7', 'github.base_ref': 'main',
    };
    const results = new Map<string, StepResult>();

    function stepEnv(step: Step): Record<string, string> {
        const env: Record<string, string> = { ...workflow.env, GITHUB_WORKSPACE: repo, RUNNER_TEMP: root, GITHUB_PATH: path.join(root, 'github-path') };
        for (const [key, value] of Object.entries(step.env ?? {})) {
            env[key] = value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, expression: string) => {
                const replacement = EXPRESSIONS[expression];
                if (replacement === undefined) throw new Error(`the test does not know the expression ${expression}`);
                return replacement;
            });
        }
        return env;
    }

    beforeAll(() => {
        for (const step of steps) {
            if (!step.run) continue;
            if (step.run.includes('npm install')) {
                expect(step.run).toContain('$SUPLAN_PACKAGE');
                continue;
            }
            results.set(step.name ?? step.run, runShell(step.run, stepEnv(step)));
        }
    }, 600_000);

    function result(namePart: string): StepResult {
        const found = [...results].find(([name]) => name.includes(namePart));
        if (!found) throw new Error(`no step named like ${namePart}`);
        return found[1];
    }

    test('annotations: the unaccepted warning on its line, and the step fails', () => {
        const step = result('annoteringar');
        expect(step.status, step.stderr).toBe(1);
        expect(step.stdout).toMatch(/^::warning file=planer\/07-barnavardsutredningar\.suplan,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=SU031::/m);
        expect(step.stdout).not.toMatch(/02-missbruk/);
    });

    test('SARIF for code scanning is written and the step passes', () => {
        expect(result('SARIF').status, result('SARIF').stderr).toBe(0);
        const sarif = JSON.parse(readFileSync(path.join(repo, 'suplan.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
        expect(sarif.runs[0]!.results.map(r => r.ruleId)).toEqual(['SU031']);
    });

    test('the format check passes on formatted plans', () => {
        const step = result('Formatering');
        expect(step.status, step.stdout + step.stderr).toBe(0);
    });

    test('the semantic diff is posted as the PR comment', () => {
        const step = result('kommentar');
        expect(step.status, step.stderr).toBe(0);
        expect(log('gh')).toBe('pr comment 7 --edit-last --body-file plan-diff.md\npr comment 7 --body-file plan-diff.md\n');
        const body = readFileSync(path.join(root, 'gh-body.md'), 'utf8');
        expect(body).toBe(readFileSync(path.join(repo, 'plan-diff.md'), 'utf8'));
        expect(body).toContain('02-missbruk-behandling.suplan');
        expect(body).toContain(CHANGED_QUESTION);
    });

    test('the plan document of every plan, as HTML and PDF', () => {
        const step = result('Plandokumentet');
        expect(step.status, step.stderr).toBe(0);
        const documents = planDocuments();
        expect(documents['html']).toHaveLength(2);
        expect(documents['pdf']).toHaveLength(2);
    });
});

describe.skipIf(skip !== undefined)('GitLab CI file, job by job', () => {
    interface Job { script?: string[]; variables?: Record<string, string> }
    const config = parse(readFileSync(path.join(repoRoot, 'examples/ci/gitlab/.gitlab-ci.yml'), 'utf8')) as Record<string, unknown>;
    const globals = config['variables'] as Record<string, string>;
    const beforeScript = (config['default'] as { before_script: string[] }).before_script;
    const results = new Map<string, StepResult>();

    beforeAll(() => {
        rmSync(path.join(repo, 'plandokument'), { recursive: true, force: true });
        const install = beforeScript.filter(line => line.includes('npm install'));
        expect(install).toHaveLength(1);
        expect(install[0]).toContain('$SUPLAN_PACKAGE');
        const setup = beforeScript.filter(line => !line.includes('npm install'));
        const ciVariables: Record<string, string> = {
            CI_PROJECT_DIR: repo, CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
            CI_API_V4_URL: 'http://127.0.0.1:9/api/v4', CI_PROJECT_ID: '12', CI_MERGE_REQUEST_IID: '3', SUPLAN_NOTE_TOKEN: 'note-token',
        };
        for (const name of ['kontrollera', 'formatering', 'plan-diff', 'plandokument']) {
            const job = config[name] as Job;
            results.set(name, runShell([...setup, ...(job.script ?? [])].join('\n'), { ...globals, ...ciVariables, ...job.variables }));
        }
    }, 600_000);

    function result(name: string): StepResult {
        const found = results.get(name);
        if (!found) throw new Error(`job ${name} did not run`);
        return found;
    }

    test('Code Quality report with the warning; the job fails on it', () => {
        expect(result('kontrollera').status).toBe(1);
        const report = JSON.parse(readFileSync(path.join(repo, 'gl-code-quality-report.json'), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
        expect(report.map(issue => [issue.check_name, issue.location.path])).toEqual([['SU031', 'planer/07-barnavardsutredningar.suplan']]);
    });

    test('the format check passes', () => {
        expect(result('formatering').status, result('formatering').stdout + result('formatering').stderr).toBe(0);
    });

    test('the semantic diff is posted as a merge request note', () => {
        const job = result('plan-diff');
        expect(job.status, job.stderr).toBe(0);
        expect(log('curl')).toContain('http://127.0.0.1:9/api/v4/projects/12/merge_requests/3/notes');
        expect(log('curl')).toContain('PRIVATE-TOKEN: note-token');
        const note = JSON.parse(readFileSync(path.join(root, 'curl-body.json'), 'utf8')) as { body: string };
        expect(note.body).toBe(readFileSync(path.join(repo, 'plan-diff.md'), 'utf8'));
        expect(note.body).toContain(CHANGED_QUESTION);
    });

    test('the plan document of every plan, as HTML and PDF', () => {
        const job = result('plandokument');
        expect(job.status, job.stderr).toBe(0);
        expect(log('apt-get')).toContain('install');
        const documents = planDocuments();
        expect(documents['html']).toHaveLength(2);
        expect(documents['pdf']).toHaveLength(2);
    });
});
