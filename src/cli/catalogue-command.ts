import type { ImportOptions } from '../catalogue/catalogue-import.js';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from 'vscode-languageserver-types';
import { renderIssue, type ImportIssue } from '../catalogue/issues.js';
import { CatalogueUsageError, isLanguage, message, type Language, type MessageArg, type MessageKey } from '../catalogue/messages.js';
import { CliError, writeFileAtomic } from './cli-util.js';

/**
 * `suplan catalogue import|export`: variable lists as municipalities keep them in Excel (CSV or
 * XLSX) to `.sucat` catalogues and back. The heavy parts (Langium, exceljs) load only when a
 * subcommand runs, so registering the command costs nothing for `suplan check`.
 *
 * Exit codes: 0 done (warnings allowed), 1 problems in the input (nothing written),
 * 2 wrong usage or a file that cannot be read or written.
 */

type Text = Readonly<Record<Language, string>>;

const HELP = {
    catalogue: {
        sv: 'importera och exportera variabelkataloger (CSV/XLSX ⇄ .sucat)',
        en: 'import and export variable catalogues (CSV/XLSX ⇄ .sucat)',
    },
    import: {
        sv: 'läs en variabellista (CSV eller XLSX) och skriv en katalog (.sucat)',
        en: 'read a variable list (CSV or XLSX) and write a catalogue (.sucat)',
    },
    importFile: { sv: 'variabellistan (.csv eller .xlsx)', en: 'the variable list (.csv or .xlsx)' },
    importOut: { sv: 'katalogfilen att skriva (standard: samma namn med .sucat; - för standard ut)', en: 'the catalogue file to write (default: the same name with .sucat; - for standard output)' },
    name: { sv: 'katalogens namn, t.ex. bbic (standard: från filnamnet, bbic-2023.csv)', en: 'the catalogue name, e.g. bbic (default: from the file name, bbic-2023.csv)' },
    version: { sv: 'katalogens version, t.ex. 2023 (standard: från filnamnet)', en: 'the catalogue version, e.g. 2023 (default: from the file name)' },
    title: { sv: 'katalogens titel', en: 'the catalogue title' },
    columns: {
        sv: 'vilka kolumner som är vad, t.ex. id=Variabelnamn,label=Beskrivning,valueSet=Värden,comment=Definition,step=Steg,national=Nationell',
        en: 'which column is which, e.g. id=Variabelnamn,label=Beskrivning,valueSet=Värden,comment=Definition,step=Steg,national=Nationell',
    },
    sheet: { sv: 'bladet att läsa i en .xlsx-fil (standard: det första)', en: 'the sheet of an .xlsx file to read (default: the first)' },
    importEncoding: { sv: 'teckenkodning för CSV (standard: UTF-8 om filen är giltig UTF-8, annars windows-1252)', en: 'encoding of a CSV file (default: UTF-8 when the file is valid UTF-8, otherwise windows-1252)' },
    lang: { sv: 'språk för meddelanden: sv eller en', en: 'language of messages: sv or en' },
    export: {
        sv: 'skriv en katalog (.sucat) som variabellista (CSV eller XLSX)',
        en: 'write a catalogue (.sucat) as a variable list (CSV or XLSX)',
    },
    exportFile: { sv: 'katalogen (.sucat)', en: 'the catalogue (.sucat)' },
    exportOut: { sv: 'filen att skriva, .csv eller .xlsx (standard: <namn>-<version>.csv bredvid katalogen; - för standard ut)', en: 'the file to write, .csv or .xlsx (default: <name>-<version>.csv next to the catalogue; - for standard output)' },
    separator: { sv: 'avgränsare i CSV: ";" (standard, för svenskt Excel) eller ","', en: 'CSV separator: ";" (default, for Swedish Excel) or ","' },
    exportEncoding: { sv: 'teckenkodning för CSV: utf8 (standard, med BOM) eller windows-1252', en: 'CSV encoding: utf8 (default, with a BOM) or windows-1252' },
    importAfter: {
        sv: [
            '',
            'Kolumner (rubriker jämförs utan hänsyn till versaler, diakritiska tecken och mellanslag):',
            '  variabel, etikett, värdemängd, kommentar, processteg, nationell statistik (ja/nej, x, 1/0), ersätter',
            'Värdemängder: datum | ja/nej | text | antal | antal 0..100 | tal 0..40 enhet "dagar" decimaler 1',
            '  | en kodlista 1=Flicka;2=Pojke (en etikett med ; skrivs inom citattecken: 1="Ja; via sms").',
            'Ett id som saknas eller är ogiltigt skapas från etiketten (gemener, å/ä/ö behålls, mellanslag blir _).',
            'En inledande \' före =, +, - eller @ (som export skriver mot formelinjektion) tas bort.',
            'Katalogen kontrolleras innan den skrivs; vid fel skrivs ingenting.',
            '',
            'Slutkoder: 0 klart (varningar tillåtna), 1 fel i indata (inget skrevs), 2 felaktig användning eller fil som inte kan läsas eller skrivas.',
        ].join('\n'),
        en: [
            '',
            'Columns (headers are compared ignoring case, diacritics and spaces):',
            '  variabel, etikett, värdemängd, kommentar, processteg, nationell statistik (ja/nej, x, 1/0), ersätter',
            'Value sets: datum | ja/nej | text | antal | antal 0..100 | tal 0..40 enhet "dagar" decimaler 1',
            '  | a code list 1=Flicka;2=Pojke (a label with ; is quoted: 1="Ja; via sms").',
            'A missing or invalid id is made from the label (lower case, å/ä/ö kept, spaces become _).',
            'A leading \' before =, +, - or @ (which export writes against formula injection) is removed.',
            'The catalogue is checked before it is written; nothing is written when there are errors.',
            '',
            'Exit codes: 0 done (warnings allowed), 1 errors in the input (nothing written), 2 wrong usage or a file that cannot be read or written.',
        ].join('\n'),
    },
    exportAfter: {
        sv: [
            '',
            'Kolumnerna får svenska rubriker: variabel, etikett, värdemängd, kommentar, processteg, nationell statistik',
            '(och ersätter när någon variabel ersätter en annan). CSV skrivs med ; och UTF-8 med BOM som standard, så att',
            'filen öppnas rätt i svenskt Excel. Mot formelinjektion får en CSV-cell som börjar med =, +, -, @, tabb eller',
            'vagnretur en inledande \'; import tar bort den igen, så att en rundresa blir exakt. I XLSX skrivs celler som',
            'text och körs aldrig som formler.',
            '',
            'Slutkoder: 0 klart, 1 katalogen har fel eller tecken som inte går att skriva i vald kodning, 2 felaktig användning eller fil som inte kan läsas eller skrivas.',
        ].join('\n'),
        en: [
            '',
            'The columns get Swedish headers: variabel, etikett, värdemängd, kommentar, processteg, nationell statistik',
            '(and ersätter when a variable replaces another). CSV is written with ; and UTF-8 with a BOM by default, so',
            'that Swedish Excel opens it right. Against formula injection, a CSV cell that starts with =, +, -, @, tab or',
            'carriage return gets a leading \'; import removes it again, so a round trip is exact. XLSX cells are written',
            'as text and never run as formulas.',
            '',
            'Exit codes: 0 done, 1 the catalogue has errors or characters the chosen encoding cannot hold, 2 wrong usage or a file that cannot be read or written.',
        ].join('\n'),
    },
} as const satisfies Record<string, Text>;

