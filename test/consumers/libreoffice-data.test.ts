import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataCodec, dataLayout, synthesize, writeDataCsv } from '../../src/data/index.js';
import { looksLikeIdentityNumber } from '../../src/text/identity-number.js';
import { exampleModel } from '../data/example-models.js';
import { hasExecutable, missingConsumer, removeTempDirs, tempDir } from './editor-helpers.js';

/**
 * A data file as a unit opens it: LibreOffice Calc (Debian `libreoffice-calc-nogui`) reads the
 * `;`-separated UTF-8 export with BOM as Swedish Excel would, converts it to XLSX and back to CSV
 * without error, and every cell — Swedish characters, "ej aktuell", neutralised formula text —
 * comes back as written.
 */
const skip = missingConsumer(hasExecutable('soffice') ? undefined : 'soffice is missing (Debian package libreoffice-calc-nogui)');
const codec = dataCodec(looksLikeIdentityNumber);

function soffice(args: string[], cwd: string): void {
    const profile = `-env:UserInstallation=file://${path.join(cwd, 'lo-profile')}`;
    execFileSync('soffice', [profile, '--headless', '--norestore', ...args], { cwd, stdio: 'pipe', timeout: 180_000 });
}

describe.skipIf(skip !== undefined)('LibreOffice opens a data export', () => {
    let dir: string;
    let written: string;

    beforeAll(async () => {
        dir = tempDir('suplan-lo-data-');
        mkdirSync(path.join(dir, 'lo', 'again'), { recursive: true });
        const model = await exampleModel('08-bbic-samtal.suplan');
        const rows = synthesize(model, { clients: 30, seed: 2, units: 2 }).map((row, i) => ({
            ...row, enhet: i % 2 === 0 ? 'Enhet Åby' : 'Enhet Östra Ängby',
            ...(i === 0 ? { hinder: 4, hinder_annat: '=HYPERLINK("x")', samtal_enskilt: 2, samtal_enskilt_original: 2 } : {}),
            ...(i === 1 ? { hinder: 4, hinder_annat: 'Vårdnadshavare; "utomlands"', samtal_enskilt: 2, samtal_enskilt_original: 2 } : {}),
        }));
        written = writeDataCsv(dataLayout(model), rows);
        writeFileSync(path.join(dir, 'data.csv'), written);
    });

    afterAll(() => removeTempDirs());

    test('the CSV converts to XLSX and back with every cell unchanged', () => {
        // 59 = ';', 34 = '"', 76 = UTF-8, 1 = first line; every column as text (format 2) so nothing is reinterpreted.
        const columns = Array.from({ length: 20 }, (_, i) => `${i + 1}/2`).join('/');
        soffice([`--infilter=CSV:59,34,76,1,${columns}`, '--convert-to', 'xlsx', '--outdir', 'lo', 'data.csv'], dir);
        soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', path.join('lo', 'again'), path.join('lo', 'data.xlsx')], dir);
        const back = readFileSync(path.join(dir, 'lo', 'again', 'data.csv'), 'utf8').replace(/^\uFEFF/, '');
        const parse = (text: string) => codec.parseCsv(text.replace(/^\uFEFF/, ''), ';').records.map(r => r.cells);
        const original = parse(written);
        const converted = parse(back);
        expect(converted).toEqual(original);
        expect(back).toContain('Enhet Östra Ängby');
        expect(back).toContain('ej aktuell');
        expect(back).toContain('\'=HYPERLINK(""x"")');
    });
});
