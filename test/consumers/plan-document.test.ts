import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderPlanHtml } from '../../src/generators/plan-html/index.js';
import { planPdfPage, printPage } from '../../src/generators/plan-pdf/index.js';
import type { PlanModel } from '../../src/model/plan-model.js';
import { ensureBuilt, runCli } from '../cli/cli-helper.js';
import { exampleModels } from '../data/example-models.js';
import { artefactDir, hasExecutable, missingConsumer, removeTempDirs, repoRoot, tempDir } from './editor-helpers.js';

/**
 * The official plan document in its real consumers: the HTML page in headless Chromium (Debian
 * `chromium` through playwright-core) checked by axe-core, and the PDF that Chromium prints read
 * back page by page with `pdftotext -layout` (Debian `poppler-utils`). Chromium starts once for
 * this file; the CLI runs of `--target plan-pdf` start their own, as users' runs do.
 */
const CHROMIUM = '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const skip = missingConsumer([
    hasExecutable(CHROMIUM) ? undefined : `${CHROMIUM} is missing (Debian package chromium)`,
    hasExecutable(PDFTOTEXT) ? undefined : `${PDFTOTEXT} is missing (Debian package poppler-utils)`,
].filter(Boolean).join('; ') || undefined);
const require = createRequire(import.meta.url);

/** Plan text that must stay text: quotes (escaped in the plan's string), a closing script tag, an image with a handler, &, a line break. */
const HOSTILE_SOURCE = 'Citat \\"dubbla\\" \'enkla\' </script><script>alert(1)</script> <img src=x onerror=\\"alert(2)\\"> & rad ett\nrad två';
/** The same text as a reader sees it in the document (the line break is a space in running text). */
const HOSTILE_SHOWN = 'Citat "dubbla" \'enkla\' </script><script>alert(1)</script> <img src=x onerror="alert(2)"> & rad ett rad två';

