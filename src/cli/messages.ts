import type { Language } from '../language/diagnostics/codes.js';

/**
 * The CLI's own texts (help, progress, usage and I/O errors) in Swedish and English.
 * Diagnostic messages come from the code table instead (src/language/diagnostics/codes.ts).
 */
export type CliLanguage = Language;

export const LANGUAGES: readonly CliLanguage[] = ['sv', 'en'];

type Text = { readonly sv: string; readonly en: string };

function text(sv: string, en: string): Text {
    return { sv, en };
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
        'Skapa en ny plan från en mall som går igenom kontrollen utan anmärkningar.',
        'Create a new plan from a template that passes the check cleanly.'),
    newFile: text('filen att skapa (standard: ett namn från titeln)', 'the file to create (default: a name from the title)'),
    titleOption: text('planens titel', 'the plan\'s title'),
    newCatalogueOption: text('katalog och version som planen använder, t.ex. bbic@2023', 'catalogue and version the plan uses, e.g. bbic@2023'),
    created: text('Skapade {0}', 'Created {0}'),
    createdNext: text('Kontrollera den med: suplan check {0}', 'Check it with: suplan check {0}'),

    generateDescription: text(
        'Generera filer från en plan. Planen kontrolleras först; vid fel skrivs inget.',
        'Generate files from a plan. The plan is checked first; nothing is written when it has errors.'),
    generatePlan: text('planen (.suplan)', 'the plan (.suplan)'),
    targetOption: text('mål, kommaseparerade', 'targets, comma-separated'),
    outOption: text('mapp att skriva till', 'folder to write to'),
    wrote: text('Skrev {0}', 'Wrote {0}'),
    notGenerated: text('{0} har fel; inga filer skrevs.', '{0} has errors; no files were written.'),

    // usage and I/O problems (exit code 2)
    notFound: text('hittar inte {0}', 'not found: {0}'),
    cannotRead: text('kan inte läsa {0} ({1})', 'cannot read {0} ({1})'),
    cannotWrite: text('kan inte skriva {0} ({1})', 'cannot write {0} ({1})'),
    notPlanOrCatalogue: text('{0} är varken en plan (.suplan) eller en katalog (.sucat)', '{0} is neither a plan (.suplan) nor a catalogue (.sucat)'),
    notPlan: text('{0} är ingen plan (.suplan)', '{0} is not a plan (.suplan)'),
    notCatalogue: text('{0} är ingen katalog (.sucat) eller mapp', '{0} is not a catalogue (.sucat) or folder'),
    nothingToCheck: text('inga planer eller kataloger (.suplan, .sucat) i {0}', 'no plans or catalogues (.suplan, .sucat) in {0}'),
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
} as const satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXTS;

/** The text `key` in `language`, with `{0}`, `{1}`, … filled from `args`. */
export function t(language: CliLanguage, key: TextKey, ...args: readonly (string | number)[]): string {
    return TEXTS[key][language].replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}

export function isLanguage(value: unknown): value is CliLanguage {
    return value === 'sv' || value === 'en';
}

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
