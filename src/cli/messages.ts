import { isLanguage, LANGUAGES, type Language } from '../text/language.js';
import { messageTable, type Bilingual } from '../text/messages.js';

/**
 * The CLI's own texts (help, progress, usage and I/O errors) in Swedish and English.
 * Diagnostic messages come from the code table instead (src/language/diagnostics/codes.ts), and
 * the catalogue import's messages from src/catalogue/messages.ts.
 */
export type CliLanguage = Language;

export { isLanguage, LANGUAGES };

function text(sv: string, en: string): Bilingual {
    return { sv, en };
}

/** Lines of a help text, joined. */
function lines(...texts: readonly string[]): string {
    return texts.join('\n');
}

export const TEXTS = {
    programDescription: text(
        'SU-plan: kontrollera, skapa och generera planer för systematisk uppföljning.',
        'SU-plan: check, create and generate plans for systematic follow-up.'),
    versionOption: text('visa versionen', 'show the version'),
    helpOption: text('visa hjälp för kommandot', 'show help for the command'),
    helpCommand: text('visa hjälp för ett kommando', 'show help for a command'),
    langOption: text('språk för meddelanden: sv eller en', 'language of messages: sv or en'),
    catalogueOption: text('katalogfiler (.sucat) eller mappar med kataloger att läsa in', 'catalogue files (.sucat) or folders of catalogues to load'),
    exitCodes: text(
        'Slutkoder:\n  0  inga fel och inga oaccepterade varningar\n  1  fel eller oaccepterade varningar i planerna\n  2  felaktig användning eller fil som inte kan läsas eller skrivas',
        'Exit codes:\n  0  no errors and no unaccepted warnings\n  1  errors or unaccepted warnings in the plans\n  2  wrong usage, or a file that cannot be read or written'),

    checkSummary: text('kontrollera planer och kataloger', 'check plans and catalogues'),
    newSummary: text('skapa en ny plan från en mall', 'create a new plan from a template'),
    generateSummary: text('generera filer från en plan', 'generate files from a plan'),
    checkDescription: text(
        'Kontrollera planer och kataloger och visa alla fel och varningar. Kataloger hittas i de angivna sökvägarna, via --catalogue och från planens mapp upp till repots rot.',
        'Check plans and catalogues and show every error and warning. Catalogues are found in the given paths, via --catalogue, and from the plan\'s folder up to the repository root.'),
    checkPaths: text('planer (.suplan), kataloger (.sucat) eller mappar', 'plans (.suplan), catalogues (.sucat) or folders'),
    formatOption: text('utdataformat', 'output format'),

    newDescription: text(
        'Skapa en ny plan från en mall utan fel. Mallens exempeltexter (fråga, målgrupp, nästa steg, rättslig grund, …) är varningar (SU090) tills ni ersatt dem med planens egna.',
        'Create a new plan from a template without errors. The template\'s example texts (question, target group, next steps, legal basis, …) are warnings (SU090) until you replace them with the plan\'s own.'),
    newFile: text('filen att skapa (standard: ett namn från titeln)', 'the file to create (default: a name from the title)'),
    titleOption: text('planens titel', 'the plan\'s title'),
    newCatalogueOption: text('katalog och version som planen använder, t.ex. bbic@2023', 'catalogue and version the plan uses, e.g. bbic@2023'),
    created: text('Skapade {0}', 'Created {0}'),
    createdNext: text('Ersätt mallens exempeltexter och kontrollera planen med: suplan check {0}', 'Replace the template\'s example texts and check the plan with: suplan check {0}'),

    generateDescription: text(
        'Generera filer från en plan. Planen kontrolleras först; vid fel skrivs inget.',
        'Generate files from a plan. The plan is checked first; nothing is written when it has errors.'),
    generatePlan: text('planen (.suplan)', 'the plan (.suplan)'),
    targetOption: text('mål, kommaseparerade', 'targets, comma-separated'),
    outOption: text('mapp att skriva till', 'folder to write to'),
    wrote: text('Skrev {0}', 'Wrote {0}'),
    helpLabel: text('hjälp', 'help'),
    errorsOne: text('{0} fel', '{0} error'),
    errorsMany: text('{0} fel', '{0} errors'),
    warningsOne: text('{0} varning', '{0} warning'),
    warningsMany: text('{0} varningar', '{0} warnings'),
    acceptedOne: text('{0} accepterad varning', '{0} accepted warning'),
    acceptedMany: text('{0} accepterade varningar', '{0} accepted warnings'),
    filesOne: text('{0} fil', '{0} file'),
    filesMany: text('{0} filer', '{0} files'),
    summary: text('{0} i {1}', '{0} in {1}'),
    notGenerated: text('{0} har fel; inga filer skrevs.', '{0} has errors; no files were written.'),

    // suplan synth
    synthSummary: text('skapa syntetiska data i dataformatet', 'make synthetic data in the data format'),
    synthDescription: text(
        'Skapa syntetiska data för en plan i dataformatet (semikolonseparerad UTF-8 med BOM): saknade svar, "ej aktuell", avhopp mellan mätpunkter, små grupper och flera enheter. Samma frö ger samma data. Inga namn och inga personnummer. Med --out skrivs också datapackage.json och en kodbok bredvid filen.',
        'Make synthetic data for a plan in the data format (semicolon-separated UTF-8 with BOM): missing answers, "ej aktuell", dropouts between points, small groups and several units. The same seed gives the same data. No names and no identity numbers. With --out, a datapackage.json and a codebook are written beside the file.'),
    clientsOption: text('antal klienter', 'number of clients'),
    seedOption: text('frö för slumptalen (heltal)', 'seed for the random numbers (an integer)'),
    unitsOption: text('antal enheter klienterna fördelas på', 'number of units the clients are spread over'),
    synthOutOption: text('fil att skriva (standard: standard ut)', 'file to write (default: standard output)'),
    // suplan data import
    dataSummary: text('läs in och kontrollera data i dataformatet', 'read and check data in the data format'),
    dataImportSummary: text('läs ifyllda arbetsböcker och exporter till en datafil', 'read filled workbooks and exports into one data file'),
    dataImportDescription: text(
        'Läs ifyllda registreringsarbetsböcker (--target form-xlsx) och tidigare exporter (CSV eller XLSX i dataformatet), kontrollera varje cell mot planen och skriv en datafil i dataformatet. Varje ogiltig cell visas med fil, blad, rad och kolumn; då skrivs ingen fil. Samma registrering i flera filer tas med en gång.',
        'Read filled registration workbooks (--target form-xlsx) and earlier exports (CSV or XLSX in the data format), check every cell against the plan and write one data file in the data format. Every invalid cell is shown with its file, sheet, row and column; then no file is written. The same record in several files is kept once.'),
    dataImportFiles: text('arbetsböcker (.xlsx) eller datafiler (.csv) att läsa', 'workbooks (.xlsx) or data files (.csv) to read'),
    dataImportPlan: text('planen som data samlades in med', 'the plan the data was collected with'),
    dataImportWorkbook: text('{0} kan inte läsas som arbetsbok: {1}', '{0} cannot be read as a workbook: {1}'),
    dataImportConflict: text('samma registrering som {0} men med andra värden', 'the same record as {0} but with other values'),
    dataImportFailed: text('{0} problem; ingen fil skrevs', '{0} problems; no file was written'),
    dataImportDone: text('{0} registreringar ({1} lästa rader, {2} dubbletter borttagna)', '{0} records ({1} rows read, {2} duplicates dropped)'),
    dataPlaceLine: text('{0}: rad {1}', '{0}: line {1}'),
    dataPlaceCell: text('{0}: rad {1}, kolumn {2}', '{0}: line {1}, column {2}'),
    dataPlaceSheetRow: text('{0}: blad {1}, rad {2}', '{0}: sheet {1}, row {2}'),
    dataPlaceSheetColumn: text('{0}: blad {1}, rad {2}, kolumn {3}', '{0}: sheet {1}, row {2}, column {3}'),
    dataPlaceSheetCell: text('{0}: blad {1}, rad {2}, kolumn {3} ({4})', '{0}: sheet {1}, row {2}, column {3} ({4})'),
    badInteger: text('{0} ska vara ett heltal {1}–{2} (fick "{3}")', '{0} must be a whole number {1}–{2} (got "{3}")'),

    // suplan catalogue import|export
    catalogueSummary: text('importera, exportera, jämföra och uppgradera till variabelkataloger', 'import, export, compare and upgrade to variable catalogues'),
    catalogueDescription: text(
        'Variabelkataloger: en variabellista som den förs i Excel (CSV eller XLSX) blir en katalog (.sucat), och tillbaka; två versioner av en katalog jämförs, och planer flyttas till en nyare version.',
        'Variable catalogues: a variable list as it is kept in Excel (CSV or XLSX) becomes a catalogue (.sucat), and back; two versions of a catalogue are compared, and plans are moved to a newer version.'),
    importSummary: text('läs en variabellista (CSV eller XLSX) och skriv en katalog (.sucat)', 'read a variable list (CSV or XLSX) and write a catalogue (.sucat)'),
    importDescription: text(
        'Läs en variabellista (CSV eller XLSX) och skriv en katalog (.sucat). Katalogen kontrolleras innan den skrivs; vid fel skrivs ingenting.',
        'Read a variable list (CSV or XLSX) and write a catalogue (.sucat). The catalogue is checked before it is written; nothing is written when there are errors.'),
    importFile: text('variabellistan (.csv eller .xlsx)', 'the variable list (.csv or .xlsx)'),
    importOut: text('katalogfilen att skriva (standard: samma namn med .sucat; - för standard ut)', 'the catalogue file to write (default: the same name with .sucat; - for standard output)'),
    catalogueNameOption: text('katalogens namn, t.ex. bbic (standard: från filnamnet, bbic-2023.csv)', 'the catalogue name, e.g. bbic (default: from the file name, bbic-2023.csv)'),
    catalogueVersionOption: text('katalogens version, t.ex. 2023 (standard: från filnamnet)', 'the catalogue version, e.g. 2023 (default: from the file name)'),
    catalogueTitleOption: text('katalogens titel', 'the catalogue title'),
    columnsOption: text(
        'vilka kolumner som är vad, t.ex. id=Variabelnamn,label=Beskrivning,valueSet=Värden,comment=Definition,step=Steg,national=Nationell',
        'which column is which, e.g. id=Variabelnamn,label=Beskrivning,valueSet=Värden,comment=Definition,step=Steg,national=Nationell'),
    sheetOption: text('bladet att läsa i en .xlsx-fil (standard: det första)', 'the sheet of an .xlsx file to read (default: the first)'),
    importEncodingOption: text('teckenkodning för CSV (standard: UTF-8 om filen är giltig UTF-8, annars windows-1252)', 'encoding of a CSV file (default: UTF-8 when the file is valid UTF-8, otherwise windows-1252)'),
    importDetails: text(
        lines(
            'Kolumner (rubriker jämförs utan hänsyn till versaler, diakritiska tecken och mellanslag):',
            '  variabel, etikett, värdemängd, kommentar, processteg, nationell statistik (ja/nej, x, 1/0), ersätter',
            'Värdemängder: datum | ja/nej | text | antal | antal 0..100 | tal 0..40 enhet "dagar" decimaler 1',
            '  | en kodlista 1=Flicka;2=Pojke (en etikett med ; skrivs inom citattecken: 1="Ja; via sms").',
            'Ett id som saknas eller är ogiltigt skapas från etiketten (gemener, å/ä/ö behålls, mellanslag blir _).',
            'En inledande \' före =, +, - eller @ (som export skriver mot formelinjektion) tas bort.'),
        lines(
            'Columns (headers are compared ignoring case, diacritics and spaces):',
            '  variabel, etikett, värdemängd, kommentar, processteg, nationell statistik (ja/nej, x, 1/0), ersätter',
            'Value sets: datum | ja/nej | text | antal | antal 0..100 | tal 0..40 enhet "dagar" decimaler 1',
            '  | a code list 1=Flicka;2=Pojke (a label with ; is quoted: 1="Ja; via sms").',
            'A missing or invalid id is made from the label (lower case, å/ä/ö kept, spaces become _).',
            'A leading \' before =, +, - or @ (which export writes against formula injection) is removed.')),
    importExitCodes: text(
        'Slutkoder:\n  0  klart (varningar tillåtna)\n  1  fel i indata (inget skrevs)\n  2  felaktig användning eller fil som inte kan läsas eller skrivas',
        'Exit codes:\n  0  done (warnings allowed)\n  1  errors in the input (nothing written)\n  2  wrong usage, or a file that cannot be read or written'),
    exportSummary: text('skriv en katalog (.sucat) som variabellista (CSV eller XLSX)', 'write a catalogue (.sucat) as a variable list (CSV or XLSX)'),
    exportDescription: text(
        'Skriv en katalog (.sucat) som variabellista (CSV eller XLSX). Katalogen kontrolleras först; vid fel skrivs ingenting.',
        'Write a catalogue (.sucat) as a variable list (CSV or XLSX). The catalogue is checked first; nothing is written when it has errors.'),
    exportFile: text('katalogen (.sucat)', 'the catalogue (.sucat)'),
    exportOut: text('filen att skriva, .csv eller .xlsx (standard: <namn>-<version>.csv bredvid katalogen; - för standard ut)', 'the file to write, .csv or .xlsx (default: <name>-<version>.csv next to the catalogue; - for standard output)'),
    separatorOption: text('avgränsare i CSV: ";" (standard, för svenskt Excel) eller ","', 'CSV separator: ";" (default, for Swedish Excel) or ","'),
    exportEncodingOption: text('teckenkodning för CSV: utf8 (standard, med BOM) eller windows-1252', 'CSV encoding: utf8 (default, with a BOM) or windows-1252'),
    exportDetails: text(
        lines(
            'Kolumnerna får svenska rubriker: variabel, etikett, värdemängd, kommentar, processteg, nationell statistik',
            '(och ersätter när någon variabel ersätter en annan). CSV skrivs med ; och UTF-8 med BOM som standard, så att',
            'filen öppnas rätt i svenskt Excel. Mot formelinjektion får en CSV-cell som börjar med =, +, -, @, tabb eller',
            'vagnretur en inledande \'; import tar bort den igen, så att en rundresa blir exakt. I XLSX skrivs celler som',
            'text och körs aldrig som formler.'),
        lines(
            'The columns get Swedish headers: variabel, etikett, värdemängd, kommentar, processteg, nationell statistik',
            '(and ersätter when a variable replaces another). CSV is written with ; and UTF-8 with a BOM by default, so',
            'that Swedish Excel opens it right. Against formula injection, a CSV cell that starts with =, +, -, @, tab or',
            'carriage return gets a leading \'; import removes it again, so a round trip is exact. XLSX cells are written',
            'as text and never run as formulas.')),
    exportExitCodes: text(
        'Slutkoder:\n  0  klart\n  1  katalogen har fel eller tecken som inte går att skriva i vald kodning\n  2  felaktig användning eller fil som inte kan läsas eller skrivas',
        'Exit codes:\n  0  done\n  1  the catalogue has errors or characters the chosen encoding cannot hold\n  2  wrong usage, or a file that cannot be read or written'),
    imported: text('Skrev {0}: katalog {1} version "{2}", {3} variabler.', 'Wrote {0}: catalogue {1} version "{2}", {3} variables.'),
    exported: text('Skrev {0}: {1} variabler.', 'Wrote {0}: {1} variables.'),
    notWritten: text('Inget skrevs: {0} fel.', 'Nothing was written: {0} errors.'),
    catalogueHasErrors: text('{0} har fel och exporteras inte.', '{0} has errors and is not exported.'),
    notACatalogueFile: text('{0} är ingen katalogfil (.sucat).', '{0} is not a catalogue file (.sucat).'),
    badSeparator: text('Ogiltig avgränsare "{0}": använd ";" eller ",".', 'Invalid separator "{0}": use ";" or ",".'),
    unknownFileType: text('Okänd filtyp "{0}": använd .csv eller .xlsx.', 'Unknown file type "{0}": use .csv or .xlsx.'),

    // usage and I/O problems (exit code 2)
    notFound: text('hittar inte {0}', 'not found: {0}'),
    cannotRead: text('kan inte läsa {0} ({1})', 'cannot read {0} ({1})'),
    cannotWrite: text('kan inte skriva {0} ({1})', 'cannot write {0} ({1})'),
    notPlanOrCatalogue: text('{0} är varken en plan (.suplan) eller en katalog (.sucat)', '{0} is neither a plan (.suplan) nor a catalogue (.sucat)'),
    notPlan: text('{0} är ingen plan (.suplan)', '{0} is not a plan (.suplan)'),
    notCatalogue: text('{0} är ingen katalog (.sucat) eller mapp', '{0} is not a catalogue (.sucat) or folder'),
    nothingToCheck: text('inga planer eller kataloger (.suplan, .sucat) i {0}', 'no plans or catalogues (.suplan, .sucat) in {0}'),
    outIsInput: text('{0} är indatafilen; ange en annan fil med --out (indata skrivs aldrig över)', '{0} is the input file; give another file with --out (the input is never overwritten)'),
    outExists: text('{0} finns redan; ange --force för att skriva över den, eller en annan fil med --out', '{0} already exists; give --force to overwrite it, or another file with --out'),
    forceOption: text('skriv över en befintlig katalogfil', 'overwrite an existing catalogue file'),
    updateOption: text(
        'ersätt variablerna i en befintlig katalog (.sucat) och behåll dess titel, utgivningsdatum, beskrivning och kommentarer',
        'replace the variables of an existing catalogue (.sucat), keeping its title, publication date, description and comments'),
    outIsFile: text('{0} är en fil, inte en mapp; ange en mapp med --out', '{0} is a file, not a folder; give a folder with --out'),
    targetIsFolder: text('kan inte skriva {0}: det är en mapp', 'cannot write {0}: it is a folder'),
    fileExists: text('{0} finns redan; välj ett annat filnamn (filen skrivs inte över)', '{0} already exists; choose another file name (the file is not overwritten)'),
    unknownTarget: text('okänt mål "{0}"; tillgängliga mål: {1}', 'unknown target "{0}"; available targets: {1}'),
    noTarget: text('ange minst ett mål med --target; tillgängliga mål: {0}', 'give at least one target with --target; available targets: {0}'),
    badCatalogueSpec: text('ange katalogen som namn@version, t.ex. bbic@2023 (fick "{0}")', 'give the catalogue as name@version, e.g. bbic@2023 (got "{0}")'),
    catalogueNotFound: text(
        'hittar inte katalogen {0} version "{1}" i {2} eller mapparna ovanför (hittade: {3}); lägg katalogfilen (.sucat) i projektet',
        'cannot find the catalogue {0} version "{1}" in {2} or the folders above it (found: {3}); put the catalogue file (.sucat) in the project'),
    noCatalogues: text('inga kataloger', 'no catalogues'),
    catalogueHasNoVariable: text(
        'katalogen {0} version "{1}" har ingen variabel med ja/nej eller kodlista att utgå från',
        'the catalogue {0} version "{1}" has no yes/no or code-list variable to start from'),
    badTitle: text('titeln får inte vara tom eller innehålla radbrytningar', 'the title must not be empty or contain line breaks'),
    internalError: text('internt fel: {0}', 'internal error: {0}'),

    // commander's usage errors, translated
    unknownOption: text('okänd flagga {0}', 'unknown option {0}'),
    unknownCommand: text('okänt kommando {0}', 'unknown command {0}'),
    missingArgument: text('argument saknas: {0}', 'missing required argument {0}'),
    optionMissingArgument: text('flaggan {0} saknar värde', 'option {0} needs a value'),
    invalidChoice: text('ogiltigt värde {1} för {0}; tillåtna värden: {2}', 'invalid value {1} for {0}; allowed values: {2}'),
    requiredOption: text('flaggan {0} måste anges', 'option {0} is required'),
    excessArguments: text('för många argument', 'too many arguments'),
    didYouMean: text('(menade du {0}?)', '(did you mean {0}?)'),
} as const satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof TEXTS;

/** `t(language, key, ...args)`: the text `key` in `language`, with `{0}`, `{1}`, … filled from `args`. */
export const t = messageTable(TEXTS);

/**
 * The language asked for on the command line (`--lang en` or `--lang=en`), read before commander
 * parses anything so that help and usage errors can be shown in it. Swedish by default.
 */
export function languageFromArgv(argv: readonly string[]): CliLanguage {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') break;
        if (arg === '--lang' && isLanguage(argv[i + 1])) return argv[i + 1] as CliLanguage;
        if (arg.startsWith('--lang=')) {
            const value = arg.slice('--lang='.length);
            if (isLanguage(value)) return value;
        }
    }
    return 'sv';
}
