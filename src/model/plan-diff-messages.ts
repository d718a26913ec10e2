import type { Language } from '../text/language.js';
import { messageTable, type Bilingual } from '../text/messages.js';
import type { ComparabilityWarning, DiffSection, PlanDiffEntry } from './plan-diff.js';

/** The texts of the plan diff's renderings (src/model/plan-diff-render.ts). */
export const sayDiff = messageTable({
    reportTitle: { sv: 'Ändringar i planerna ({0} → {1})', en: 'Changes to the plans ({0} → {1})' },
    noPlans: { sv: 'Inga planer har ändrats.', en: 'No plan has changed.' },
    changesOne: { sv: '{0} ändring', en: '{0} change' },
    changesMany: { sv: '{0} ändringar', en: '{0} changes' },
    warningsOne: { sv: '{0} varning', en: '{0} warning' },
    warningsMany: { sv: '{0} varningar', en: '{0} warnings' },
    renamedFrom: { sv: 'flyttad från {0}', en: 'moved from {0}' },
    noSemanticChange: { sv: 'Ingen innehållslig ändring (bara layout eller kommentarer).', en: 'No change in meaning (layout or comments only).' },
    sameMeaning: { sv: 'Samma innehåll.', en: 'The same content.' },
    addedPlan: { sv: 'Ny plan.', en: 'New plan.' },
    removedPlan: { sv: 'Planen är borttagen.', en: 'The plan was removed.' },
    warningsHeading: { sv: 'Jämförbarhet', en: 'Comparability' },
    warningWord: { sv: 'VARNING', en: 'WARNING' },
    columnChange: { sv: 'Ändring', en: 'Change' },
    columnWhat: { sv: 'Vad', en: 'What' },
    columnBefore: { sv: 'Före', en: 'Before' },
    columnAfter: { sv: 'Efter', en: 'After' },
    burdenHeading: { sv: 'Registreringsbörda (fält per klient och mätpunkt)', en: 'Registration burden (fields per client and point)' },
    burdenPoint: { sv: 'Mätpunkt', en: 'Point' },
    burdenOnce: { sv: 'en gång per klient', en: 'once per client' },
    burdenBusiest: { sv: 'tyngsta registreringen', en: 'busiest registration' },
    none: { sv: '—', en: '—' },
    errorsBeforeOne: { sv: 'versionen före har {0} fel', en: 'the old version has {0} error' },
    errorsBeforeMany: { sv: 'versionen före har {0} fel', en: 'the old version has {0} errors' },
    errorsAfterOne: { sv: 'versionen efter har {0} fel', en: 'the new version has {0} error' },
    errorsAfterMany: { sv: 'versionen efter har {0} fel', en: 'the new version has {0} errors' },
    errorsJoin: { sv: ' och ', en: ' and ' },
    errorsNote: {
        sv: '{0} (suplan check visar dem); jämförelsen gäller planen som den är skriven.',
        en: '{0} (suplan check shows them); the comparison covers the plan as written.',
    },
    tablesLeftOut: {
        sv: 'Tabellerna för planen visas inte här: kommentaren får vara högst {0} tecken. Kör `suplan diff` för hela jämförelsen.',
        en: 'The tables of this plan are not shown here: the comment may be at most {0} characters. Run `suplan diff` for the whole comparison.',
    },
    planLeftOut: {
        sv: 'En plan till har ändrats men visas inte här: kommentaren får vara högst {0} tecken. Kör `suplan diff` för hela jämförelsen.',
        en: 'One more plan has changed but is not shown here: the comment may be at most {0} characters. Run `suplan diff` for the whole comparison.',
    },
    plansLeftOut: {
        sv: '{0} planer till har ändrats men visas inte här: kommentaren får vara högst {1} tecken. Kör `suplan diff` för hela jämförelsen.',
        en: '{0} more plans have changed but are not shown here: the comment may be at most {1} characters. Run `suplan diff` for the whole comparison.',
    },
});

export const STATUS: Readonly<Record<PlanDiffEntry['status'], Bilingual>> = {
    added: { sv: 'ny', en: 'added' },
    removed: { sv: 'borttagen', en: 'removed' },
    renamed: { sv: 'flyttad', en: 'renamed' },
    changed: { sv: 'ändrad', en: 'changed' },
    unchanged: { sv: 'oförändrad i sak', en: 'same meaning' },
};

export const CHANGE: Readonly<Record<'added' | 'removed' | 'changed', Bilingual>> = {
    added: { sv: 'tillagd', en: 'added' },
    removed: { sv: 'borttagen', en: 'removed' },
    changed: { sv: 'ändrad', en: 'changed' },
};

export const SECTION: Readonly<Record<DiffSection, Bilingual>> = {
    plan: { sv: 'Planen, syfte och fråga', en: 'Plan, purpose and question' },
    targetGroup: { sv: 'Målgrupp', en: 'Target group' },
    sampling: { sv: 'Urval', en: 'Sampling' },
    period: { sv: 'Period', en: 'Period' },
    measurementPoints: { sv: 'Mätpunkter', en: 'Measurement points' },
    valueSets: { sv: 'Värdemängder', en: 'Value sets' },
    variables: { sv: 'Variabler', en: 'Variables' },
    data: { sv: 'Referensdata och uttag', en: 'Reference data and extract' },
    analyses: { sv: 'Analyser', en: 'Analyses' },
    scenarios: { sv: 'Scenarier', en: 'Scenarios' },
    privacy: { sv: 'Integritet och undertryckning', en: 'Privacy and suppression' },
};