/** The import flags: the import's own options (less those the command fills in) plus output and language. */
type ImportFlags = Omit<ImportOptions, 'fileName' | 'language'> & { readonly out?: string; readonly lang?: string };

interface ExportFlags {
    readonly out?: string;
    readonly separator?: string;
    readonly encoding?: string;
    readonly lang?: string;
}

/** Adds `catalogue import` and `catalogue export` to the program. `language` is that of the help texts. */
export function registerCatalogueCommand(program: Command, language: Language = 'sv'): void {
    const catalogue = program.command('catalogue').description(HELP.catalogue[language]);

    catalogue.command('import')
        .description(HELP.import[language])
        .argument('<file>', HELP.importFile[language])
        .option('-o, --out <file>', HELP.importOut[language])
        .option('--name <name>', HELP.name[language])
        .option('--version <version>', HELP.version[language])
        .option('--title <title>', HELP.title[language])
        .option('--columns <mapping>', HELP.columns[language])
        .option('--sheet <name>', HELP.sheet[language])
        .option('--encoding <encoding>', HELP.importEncoding[language])
        .option('--lang <language>', HELP.lang[language])
        .addHelpText('after', HELP.importAfter[language])
        .action(async (file: string, _flags: unknown, command: Command) => {
            process.exitCode = await guarded(command, lang => runImport(file, command.opts<ImportFlags>(), lang));
        });

    catalogue.command('export')
        .description(HELP.export[language])
        .argument('<file>', HELP.exportFile[language])
        .option('-o, --out <file>', HELP.exportOut[language])
        .option('--separator <separator>', HELP.separator[language])
        .option('--encoding <encoding>', HELP.exportEncoding[language])
        .option('--lang <language>', HELP.lang[language])
        .addHelpText('after', HELP.exportAfter[language])
        .action(async (file: string, _flags: unknown, command: Command) => {
            process.exitCode = await guarded(command, lang => runExport(file, command.opts<ExportFlags>(), lang));
        });
}

/** `--lang` given to the subcommand, else the program's, else Swedish. */
function languageOf(command: Command): Language {
    const local = command.opts<{ lang?: string }>().lang;
    const global = command.optsWithGlobals<{ lang?: string }>().lang;
    const wanted = local ?? global ?? 'sv';
    if (!isLanguage(wanted)) throw new CatalogueUsageError('usage.lang', [wanted]);
    return wanted;
}

