import { messageTable, type Bilingual } from '../text/messages.js';

/**
 * Texts of `suplan catalogue diff` and `suplan catalogue upgrade` in Swedish and English: help,
 * the report's headings and sentences, and the upgrade's messages.
 */

function text(sv: string, en: string): Bilingual {
    return { sv, en };
}

const TEXTS = {
    diffSummary: text('visa vad som ändrats mellan två versioner av en katalog', 'show what changed between two versions of a catalogue'),
    diffDescription: text(
        'Visa vad som ändrats mellan två versioner av en katalog: nya, borttagna och omdöpta variabler (ersätter), nya etiketter och ändrade värdemängder. Med --plans också vilka planer varje ändring påverkar.',
        'Show what changed between two versions of a catalogue: added, removed and renamed variables (ersätter), new labels and changed value sets. With --plans also which plans each change affects.'),
    diffOld: text('den äldre versionen (.sucat)', 'the older version (.sucat)'),
    diffNew: text('den nyare versionen (.sucat)', 'the newer version (.sucat)'),
    plansOption: text('mapp med planer att pröva ändringarna mot (planer som anger den äldre versionen)', 'folder of plans to try the changes on (plans that pin the older version)'),
    diffFormatOption: text('utdataformat: text, md (Markdown) eller json', 'output format: text, md (Markdown) or json'),
    diffDetails: text(
        'Påverkan på en plan:\n  går sönder      planen använder en borttagen variabel eller kod\n  inte jämförbar  planen använder en variabel vars värdemängd ändrats eller vars kod fått ny etikett\n  granska         variabeln har fått ny etikett\n  byter namn      catalogue upgrade byter namnet i planen',
        'Effect on a plan:\n  breaks          the plan uses a removed variable or code\n  not comparable  the plan uses a variable whose value set changed or whose code got a new label\n  review          the variable got a new label\n  renamed         catalogue upgrade renames it in the plan'),
    diffExitCodes: text(
        'Slutkoder:\n  0  jämförelsen är klar (ändringar är inga fel)\n  1  en katalog har fel\n  2  felaktig användning eller fil som inte kan läsas',
        'Exit codes:\n  0  the comparison is done (changes are no errors)\n  1  a catalogue has errors\n  2  wrong usage, or a file that cannot be read'),
    notSameCatalogue: text('{0} och {1} är olika kataloger ({2} och {3}); jämför två versioner av samma katalog.', '{0} and {1} are different catalogues ({2} and {3}); compare two versions of one catalogue.'),
    notACatalogue: text('{0} är ingen katalogfil (.sucat).', '{0} is no catalogue file (.sucat).'),
    notAFolder: text('{0} är ingen mapp.', '{0} is no folder.'),
    catalogueHasErrors: text('{0} har fel; rätta dem först.', '{0} has errors; correct them first.'),

    upgradeSummary: text('flytta planer till en nyare version av en katalog', 'move plans to a newer version of a catalogue'),
    upgradeDescription: text(
        'Flytta planer till en nyare version av en katalog de anger: versionen på katalog-raden och nya namn (ersätter, också över flera versioner) skrivs in i planen; kommentarer och layout behålls. Det en person måste ta ställning till listas.',
        'Move plans to a newer version of a catalogue they pin: the version on the katalog line and new names (ersätter, also over several versions) are written into the plan; comments and layout are kept. What a person must decide is listed.'),
    upgradePlans: text('planer (.suplan) att uppgradera', 'plans (.suplan) to upgrade'),
    toOption: text('katalogversionen att uppgradera till', 'the catalogue version to upgrade to'),
    dryRunOption: text('visa ändringarna utan att skriva', 'show the changes without writing'),
    upgradeDetails: text(
        'Att ta ställning till (planen kan ha fel efteråt tills det är gjort):\n  går sönder      planen använder en variabel eller kod som är borttagen\n  inte jämförbar  värdemängden eller en kods etikett har ändrats: resultat före och efter mäter olika saker\n  granska         variabeln har fått ny etikett: passar planens fråga fortfarande?\nKatalogerna hittas som för check (planens mapp upp till repots rot, --catalogue); alla versioner mellan planens och --to behövs för namnbyten i flera steg.',
        'To decide (the plan may have errors afterwards until it is done):\n  breaks          the plan uses a variable or code that was removed\n  not comparable  the value set or a code\'s label changed: results before and after measure different things\n  review          the variable got a new label: does the plan\'s question still fit?\nCatalogues are found as for check (the plan\'s folder up to the repository root, --catalogue); every version between the plan\'s and --to is needed for renames over several steps.'),
    upgradeExitCodes: text(
        'Slutkoder:\n  0  planerna är uppgraderade (eller redan på versionen; planer utan katalogen hoppas över) och inget återstår att besluta\n  1  något återstår att besluta, en plan kunde inte uppgraderas, eller ingen plan anger katalogen i versionen\n  2  felaktig användning eller fil som inte kan läsas eller skrivas',
        'Exit codes:\n  0  the plans are upgraded (or already at the version; plans without the catalogue are skipped) and nothing is left to decide\n  1  something is left to decide, a plan could not be upgraded, or no plan pins the catalogue in that version\n  2  wrong usage, or a file that cannot be read or written'),
    upgraded: text('{0}: {1} version "{2}" → "{3}"', '{0}: {1} version "{2}" → "{3}"'),
    upgradedDryRun: text('{0}: {1} version "{2}" → "{3}" (inte skrivet: --dry-run)', '{0}: {1} version "{2}" → "{3}" (not written: --dry-run)'),
    alreadyAt: text('{0}: anger redan {1} version "{2}"', '{0}: already pins {1} version "{2}"'),
    newerPinned: text('{0}: anger {1} version "{2}", som är nyare än "{3}"; att gå tillbaka till en äldre version stöds inte.', '{0}: pins {1} version "{2}", which is newer than "{3}"; going back to an older version is not supported.'),
    noSuchVersion: text('{0}: ingen katalog som planen anger finns i version "{1}" (finns: {2}); hoppas över', '{0}: no catalogue the plan pins is there in version "{1}" (there are: {2}); skipped'),
    nothingUpgraded: text('Ingen av planerna anger en katalog som finns i version "{0}".', 'None of the plans pins a catalogue that is there in version "{0}".'),
    pinnedMissing: text('{0}: {1} version "{2}" som planen anger finns inte bland katalogerna.', '{0}: {1} version "{2}" that the plan pins is not among the catalogues.'),
    noPins: text('{0}: planen anger ingen katalog (katalog … version "…"); hoppas över', '{0}: the plan pins no catalogue (katalog … version "…"); skipped'),
    planHasSyntaxErrors: text('{0}: planen har syntaxfel och uppgraderas inte; rätta dem först.', '{0}: the plan has syntax errors and is not upgraded; correct them first.'),
    renamedName: text('  nytt namn: {0} → {1} (också planens namn på variabeln)', '  renamed: {0} → {1} (also the plan\'s name for the variable)'),
    renamedRef: text('  nytt namn: {0} → {1}', '  renamed: {0} → {1}'),
    renamedKept: text('  nytt namn: {0} → {1} (planen kallar den fortfarande {2})', '  renamed: {0} → {1} (the plan still calls it {2})'),
    toDecide: text('  att ta ställning till ({0}):', '  to decide ({0}):'),
    nothingToDecide: text('  inget att ta ställning till', '  nothing to decide'),

    heading: text('Katalog {0}: version "{1}" → "{2}"', 'Catalogue {0}: version "{1}" → "{2}"'),
    noChanges: text('Inga ändringar.', 'No changes.'),
    'section.added': text('Nya variabler', 'Added variables'),
    'section.removed': text('Borttagna variabler', 'Removed variables'),
    'section.renamed': text('Nya namn', 'Renamed variables'),
    'section.relabelled': text('Nya etiketter', 'New labels'),
    'section.redefined': text('Nya definitioner', 'New definitions'),
    'section.codeAdded': text('Nya koder', 'Added codes'),
    'section.codeRemoved': text('Borttagna koder', 'Removed codes'),
    'section.codeRelabelled': text('Koder med ny etikett', 'Codes with a new label'),
    'section.valueSetChanged': text('Ändrade värdemängder', 'Changed value sets'),
    'section.stepChanged': text('Annat processteg', 'Another process step'),
    'section.nationalChanged': text('Nationell statistik', 'National statistics'),
    'change.added': text('{0} "{1}"', '{0} "{1}"'),
    'change.removed': text('{0} "{1}"', '{0} "{1}"'),
    'change.renamed': text('{0} → {1}', '{0} → {1}'),
    'change.relabelled': text('{0}: "{1}" → "{2}"', '{0}: "{1}" → "{2}"'),
    'change.redefined': text('{0}: "{1}" → "{2}"', '{0}: "{1}" → "{2}"'),
    'change.codeAdded': text('{0}: kod {1} "{2}"', '{0}: code {1} "{2}"'),
    'change.codeRemoved': text('{0}: kod {1} "{2}"', '{0}: code {1} "{2}"'),
    'change.codeRelabelled': text('{0}: kod {1} "{2}" → "{3}"', '{0}: code {1} "{2}" → "{3}"'),
    'change.valueSetChanged': text('{0}: {1} → {2}', '{0}: {1} → {2}'),
    'change.stepChanged': text('{0}: {1} → {2}', '{0}: {1} → {2}'),
    'change.nationalChanged': text('{0}: {1} → {2}', '{0}: {1} → {2}'),
    noStep: text('inget', 'none'),
    national: text('nationell statistik', 'national statistics'),
    notNational: text('inte nationell statistik', 'not national statistics'),

    plansPinning: text('Planer som anger {0} version "{1}" ({2})', 'Plans that pin {0} version "{1}" ({2})'),
    noPlansPinning: text('Inga planer i {0} anger {1} version "{2}".', 'No plan in {0} pins {1} version "{2}".'),
    planUnaffected: text('påverkas inte', 'not affected'),
    otherVersions: text('Planer som anger en annan version av {0} (inte prövade): {1}', 'Plans that pin another version of {0} (not tried): {1}'),
    otherVersion: text('{0} ("{1}")', '{0} ("{1}")'),
    'impact.breaks': text('går sönder', 'breaks'),
    'impact.incomparable': text('inte jämförbar', 'not comparable'),
    'impact.review': text('granska', 'review'),
    'impact.renamed': text('byter namn', 'renamed'),
    'finding.removed': text('variabeln {0} finns inte längre i katalogen', 'variable {0} is no longer in the catalogue'),
    'finding.renamed': text('{0}.{1} heter nu {0}.{2}', '{0}.{1} is now {0}.{2}'),
    'finding.renamedAs': text('{0}: {1}.{2} heter nu {1}.{3}', '{0}: {1}.{2} is now {1}.{3}'),
    'finding.relabelled': text('{0} har en ny etikett "{2}" (var "{1}")', '{0} has a new label "{2}" (was "{1}")'),
    'finding.redefined': text('{0} har en ny definition "{2}" (var "{1}")', '{0} has a new definition "{2}" (was "{1}")'),
    'finding.codeAdded': text('{0}: kod {1} "{2}" är ny', '{0}: code {1} "{2}" was added'),
    'finding.codeRemoved': text('{0}: kod {1} "{2}" är borttagen', '{0}: code {1} "{2}" was removed'),
    'finding.codeRelabelled': text('{0}: kod {1} heter nu "{3}" (var "{2}")', '{0}: code {1} is now "{3}" (was "{2}")'),
    'finding.valueSetChanged': text('{0}: värdemängden är nu {2} (var {1})', '{0}: the value set is now {2} (was {1})'),
    variableIn: text('{0} ({1}.{2})', '{0} ({1}.{2})'),
    line: text('rad {0}', 'line {0}'),
    lines: text('rader {0}', 'lines {0}'),
    mdPlan: text('Plan', 'Plan'),
    mdImpact: text('Påverkan', 'Effect'),
    mdChange: text('Ändring', 'Change'),
    mdLines: text('Rader', 'Lines'),
} as const;

export type ReviewTextKey = keyof typeof TEXTS;

/** A text of `catalogue diff`/`upgrade` in `language`, with `{0}`, `{1}`, … filled. */
export const say = messageTable(TEXTS);
