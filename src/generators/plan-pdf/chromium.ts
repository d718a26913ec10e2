/**
 * Printing HTML to PDF with the system's Chromium through playwright-core. Both are looked up
 * only when a PDF is asked for: playwright-core is imported lazily and never reaches the editor's
 * bundles (the target says `editor: false`). Without Chromium the target fails with one line that
 * says what to do instead.
 */
import { accessSync, constants } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { fill, type Bilingual } from '../../text/messages.js';
import { TargetUnavailableError } from '../target.js';

/** Where Chromium is looked for, in order; `SUPLAN_CHROMIUM` names the one to use instead. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const MESSAGES = {
    missing: {
        sv: 'Chromium hittades inte ({0}), och plan-pdf skriver PDF med Chromium: installera Chromium (Debian: apt-get install chromium) eller ange sökvägen med SUPLAN_CHROMIUM, eller använd --target plan-html och skriv ut till PDF från webbläsaren',
        en: 'Chromium was not found ({0}), and plan-pdf prints the PDF with Chromium: install Chromium (Debian: apt-get install chromium) or give its path in SUPLAN_CHROMIUM, or use --target plan-html and print to PDF from the browser',
    },
    failed: {
        sv: 'Chromium ({0}) kunde inte skriva PDF: {1}; använd --target plan-html och skriv ut till PDF från webbläsaren',
        en: 'Chromium ({0}) could not print the PDF: {1}; use --target plan-html and print to PDF from the browser',
    },
} satisfies Record<string, Bilingual>;

function unavailable(message: Bilingual, ...args: readonly string[]): TargetUnavailableError {
    return new TargetUnavailableError({ sv: fill(message.sv, args), en: fill(message.en, args) });
}

function executable(file: string): boolean {
    try {
        accessSync(file, constants.X_OK);
        return true;
    } catch {
        return false;
    }
}

/** The Chromium to print with: `SUPLAN_CHROMIUM` when set, else the first candidate that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
    const named = env['SUPLAN_CHROMIUM'];
    const candidates = named !== undefined && named !== '' ? [named] : CHROMIUM_CANDIDATES;
    const found = candidates.find(executable);
    if (found === undefined) throw unavailable(MESSAGES.missing, candidates.join(', '));
    return found;
}

export interface PrintOptions {
    /** The page footer: HTML with `<span class="pageNumber">` and `<span class="totalPages">`. */
    readonly footerTemplate: string;
    /** Runs on the loaded page before it is printed (e.g. to fit a part on one page). */
    readonly prepare?: (page: Page) => Promise<void>;
}

/** The printed area of an A4 page with the margins below, in CSS pixels (96 per inch). */
export const PRINTABLE = { width: Math.floor((210 - 32) / 25.4 * 96), height: Math.floor((297 - 30) / 25.4 * 96) };

/** Prints a self-contained HTML page to an A4 PDF in a running browser; every request the page makes is refused. */
export async function printPage(browser: Browser, html: string, options: PrintOptions): Promise<Uint8Array> {
    const page = await browser.newPage();
    try {
        await page.route('**/*', route => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await options.prepare?.(page);
        const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: '<div></div>',
            footerTemplate: options.footerTemplate,
            margin: { top: '14mm', right: '16mm', bottom: '16mm', left: '16mm' },
        });
        return new Uint8Array(pdf);
    } finally {
        await page.close();
    }
}

/** Starts the system's Chromium, prints the page to PDF and closes it again. */
export async function printHtmlToPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
    const executablePath = findChromium();
    let browser: Browser | undefined;
    try {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], headless: true });
        return await printPage(browser, html, options);
    } catch (error) {
        const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        throw unavailable(MESSAGES.failed, executablePath, first);
    } finally {
        await browser?.close();
    }
}
