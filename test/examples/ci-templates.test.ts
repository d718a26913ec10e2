import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

/**
 * The CI templates in examples/ci/ are valid for their forge: the GitHub workflow passes
 * @action-validator/cli (GitHub's workflow schema), and the GitLab file has the structure GitLab's
 * CI linter requires. test/consumers/ci-templates-run.test.ts runs their commands.
 */
const workflowFile = path.resolve('examples/ci/github/suplan.yml');
const gitlabFile = path.resolve('examples/ci/gitlab/.gitlab-ci.yml');
const validator = path.resolve('node_modules/@action-validator/cli/cli.mjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'suplan-ci-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validateWorkflow(file: string): { status: number | null; output: string } {
    const result = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
}

describe('GitHub Actions workflow', () => {
    const text = readFileSync(workflowFile, 'utf8');

    test('passes @action-validator/cli', () => {
        const { status, output } = validateWorkflow(workflowFile);
        expect(output).not.toMatch(/"errors"/);
        expect(status).toBe(0);
    });

    test('the validator rejects a broken copy (so the check above can fail)', () => {
        const broken = path.join(scratch, 'broken.yml');
        writeFileSync(broken, text.replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'));
        const { status, output } = validateWorkflow(broken);
        expect(status).toBe(1);
        expect(output).toContain('runs-onn');
    });

    test('annotations, SARIF, format check, PR comment and the plan document', () => {
        const workflow = parse(text) as { jobs: Record<string, { permissions: Record<string, string>; steps: Array<{ uses?: string; run?: string }> }> };
        const [job] = Object.values(workflow.jobs);
        expect(job).toBeDefined();
        const runs = job!.steps.map(step => step.run ?? '').join('\n');
        const uses = job!.steps.map(step => step.uses ?? '');
        expect(runs).toContain('suplan check "$PLANS" --format github');
        expect(runs).toContain('suplan check "$PLANS" --format sarif > suplan.sarif');
        expect(runs).toContain('suplan format --check "$PLANS"');
        expect(runs).toMatch(/suplan diff --git "origin\/\$BASE_REF\.\.HEAD" "\$PLANS" --format md --max-length 60000 > plan-diff\.md/);
        expect(runs).toContain('--target plan-html,plan-pdf');
        expect(runs).toContain('$SUPLAN_PACKAGE');
        expect(uses.some(u => u.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
        expect(uses.some(u => u.startsWith('actions/upload-artifact@'))).toBe(true);
        expect(job!.permissions).toMatchObject({ 'security-events': 'write', 'pull-requests': 'write' });
    });
});

/** Top-level keys that are not jobs (GitLab's global keywords). */
const GITLAB_GLOBAL_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);
/** Keys GitLab accepts under `artifacts` (lib/gitlab/ci/config/entry/artifacts.rb). */
const ARTIFACT_KEYS = new Set(['name', 'untracked', 'paths', 'reports', 'when', 'expire_in', 'expose_as', 'exclude', 'public', 'access']);
/** GitLab's rule for `expose_as` (Ruby's \w is ASCII only). */
const EXPOSE_AS = /^\w[-\w ]*$/;

interface GitlabJob {
    stage?: string;
    script?: unknown;
    rules?: Array<{ if?: string }>;
    variables?: Record<string, string>;
    artifacts?: { paths?: string[]; expose_as?: string; when?: string; reports?: Record<string, string> };
}

describe('GitLab CI file', () => {
    const config = parse(readFileSync(gitlabFile, 'utf8')) as Record<string, unknown>;
    const stages = config['stages'] as string[];
    const jobs = Object.entries(config).filter(([key]) => !GITLAB_GLOBAL_KEYWORDS.has(key) && !key.startsWith('.')) as Array<[string, GitlabJob]>;

    test('has stages, a default image and jobs', () => {
        expect(Array.isArray(stages) && stages.length).toBeTruthy();
        expect((config['default'] as { image?: string }).image).toMatch(/^node:20/);
        expect(jobs.map(([name]) => name).sort()).toEqual(['formatering', 'kontrollera', 'plan-diff', 'plandokument']);
    });

    test.each(jobs.map(([name, job]) => ({ name, job })))('job $name has the keys GitLab requires', ({ job }) => {
        expect(stages).toContain(job.stage);
        expect(Array.isArray(job.script) && (job.script as unknown[]).length > 0).toBe(true);
        for (const line of job.script as unknown[]) expect(typeof line).toBe('string');
        for (const rule of job.rules ?? []) expect(typeof rule.if).toBe('string');
        const artifacts = job.artifacts;
        if (!artifacts) return;
        for (const key of Object.keys(artifacts)) expect(ARTIFACT_KEYS).toContain(key);
        if (artifacts.expose_as !== undefined) {
            expect(artifacts.expose_as).toMatch(EXPOSE_AS);
            expect(artifacts.paths?.length).toBeGreaterThan(0);
        }
    });

    test('the Code Quality report is the file `check --format gitlab` writes', () => {
        const kontrollera = Object.fromEntries(jobs)['kontrollera']!;
        const report = kontrollera.artifacts?.reports?.['codequality'];
        expect(report).toBe('gl-code-quality-report.json');
        expect((kontrollera.script as string[]).join('\n')).toContain(`--format gitlab > ${report}`);
        expect(kontrollera.artifacts?.when).toBe('always');
    });

    test('the diff job runs in merge requests only', () => {
        const diff = Object.fromEntries(jobs)['plan-diff']!;
        expect(diff.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
        expect((diff.script as string[]).join('\n')).toMatch(/suplan diff --git "origin\/\$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\.\.HEAD"/);
    });
});
