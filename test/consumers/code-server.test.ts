import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODES } from '../../src/language/diagnostics/codes.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { DEFAULT_TITLE, templateExampleTexts } from '../../src/template/plan-template.js';
import { buildWorkspace } from '../../src/workspace/load.js';
import {
    artefactDir, codeServerEnv, ensureDir, exampleWorkspace, findCodeServer, hasExecutable, lineOf, missingConsumer, removeTempDirs, tempDir,
    unpackVsix, vsixPath, type CodeServerInstall,
} from './editor-helpers.js';

/**
 * Real VS Code: code-server (installed from npm by scripts/consumers/install-code-server.sh, run
 * on its own Node 24) with the packaged `.vsix` installed, an example workspace opened in Debian's
 * headless Chromium through playwright-core. The browser may reach nothing but the loopback
 * code-server: every other request fails the test. Screenshots go to test-output/screenshots/.
 */

const CHROMIUM = '/usr/bin/chromium';
const PLAN = '07-barnavardsutredningar.suplan';
const BROKEN_REF = 'bbic.utr_tidd';
const screenshots = path.join(artefactDir, 'screenshots');

const installOrReason = findCodeServer();
const skip = missingConsumer(
    !hasExecutable(CHROMIUM) ? `${CHROMIUM} is missing (Debian package chromium)`
        : typeof installOrReason === 'string' ? installOrReason
            : !existsSync(vsixPath()) ? `${path.basename(vsixPath())} is missing: run \`npm run package\``
                : undefined);

/** A free loopback port. */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}

