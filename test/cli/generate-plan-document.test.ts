import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

const PLAN = path.join(repoRoot, 'examples', 'plans', '02-missbruk-behandling.suplan');

function git(args: readonly string[], cwd: string): string {
    const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
}

/** The approval block's commit line of the HTML plan document that `generate --target plan-html` writes. */
async function commitLine(cwd: string, plan: string): Promise<string> {
    const out = tempDir('plan-html-out');
    const result = await runCli(['generate', plan, '--target', 'plan-html', '--out', out], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(out, `${path.basename(plan, '.suplan')}.html`), 'utf8');
    const match = /<dt>Git-version<\/dt><dd>(.*?)<\/dd>/.exec(html);
    if (!match) throw new Error('no Git-version in the approval block');
    return match[1];
}

describe('suplan generate --target plan-html: the commit in the approval block', () => {
    test('committed, changed since, not committed, and outside git', async () => {
        const repo = tempDir('plan-git');
        git(['init', '--quiet'], repo);
        copyFileSync(PLAN, path.join(repo, 'plan.suplan'));
        git(['add', 'plan.suplan'], repo);
        git(['commit', '--quiet', '-m', 'Plan'], repo);
        const head = git(['rev-parse', 'HEAD'], repo);

        expect(await commitLine(repo, 'plan.suplan')).toBe(`<code>${head.slice(0, 12)}</code>`);
        writeFileSync(path.join(repo, 'plan.suplan'), readFileSync(PLAN, 'utf8').replace('version "2.1"', 'version "2.2"'));
        expect(await commitLine(repo, 'plan.suplan')).toBe(`<code>${head.slice(0, 12)}</code> (planfilen ändrad sedan dess)`);
        copyFileSync(PLAN, path.join(repo, 'ny.suplan'));
        expect(await commitLine(repo, 'ny.suplan')).toBe(`<code>${head.slice(0, 12)}</code> (planfilen är inte incheckad)`);

        const outside = tempDir('plan-nogit');
        copyFileSync(PLAN, path.join(outside, 'plan.suplan'));
        expect(await commitLine(outside, 'plan.suplan')).toBe('<em>inte känd</em>');
    });
});

describe('suplan generate --target plan-pdf without Chromium', () => {
    async function withoutChromium(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        const before = process.env['SUPLAN_CHROMIUM'];
        process.env['SUPLAN_CHROMIUM'] = '/saknas/chromium';
        try {
            return await runCli(args);
        } finally {
            if (before === undefined) delete process.env['SUPLAN_CHROMIUM'];
            else process.env['SUPLAN_CHROMIUM'] = before;
        }
    }

    test('says so in one line, suggests plan-html and the browser\'s print, and writes nothing (not even the other targets)', async () => {
        const out = tempDir('plan-pdf-missing');
        const result = await withoutChromium(['generate', PLAN, '--target', 'markdown,plan-pdf', '--out', out]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')).toHaveLength(2);
        expect(result.stderr).toMatch(/^suplan: Chromium hittades inte \(\/saknas\/chromium\), .*--target plan-html och skriv ut till PDF från webbläsaren\n$/);
        expect(stackLines(result.stderr)).toEqual([]);
        expect(readdirSync(out)).toEqual([]);

        const english = await withoutChromium(['generate', PLAN, '--target', 'plan-pdf', '--out', out, '--lang', 'en']);
        expect(english.code).toBe(2);
        expect(english.stderr).toMatch(/^suplan: Chromium was not found \(\/saknas\/chromium\), .*use --target plan-html and print to PDF from the browser\n$/);
        expect(readdirSync(out)).toEqual([]);
    });
});