/** What a change is about; an aspect without an entry (an analysis field) is shown by its model name. */
export const ASPECT: Readonly<Record<string, Bilingual>> = {
    item: { sv: '', en: '' },
    title: { sv: 'titel', en: 'title' },
    version: { sv: 'version', en: 'version' },
    status: { sv: 'status', en: 'status' },
    purpose: { sv: 'syfte', en: 'purpose' },
    question: { sv: 'fråga', en: 'question' },
    level: { sv: 'nivå', en: 'level' },
    catalogue: { sv: 'katalog', en: 'catalogue' },
    dataSource: { sv: 'datakälla', en: 'data source' },
    'role.mandate': { sv: 'roller: mandat', en: 'roles: mandate' },
    'role.registers': { sv: 'roller: registrerar', en: 'roles: registers' },
    'role.compiles': { sv: 'roller: sammanställer', en: 'roles: compiles' },
    'role.analyses': { sv: 'roller: analyserar', en: 'roles: analyses' },
    clientGoals: { sv: 'klientmål', en: 'client goals' },
    accepted: { sv: 'accepterad varning', en: 'accepted warning' },
    phase: { sv: 'fas', en: 'phase' },
    referenceTable: { sv: 'referenstabell', en: 'reference table' },
    extract: { sv: 'uttag', en: 'extract' },
    extractColumn: { sv: 'uttagets kolumn', en: 'extract column' },
    include: { sv: 'inkludera', en: 'include' },
    exclude: { sv: 'exkludera', en: 'exclude' },
    age: { sv: 'ålder', en: 'age' },
    expected: { sv: 'förväntat antal', en: 'expected number' },
    sampling: { sv: 'urval', en: 'sampling' },
    period: { sv: 'period', en: 'period' },
    timing: { sv: 'tidpunkt', en: 'timing' },
    label: { sv: 'etikett', en: 'label' },
    ordinal: { sv: 'ordinal', en: 'ordinal' },
    code: { sv: 'kod', en: 'code' },
    origin: { sv: 'ursprung', en: 'origin' },
    valueSet: { sv: 'värdemängd', en: 'value set' },
    refinement: { sv: 'fördjupning', en: 'refinement' },
    rollup: { sv: 'fördjupad kod', en: 'refined code' },
    points: { sv: 'mätpunkter', en: 'points' },
    respondents: { sv: 'svarar', en: 'respondents' },
    condition: { sv: 'villkor (när)', en: 'condition (när)' },
    definition: { sv: 'definition', en: 'definition' },
    derivation: { sv: 'beräkning', en: 'derivation' },
    flags: { sv: 'bakgrund/frivillig/per klientmål', en: 'background/optional/per goal' },
    group: { sv: 'frågegrupp', en: 'question group' },
    kind: { sv: 'analystyp', en: 'kind' },
    variables: { sv: 'variabler', en: 'variables' },
    groups: { sv: 'per', en: 'per' },
    at: { sv: 'vid', en: 'at' },
    filter: { sv: 'bland', en: 'among (bland)' },
    target: { sv: 'målvärde', en: 'target' },
    codes: { sv: 'koder', en: 'codes' },
    codeLevel: { sv: 'nivå', en: 'level' },
    rounding: { sv: 'avrundning', en: 'rounding' },
    chart: { sv: 'diagram', en: 'chart' },
    rule: { sv: 'regel', en: 'rule' },
    nextStep: { sv: 'nästa steg', en: 'next step' },
    minCell: { sv: 'minsta cell', en: 'minimum cell' },
    secondary: { sv: 'sekundär undertryckning', en: 'secondary suppression' },
    legalBasis: { sv: 'rättslig grund', en: 'legal basis' },
    storage: { sv: 'lagring', en: 'storage' },
    controller: { sv: 'personuppgiftsansvarig', en: 'controller' },
    retention: { sv: 'gallring', en: 'retention' },
    impactAssessment: { sv: 'konsekvensbedömning', en: 'impact assessment' },
    pseudonymisation: { sv: 'pseudonymisering', en: 'pseudonymisation' },
};

/** Why a change breaks comparability with data already collected. */
export const WARNING: Readonly<Record<ComparabilityWarning, Bilingual>> = {
    codeRelabelled: { sv: 'koden har fått en ny etikett: data som redan samlats in med koden betyder något annat', en: 'the code has a new label: data already collected with the code means something else' },
    codeReused: { sv: 'kodnumret används nu för ett annat svar: äldre data med koden går inte att jämföra', en: 'the code number now stands for another answer: earlier data with the code cannot be compared' },
    codeRemoved: { sv: 'koden är borttagen: data som redan samlats in kan ha koden', en: 'the code was removed: data already collected may hold it' },
    valueSetKind: { sv: 'variabeln har fått en annan sorts värden: äldre data går inte att jämföra', en: 'the variable holds another kind of value: earlier data cannot be compared' },
    refinementRollup: { sv: 'det fördjupade värdet förs tillbaka till en annan katalogkod än förut', en: 'the refined value rolls up to another catalogue code than before' },
    pointMoved: { sv: 'mätpunkten har flyttats (eller variabeln mäts vid en annan): värden före och efter ändringen mäter inte samma sak', en: 'the measurement point moved (or the variable is measured at another): values before and after the change do not measure the same thing' },
    roundingChanged: { sv: 'avrundningen har ändrats: redovisade siffror före och efter går inte att jämföra rakt av', en: 'the rounding changed: figures reported before and after cannot be compared as they stand' },
    suppressionChanged: { sv: 'regeln för små celler har ändrats: vad som visas och döljs i tidigare rapporter ändras', en: 'the small-cell rule changed: what earlier reports show and hide changes' },
};

export function aspectName(aspect: string, language: Language): string {
    const entry = ASPECT[aspect];
    return entry ? entry[language] : aspect;
}