function isLoopback(url: string): boolean {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
    return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

describe.skipIf(skip !== undefined)('the .vsix in real VS Code (code-server in headless Chromium)', () => {
    const install = installOrReason as CodeServerInstall;
    let codeServer: ChildProcess | undefined;
    let codeServerLog = '';
    let browser: Browser | undefined;
    let page: Page;
    let planText: string;
    let catalogueText: string;
    let workspace: string;
    const blocked: string[] = [];

    async function shoot(name: string): Promise<void> {
        await page.screenshot({ path: path.join(screenshots, `code-server-${name}.png`) });
    }

    beforeAll(async () => {
        ensureDir(screenshots);
        const { vsix } = unpackVsix();
        const home = tempDir('suplan-code-server-');
        const userData = ensureDir(path.join(home, 'user-data'));
        const extensions = ensureDir(path.join(home, 'extensions'));
        // No extension gallery: the workbench would query open-vsx.org from the browser.
        const env = codeServerEnv(install, {
            XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), EXTENSIONS_GALLERY: '{}',
        });
        const common = ['--config', path.join(home, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];

        const installed = spawnSync(install.codeServerBin, [...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
        expect(installed.status, `${installed.stdout}\n${installed.stderr}`).toBe(0);
        expect(readdirSync(extensions).some(name => /^su-plan\.suplan-\d/.test(name)), readdirSync(extensions).join(', ')).toBe(true);

        workspace = exampleWorkspace('suplan-vscode-ws-');
        const planFile = path.join(workspace, 'plans', PLAN);
        planText = readFileSync(planFile, 'utf8').replace('använd bbic.utr_tid när', `använd ${BROKEN_REF} när`);
        writeFileSync(planFile, planText);
        catalogueText = readFileSync(path.join(workspace, 'catalogues', 'bbic-2024.sucat'), 'utf8');
        mkdirSync(path.join(userData, 'User'), { recursive: true });
        writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
            'suplan.messageLanguage': 'sv',
            'workbench.startupEditor': 'none',
            'workbench.tips.enabled': false,
            'workbench.enableExperiments': false,
            'security.workspace.trust.enabled': false,
            'telemetry.telemetryLevel': 'off',
            'extensions.autoCheckUpdates': false,
            'extensions.autoUpdate': false,
            'update.mode': 'none',
            'chat.disableAIFeatures': true,
            'editor.quickSuggestions': { other: false, comments: false, strings: false },
        }, null, 2));

        const port = await freePort();
        codeServer = spawn(install.codeServerBin, [
            ...common, '--auth', 'none', '--disable-update-check', '--disable-telemetry', '--disable-workspace-trust',
            '--disable-getting-started-override', '--ignore-last-opened', '--bind-addr', `127.0.0.1:${port}`, workspace,
        ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const listening = new Promise<void>((resolve, reject) => {
            const onData = (chunk: Buffer): void => {
                codeServerLog += chunk.toString('utf8');
                if (/HTTP server listening on/.test(codeServerLog)) resolve();
            };
            codeServer?.stdout?.on('data', onData);
            codeServer?.stderr?.on('data', onData);
            codeServer?.once('exit', code => reject(new Error(`code-server exited (${code}):\n${codeServerLog}`)));
            setTimeout(() => reject(new Error(`code-server did not listen within 60 s:\n${codeServerLog}`)), 60_000);
        });
        await listening;

        browser = await chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            args: [
                '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-domain-reliability',
            ],
        });
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
        await context.route('**/*', route => {
            const url = route.request().url();
            if (isLoopback(url)) return route.continue();
            blocked.push(url);
            return route.abort('blockedbyclient');
        });
        page = await context.newPage();
        page.on('websocket', socket => { if (!isLoopback(socket.url().replace(/^ws/, 'http'))) blocked.push(socket.url()); });
        await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'domcontentloaded' });
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    });

    afterAll(async () => {
        await browser?.close();
        if (codeServer?.pid !== undefined && codeServer.exitCode === null) {
            const exited = new Promise(resolve => codeServer?.once('exit', resolve));
            process.kill(-codeServer.pid, 'SIGTERM');
            const timer = setTimeout(() => { if (codeServer?.pid) process.kill(-codeServer.pid, 'SIGKILL'); }, 5000);
            await exited;
            clearTimeout(timer);
        }
        removeTempDirs();
        expect(blocked, 'the browser tried to reach beyond loopback').toEqual([]);
    });

    test('opening the plan from the Explorer lists its SU012 in the Problems panel, in Swedish', async () => {
        const explorer = page.locator('.explorer-folders-view');
        await explorer.waitFor({ timeout: 60_000 });
        await explorer.getByRole('treeitem', { name: 'plans', exact: true }).click();
        await explorer.getByRole('treeitem', { name: PLAN, exact: true }).click();
        await page.locator('.monaco-editor .view-lines').first().waitFor();
        await page.locator(`.tab[data-resource-name="${PLAN}"], .tab:has-text("${PLAN}")`).first().waitFor();
        await shoot('1-plan-open');

        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Shift+M');
        const markers = page.locator('.markers-panel');
        await markers.waitFor({ timeout: 30_000 });
        const [before] = CODES.SU012.message.sv.split('{1}');
        const expected = before.replace('{0}', BROKEN_REF);
        const row = markers.locator('.monaco-list-row').filter({ hasText: 'SU012' }).filter({ hasText: expected });
        try {
            await row.first().waitFor({ timeout: 90_000 });
        } finally {
            await shoot('2-problems');
        }
        const text = await row.first().textContent() ?? '';
        expect(text).toContain(expected);
        // The line and column of the misspelt reference (1-based, as VS Code shows them).
        const line = lineOf(planText, `använd ${BROKEN_REF}`);
        const column = planText.split('\n')[line].indexOf(BROKEN_REF);
        expect(text).toContain(`[Ln ${line + 1}, Col ${column + 1}]`);
    });

    test('completion after `använd bbic.` shows a catalogue variable with its label', async () => {
        const label = /variabel akt_källa \{[^}]*?etikett "([^"]+)"/u.exec(catalogueText)?.[1] as string;
        const anchor = lineOf(planText, 'använd bbic.akt_skäl som skäl');
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+G');
        const quickInput = page.locator('.quick-input-widget');
        await quickInput.waitFor({ state: 'visible' });
        await page.keyboard.type(String(anchor + 1));
        await page.keyboard.press('Enter');
        await quickInput.waitFor({ state: 'hidden' });
        await expect.poll(async () => await page.locator('.statusbar').textContent() ?? '').toContain(`Ln ${anchor + 1},`);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('använd bbic.akt_k', { delay: 20 });
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
        const widget = page.locator('.editor-widget.suggest-widget');
        const item = widget.locator('.monaco-list-row').filter({ hasText: 'akt_källa' });
        try {
            await item.first().waitFor({ timeout: 30_000 });
            await expect.poll(async () => await widget.textContent() ?? '', { timeout: 10_000 }).toContain(label);
        } finally {
            await shoot('3-completion');
        }
    });
    test('"New plan" asks for the title and the catalogue version, and writes a plan that follows it without errors (its example texts warn)', async () => {
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('F1');
        const quickInput = page.locator('.quick-input-widget');
        await quickInput.waitFor({ state: 'visible' });
        await page.keyboard.type('SU-plan: New plan', { delay: 10 });
        await quickInput.locator('.monaco-list-row').filter({ hasText: 'New plan' }).first().waitFor();
        await page.keyboard.press('Enter');
        // The title, asked in Swedish (suplan.messageLanguage is sv).
        await quickInput.filter({ hasText: 'Planens titel' }).waitFor({ timeout: 30_000 });
        await page.keyboard.type('Samtal i test', { delay: 10 });
        await page.keyboard.press('Enter');
        // The catalogue versions of the workspace, newest first, each with the variable the plan starts from.
        const rows = quickInput.locator('.monaco-list-row');
        try {
            await rows.filter({ hasText: 'bbic 2024' }).first().waitFor({ timeout: 30_000 });
            const shown = await rows.allTextContents();
            expect(shown.findIndex(r => r.includes('bbic 2024'))).toBeLessThan(shown.findIndex(r => r.includes('bbic 2023')));
            expect(shown.some(r => r.includes('Ingen katalog'))).toBe(true);
            expect(shown.find(r => r.includes('bbic 2024'))).toContain('börjar med "');
        } finally {
            await shoot('4-new-plan-catalogue');
        }
        await page.keyboard.type('bbic 2024', { delay: 10 });
        await page.keyboard.press('Enter');
        // Written beside the active plan, and opened.
        const file = path.join(workspace, 'plans', 'samtal-i-test.suplan');
        await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
        await page.locator('.tab').filter({ hasText: 'samtal-i-test.suplan' }).first().waitFor({ timeout: 30_000 });
        const text = readFileSync(file, 'utf8');
        expect(text).toContain('plan "Samtal i test"');
        expect(text).toContain('katalog bbic version "2024"');
        expect(text).toMatch(/använd bbic\.\S+/u);
        // The plan the editor wrote has no errors against the workspace's catalogues; its warnings are
        // the template's example texts (SU090), one at each, until the team writes the plan's own.
        const services = createSuServices(EmptyFileSystem);
        const sources = ['bbic-2023.sucat', 'bbic-2024.sucat'].map(name => ({ file: path.join(workspace, 'catalogues', name), text: readFileSync(path.join(workspace, 'catalogues', name), 'utf8') }));
        const [plan] = await buildWorkspace(services, [{ file, text }, ...sources]);
        const problems = (plan.diagnostics ?? []).filter(d => d.severity === 1 || d.severity === 2).map(d => `${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
        expect(problems.filter(p => !p.startsWith('SU090 '))).toEqual([]);
        expect(problems.length).toBe([...templateExampleTexts()].filter(e => e !== DEFAULT_TITLE).length);
        await shoot('5-new-plan');
    });
});
