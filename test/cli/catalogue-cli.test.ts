import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli, stackLines, tempDir } from './cli-helper.js';

beforeAll(() => ensureBuilt(), 300_000);

const HEADER = ['Variabel', 'Etikett', 'Värdemängd', 'Kommentar', 'Processteg', 'Nationell statistik'];
const ROWS = [
    ['samtal_enskilt', 'Enskilda samtal har genomförts', 'ja/nej', 'Samtal kan ske via sms, telefon eller chatt.', 'utredning', 'x'],
    ['kön', 'Kön', '1=Flicka;2=Pojke;3=Annat eller okänt', 'Barnets juridiska kön.', 'aktualisering', ''],
    ['vårddygn', 'Antal vårddygn', 'tal 0..366 enhet "dygn"', '=Dygn i placering under perioden.', 'insats', ''],
];

/** A ;-separated Windows-1252 file, as Swedish Excel saves "CSV (semikolonavgränsad)". */
function writeExcelCsv(dir: string, name: string, rows: readonly (readonly string[])[] = ROWS): string {
    const file = path.join(dir, name);
    writeFileSync(file, iconv.encode(Papa.unparse([HEADER, ...rows.map(r => [...r])], { delimiter: ';', newline: '\r\n' }), 'windows-1252'));
    return file;
}

function noTemporaryFiles(dir: string): void {
    expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
}