function fail(line: string): number {
    process.stderr.write(`suplan: ${line.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
}

/** Runs a subcommand; usage and I/O problems become one line on stderr and exit code 2, never a stack trace. */
async function guarded(command: Command, run: (language: Language) => Promise<number>): Promise<number> {
    let language: Language = 'sv';
    try {
        language = languageOf(command);
        return await run(language);
    } catch (error) {
        if (error instanceof CatalogueUsageError) return fail(error.render(language));
        if (error instanceof CliError) {
            process.stderr.write(`suplan: ${error.message}\n`);
            return error.exitCode;
        }
        const detail = error instanceof Error ? error.message : String(error);
        return fail(detail.split('\n')[0]);
    }
}

function say(language: Language, key: MessageKey, args: readonly MessageArg[], toStderr: boolean): void {
    (toStderr ? process.stderr : process.stdout).write(`${message(key, language, args)}\n`);
}

function readInput(file: string): Buffer {
    try {
        return readFileSync(file);
    } catch (error) {
        const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
        throw new CatalogueUsageError('io.read', [file, code]);
    }
}

function write(target: string, content: string | Uint8Array, language: Language): void {
    if (target === '-') {
        process.stdout.write(content);
        return;
    }
    writeFileAtomic(target, content, { overwrite: true, language });
}

function printIssues(file: string, issues: readonly ImportIssue[], language: Language): void {
    for (const issue of issues) process.stderr.write(`${file}: ${renderIssue(issue, language)}\n`);
}

async function runImport(file: string, flags: ImportFlags, language: Language): Promise<number> {
    const { importCatalogue } = await import('../catalogue/catalogue-import.js');
    const bytes = readInput(file);
    const result = await importCatalogue(bytes, {
        fileName: file, name: flags.name, version: flags.version, title: flags.title,
        columns: flags.columns, sheet: flags.sheet, encoding: flags.encoding, language,
    });
    printIssues(file, result.issues, language);
    if (result.text === undefined || !result.catalogue) {
        say(language, 'done.notWritten', [result.issues.filter(i => i.severity === 'error').length], true);
        return 1;
    }
    const out = flags.out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.sucat`);
    write(out, result.text, language);
    say(language, 'done.import', [out, result.catalogue.name, result.catalogue.version, result.catalogue.variables.length], out === '-');
    return 0;
}

function separatorOf(value: string | undefined): ';' | ',' {
    if (value === undefined) return ';';
    const wanted = value.trim().toLowerCase();
    if ([';', 'semikolon', 'semicolon'].includes(wanted)) return ';';
    if ([',', 'komma', 'comma'].includes(wanted)) return ',';
    throw new CatalogueUsageError('usage.separator', [value]);
}

function diagnosticLine(file: string, diagnostic: Diagnostic, language: Language): string {
    const severity = message(diagnostic.severity === 1 ? 'severity.error' : 'severity.warning', language);
    const code = diagnostic.code !== undefined ? ` ${String(diagnostic.code)}` : '';
    const text = typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message);
    return `${file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}: ${severity}${code}: ${text}`;
}

function safeFilePart(text: string): string {
    return text.replace(/[^\w.\-\u00C0-\u024F]+/g, '_');
}

async function runExport(file: string, flags: ExportFlags, language: Language): Promise<number> {
    if (path.extname(file).toLowerCase() !== '.sucat') throw new CatalogueUsageError('export.notACatalogue', [file]);
    const separator = separatorOf(flags.separator);
    const [{ outputEncoding }, { loadCatalogueText }, exporter] = await Promise.all([
        import('../catalogue/text-encoding.js'), import('../catalogue/sucat-reader.js'), import('../catalogue/catalogue-export.js'),
    ]);
    const encoding = outputEncoding(flags.encoding ?? 'utf8');
    const text = readInput(file).toString('utf8').replace(/^\uFEFF/, '');
    const loaded = await loadCatalogueText(text, path.resolve(file), language);
    const errors = loaded.diagnostics.filter(d => d.severity === 1);
    if (errors.length > 0 || !loaded.catalogue) {
        for (const diagnostic of errors) process.stderr.write(`${diagnosticLine(file, diagnostic, language)}\n`);
        say(language, 'export.invalidCatalogue', [file], true);
        return 1;
    }
    const catalogue = loaded.catalogue;
    const out = flags.out ?? path.join(path.dirname(file), `${safeFilePart(catalogue.name)}-${safeFilePart(catalogue.version)}.csv`);
    const extension = out === '-' ? '.csv' : path.extname(out).toLowerCase();
    if (extension !== '.csv' && extension !== '.xlsx') throw new CatalogueUsageError('usage.format', [extension || out]);
    const table = exporter.variableTable(catalogue);
    if (extension === '.xlsx') {
        write(out, await exporter.variableTableXlsx(table), language);
    } else {
        const csv = exporter.variableTableCsvBytes(table, { separator, encoding });
        if (!csv.bytes) {
            printIssues(out, csv.issues, language);
            say(language, 'done.notWritten', [csv.issues.length], true);
            return 1;
        }
        write(out, csv.bytes, language);
    }
    say(language, 'done.export', [out, catalogue.variables.length], out === '-');
    return 0;
}