/** The text of one page of a PDF (`pdftotext -layout -enc UTF-8 -f n -l n`). */
function pageText(pdf: string, page: number): string {
    return execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

function pageCount(pdf: string): number {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const match = /^Pages:\s+(\d+)/m.exec(info);
    if (!match) throw new Error(`pdfinfo gave no page count for ${pdf}`);
    return Number(match[1]);
}

/** Running text with every run of white space (line breaks, layout columns) as one space. */
function flat(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

function firstLine(text: string): string {
    return text.split('\n').map(line => line.trim()).find(line => line !== '') ?? '';
}

describe.skipIf(skip !== undefined)('the official plan document in Chromium and pdftotext', () => {
    let browser: Browser;
    let models: Map<string, PlanModel>;
    let dir: string;

    /** Opens a file; the context bypasses the page's Content-Security-Policy only so that axe-core can be injected. */
    async function open(file: string): Promise<{ page: Page; context: BrowserContext; requests: string[]; problems: string[] }> {
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        const requests: string[] = [];
        const problems: string[] = [];
        page.on('pageerror', error => { problems.push(`page error: ${error.message}`); });
        page.on('dialog', dialog => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
        page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
        await page.route('**/*', route => {
            const url = route.request().url();
            if (url === pathToFileURL(file).href) return route.continue();
            requests.push(url);
            return route.abort();
        });
        await page.goto(pathToFileURL(file).href);
        return { page, context, requests, problems };
    }

    beforeAll(async () => {
        ensureBuilt();
        models = await exampleModels();
        dir = tempDir('suplan-plan-document-');
        mkdirSync(path.join(artefactDir, 'screenshots'), { recursive: true });
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
    });

    afterAll(async () => {
        await browser?.close();
        removeTempDirs();
    });

    test('the HTML plan document of every example plan has no axe-core violations and makes no request (English too for two)', async () => {
        expect(models.size).toBeGreaterThanOrEqual(8);
        for (const [file, model] of models) {
            // English for two plans: the same page with other words.
            for (const language of file.startsWith('02-') || file.startsWith('08-') ? ['sv', 'en'] as const : ['sv'] as const) {
                const html = path.join(dir, `${path.basename(file, '.suplan')}.${language}.html`);
                writeFileSync(html, renderPlanHtml(model, { language, revision: { commit: 'f'.repeat(40), state: 'modified' } }));
                const { page, context, requests, problems } = await open(html);
                await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
                const violations = await page.evaluate<string[]>(`axe.run(document).then(result =>
                    result.violations.map(v => v.id + ': ' + JSON.stringify(v.nodes.map(n => n.target))))`);
                expect(violations, `${file} (${language})`).toEqual([]);
                expect(requests, file).toEqual([]);
                expect(problems, file).toEqual([]);
                if (file.startsWith('02-') && language === 'sv') {
                    await page.screenshot({ path: path.join(artefactDir, 'screenshots', 'plan-html-02.png'), fullPage: false });
                }
                await context.close();
            }
        }
    });

    test('every example plan\'s PDF: the summary with the approval block alone on page 1, the plan from page 2, the appendix on a page of its own', async () => {
        for (const [file, model] of models) {
            const { html, ...options } = planPdfPage(model, { language: 'sv', revision: { commit: 'a'.repeat(40), state: 'committed' } });
            const pdf = path.join(dir, `${path.basename(file, '.suplan')}.pdf`);
            writeFileSync(pdf, await printPage(browser, html, options));
            const pages = pageCount(pdf);
            const first = pageText(pdf, 1);
            expect(firstLine(first), file).toBe(flat(model.title).slice(0, firstLine(first).length));
            for (const text of ['Sammanfattning för chef och nämnd', 'Syfte', 'Beslutsregler: vad uppföljningen leder till', 'Godkännande', 'Planversion', 'Beslutad av', 'Git-version', 'aaaaaaaaaaaa']) {
                expect(first, `${file}: ${text} on page 1`).toContain(text);
            }
            expect(first, file).not.toContain('Styrning');
            expect(firstLine(pageText(pdf, 2)), `${file}: page 2`).toBe('Styrning');
            const appendixPage = Array.from({ length: pages }, (_, i) => i + 1).find(n => firstLine(pageText(pdf, n)) === 'Bilaga: variabler');
            expect(appendixPage, `${file}: the appendix starts a page`).toBeGreaterThan(2);
            expect(pageText(pdf, appendixPage! - 1), file).not.toContain('Bilaga: variabler');
        }
    });

    test('the HTML page printed as a browser prints it (its own CSS: A4, page numbers in the margin) has the summary alone on page 1', async () => {
        const model = models.get('02-missbruk-behandling.suplan')!;
        const html = path.join(dir, 'browser-print.html');
        writeFileSync(html, renderPlanHtml(model));
        const { page, context } = await open(html);
        const pdf = path.join(dir, 'browser-print.pdf');
        writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
        await context.close();
        expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
        const pages = pageCount(pdf);
        expect(pageText(pdf, 1)).toContain('Godkännande');
        expect(firstLine(pageText(pdf, 2))).toBe('Styrning');
        for (let n = 1; n <= pages; n++) expect(flat(pageText(pdf, n)), `page ${n}`).toMatch(new RegExp(`Sida ${n} av ${pages}$`));
    });

    test('a plan with very long summary texts still gets its summary alone on page 1 (a smaller font)', async () => {
        const model = models.get('02-missbruk-behandling.suplan')!;
        const long = (text: string | undefined): string => `${text ?? ''} ${'Lång förklaring som fortsätter. '.repeat(12)}`;
        const crowded: PlanModel = {
            ...model,
            question: long(model.question),
            roles: { mandate: long(model.roles.mandate), registers: long(model.roles.registers), compiles: long(model.roles.compiles), analyses: long(model.roles.analyses) },
            scenarios: model.scenarios.map(scenario => ({ ...scenario, nextStep: long(scenario.nextStep) })),
        };
        const { html, ...options } = planPdfPage(crowded, { language: 'sv' });
        const pdf = path.join(dir, 'crowded.pdf');
        writeFileSync(pdf, await printPage(browser, html, options));
        const first = pageText(pdf, 1);
        for (const text of ['Sammanfattning för chef och nämnd', 'Godkännande', 'Diarienummer', 'E Ompröva']) expect(first, text).toContain(text);
        expect(firstLine(pageText(pdf, 2))).toBe('Styrning');
    });

    test('suplan generate 02-missbruk-behandling --target plan-pdf: page 1 holds purpose, question, scenarios and the approval block; every page is numbered', async () => {
        const out = tempDir('suplan-plan-pdf-');
        const result = await runCli(['generate', 'examples/plans/02-missbruk-behandling.suplan', '--target', 'plan-pdf', '--out', out]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const pdf = path.join(out, '02-missbruk-behandling.pdf');
        expect(result.stdout).toBe(`Skrev ${pdf}\n`);
        expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const first = flat(pageText(pdf, 1));
        for (const text of [
            'Beroendeenheten – problemtyngd före och efter behandling',
            'Syfte Verksamhetsutveckling. Att utveckla det sociala arbetet i verksamheten',
            'Fråga Hur förändras klienternas problemtyngd från inskrivning till utskrivning i de tre behandlingsformerna',
            'Period 1 januari 2022 – 31 december 2022, upprepas varje år 2022–2025',
            'Ger mandat Enhetschef, beroendeenheten',
            'A Förändring', 'D Ingen', 'E Ompröva', 'bedöms vid genomgång', 'Diskutera med nämnden',
            'Godkännande', 'Planversion 2.1', 'Beslutad av Socialnämnden', 'Datum 16 januari 2024', 'Diarienummer SN 2024/15',
        ]) {
            expect(first, text).toContain(text);
        }
        const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
        expect(first).toMatch(new RegExp(`Git-version ${head.slice(0, 12)}`));
        const pages = pageCount(pdf);
        expect(pages).toBeGreaterThanOrEqual(4);
        for (let page = 1; page <= pages; page++) {
            expect(flat(pageText(pdf, page)), `page ${page}`).toMatch(new RegExp(`Beroendeenheten – problemtyngd före och efter behandling, version 2\\.1 Sida ${page} av ${pages}$`));
        }
        expect(firstLine(pageText(pdf, 2))).toBe('Styrning');
    });

    test('hostile plan text (quotes, </script>, <img onerror>, &, line breaks) is shown as text in the HTML page and in the PDF', async () => {
        const work = tempDir('suplan-plan-hostile-');
        const source = readFileSync(path.join(repoRoot, 'examples', 'plans', '02-missbruk-behandling.suplan'), 'utf8')
            .replace('plan "Beroendeenheten – problemtyngd före och efter behandling"', `plan "Titel ${HOSTILE_SOURCE}"`)
            .replace(/fråga "[^"]*"/, `fråga "Fråga ${HOSTILE_SOURCE}"`)
            .replace('beslut "Socialnämnden"', `beslut "Nämnd ${HOSTILE_SOURCE}"`)
            .replace('diarienummer "SN 2024/15"', `diarienummer "Dnr ${HOSTILE_SOURCE}"`)
            .replace('mandat "Enhetschef, beroendeenheten"', `mandat "Chef ${HOSTILE_SOURCE}"`)
            .replace('"Diskutera med nämnden om frågan om behandlingsformerna fortfarande är den viktigaste"', `"Steg ${HOSTILE_SOURCE}"`);
        for (const kind of ['Titel', 'Fråga', 'Nämnd', 'Dnr', 'Chef', 'Steg']) expect(source, kind).toContain(`${kind} ${HOSTILE_SOURCE}`);
        const plan = path.join(work, 'fientlig.suplan');
        writeFileSync(plan, source);
        const result = await runCli(['generate', plan, '--target', 'plan-html,plan-pdf', '--out', work]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);

        const { page, context, requests, problems } = await open(path.join(work, 'fientlig.html'));
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.title()).toBe(`Titel ${HOSTILE_SHOWN} – Plan för systematisk uppföljning`);
        const shown = flat(await page.locator('main').innerText());
        for (const kind of ['Titel', 'Fråga', 'Nämnd', 'Dnr', 'Chef', 'Steg']) expect(shown, kind).toContain(`${kind} ${HOSTILE_SHOWN}`);
        expect(requests).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();

        // Chromium may break a line inside the text (after `)`), which pdftotext shows as a space: compare without white space.
        const squash = (text: string): string => text.replace(/\s+/g, '');
        const pdf = path.join(work, 'fientlig.pdf');
        const all = squash(Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1)).join('\n'));
        for (const kind of ['Titel', 'Fråga', 'Nämnd', 'Dnr', 'Chef', 'Steg']) expect(all, kind).toContain(squash(`${kind} ${HOSTILE_SHOWN}`));
        expect(squash(pageText(pdf, 1))).toContain(squash(`Fråga ${HOSTILE_SHOWN}`));
    });
});