describe('suplan catalogue import|export', () => {
    test('imports a Windows-1252 CSV named bbic-2023.csv, and suplan check accepts the catalogue', async () => {
        const dir = tempDir('catalogue');
        const input = writeExcelCsv(dir, 'bbic-2023.csv');
        const result = await runCli(['catalogue', 'import', input]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const out = path.join(dir, 'bbic-2023.sucat');
        expect(result.stdout).toBe(`Skrev ${out}: katalog bbic version "2023", 3 variabler.\n`);
        const text = readFileSync(out, 'utf8');
        expect(text).toContain('katalog bbic version "2023" {');
        expect(text).toContain('    variabel vårddygn {\n        etikett "Antal vårddygn"\n        värdemängd tal 0..366 enhet "dygn"\n        kommentar "=Dygn i placering under perioden."\n        processteg insats\n    }');
        noTemporaryFiles(dir);

        const check = await runCli(['check', out]);
        expect(check.stdout + check.stderr).not.toMatch(/:\d+:\d+: /); // no diagnostic lines
        expect(check.code).toBe(0);
    });

    test('takes --name, --version, --columns and --out after the command', async () => {
        const dir = tempDir('catalogue');
        const file = path.join(dir, 'lista.csv');
        const text = Papa.unparse([
            ['Variabelnamn', 'Beskrivning', 'Värden', 'Definition', 'Steg', 'Nationell'],
            ['kontakt', 'Kontakt, första gången', '1="Ja; via sms";2=Nej', 'Ange "ja" om kontakten skedde,\nockså om den var kort.', 'utredning', 'nej'],
        ], { delimiter: ',' });
        writeFileSync(file, '\uFEFF' + text, 'utf8');
        const out = path.join(dir, 'kataloger', 'kommun.sucat');
        const result = await runCli([
            'catalogue', 'import', file, '--name', 'kommun', '--version', '2024.1', '--out', out,
            '--columns', 'id=Variabelnamn,label=Beskrivning,valueSet=Värden,comment=Definition,step=Steg,national=Nationell',
        ]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const written = readFileSync(out, 'utf8');
        expect(written).toContain('katalog kommun version "2024.1" {');
        expect(written).toContain('värdemängd { 1 "Ja; via sms" 2 "Nej" }');
        expect(written).toContain('kommentar "Ange \\"ja\\" om kontakten skedde,\\nockså om den var kort."');
    });

    test('reports problems with file, row and column, writes nothing and exits 1', async () => {
        const dir = tempDir('catalogue');
        const input = writeExcelCsv(dir, 'bbic-2023.csv', [
            ...ROWS,
            ['samtal_enskilt', 'Dubblett', 'ja/nej', 'Samma id.', 'utredning', ''],
            ['okänd', 'Okänd mängd', 'heltal 0..9', 'Definition.', 'utredningen', ''],
        ]);
        const result = await runCli(['catalogue', 'import', input]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')).toEqual([
            `${input}: rad 5, kolumn A "Variabel": fel: Id:t "samtal_enskilt" finns redan på rad 2. Ge varje variabel ett unikt id.`,
            expect.stringMatching(new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: rad 6, kolumn C "Värdemängd": fel: Okänd värdemängd "heltal 0\\.\\.9"\\.`)),
            `${input}: rad 6, kolumn E "Processteg": fel: Okänt processteg "utredningen". Menade du "utredning"? Välj aktualisering, utredning, insats eller uppföljning.`,
            'Inget skrevs: 3 fel.',
            '',
        ]);
        expect(existsSync(path.join(dir, 'bbic-2023.sucat'))).toBe(false);

        const english = await runCli(['catalogue', 'import', input, '--lang', 'en']);
        expect(english.code).toBe(1);
        expect(english.stderr).toContain(`${input}: row 6, column E "Processteg": error: Unknown process step "utredningen". Did you mean "utredning"?`);
        expect(english.stderr).toContain('Nothing was written: 3 errors.');
        const global = await runCli(['--lang', 'en', 'catalogue', 'import', input]);
        expect(global.stderr).toContain('Nothing was written: 3 errors.');
    });

    test.each([
        ['no name or version', (dir: string) => ['catalogue', 'import', writeExcelCsv(dir, 'lista.csv')], /^suplan: Ange katalogens namn och version med --name och --version/],
        ['a missing file', (dir: string) => ['catalogue', 'import', path.join(dir, 'saknas-2023.csv')], /^suplan: hittar inte .*saknas-2023\.csv$/],
        ['an unknown option', (dir: string) => ['catalogue', 'import', writeExcelCsv(dir, 'bbic-2023.csv'), '--sep', ';'], /^suplan: .*--sep/],
        ['a bad --columns', (dir: string) => ['catalogue', 'import', writeExcelCsv(dir, 'bbic-2023.csv'), '--columns', 'färg=Färg'], /^suplan: Okänt fält "färg" i --columns/],
        ['a bad --encoding', (dir: string) => ['catalogue', 'import', writeExcelCsv(dir, 'bbic-2023.csv'), '--encoding', 'ebcdic-x'], /^suplan: Okänd teckenkodning "ebcdic-x"/],
        ['a bad --lang', (dir: string) => ['catalogue', 'import', writeExcelCsv(dir, 'bbic-2023.csv'), '--lang', 'fi'], /^suplan: ogiltigt värde 'fi' för --lang; tillåtna värden: sv, en$/],
        ['export of a non-catalogue', (dir: string) => ['catalogue', 'export', writeExcelCsv(dir, 'bbic-2023.csv')], /^suplan: .*bbic-2023\.csv är ingen katalogfil \(\.sucat\)\.$/],
        ['a bad --separator', (dir: string) => { writeFileSync(path.join(dir, 'k.sucat'), 'katalog k version "1" {}\n'); return ['catalogue', 'export', path.join(dir, 'k.sucat'), '--separator', '|']; }, /^suplan: Ogiltig avgränsare "\|"/],
        ['an unknown output type', (dir: string) => { writeFileSync(path.join(dir, 'k.sucat'), 'katalog k version "1" {}\n'); return ['catalogue', 'export', path.join(dir, 'k.sucat'), '--out', path.join(dir, 'k.ods')]; }, /^suplan: Okänd filtyp "\.ods"/],
    ])('exits 2 with one line for %s', async (_name, args, pattern) => {
        const dir = tempDir('catalogue');
        const result = await runCli(args(dir));
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(pattern);
        expect(stackLines(result.stderr)).toEqual([]);
    });

    test('exports CSV (; and UTF-8 with BOM by default) and XLSX, and both import back to the same catalogue', async () => {
        const dir = tempDir('catalogue');
        await runCli(['catalogue', 'import', writeExcelCsv(dir, 'bbic-2023.csv')]);
        const sucat = path.join(dir, 'bbic-2023.sucat');
        const original = readFileSync(sucat, 'utf8');

        const exportDir = path.join(dir, 'export');
        const csv = await runCli(['catalogue', 'export', sucat, '--out', path.join(exportDir, 'bbic-2023.csv')]);
        expect(csv.stderr).toBe('');
        expect(csv.code).toBe(0);
        const bytes = readFileSync(path.join(exportDir, 'bbic-2023.csv'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const lines = bytes.subarray(3).toString('utf8').split('\r\n');
        expect(lines[0]).toBe('variabel;etikett;värdemängd;kommentar;processteg;nationell statistik');
        expect(lines[3]).toBe('vårddygn;Antal vårddygn;"tal 0..366 enhet ""dygn""";"\'=Dygn i placering under perioden.";insats;nej');

        const xlsx = await runCli(['catalogue', 'export', sucat, '--out', path.join(exportDir, 'bbic-2023.xlsx')]);
        expect(xlsx.code).toBe(0);
        const cp1252 = await runCli(['catalogue', 'export', sucat, '--out', path.join(exportDir, 'ansi', 'bbic-2023.csv'), '--separator', ',', '--encoding', 'windows-1252']);
        expect(cp1252.code).toBe(0);
        expect(iconv.decode(readFileSync(path.join(exportDir, 'ansi', 'bbic-2023.csv')), 'windows-1252').split('\r\n')[0]).toBe('variabel,etikett,värdemängd,kommentar,processteg,nationell statistik');

        for (const exported of ['bbic-2023.csv', 'bbic-2023.xlsx', path.join('ansi', 'bbic-2023.csv')]) {
            const back = await runCli(['catalogue', 'import', path.join(exportDir, exported), '--out', '-']);
            expect(back.code).toBe(0);
            expect(back.stderr).toContain('katalog bbic version "2023", 3 variabler');
            expect(back.stdout.split('\n').slice(1)).toEqual(original.split('\n').slice(1)); // all but the source comment
        }
        noTemporaryFiles(exportDir);
    });

    test('writes the default export name next to the catalogue, and refuses a catalogue with errors', async () => {
        const dir = tempDir('catalogue');
        writeFileSync(path.join(dir, 'min.sucat'), 'katalog min version "2.0" {\n    variabel a {\n        etikett "A"\n        värdemängd text\n        kommentar "D."\n    }\n}\n');
        const ok = await runCli(['catalogue', 'export', path.join(dir, 'min.sucat')]);
        expect(ok.code).toBe(0);
        expect(existsSync(path.join(dir, 'min-2.0.csv'))).toBe(true);

        writeFileSync(path.join(dir, 'trasig.sucat'), 'katalog trasig version "1" {\n    variabel a {\n        etikett "A"\n        värdemängd heltal\n    }\n}\n');
        const broken = await runCli(['catalogue', 'export', path.join(dir, 'trasig.sucat')]);
        expect(broken.code).toBe(1);
        expect(broken.stderr).toMatch(/trasig\.sucat:4:\d+: error SU001: /);
        expect(broken.stderr.trimEnd().split('\n').at(-1)).toBe(`${path.join(dir, 'trasig.sucat')} har fel och exporteras inte.`);
        expect(existsSync(path.join(dir, 'trasig-1.csv'))).toBe(false);
    });

    test('catalogue import --help documents value sets, the formula prefix and exit codes', async () => {
        const sv = await runCli(['catalogue', 'import', '--help']);
        expect(sv.code).toBe(0);
        for (const flag of ['--out <file>', '--name <name>', '--version <version>', '--columns <mapping>', '--sheet <name>', '--encoding <encoding>', '--lang <language>']) {
            expect(sv.stdout).toContain(flag);
        }
        expect(sv.stdout).toContain('tal 0..40 enhet "dagar"');
        expect(sv.stdout).toContain('\nSlutkoder:\n  0  klart (varningar tillåtna)\n  1  fel i indata (inget skrevs)\n  2  ');
        const en = await runCli(['catalogue', 'export', '--help', '--lang', 'en']);
        expect(en.stdout).toContain('Against formula injection');
        expect(en.stdout).toContain('--separator <separator>');
        expect(en.stdout).toContain('\nExit codes:\n  0  done\n  1  the catalogue has errors');
    });
});

describe('suplan catalogue import never loses a file', () => {
    test('an existing .sucat is not overwritten without --force; with --force it is', async () => {
        const dir = tempDir('catalogue-force');
        const input = writeExcelCsv(dir, 'bbic-2023.csv');
        const target = path.join(dir, 'bbic-2023.sucat');
        writeFileSync(target, '// handskriven katalog\n');
        const refused = await runCli(['catalogue', 'import', input]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toBe(`suplan: ${target} finns redan; ange --force för att skriva över den, eller en annan fil med --out\n`);
        expect(readFileSync(target, 'utf8')).toBe('// handskriven katalog\n');
        const forced = await runCli(['catalogue', 'import', input, '--force']);
        expect(forced.code).toBe(0);
        expect(readFileSync(target, 'utf8')).toMatch(/^katalog bbic|\nkatalog bbic/);
    });

    test('--out naming the input (directly or through a link) is refused, even with --force', async () => {
        const dir = tempDir('catalogue-self');
        const input = writeExcelCsv(dir, 'bbic-2023.csv');
        const before = readFileSync(input);
        symlinkSync(input, path.join(dir, 'länk.csv'));
        for (const out of [input, path.join(dir, 'länk.csv')]) {
            const result = await runCli(['catalogue', 'import', input, '--out', out, '--force', '--lang', 'en']);
            expect(result.code).toBe(2);
            expect(result.stderr).toBe(`suplan: ${out} is the input file; give another file with --out (the input is never overwritten)\n`);
            expect(readFileSync(input)).toEqual(before);
        }
    });

    test('a .xlsx that is not a workbook gets one line in the user\'s language, not the zip library\'s text', async () => {
        const dir = tempDir('catalogue-notzip');
        const input = path.join(dir, 'lista.xlsx');
        writeFileSync(input, 'Variabel;Etikett\n');
        for (const [lang, expected] of [
            ['sv', `suplan: Kan inte läsa arbetsboken ${input}: den är skadad eller ingen Excel-arbetsbok (.xlsx). Öppna den i Excel eller LibreOffice och spara som .xlsx, eller exportera till CSV.\n`],
            ['en', `suplan: Cannot read the workbook ${input}: it is damaged or not an Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as .xlsx, or export it to CSV.\n`],
        ]) {
            const result = await runCli(['catalogue', 'import', input, '--name', 'x', '--version', '1', '--lang', lang]);
            expect(result.code).toBe(2);
            expect(result.stderr).toBe(expected);
            expect(result.stderr).not.toMatch(/https?:|central directory/);
        }
    });

    test('the example catalogues: .sucat → xlsx → .sucat and .sucat → csv → import --update give the same bytes', async () => {
        const dir = tempDir('catalogue-lossless');
        for (const name of ['bbic-2023', 'bbic-2024']) {
            const original = path.join(repoRoot, 'examples', 'catalogues', `${name}.sucat`);
            const text = readFileSync(original, 'utf8');
            const xlsx = path.join(dir, `${name}.xlsx`);
            expect((await runCli(['catalogue', 'export', original, '--out', xlsx])).code).toBe(0);
            const back = path.join(dir, `${name}-från-xlsx.sucat`);
            const fromXlsx = await runCli(['catalogue', 'import', xlsx, '--out', back]);
            expect(fromXlsx.stderr).toBe('');
            expect(readFileSync(back, 'utf8')).toBe(text);

            const csv = path.join(dir, `${name}.csv`);
            expect((await runCli(['catalogue', 'export', original, '--out', csv])).code).toBe(0);
            const copy = path.join(dir, `${name}.sucat`);
            writeFileSync(copy, text);
            const updated = await runCli(['catalogue', 'import', csv, '--update', copy]);
            expect(updated.stderr).toBe('');
            expect(updated.code).toBe(0);
            expect(readFileSync(copy, 'utf8')).toBe(text);
        }
    });
});
