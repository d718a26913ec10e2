import { fill, type Language } from '../language/diagnostics/codes.js';

/**
 * Messages of `suplan catalogue import|export`, in Swedish and English. They are not language
 * diagnostics (those live in the SU code table): they point at a spreadsheet row and column.
 */
const MESSAGES = {
    // ---- value sets
    'valueSet.missing': [
        'Värdemängd saknas för "{0}". Skriv t.ex. datum, ja/nej, antal 0..100, tal 0..40 enhet "dagar", text eller 1=Flicka;2=Pojke.',
        'The value set of "{0}" is missing. Write e.g. datum, ja/nej, antal 0..100, tal 0..40 enhet "dagar", text or 1=Flicka;2=Pojke.'],
    'valueSet.unknown': [
        'Okänd värdemängd "{0}". Skriv datum, ja/nej, antal, antal 0..100, tal 0..40 enhet "dagar", text eller en kodlista som 1=Flicka;2=Pojke.',
        'Unknown value set "{0}". Write datum, ja/nej, antal, antal 0..100, tal 0..40 enhet "dagar", text or a code list such as 1=Flicka;2=Pojke.'],
    'valueSet.badRange': [
        'Intervallet {0}..{1} är ogiltigt: början är större än slutet. Skriv det minsta värdet först.',
        'The range {0}..{1} is invalid: its start is greater than its end. Write the smallest value first.'],
    'valueSet.badCode': [
        'Kodlistan har en ogiltig post "{0}". Skriv kod=etikett med heltalskoder, t.ex. 1=Flicka;2=Pojke.',
        'The code list has an invalid entry "{0}". Write code=label with whole-number codes, e.g. 1=Flicka;2=Pojke.'],
    'valueSet.duplicateCode': [
        'Koden {0} förekommer flera gånger i kodlistan. Ge varje värde en egen kod.',
        'The code {0} occurs more than once in the code list. Give every value a code of its own.'],
    'valueSet.emptyCodeLabel': [
        'Koden {0} saknar etikett. Skriv t.ex. {0}=Ja.',
        'The code {0} has no label. Write e.g. {0}=Ja.'],

    // ---- rows and cells
    'row.noIdNoLabel': [
        'Raden har varken id eller etikett. Fyll i minst etiketten, eller ta bort raden.',
        'The row has neither an id nor a label. Fill in at least the label, or delete the row.'],
    'label.missing': [
        'Etikett saknas för "{0}". Varje variabel behöver en etikett.',
        'The label of "{0}" is missing. Every variable needs a label.'],
    'label.duplicate': [
        'Etiketten "{0}" används redan på rad {1}. Ge varje variabel en egen etikett så att formulär och rapporter inte blir tvetydiga.',
        'The label "{0}" is already used on row {1}. Give every variable a label of its own so that forms and reports are unambiguous.'],
    'comment.missing': [
        'Kommentar (definition) saknas för "{0}". Varje katalogvariabel behöver en definition av vad den betyder.',
        'The comment (definition) of "{0}" is missing. Every catalogue variable needs a definition of what it means.'],
    'id.derived': [
        'Id saknas; "{0}" skapades från etiketten.',
        'The id is missing; "{0}" was made from the label.'],
    'id.changed': [
        '"{0}" är inget giltigt id; "{1}" används i stället. Ett id består av bokstäver (även å, ä, ö), siffror och _, börjar med en bokstav och är inget nyckelord.',
        '"{0}" is not a valid id; "{1}" is used instead. An id consists of letters (also å, ä, ö), digits and _, starts with a letter and is no keyword.'],
    'id.duplicate': [
        'Id:t "{0}" finns redan på rad {1}. Ge varje variabel ett unikt id.',
        'The id "{0}" is already used on row {1}. Give every variable a unique id.'],
    'id.planKeyword': [
        '"{0}" är ett nyckelord i planspråket, så planer kan inte referera till variabeln. Byt id.',
        '"{0}" is a keyword of the plan language, so plans cannot refer to the variable. Choose another id.'],
    'step.unknown': [
        'Okänt processteg "{0}".{1} Välj aktualisering, utredning, insats eller uppföljning.',
        'Unknown process step "{0}".{1} Choose aktualisering, utredning, insats or uppföljning.'],
    'national.unknown': [
        'Okänt värde "{0}" för nationell statistik. Skriv ja eller nej (också x, 1 eller 0).',
        'Unknown value "{0}" for national statistics. Write ja or nej (also x, 1 or 0).'],
    'replaces.invalid': [
        '"{0}" är inget giltigt id för en tidigare variabel.',
        '"{0}" is not a valid id of an earlier variable.'],

    // ---- columns and file
    'column.missing': [
        'Kolumnen för {0} saknas. Kolumner i filen: {1}. Döp kolumnen till "{2}" eller ange --columns {3}=<rubrik>.',
        'The column for {0} is missing. Columns in the file: {1}. Name the column "{2}" or pass --columns {3}=<header>.'],
    'column.notFound': [
        'Kolumnen "{0}" som --columns anger för {1} finns inte. Kolumner i filen: {2}.',
        'The column "{0}" that --columns gives for {1} does not exist. Columns in the file: {2}.'],
    'column.duplicate': [
        'Två kolumner passar för {0}: "{1}" och "{2}". Byt namn på den ena eller ange --columns.',
        'Two columns fit {0}: "{1}" and "{2}". Rename one or pass --columns.'],
    'column.unused': [
        'Kolumnen "{0}" används inte.',
        'The column "{0}" is not used.'],
    'file.noVariables': [
        'Filen innehåller inga variabler.',
        'The file contains no variables.'],
    'csv.parse': [
        'CSV-filen kan inte läsas här: {0}. Kontrollera citattecknen runt fältet.',
        'The CSV file cannot be read here: {0}. Check the quotes around the field.'],
    'validation.diagnostic': [
        '{0} (rad {1} i den skapade katalogen)',
        '{0} (line {1} of the produced catalogue)'],
    'csv.missingQuotes': [
        'ett citattecken avslutas aldrig',
        'a quote is never closed'],
    'csv.invalidQuotes': [
        'ett fält har citattecken på fel plats',
        'a field has a quote in the wrong place'],
    'validation.roundTrip': [
        'Den skapade katalogen läses inte tillbaka likadant (variabeln "{0}"). Detta är ett fel i suplan; rapportera det gärna.',
        'The produced catalogue does not read back the same (variable "{0}"). This is a bug in suplan; please report it.'],

    // ---- usage and I/O
    'usage.nameVersion': [
        'Ange katalogens namn och version med --name och --version, eller döp filen efter dem, t.ex. bbic-2023.csv.',
        'Give the catalogue name and version with --name and --version, or name the file after them, e.g. bbic-2023.csv.'],
    'usage.badName': [
        '"{0}" är inget giltigt katalognamn: använd bokstäver, siffror och _, börja med en bokstav och välj inget nyckelord i språket.',
        '"{0}" is not a valid catalogue name: use letters, digits and _, start with a letter and choose no keyword of the language.'],
    'usage.columnsSyntax': [
        'Ogiltig --columns "{0}". Skriv t.ex. --columns id=Variabelnamn,label=Beskrivning,valueSet=Värden.',
        'Invalid --columns "{0}". Write e.g. --columns id=Variabelnamn,label=Beskrivning,valueSet=Värden.'],
    'usage.columnsField': [
        'Okänt fält "{0}" i --columns. Fälten är id, label, valueSet, comment, step, national och replaces.',
        'Unknown field "{0}" in --columns. The fields are id, label, valueSet, comment, step, national and replaces.'],
    'usage.encoding': [
        'Okänd teckenkodning "{0}". Använd utf8 eller windows-1252.',
        'Unknown encoding "{0}". Use utf8 or windows-1252.'],
    'usage.sheet': [
        'Bladet "{0}" finns inte i arbetsboken. Blad: {1}.',
        'The workbook has no sheet "{0}". Sheets: {1}.'],
    'usage.noSheet': [
        'Arbetsboken har inga blad.',
        'The workbook has no sheets.'],
    'usage.format': [
        'Okänd filtyp "{0}": använd .csv eller .xlsx.',
        'Unknown file type "{0}": use .csv or .xlsx.'],
    'usage.separator': [
        'Ogiltig avgränsare "{0}": använd ";" eller ",".',
        'Invalid separator "{0}": use ";" or ",".'],
    'usage.lang': [
        'Okänt språk "{0}": använd sv eller en.',
        'Unknown language "{0}": use sv or en.'],
    'usage.sheetForCsv': [
        '--sheet gäller bara .xlsx-filer.',
        '--sheet applies to .xlsx files only.'],
    'io.read': [
        'Kan inte läsa {0}: {1}',
        'Cannot read {0}: {1}'],
    'io.write': [
        'Kan inte skriva {0}: {1}',
        'Cannot write {0}: {1}'],
    'io.workbook': [
        'Kan inte läsa arbetsboken {0}: {1}',
        'Cannot read the workbook {0}: {1}'],
    'export.unencodable': [
        'Tecknen {0} i "{1}" kan inte skrivas i windows-1252. Använd --encoding utf8.',
        'The characters {0} in "{1}" cannot be written in windows-1252. Use --encoding utf8.'],
    'export.invalidCatalogue': [
        '{0} har fel och exporteras inte.',
        '{0} has errors and is not exported.'],
    'export.notACatalogue': [
        '{0} är ingen katalogfil (.sucat).',
        '{0} is not a catalogue file (.sucat).'],

    // ---- summaries
    'done.import': [
        'Skrev {0}: katalog {1} version "{2}", {3} variabler.',
        'Wrote {0}: catalogue {1} version "{2}", {3} variables.'],
    'done.export': [
        'Skrev {0}: {1} variabler.',
        'Wrote {0}: {1} variables.'],
    'done.notWritten': [
        'Inget skrevs: {0} fel.',
        'Nothing was written: {0} errors.'],
    'severity.error': ['fel', 'error'],
    'severity.warning': ['varning', 'warning'],
    'where.row': ['rad {0}', 'row {0}'],
    'where.column': ['kolumn {0} "{1}"', 'column {0} "{1}"'],
    'field.id': ['id (variabel)', 'id (variable)'],
    'field.label': ['etikett', 'label'],
    'field.valueSet': ['värdemängd', 'value set'],
    'field.comment': ['kommentar', 'comment'],
    'field.step': ['processteg', 'process step'],
    'field.national': ['nationell statistik', 'national statistics'],
    'field.replaces': ['ersätter', 'replaces'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;

/** A message argument that differs by language (e.g. a "did you mean" sentence). */
export interface LocalizedText {
    readonly sv: string;
    readonly en: string;
}

export type MessageArg = string | number | LocalizedText;

export function message(key: MessageKey, language: Language, args: readonly MessageArg[] = []): string {
    return fill(MESSAGES[key][language === 'sv' ? 0 : 1], args.map(a => (typeof a === 'object' ? a[language] : String(a))));
}

export function isLanguage(value: string): value is Language {
    return value === 'sv' || value === 'en';
}

/** A problem with the command line or with reading or writing a file: exit code 2. */
export class CatalogueUsageError extends Error {
    constructor(readonly key: MessageKey, readonly args: readonly MessageArg[] = []) {
        super(message(key, 'en', args));
        this.name = 'CatalogueUsageError';
    }

    render(language: Language): string {
        return message(this.key, language, this.args);
    }
}

export type { Language };
