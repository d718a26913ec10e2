import type { Language } from '../text/language.js';
import { messageTable, type Bilingual, type MessageArg } from '../text/messages.js';

/**
 * Messages of the catalogue import and export, in Swedish and English. They are not language
 * diagnostics (those live in the SU code table): they point at a spreadsheet row and column, or
 * say what is wrong with an option the import reads. The CLI's own texts (help, summaries) are in
 * src/cli/messages.ts.
 */
const MESSAGES = {
    // ---- value sets
    'valueSet.missing': {
        sv: 'Värdemängd saknas för "{0}". Skriv t.ex. datum, ja/nej, antal 0..100, tal 0..40 enhet "dagar", text eller 1=Flicka;2=Pojke.',
        en: 'The value set of "{0}" is missing. Write e.g. datum, ja/nej, antal 0..100, tal 0..40 enhet "dagar", text or 1=Flicka;2=Pojke.',
    },
    'valueSet.unknown': {
        sv: 'Okänd värdemängd "{0}". Skriv datum, ja/nej, antal, antal 0..100, tal 0..40 enhet "dagar", text eller en kodlista som 1=Flicka;2=Pojke.',
        en: 'Unknown value set "{0}". Write datum, ja/nej, antal, antal 0..100, tal 0..40 enhet "dagar", text or a code list such as 1=Flicka;2=Pojke.',
    },
    'valueSet.badRange': {
        sv: 'Intervallet {0}..{1} är ogiltigt: början är större än slutet. Skriv det minsta värdet först.',
        en: 'The range {0}..{1} is invalid: its start is greater than its end. Write the smallest value first.',
    },
    'valueSet.badCode': {
        sv: 'Kodlistan har en ogiltig post "{0}". Skriv kod=etikett med heltalskoder, t.ex. 1=Flicka;2=Pojke.',
        en: 'The code list has an invalid entry "{0}". Write code=label with whole-number codes, e.g. 1=Flicka;2=Pojke.',
    },
    'valueSet.duplicateCode': {
        sv: 'Koden {0} förekommer flera gånger i kodlistan. Ge varje värde en egen kod.',
        en: 'The code {0} occurs more than once in the code list. Give every value a code of its own.',
    },
    'valueSet.emptyCodeLabel': {
        sv: 'Koden {0} saknar etikett. Skriv t.ex. {0}=Ja.',
        en: 'The code {0} has no label. Write e.g. {0}=Ja.',
    },

    // ---- rows and cells
    'row.noIdNoLabel': {
        sv: 'Raden har varken id eller etikett. Fyll i minst etiketten, eller ta bort raden.',
        en: 'The row has neither an id nor a label. Fill in at least the label, or delete the row.',
    },
    'label.missing': {
        sv: 'Etikett saknas för "{0}". Varje variabel behöver en etikett.',
        en: 'The label of "{0}" is missing. Every variable needs a label.',
    },
    'label.duplicate': {
        sv: 'Etiketten "{0}" används redan på rad {1}. Ge varje variabel en egen etikett så att formulär och rapporter inte blir tvetydiga.',
        en: 'The label "{0}" is already used on row {1}. Give every variable a label of its own so that forms and reports are unambiguous.',
    },
    'comment.missing': {
        sv: 'Kommentar (definition) saknas för "{0}". Varje katalogvariabel behöver en definition av vad den betyder.',
        en: 'The comment (definition) of "{0}" is missing. Every catalogue variable needs a definition of what it means.',
    },
    'id.derived': {
        sv: 'Id saknas; "{0}" skapades från etiketten.',
        en: 'The id is missing; "{0}" was made from the label.',
    },
    'id.changed': {
        sv: '"{0}" är inget giltigt id; "{1}" används i stället. Ett id består av bokstäver (även å, ä, ö), siffror och _, börjar med en bokstav och är inget nyckelord.',
        en: '"{0}" is not a valid id; "{1}" is used instead. An id consists of letters (also å, ä, ö), digits and _, starts with a letter and is no keyword.',
    },
    'id.duplicate': {
        sv: 'Id:t "{0}" finns redan på rad {1}. Ge varje variabel ett unikt id.',
        en: 'The id "{0}" is already used on row {1}. Give every variable a unique id.',
    },
    'id.planKeyword': {
        sv: '"{0}" är ett nyckelord i planspråket, så planer kan inte referera till variabeln. Byt id.',
        en: '"{0}" is a keyword of the plan language, so plans cannot refer to the variable. Choose another id.',
    },
    'step.unknown': {
        sv: 'Okänt processteg "{0}".{1} Välj aktualisering, utredning, insats eller uppföljning.',
        en: 'Unknown process step "{0}".{1} Choose aktualisering, utredning, insats or uppföljning.',
    },
    'national.unknown': {
        sv: 'Okänt värde "{0}" för nationell statistik. Skriv ja eller nej (också x, 1 eller 0).',
        en: 'Unknown value "{0}" for national statistics. Write ja or nej (also x, 1 or 0).',
    },
    'replaces.invalid': {
        sv: '"{0}" är inget giltigt id för en tidigare variabel.',
        en: '"{0}" is not a valid id of an earlier variable.',
    },

    // ---- columns and file
    'column.missing': {
        sv: 'Kolumnen för {0} saknas. Kolumner i filen: {1}. Döp kolumnen till "{2}" eller ange --columns {3}=<rubrik>.',
        en: 'The column for {0} is missing. Columns in the file: {1}. Name the column "{2}" or pass --columns {3}=<header>.',
    },
    'column.notFound': {
        sv: 'Kolumnen "{0}" som --columns anger för {1} finns inte. Kolumner i filen: {2}.',
        en: 'The column "{0}" that --columns gives for {1} does not exist. Columns in the file: {2}.',
    },
    'column.duplicate': {
        sv: 'Två kolumner passar för {0}: "{1}" och "{2}". Byt namn på den ena eller ange --columns.',
        en: 'Two columns fit {0}: "{1}" and "{2}". Rename one or pass --columns.',
    },
    'column.unused': {
        sv: 'Kolumnen "{0}" används inte.',
        en: 'The column "{0}" is not used.',
    },
    'file.noVariables': {
        sv: 'Filen innehåller inga variabler.',
        en: 'The file contains no variables.',
    },
    'csv.parse': {
        sv: 'CSV-filen kan inte läsas här: {0}. Kontrollera citattecknen runt fältet.',
        en: 'The CSV file cannot be read here: {0}. Check the quotes around the field.',
    },
    'validation.diagnostic': {
        sv: '{0} (rad {1} i den skapade katalogen)',
        en: '{0} (line {1} of the produced catalogue)',
    },
    'csv.missingQuotes': {
        sv: 'ett citattecken avslutas aldrig',
        en: 'a quote is never closed',
    },
    'csv.invalidQuotes': {
        sv: 'ett fält har citattecken på fel plats',
        en: 'a field has a quote in the wrong place',
    },
    'validation.roundTrip': {
        sv: 'Den skapade katalogen läses inte tillbaka likadant (variabeln "{0}"). Detta är ett fel i suplan; rapportera det gärna.',
        en: 'The produced catalogue does not read back the same (variable "{0}"). This is a bug in suplan; please report it.',
    },

    // ---- usage and I/O
    'usage.nameVersion': {
        sv: 'Ange katalogens namn och version med --name och --version, eller döp filen efter dem, t.ex. bbic-2023.csv.',
        en: 'Give the catalogue name and version with --name and --version, or name the file after them, e.g. bbic-2023.csv.',
    },
    'usage.badName': {
        sv: '"{0}" är inget giltigt katalognamn: använd bokstäver, siffror och _, börja med en bokstav och välj inget nyckelord i språket.',
        en: '"{0}" is not a valid catalogue name: use letters, digits and _, start with a letter and choose no keyword of the language.',
    },
    'usage.columnsSyntax': {
        sv: 'Ogiltig --columns "{0}". Skriv t.ex. --columns id=Variabelnamn,label=Beskrivning,valueSet=Värden.',
        en: 'Invalid --columns "{0}". Write e.g. --columns id=Variabelnamn,label=Beskrivning,valueSet=Värden.',
    },
    'usage.columnsField': {
        sv: 'Okänt fält "{0}" i --columns. Fälten är id, label, valueSet, comment, step, national och replaces.',
        en: 'Unknown field "{0}" in --columns. The fields are id, label, valueSet, comment, step, national and replaces.',
    },
    'usage.encoding': {
        sv: 'Okänd teckenkodning "{0}". Använd utf8 eller windows-1252.',
        en: 'Unknown encoding "{0}". Use utf8 or windows-1252.',
    },
    'usage.sheet': {
        sv: 'Bladet "{0}" finns inte i arbetsboken. Blad: {1}.',
        en: 'The workbook has no sheet "{0}". Sheets: {1}.',
    },
    'usage.noSheet': {
        sv: 'Arbetsboken har inga blad.',
        en: 'The workbook has no sheets.',
    },
    'usage.sheetForCsv': {
        sv: '--sheet gäller bara .xlsx-filer.',
        en: '--sheet applies to .xlsx files only.',
    },
    'io.workbook': {
        sv: 'Kan inte läsa arbetsboken {0}: den är skadad eller ingen Excel-arbetsbok (.xlsx). Öppna den i Excel eller LibreOffice och spara som .xlsx, eller exportera till CSV.',
        en: 'Cannot read the workbook {0}: it is damaged or not an Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as .xlsx, or export it to CSV.',
    },
    'export.unencodable': {
        sv: 'Tecknen {0} i "{1}" kan inte skrivas i windows-1252. Använd --encoding utf8.',
        en: 'The characters {0} in "{1}" cannot be written in windows-1252. Use --encoding utf8.',
    },

    // ---- issue lines
    'severity.error': { sv: 'fel', en: 'error' },
    'severity.warning': { sv: 'varning', en: 'warning' },
    'where.row': { sv: 'rad {0}', en: 'row {0}' },
    'where.column': { sv: 'kolumn {0} "{1}"', en: 'column {0} "{1}"' },
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

/** `catalogueMessage(language, key, ...args)`: a catalogue message in `language`. */
export const catalogueMessage = messageTable(MESSAGES);

/**
 * A problem with an option or input file that the import or export cannot work around (a bad
 * --columns, an unknown encoding, a workbook without the sheet): the CLI shows it as a usage
 * error (exit code 2).
 */
export class CatalogueUsageError extends Error {
    constructor(readonly key: MessageKey, readonly args: readonly MessageArg[] = []) {
        super(catalogueMessage('en', key, ...args));
        this.name = 'CatalogueUsageError';
    }

    render(language: Language): string {
        return catalogueMessage(language, this.key, ...this.args);
    }
}
