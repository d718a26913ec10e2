import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { EmptyFileSystem } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { isCatalogue } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';
import { ensureBuilt, runCli, tempDir } from '../cli/cli-helper.js';

/**
 * The real consumer of an exported variable list is a spreadsheet program: LibreOffice Calc
 * (Debian `libreoffice-calc-nogui`, installed by `npm run test:all`) opens the workbook and the
 * `;`-separated UTF-8 CSV and converts them back to CSV, which we compare with the catalogue.
 */
const catalogueFile = 'examples/catalogues/bbic-2023.sucat';

function soffice(args: string[], cwd: string): void {
    // A private profile so parallel or earlier runs cannot lock it.
    const profile = `-env:UserInstallation=file://${path.join(cwd, 'lo-profile')}`;
    execFileSync('soffice', [profile, '--headless', '--norestore', ...args], { cwd, stdio: 'pipe', timeout: 180_000 });
}

function readCsv(file: string): string[][] {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
}

describe('LibreOffice opens exported catalogues', () => {
    let dir: string;
    let expected: Array<{ id: string; label: string; comment: string }>;

    beforeAll(async () => {
        ensureBuilt();
        dir = tempDir('suplan-lo-');
        mkdirSync(path.join(dir, 'lo'), { recursive: true });
        const [loaded] = await buildWorkspace(createSuServices(EmptyFileSystem), readSources([catalogueFile]));
        const root = loaded.document.parseResult.value;
        if (!isCatalogue(root)) throw new Error('not a catalogue');
        expected = root.variables.map(v => ({ id: v.name, label: v.label ?? '', comment: v.comment ?? '' }));
        for (const extension of ['xlsx', 'csv']) {
            const result = await runCli(['catalogue', 'export', catalogueFile, '--out', path.join(dir, `bbic.${extension}`)]);
            expect(result.code, result.stderr).toBe(0);
        }
    });

    function expectSameVariables(rows: string[][]): void {
        const header = rows[0].map(h => h.toLowerCase());
        expect(header.slice(0, 4)).toEqual(['variabel', 'etikett', 'värdemängd', 'kommentar']);
        const body = rows.slice(1);
        expect(body.length).toBe(expected.length);
        expect(body.map(r => r[0])).toEqual(expected.map(v => v.id));
        expect(body.map(r => r[1])).toEqual(expected.map(v => v.label));
        expect(body.map(r => r[3])).toEqual(expected.map(v => v.comment));
        expect(body.some(r => /[åäö]/.test(r[1]))).toBe(true);
    }

    test('the XLSX workbook opens in Calc and holds every variable', () => {
        soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', 'lo', 'bbic.xlsx'], dir);
        expectSameVariables(readCsv(path.join(dir, 'lo', 'bbic.csv')));
    });

    test('the ;-separated UTF-8 CSV with BOM opens in Calc as Swedish Excel would read it', () => {
        soffice(['--infilter=CSV:59,34,76', '--convert-to', 'xlsx', '--outdir', 'lo', 'bbic.csv'], dir);
        soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', path.join('lo', 'again'), path.join('lo', 'bbic.xlsx')], dir);
        expectSameVariables(readCsv(path.join(dir, 'lo', 'again', 'bbic.csv')));
    });
});
