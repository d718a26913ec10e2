import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODES } from '../../src/language/diagnostics/codes.js';
import { exampleWorkspace, hasExecutable, lineOf, missingConsumer, removeTempDirs, repoRoot, unpackVsix } from './editor-helpers.js';

/**
 * Neovim as an LSP client: Debian's `neovim` 0.7.2, headless, runs test/consumers/neovim/lsp-test.lua,
 * which starts the server from the packaged `.vsix` with `vim.lsp.start_client`, opens a copy of
 * an example plan with a misspelt catalogue variable, and reports the diagnostics Neovim holds and a
 * completion list as JSON.
 */

const NVIM = '/usr/bin/nvim';
const skip = missingConsumer(hasExecutable(NVIM) ? undefined : `${NVIM} is missing (Debian package neovim)`);

interface NvimDiagnostic {
    readonly code?: string;
    readonly message: string;
    readonly lnum: number;
    readonly col: number;
    readonly end_col: number;
    readonly severity: number;
}
interface NvimResult {
    readonly error?: string;
    readonly log: string[];
    readonly nvim?: { major: number; minor: number; patch: number };
    readonly diagnostics?: NvimDiagnostic[];
    readonly diagnostics_en?: NvimDiagnostic[];
    readonly completion?: { label: string; detail?: string }[];
    readonly completion_error?: string;
    readonly exit?: { code: number; signal: number };
}

describe.skipIf(skip !== undefined)('Neovim 0.7.2 as the LSP client', () => {
    let result: NvimResult;
    let planText: string;
    let catalogueText: string;

    beforeAll(() => {
        const { server } = unpackVsix();
        const workspace = exampleWorkspace('suplan-nvim-');
        const plan = path.join(workspace, 'plans', '07-barnavardsutredningar.suplan');
        planText = readFileSync(plan, 'utf8').replace('använd bbic.utr_tid när', 'använd bbic.utr_tidd när');
        writeFileSync(plan, planText);
        catalogueText = readFileSync(path.join(workspace, 'catalogues', 'bbic-2024.sucat'), 'utf8');
        const out = path.join(workspace, 'nvim-result.json');
        const run = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(repoRoot, 'test', 'consumers', 'neovim', 'lsp-test.lua')}`], {
            cwd: workspace,
            encoding: 'utf8',
            timeout: 120_000,
            env: {
                ...process.env,
                SUPLAN_NVIM_NODE: process.execPath,
                SUPLAN_NVIM_SERVER: server,
                SUPLAN_NVIM_ROOT: workspace,
                SUPLAN_NVIM_PLAN: plan,
                SUPLAN_NVIM_OUT: out,
                SUPLAN_NVIM_INSERT_AFTER: String(lineOf(planText, 'använd bbic.akt_skäl som skäl')),
                XDG_STATE_HOME: path.join(workspace, 'nvim-state'),
                XDG_CACHE_HOME: path.join(workspace, 'nvim-cache'),
            },
        });
        if (!existsSync(out)) {
            throw new Error(`Neovim wrote no result (status ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
        }
        result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
        if (result.error) throw new Error(`the Lua script failed: ${result.error}\nlog: ${result.log.join(' / ')}`);
    });

    afterAll(() => removeTempDirs());

    /** Where Neovim puts the misspelt reference: 0-based line, byte columns (Neovim converts from UTF-16). */
    function place(): Pick<NvimDiagnostic, 'lnum' | 'col' | 'end_col' | 'severity'> {
        const lnum = lineOf(planText, 'använd bbic.utr_tidd');
        const text = planText.split('\n')[lnum];
        const col = Buffer.byteLength(text.slice(0, text.indexOf('bbic.utr_tidd')), 'utf8');
        return { lnum, col, end_col: col + 'bbic.utr_tidd'.length, severity: 1 };
    }

    test('runs on Debian\'s Neovim 0.7', () => {
        expect(result.nvim).toMatchObject({ major: 0, minor: 7 });
    });

    test('Neovim shows the unknown catalogue variable as SU012 with the Swedish message, on the right place', () => {
        const diagnostics = result.diagnostics ?? [];
        const su012 = diagnostics.find(d => d.code === 'SU012');
        expect(su012, JSON.stringify(diagnostics)).toBeDefined();
        expect(su012).toMatchObject(place());
        const [before] = CODES.SU012.message.sv.split('{1}');
        expect(su012?.message.startsWith(before.replace('{0}', 'bbic.utr_tidd'))).toBe(true);
    });

    test('settings pushed the Neovim way (didChangeConfiguration) switch the message to English', () => {
        const su012 = (result.diagnostics_en ?? []).find(d => d.code === 'SU012');
        const [before] = CODES.SU012.message.en.split('{1}');
        expect(su012?.message.startsWith(before.replace('{0}', 'bbic.utr_tidd')), JSON.stringify(su012)).toBe(true);
        expect(su012).toMatchObject(place());
    });

    test('completion after `använd bbic.` lists catalogue variables with their labels', () => {
        expect(result.completion_error ?? null).toBeNull();
        const completion = result.completion ?? [];
        const label = /variabel akt_källa \{[^}]*?etikett "([^"]+)"/u.exec(catalogueText)?.[1] as string;
        const item = completion.find(i => i.label.includes('akt_källa'));
        expect(item, completion.map(i => i.label).join(', ')).toBeDefined();
        expect(`${item?.label} ${item?.detail ?? ''}`).toContain(label);
    });

    test('the server exits cleanly when Neovim stops the client', () => {
        expect(result.exit).toMatchObject({ code: 0 });
    });
});
