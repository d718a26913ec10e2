import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODES } from '../../src/language/diagnostics/codes.js';
import { exampleWorkspace, hasExecutable, lineOf, missingConsumer, removeTempDirs, repoRoot, unpackVsix } from './editor-helpers.js';

/**
 * Emacs eglot as an LSP client: Debian's `emacs-nox` 28 with `elpa-eglot` 1.9, in batch mode, runs
 * test/consumers/emacs/eglot-test.el, which starts the server from the packaged `.vsix`, opens a
 * copy of an example plan with a misspelt catalogue variable, and reports as JSON what eglot holds:
 * the diagnostics (flymake), the hover as eglot renders it, the completion list in eglot's order,
 * and the *Warnings* buffer (eglot warns there about capabilities it cannot register).
 */

const EMACS = '/usr/bin/emacs';
const EGLOT = '/usr/share/emacs/site-lisp/elpa/eglot-1.9';
const skip = missingConsumer(
    !hasExecutable(EMACS) ? `${EMACS} is missing (Debian package emacs-nox)`
        : !existsSync(EGLOT) ? `${EGLOT} is missing (Debian package elpa-eglot)` : undefined);

interface EmacsResult {
    readonly error?: string;
    readonly log: string[];
    readonly diagnostics?: { line: number; column: number; type: string; text: string }[];
    readonly hover?: { kind: string; rendered: string };
    readonly completion?: { prefix: string; items: string[] };
    readonly warnings?: string;
}

describe.skipIf(skip !== undefined)('Emacs eglot as the LSP client', () => {
    let result: EmacsResult;
    let planText: string;

    beforeAll(() => {
        const { server } = unpackVsix();
        const workspace = exampleWorkspace('suplan-eglot-');
        // A repository: eglot's project (and the server's root) is its top, the catalogues sit in catalogues/.
        mkdirSync(path.join(workspace, '.git'));
        const plan = path.join(workspace, 'plans', '08-bbic-samtal.suplan');
        planText = readFileSync(plan, 'utf8').replace('använd bbic.ålder bakgrund', 'använd bbic.aldr bakgrund');
        writeFileSync(plan, planText);
        const out = path.join(workspace, 'emacs-result.json');
        const run = spawnSync(EMACS, ['--batch', '-Q', '-l', path.join(repoRoot, 'test', 'consumers', 'emacs', 'eglot-test.el')], {
            cwd: workspace,
            encoding: 'utf8',
            timeout: 180_000,
            env: {
                ...process.env,
                HOME: workspace,
                SUPLAN_EMACS_NODE: process.execPath,
                SUPLAN_EMACS_SERVER: server,
                SUPLAN_EMACS_PLAN: plan,
                SUPLAN_EMACS_OUT: out,
                SUPLAN_EMACS_INSERT_BEFORE: 'använd bbic.kön bakgrund',
            },
        });
        if (!existsSync(out)) throw new Error(`Emacs wrote no result (status ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
        result = JSON.parse(readFileSync(out, 'utf8')) as EmacsResult;
        if (result.error) throw new Error(`the Emacs Lisp script failed: ${result.error}\nlog: ${result.log.join(' / ')}\n${run.stderr}`);
    }, 240_000);

    afterAll(() => removeTempDirs());

    test('flymake shows the unknown catalogue variable as an error with the Swedish message, on its line', () => {
        const diagnostics = result.diagnostics ?? [];
        const line = lineOf(planText, 'använd bbic.aldr');
        const [before] = CODES.SU012.message.sv.split('{1}');
        const found = diagnostics.find(d => d.text.includes(before.replace('{0}', 'bbic.aldr')));
        expect(found, JSON.stringify(diagnostics)).toBeDefined();
        expect(found).toMatchObject({ line, type: 'eglot-error' });
        expect(found?.column).toBe(planText.split('\n')[line].indexOf('bbic.aldr'));
    });

    test('hover comes as plain text (eglot asks for it without markdown-mode) and reads without Markdown marks', () => {
        expect(result.hover?.kind).toBe('plaintext');
        expect(result.hover?.rendered).toMatch(/^Enskilda samtal med barnet/);
        expect(result.hover?.rendered).not.toMatch(/\*\*|\\_/);
    });

    test('completion after `bbic.sa` lists the names starting with it first, samtal_enskilt among them', () => {
        const items = result.completion?.items ?? [];
        const prefixed = items.filter(item => /^(bbic\.)?sa/.test(item));
        expect(prefixed.map(item => item.replace(/^bbic\./, ''))).toContain('samtal_enskilt');
        expect(items.slice(0, prefixed.length), items.join(', ')).toEqual(prefixed);
    });

    test('no warning from eglot about capabilities it cannot register', () => {
        expect(result.warnings ?? '').not.toMatch(/register/i);
    });
});
