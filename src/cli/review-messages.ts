import { messageTable } from '../text/messages.js';
import { CliError } from './cli-error.js';
import type { CliLanguage } from './messages.js';

/** The texts of `suplan format` and `suplan diff` (help, progress, errors) in Swedish and English. */
export const sayReview = messageTable({
    formatSummary: { sv: 'formatera planer och kataloger i husstilen', en: 'format plans and catalogues in the house style' },
    formatDescription: {
        sv: 'Formatera planer (.suplan) och kataloger (.sucat) som editorn gör: fyra mellanslag per nivå, kommentarer och radslut (CRLF) behålls. Ändrade filer skrivs om och listas. Med --check ändras inget: filerna som skulle ändras listas. En fil med syntaxfel lämnas orörd.',
        en: 'Format plans (.suplan) and catalogues (.sucat) as the editor does: four spaces per level, comments and line endings (CRLF) kept. Changed files are rewritten and listed. With --check nothing is changed: the files that would change are listed. A file with syntax errors is left untouched.',
    },
    formatPaths: { sv: 'planer, kataloger eller mappar', en: 'plans, catalogues or folders' },
    checkOption: { sv: 'ändra inget; lista filerna som skulle formateras och avsluta med 1 om det finns några', en: 'change nothing; list the files that would be formatted and exit with 1 if there are any' },
    formatExitCodes: {
        sv: 'Slutkoder:\n  0  alla filer är formaterade (med --check: inget skulle ändras)\n  1  med --check: någon fil skulle ändras; eller en fil har syntaxfel (lämnas orörd)\n  2  felaktig användning eller fil som inte kan läsas eller skrivas',
        en: 'Exit codes:\n  0  every file is formatted (with --check: nothing would change)\n  1  with --check: some file would change; or a file has syntax errors (left untouched)\n  2  wrong usage, or a file that cannot be read or written',
    },
    formatted: { sv: 'Formaterade {0}', en: 'Formatted {0}' },
    syntaxErrorsKept: { sv: '{0} har syntaxfel och formaterades inte', en: '{0} has syntax errors and was not formatted' },
    formatDone: { sv: '{0} av {1} filer formaterades', en: '{0} of {1} files formatted' },
    formatDoneOne: { sv: '{0} av 1 fil formaterades', en: '{0} of 1 file formatted' },
    formatCheckDone: { sv: '{0} av {1} filer skulle formateras', en: '{0} of {1} files would be formatted' },
    formatCheckDoneOne: { sv: '{0} av 1 fil skulle formateras', en: '{0} of 1 file would be formatted' },
    nothingToFormat: { sv: 'inga planer eller kataloger i {0}', en: 'no plans or catalogues in {0}' },
    notFormattable: { sv: '{0} är varken en plan (.suplan) eller en katalog (.sucat)', en: '{0} is neither a plan (.suplan) nor a catalogue (.sucat)' },

    diffSummary: { sv: 'visa den innehållsliga skillnaden mellan två versioner av planer', en: 'show the change in meaning between two versions of plans' },
    diffDescription: {
        sv: 'Jämför två versioner av en plan på planmodellen, inte på texten: syfte och fråga, målgrupp, urval och period, variabler, värdemängder och fördjupningar, analyser och scenarier, och registreringsbördan före och efter. En VARNING visas för ändringar som bryter jämförbarheten med data som redan samlats in. Med --git jämförs planerna i två incheckningar (git show), också tillagda, borttagna och omdöpta planer.',
        en: 'Compare two versions of a plan on the plan model, not on the text: purpose and question, target group, sampling and period, variables, value sets and refinements, analyses and scenarios, and the registration burden before and after. A WARNING marks changes that break comparability with data already collected. With --git the plans of two commits are compared (git show), plans added, removed and renamed too.',
    },
    diffArgs: { sv: 'den gamla och den nya planen; med --git: sökvägar att begränsa till', en: 'the old and the new plan; with --git: paths to limit to' },
    gitOption: { sv: 'jämför planerna i ett git-intervall, t.ex. HEAD~1..HEAD eller main..', en: 'compare the plans of a git range, e.g. HEAD~1..HEAD or main..' },
    diffFormatOption: { sv: 'utdataformat: text, md (Markdown för en kommentar i en pull request) eller json', en: 'output format: text, md (Markdown for a pull-request comment) or json' },
    diffExitCodes: {
        sv: 'Slutkoder:\n  0  jämförelsen gjordes (ändringar eller inte; en version med andra fel jämförs och felen räknas)\n  1  en plan har syntaxfel eller namn som inte finns och kan inte jämföras\n  2  felaktig användning, en fil eller en version som inte kan läsas',
        en: 'Exit codes:\n  0  the comparison was made (changes or not; a version with other errors is compared and its errors counted)\n  1  a plan has a syntax error or a name not found and cannot be compared\n  2  wrong usage, or a file or version that cannot be read',
    },
    maxLengthOption: {
        sv: 'med --format md: högst så många tecken (t.ex. 60000 för en kommentar på GitHub, som tar 65536); planer som inte ryms visas utan tabeller eller räknas på sista raden',
        en: 'with --format md: at most this many characters (e.g. 60000 for a GitHub comment, which takes 65536); plans that do not fit are shown without tables or counted on the last line',
    },
    maxLengthOnlyMarkdown: { sv: '--max-length gäller bara --format md', en: '--max-length applies to --format md only' },
    badMaxLength: { sv: 'ogiltigt --max-length {0}: ange ett heltal från 1000 och uppåt', en: 'invalid --max-length {0}: give a whole number of 1000 or more' },
    diffTwoPlans: { sv: 'ange två planer (gammal och ny), eller --git <intervall>', en: 'give two plans (old and new), or --git <range>' },
    diffPlanHasErrors: {
        sv: '{0} kan inte läsas (syntaxfel eller ett namn som inte finns) och kan inte jämföras',
        en: '{0} cannot be read (a syntax error or a name not found) and cannot be compared',
    },
    gitFailed: { sv: 'git {0} misslyckades: {1}', en: 'git {0} failed: {1}' },
    gitMissing: { sv: 'git finns inte (behövs för --git)', en: 'git is not installed (needed for --git)' },
    gitWithCatalogue: { sv: '--catalogue gäller inte med --git: katalogerna läses från varje version i git', en: '--catalogue does not apply with --git: the catalogues are read from each version in git' },
    badRange: { sv: 'ogiltigt intervall {0}; skriv till exempel HEAD~1..HEAD', en: 'invalid range {0}; write for example HEAD~1..HEAD' },
});

export type ReviewTextKey = Parameters<typeof sayReview>[1];

/** A CLI error with a text of this table (exit code 2 unless given). */
export function reviewError(language: CliLanguage, key: ReviewTextKey, args: readonly (string | number)[] = [], exitCode: 1 | 2 = 2): CliError {
    return new CliError(sayReview(language, key, ...args), exitCode);
}
