import type { Language } from '../text/language.js';

/** The data format's messages (validation of a data file), Swedish and English. `{0}`… are arguments. */
const TEXTS = {
    'csv.quote': { sv: 'ett citattecken som börjar här avslutas aldrig', en: 'a quote that starts here is never closed' },
    'csv.empty': { sv: 'filen är tom; den första raden ska ha kolumnnamnen', en: 'the file is empty; the first line must hold the column names' },
    'header.missing': { sv: 'kolumnen {0} saknas', en: 'the column {0} is missing' },
    'header.unknown': { sv: 'kolumnen {0} finns inte i planen', en: 'the column {0} is not in the plan' },
    'header.duplicate': { sv: 'kolumnen {0} finns två gånger', en: 'the column {0} occurs twice' },
    'row.cells': { sv: 'raden har {0} celler men rubrikraden har {1}', en: 'the row has {0} cells but the header has {1}' },
    'cell.integer': { sv: '"{0}" är inget heltal', en: '"{0}" is not a whole number' },
    'cell.number': { sv: '"{0}" är inget tal', en: '"{0}" is not a number' },
    'cell.date': { sv: '"{0}" är inget datum (ÅÅÅÅ-MM-DD)', en: '"{0}" is not a date (YYYY-MM-DD)' },
    'cell.code': { sv: 'koden {0} finns inte i värdemängden ({1})', en: 'the code {0} is not in the value set ({1})' },
    'cell.range': { sv: '{0} ligger utanför {1}', en: '{0} is outside {1}' },
    'cell.notApplicable': { sv: '"ej aktuell" får inte stå i en nyckelkolumn', en: '"ej aktuell" is not allowed in a key column' },
    'key.required': { sv: 'värde saknas i nyckelkolumnen', en: 'the key column has no value' },
    'key.plan': { sv: 'raden hör till planen "{0}", inte "{1}"', en: 'the row belongs to the plan "{0}", not "{1}"' },
    'key.version': { sv: 'raden samlades in med planversion "{0}", men planen har version "{1}"', en: 'the row was collected under plan version "{0}", but the plan has version "{1}"' },
    'key.value': { sv: '"{0}" är inget tillåtet värde ({1})', en: '"{0}" is not an allowed value ({1})' },
    'key.respondent': { sv: '{0} svarar inte på några frågor vid {1}', en: '{0} answers no questions at {1}' },
    'key.caseCode': { sv: 'ärendekoden "{0}" får bara ha bokstäver, siffror, -, _ och . (högst 40 tecken)', en: 'the case code "{0}" may only hold letters, digits, -, _ and . (at most 40 characters)' },
    'key.identity': { sv: 'ärendekoden ser ut som ett personnummer eller samordningsnummer; använd en pseudonym ärendekod', en: 'the case code looks like a personal identity or co-ordination number; use a pseudonymous case code' },
    'key.duplicate': { sv: 'samma nyckel som rad {0} ({1})', en: 'the same key as line {0} ({1})' },
    'date.period': { sv: '{0} ligger utanför planens period {1}', en: '{0} is outside the plan\'s period {1}' },
    'cell.notCollected': { sv: 'variabeln samlas inte in vid {0}; cellen ska vara tom', en: 'the variable is not collected at {0}; the cell must be empty' },
    'cell.original': { sv: 'originalkoden {0} stämmer inte med {1} = {2} (ska vara {3})', en: 'the original code {0} does not match {1} = {2} (should be {3})' },
    'cell.condition': { sv: 'frågan ställs bara när {0}, vilket inte gäller här; skriv "ej aktuell"', en: 'the question is asked only when {0}, which does not hold here; write "ej aktuell"' },
    'cell.applicable': { sv: '"ej aktuell" men villkoret {0} gäller', en: '"ej aktuell" but the condition {0} holds' },
    'cell.clientConflict': { sv: 'uppgiften registreras en gång per klient men skiljer sig från rad {0} ("{1}")', en: 'the value is registered once per client but differs from line {0} ("{1}")' },
    'text.identity': { sv: 'fritexten innehåller något som ser ut som ett personnummer', en: 'the free text holds something that looks like a personal identity number' },
} as const;

export type DataIssueCode = keyof typeof TEXTS;

/** A problem in a data file: its line (1 = the header), its column when it concerns one cell. */
export interface DataIssue {
    readonly line: number;
    readonly column?: string;
    readonly code: DataIssueCode;
    readonly args: readonly (string | number)[];
}

const WHERE = {
    line: { sv: 'rad {0}', en: 'line {0}' },
    cell: { sv: 'rad {0}, kolumn {1}', en: 'line {0}, column {1}' },
} as const;

function fill(template: string, args: readonly (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}

/** The issue's message without its place. */
export function issueText(issue: DataIssue, language: Language): string {
    return fill(TEXTS[issue.code][language], issue.args);
}

/** `rad 5, kolumn antal_samtal: 101 ligger utanför 0..100`. */
export function issueMessage(issue: DataIssue, language: Language): string {
    const where = issue.column === undefined ? fill(WHERE.line[language], [issue.line]) : fill(WHERE.cell[language], [issue.line, issue.column]);
    return `${where}: ${issueText(issue, language)}`;
}
