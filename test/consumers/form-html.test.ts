import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataLayout, readDataFile, synthesize, validateData, type DataRow } from '../../src/data/index.js';
import { renderFormPage } from '../../src/generators/form-html/index.js';
import type { PlanModel } from '../../src/model/plan-model.js';
import { exampleModel } from '../data/example-models.js';
import { buildModel } from '../model/model-fixtures.js';
import { artefactDir, hasExecutable, missingConsumer, tempDir, removeTempDirs } from './editor-helpers.js';
import { FORM_TEST_PLAN } from './form-fixture.js';

/**
 * The offline form in a real browser (Debian `chromium` through playwright-core): a case worker
 * registers 20 synthetic clients at two points with keyboard and mouse, reloads, exports, and a
 * fresh browser imports the export. Every request that is not the form's own file fails the test;
 * axe-core checks accessibility; screenshots go to test-output/screenshots/.
 */
const CHROMIUM = '/usr/bin/chromium';
const skip = missingConsumer(hasExecutable(CHROMIUM) ? undefined : `${CHROMIUM} is missing (Debian package chromium)`);
const require = createRequire(import.meta.url);
const screenshots = path.join(artefactDir, 'screenshots');

describe.skipIf(skip !== undefined)('the HTML form in Chromium', () => {
    let browser: Browser;
    let model: PlanModel;
    let formFile: string;
    let dir: string;
    let rows: DataRow[];
    const requests: string[] = [];
    let exported: { csv: Buffer; csvName: string; descriptor: { resources: Array<{ path: string }> } };

    async function open(context: BrowserContext, file = formFile): Promise<Page> {
        const page = await context.newPage();
        page.on('pageerror', error => { throw error; });
        await page.route('**/*', route => {
            const url = route.request().url();
            if (url === pathToFileURL(file).href) return route.continue();
            requests.push(url);
            return route.abort();
        });
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector('html[data-ready="true"]');
        return page;
    }

    async function axe(page: Page, label: string): Promise<void> {
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        // A string, so that this file needs no DOM types: the page runs it.
        const violations = await page.evaluate<string[]>(`axe.run(document).then(result =>
            result.violations.map(v => v.id + ': ' + JSON.stringify(v.nodes.map(n => n.target))))`);
        expect(violations, label).toEqual([]);
    }

    async function shot(page: Page, name: string): Promise<void> {
        await page.screenshot({ path: path.join(screenshots, `form-html-${name}.png`), fullPage: true });
    }

    async function exportFrom(page: Page): Promise<Download[]> {
        const downloads: Download[] = [];
        page.on('download', download => { downloads.push(download); });
        await page.click('#export');
        await expect.poll(() => downloads.length).toBe(2);
        return downloads;
    }

    beforeAll(async () => {
        mkdirSync(screenshots, { recursive: true });
        dir = tempDir('suplan-form-');
        model = { ...(await buildModel(FORM_TEST_PLAN)).model, source: 'plans/formulartest.suplan' };
        formFile = path.join(dir, 'formulartest.form.html');
        writeFileSync(formFile, renderFormPage(model));
        rows = synthesize(model, { clients: 20, seed: 4, units: 2 });
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
    });

    afterAll(async () => {
        await browser?.close();
        removeTempDirs();
    });

    test('a case code that looks like an identity number is refused with a visible message and never stored', async () => {
        const context = await browser.newContext({ acceptDownloads: true });
        const page = await open(context);
        await page.fill('#unit', 'Enhet 1');
        for (const code of ['19850101-1234', '850161 1234']) {
            await page.fill('#case-code', code);
            await page.click('button[type=submit]');
            await expect.poll(() => page.textContent('#case-code-error')).toContain('personnummer');
            expect(await page.isVisible('#case-code-error')).toBe(true);
            expect(await page.isHidden('#editor')).toBe(true);
        }
        const stored = await page.evaluate<string>('JSON.stringify(Object.entries(localStorage))');
        expect(stored).not.toContain('850101');
        expect(stored).not.toContain('850161');
        await shot(page, 'identity-number-refused');
        await context.close();
    });

    test('20 clients at two points, typed with keyboard and mouse, survive a reload and export cell for cell', async () => {
        const context = await browser.newContext({ acceptDownloads: true });
        let page = await open(context);
        const typedClients = new Set<string>();
        let checkedRange = false;
        let checkedHidden = false;
        for (const [i, row] of rows.entries()) {
            const keyboard = i % 2 === 1;
            await page.fill('#unit', String(row['enhet']));
            await page.fill('#case-code', String(row['ärendekod']));
            await page.selectOption('#point', String(row['mätpunkt']));
            await page.fill('#occurrence', String(row['tillfälle']));
            if (keyboard) await page.press('#case-code', 'Enter');
            else await page.click('button[type=submit]');
            await page.waitForSelector('#editor:not([hidden])');
            const editor = page.locator('#editor');
            const client = `${String(row['enhet'])}/${String(row['ärendekod'])}`;
            if (!typedClients.has(client)) {
                typedClients.add(client);
                const sex = row['kön'];
                if (typeof sex === 'number') {
                    const label = ['Flicka', 'Pojke', 'Annat eller okänt'][sex - 1];
                    const radio = editor.getByRole('radio', { name: label, exact: true });
                    if (keyboard) { await radio.focus(); await page.keyboard.press('Space'); } else await radio.click();
                }
            }
            const talk = row['samtal_enskilt'];
            if (typeof talk === 'number') {
                const label = { 11: 'Ja – sms', 12: 'Ja – telefon', 2: 'Nej' }[talk as 11 | 12 | 2];
                const radio = editor.getByRole('radio', { name: label, exact: true });
                if (keyboard) { await radio.focus(); await page.keyboard.press('Space'); } else await radio.click();
            }
            const count = editor.getByLabel(/^Antal samtal/);
            if (talk === 2) {
                await expect.poll(() => count.isHidden()).toBe(true);
                checkedHidden = true;
            }
            const number = row['antal_samtal'];
            if (typeof number === 'number') {
                if (!checkedRange) {
                    await count.fill('101');
                    await expect.poll(() => editor.locator('.field.invalid .error').first().textContent()).toBe('Värdet ska vara mellan 0 och 100.');
                    await shot(page, 'out-of-range');
                    await axe(page, 'the editor with an error message');
                    checkedRange = true;
                }
                if (keyboard) { await count.focus(); await page.keyboard.press('Control+A'); await page.keyboard.type(String(number)); } else await count.fill(String(number));
            }
            if (keyboard) { await page.focus('#finish'); await page.keyboard.press('Enter'); } else await page.click('#finish');
            if (await page.isVisible('#editor')) await page.click('#close');  // a required answer is missing on purpose
            if (i === 3) { await page.close(); page = await open(context); }   // closing the tab in the middle loses nothing
        }
        expect(checkedRange && checkedHidden).toBe(true);
        await page.reload();
        await page.waitForSelector('html[data-ready="true"]');
        expect(await page.textContent('#count')).toBe(`${rows.length} registreringar sparade i den här webbläsaren.`);
        await shot(page, 'list');
        await axe(page, 'the form with a list of records');

        const downloads = await exportFrom(page);
        const csvDownload = downloads.find(d => d.suggestedFilename().endsWith('.csv'));
        const jsonDownload = downloads.find(d => d.suggestedFilename().endsWith('.datapackage.json'));
        if (!csvDownload || !jsonDownload) throw new Error('the export did not download a .csv and a .datapackage.json');
        const csvPath = path.join(dir, csvDownload.suggestedFilename());
        await csvDownload.saveAs(csvPath);
        const jsonPath = path.join(dir, jsonDownload.suggestedFilename());
        await jsonDownload.saveAs(jsonPath);
        exported = { csv: readFileSync(csvPath), csvName: csvDownload.suggestedFilename(), descriptor: JSON.parse(readFileSync(jsonPath, 'utf8')) as typeof exported.descriptor };
        expect(exported.descriptor.resources[0].path).toBe(exported.csvName);
        expect(exported.csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

        const read = validateData(model, readDataFile(exported.csv));
        expect(read.issues).toEqual([]);
        const key = (row: DataRow): string => `${String(row['enhet'])}|${String(row['ärendekod'])}|${String(row['mätpunkt'])}`;
        const columns = dataLayout(model).columns.map(c => c.name);
        const normalise = (row: DataRow): Record<string, unknown> => Object.fromEntries(columns.map(c => [c, row[c] ?? null]));
        const expected = new Map(rows.map(row => [key(row), normalise(row)]));
        expect(read.rows).toHaveLength(rows.length);
        for (const row of read.rows) expect(normalise(row), key(row)).toEqual(expected.get(key(row)));
        expect(read.rows.some(r => typeof r['antal_samtal'] === 'object' && r['antal_samtal'] !== null)).toBe(true); // ej aktuell
        await context.close();
    });

    test('a fresh browser imports the export without duplicating records, and exports the same file', async () => {
        const context = await browser.newContext({ acceptDownloads: true });
        const page = await open(context);
        const file = path.join(dir, 'import', exported.csvName);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, exported.csv);
        await page.setInputFiles('#import-file', file);
        await expect.poll(() => page.textContent('#status')).toContain(`Importerade ${rows.length} nya registreringar`);
        expect(await page.textContent('#count')).toBe(`${rows.length} registreringar sparade i den här webbläsaren.`);
        await page.setInputFiles('#import-file', file);
        await expect.poll(() => page.textContent('#status')).toContain(`Importerade 0 nya registreringar; ${rows.length} fanns redan likadana`);
        expect(await page.textContent('#count')).toBe(`${rows.length} registreringar sparade i den här webbläsaren.`);
        const [csv] = (await exportFrom(page)).filter(d => d.suggestedFilename().endsWith('.csv'));
        const again = path.join(dir, 'again.csv');
        await csv.saveAs(again);
        expect(readFileSync(again).toString('utf8')).toBe(exported.csv.toString('utf8'));
        await context.close();
    });

    test('erasing one client and deleting one record ask first and remove exactly those', async () => {
        const context = await browser.newContext({ acceptDownloads: true });
        const page = await open(context);
        const file = path.join(dir, 'import', exported.csvName);
        await page.setInputFiles('#import-file', file);
        await expect.poll(() => page.textContent('#status')).toContain('Importerade');
        const dialogs: string[] = [];
        page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.accept(); });
        const client = String(rows[0]['ärendekod']);
        const ofClient = rows.filter(r => r['ärendekod'] === client && r['enhet'] === rows[0]['enhet']).length;
        await page.fill('#erase-code', client);
        await page.click('#erase');
        await expect.poll(() => page.textContent('#count')).toBe(`${rows.length - ofClient} registreringar sparade i den här webbläsaren.`);
        await page.locator('#records button[data-action="delete"]').first().click();
        await expect.poll(() => page.textContent('#count')).toBe(`${rows.length - ofClient - 1} registreringar sparade i den här webbläsaren.`);
        expect(dialogs).toHaveLength(2);
        await context.close();
    });

    test('forms with item-group grids, respondents, goals and multiple choice have no axe-core violations', async () => {
        const context = await browser.newContext();
        for (const plan of ['03-hemmaplansteam.suplan', '04-malupfyllelse-gas.suplan', '08-bbic-samtal.suplan']) {
            const file = path.join(dir, plan.replace('.suplan', '.form.html'));
            writeFileSync(file, renderFormPage(await exampleModel(plan)));
            const page = await open(context, file);
            await page.fill('#unit', 'Enhet 1');
            await page.fill('#case-code', 'E1-0001');
            await page.click('button[type=submit]');
            await page.waitForSelector('#editor:not([hidden])');
            await page.click('#finish'); // shows the required-field messages
            await shot(page, plan.replace('.suplan', ''));
            await axe(page, plan);
            // Focus is visible: the focused control has an outline.
            await page.keyboard.press('Tab');
            const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
            expect(outline, plan).not.toBe('none');
            await page.close();
        }
        await context.close();
    });

    test('print styles hide the controls', async () => {
        const context = await browser.newContext();
        const page = await open(context);
        await page.emulateMedia({ media: 'print' });
        expect(await page.isHidden('#data')).toBe(true);
        expect(await page.isHidden('#start')).toBe(true);
        await context.close();
    });

    test('no request left the form file', () => {
        expect(requests).toEqual([]);
    });
});
