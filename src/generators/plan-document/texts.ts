/**
 * The fixed wording of the plan documents (Markdown, HTML, PDF), in Swedish (default) and English. Plan text
 * itself is never translated: labels, definitions and free text are the plan's own.
 */
import type { AnalysisKind, Level, Purpose, Respondent, Status, TimeUnit, TimeUnits } from '../../model/plan-model.js';

export type DocLanguage = 'sv' | 'en';

export interface DocTexts {
    readonly governance: string;
    readonly version: string;
    readonly status: string;
    readonly statuses: Record<Status, string>;
    readonly decision: string;
    readonly decisionDate: string;
    readonly caseNumber: string;
    readonly revisions: string;
    readonly date: string;
    readonly change: string;
    readonly feedback: string;
    readonly feedbackTo: string;
    readonly purposeHeading: string;
    readonly purpose: string;
    readonly purposes: Record<Purpose, { readonly name: string; readonly explanation: string }>;
    readonly noPurpose: string;
    readonly question: string;
    readonly level: string;
    readonly levels: Record<Level, string>;
    readonly dataSource: string;
    readonly clientGoals: (max: string) => string;
    readonly targetGroupHeading: string;
    readonly include: string;
    readonly exclude: string;
    readonly ageLabel: string;
    readonly age: (min: string, max: string) => string;
    readonly expected: string;
    readonly per: Record<TimeUnit, string>;
    readonly sampling: string;
    readonly samplingAll: string;
    readonly samplingBirthdays: (days: string) => string;
    readonly samplingEven: string;
    readonly samplingOdd: string;
    readonly samplingWhole: string;
    readonly period: string;
    readonly repeat: (from: string, to: string) => string;
    readonly rolesHeading: string;
    readonly mandate: string;
    readonly registers: string;
    readonly compiles: string;
    readonly analyses: string;
    readonly notGiven: string;
    readonly cataloguesHeading: string;
    readonly catalogue: string;
    readonly title: string;
    readonly noCatalogues: string;
    readonly pointsHeading: string;
    readonly point: string;
    readonly kind: string;
    readonly description: string;
    readonly timing: string;
    readonly pointKinds: Record<'före' | 'under' | 'efter' | 'uppföljning', string>;
    readonly every: (unit: string) => string;
    readonly after: (amount: string, unit: string) => string;
    readonly noPoints: string;
    readonly phases: string;
    readonly phase: string;
    readonly length: string;
    readonly units: Record<TimeUnits, string>;
    readonly variablesHeading: string;
    readonly noVariables: string;
    readonly origin: string;
    readonly origins: { readonly catalogue: (name: string, version: string) => string; readonly local: string; readonly item: (group: string) => string; readonly derived: string };
    readonly nationalStatistics: string;
    readonly definition: string;
    readonly valueSet: string;
    readonly code: string;
    readonly label: string;
    readonly refinement: string;
    readonly detailedCode: string;
    readonly originalCode: string;
    readonly originalLabel: string;
    readonly points: string;
    readonly oncePerClient: string;
    readonly respondents: string;
    readonly respondentNames: Record<Respondent, string>;
    readonly condition: string;
    readonly background: string;
    readonly yes: string;
    readonly optional: string;
    readonly perClientGoal: string;
    readonly derivation: string;
    readonly clarifies: string;
    readonly justification: string;
    readonly valueKinds: {
        readonly date: string; readonly text: string; readonly count: string; readonly number: string; readonly score: string;
        readonly yesno: string; readonly choice: string; readonly multi: string; readonly scale: string; readonly goal4: string; readonly goal5: string;
    };
    readonly decimals: (n: string) => string;
    readonly classify: string;
    readonly sum: string;
    readonly mean: string;
    readonly difference: string;
    readonly and: string;
    readonly isOneOf: string;
    readonly referenceTablesHeading: string;
    readonly key: string;
    readonly value: string;
    readonly source: string;
    readonly analysesHeading: string;
    readonly noAnalyses: string;
    readonly analysisKinds: Record<AnalysisKind, string>;
    readonly analysis: {
        readonly frequency: string;
        readonly crosstab: string;
        readonly describe: string;
        readonly change: string;
        readonly share: string;
        readonly goalAttainment: string;
        readonly timeSeries: string;
        readonly phaseMeans: string;
        readonly rate: string;
        readonly compare: string;
        readonly concentration: string;
        readonly target: string;
        readonly targetValue: string;
        readonly targetTable: string;
        readonly counting: string;
        readonly groups: string;
        readonly at: string;
        readonly filter: string;
        readonly decimals: string;
        readonly dated: string;
    };
    readonly scenariosHeading: string;
    readonly scenario: string;
    readonly meaning: string;
    readonly rule: string;
    readonly nextStep: string;
    readonly scenarioMeanings: Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
    readonly judgedAtReview: string;
    /** A group rule: `någon grupp i` / `varje grupp i`, and the analysis's own target. */
    readonly someGroupIn: string;
    readonly everyGroupIn: string;
    readonly theTarget: string;
    /** After a code list that names a refined variable's original (catalogue) codes. */
    readonly originalCodes: string;
    readonly notInPlan: string;
    readonly privacyHeading: string;
    readonly minCell: string;
    readonly minCellExplanation: (n: string) => string;
    readonly legalBasis: string;
    readonly storage: string;
    readonly controller: string;
    readonly retention: string;
    readonly impactAssessment: string;
    readonly pseudonymisation: string;
    readonly warningsHeading: string;
    readonly warningCode: string;
    readonly subject: string;
    readonly reason: string;
    readonly causalityHeading: string;
    readonly causality: string;
    readonly generatedFrom: (source: string) => string;
    // ---- the official plan document (plan-html, plan-pdf) ----
    /** What the document is, under its title. */
    readonly documentKind: string;
    readonly summaryHeading: string;
    readonly targetGroup: string;
    readonly whoDoesWhat: string;
    readonly decisionRulesHeading: string;
    readonly noScenarios: string;
    /** Scenario letters and their short names: `A Förändring`. */
    readonly scenarioNames: Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
    readonly approvalHeading: string;
    readonly planVersion: string;
    readonly decidedBy: string;
    readonly notDecided: string;
    readonly sourceFile: string;
    readonly commit: string;
    readonly modifiedSince: string;
    readonly untracked: string;
    readonly noCommit: string;
    readonly variablesInAppendix: string;
    readonly appendixHeading: string;
    readonly appendixIntro: string;
    readonly usedInAnalyses: string;
    readonly noAnalysis: string;
    readonly usedToDerive: string;
    /** The page footer of the PDF: `Sida {0} av {1}`. */
    readonly pageOf: string;
}

const sv: DocTexts = {
    governance: 'Styrning',
    version: 'Version',
    status: 'Status',
    statuses: { utkast: 'utkast', fastställd: 'fastställd' },
    decision: 'Beslut',
    decisionDate: 'datum',
    caseNumber: 'Diarienummer',
    revisions: 'Ändringslogg',
    date: 'Datum',
    change: 'Ändring',
    feedback: 'Återkoppling',
    feedbackTo: 'till',
    purposeHeading: 'Syfte och fråga',
    purpose: 'Syfte',
    purposes: {
        kontroll: { name: 'kontroll', explanation: 'Egenkontroll: att se om arbetet följer regler och rutiner och att upptäcka avvikelser.' },
        kvalitetssäkring: { name: 'kvalitetssäkring', explanation: 'Att sammanställa resultat ur informationssystemen för att säkra kvaliteten i arbetet.' },
        jämförelse: { name: 'jämförelse', explanation: 'Att jämföra med andra verksamheter eller nationella indikatorer; det kräver exakta, gemensamma definitioner.' },
        verksamhetsutveckling: { name: 'verksamhetsutveckling', explanation: 'Att utveckla det sociala arbetet i verksamheten, gärna tillsammans med brukarna.' },
        lärande: { name: 'lärande', explanation: 'Lärande med klientfokus: uppföljning i enskilda ärenden som sammanställs och diskuteras gemensamt.' },
    },
    noPurpose: 'Syftet är inte angivet.',
    question: 'Fråga',
    level: 'Nivå',
    levels: { individ: 'individ', verksamhet: 'verksamhet', nationell: 'nationell' },
    dataSource: 'Datakälla',
    clientGoals: max => `Högst ${max} mål per klient`,
    targetGroupHeading: 'Målgrupp, urval och period',
    include: 'Inkluderas',
    exclude: 'Exkluderas',
    ageLabel: 'Ålder',
    age: (min, max) => `${min}–${max} år`,
    expected: 'Förväntat antal',
    per: { dag: 'per dag', vecka: 'per vecka', månad: 'per månad', kvartal: 'per kvartal', år: 'per år' },
    sampling: 'Urval',
    samplingAll: 'alla i målgruppen',
    samplingBirthdays: days => `personer födda dag ${days} i månaden`,
    samplingEven: 'jämna veckor',
    samplingOdd: 'udda veckor',
    samplingWhole: 'hela perioden',
    period: 'Period',
    repeat: (from, to) => `upprepas varje år ${from}–${to}`,
    rolesHeading: 'Roller',
    mandate: 'Ger mandat',
    registers: 'Registrerar',
    compiles: 'Sammanställer',
    analyses: 'Analyserar',
    notGiven: 'inte angivet',
    cataloguesHeading: 'Kataloger',
    catalogue: 'Katalog',
    title: 'Titel',
    noCatalogues: 'Planen använder ingen variabelkatalog.',
    pointsHeading: 'Mätpunkter och faser',
    point: 'Mätpunkt',
    kind: 'Typ',
    description: 'Beskrivning',
    timing: 'Tidpunkt',
    pointKinds: { före: 'före', under: 'under', efter: 'efter', uppföljning: 'uppföljning' },
    every: unit => `varje ${unit}`,
    after: (amount, unit) => `${amount} ${unit} efter`,
    noPoints: 'Inga mätpunkter: uppgifterna registreras en gång per klient.',
    phases: 'Faser',
    phase: 'Fas',
    length: 'Längd',
    units: { dagar: 'dagar', veckor: 'veckor', månader: 'månader', år: 'år' },
    variablesHeading: 'Variabler',
    noVariables: 'Planen har inga variabler.',
    origin: 'Ursprung',
    origins: {
        catalogue: (name, version) => `katalogen ${name} version ${version}`,
        local: 'lokal variabel',
        item: group => `påstående i frågegruppen ${group}`,
        derived: 'härledd',
    },
    nationalStatistics: 'ingår i nationell statistik',
    definition: 'Definition',
    valueSet: 'Värdemängd',
    code: 'Kod',
    label: 'Etikett',
    refinement: 'Fördjupning (varje fördjupat värde förs tillbaka till ett originalvärde)',
    detailedCode: 'Fördjupad kod',
    originalCode: 'Originalkod',
    originalLabel: 'Originaletikett',
    points: 'Mätpunkter',
    oncePerClient: 'en gång per klient',
    respondents: 'Svarar',
    respondentNames: { barn: 'barn', förälder: 'förälder', klient: 'klient', anhörig: 'anhörig', personal: 'personal' },
    condition: 'Frågas bara när',
    background: 'Bakgrundsvariabel',
    yes: 'ja',
    optional: 'Frivillig',
    perClientGoal: 'Registreras per klientmål',
    derivation: 'Härledning',
    clarifies: 'Förtydligar',
    justification: 'Motivering',
    valueKinds: {
        date: 'datum (ÅÅÅÅ-MM-DD)', text: 'fritext', count: 'antal', number: 'tal', score: 'poäng',
        yesno: 'ja/nej', choice: 'ett val', multi: 'flera val', scale: 'skala', goal4: 'måluppfyllelse (mål4)', goal5: 'måluppfyllelse (gas5)',
    },
    decimals: n => `${n} decimaler`,
    classify: 'klassning av {0}',
    sum: 'summa av {0}',
    mean: 'medelvärde av {0}',
    difference: 'skillnaden i {0} från {1} till {2}',
    and: 'och',
    isOneOf: 'är',
    referenceTablesHeading: 'Referenstabeller',
    key: 'Nyckel',
    value: 'Värde',
    source: 'Källa',
    analysesHeading: 'Analyser',
    noAnalyses: 'Planen har inga analyser.',
    analysisKinds: {
        frequency: 'frekvens', crosstab: 'korstabell', describe: 'beskrivning', change: 'förändring', share: 'andel',
        goalAttainment: 'måluppfyllelse', timeSeries: 'tidsserie', phaseMeans: 'fasmedelvärden', rate: 'takt', compare: 'jämförelse',
        concentration: 'koncentration',
    },
    analysis: {
        frequency: 'Fördelningen av {0}: antal och andel för varje värde, också saknade svar.',
        crosstab: '{0} mot {1} i en korstabell.',
        describe: 'Beskrivande mått för {0}: antal, medelvärde, median, minsta och största värde.',
        change: 'Förändringen i {0} från {1} till {2}, för klienter med svar vid båda mätpunkterna.',
        share: 'Andelen där {0} {1}.',
        goalAttainment: 'Andelen klientmål som nåtts enligt {0} (nått: {1}).',
        timeSeries: '{0} {1} över tid.',
        phaseMeans: 'Medelvärdet av {0} i varje fas.',
        rate: 'Antal per {0} i befolkningen enligt {1}.',
        compare: 'Jämförelse av {0} mellan värdena för {1}.',
        concentration: 'Hur stor del av {0} som de {1} % största står för.',
        target: 'Målvärde {0} %.',
        targetValue: 'Målvärde {0}.',
        targetTable: 'Målvärden ur {0}.',
        counting: 'Räknar registreringar där {0}.',
        groups: 'Uppdelat på {0}.',
        at: 'Vid mätpunkten {0}.',
        filter: 'Bara bland dem där {0}.',
        decimals: 'Redovisas med {0} decimaler.',
        dated: 'Tiden räknas från {0}.',
    },
    scenariosHeading: 'Scenarier: vad resultatet leder till',
    scenario: 'Scenario',
    meaning: 'Innebörd',
    rule: 'Beslutsregel',
    nextStep: 'Nästa steg',
    scenarioMeanings: {
        A: 'Förändring utifrån resultatet: data besvarar frågan och visar hur verksamheten kan utvecklas',
        B: 'Komplettera: data besvarar inte frågan, men frågan är fortfarande relevant',
        C: 'Sidofynd: data besvarar inte frågan men ger oväntad, viktig information',
        D: 'Ingen förändring: data besvarar frågan och visar att ingen utveckling behövs här',
        E: 'Ompröva: data besvarar frågan men frågan upplevs inte som relevant',
    },
    judgedAtReview: 'bedöms vid genomgång',
    someGroupIn: 'någon grupp i',
    everyGroupIn: 'varje grupp i',
    theTarget: 'målet',
    originalCodes: '(katalogens originalkod, alla fördjupade koder som förs dit)',
    notInPlan: 'inte angivet i planen',
    privacyHeading: 'Integritet och dataskydd',
    minCell: 'Minsta cell',
    minCellExplanation: n => `${n}: grupper med färre än ${n} personer redovisas inte.`,
    legalBasis: 'Rättslig grund (som angiven i planen)',
    storage: 'Lagring',
    controller: 'Personuppgiftsansvarig',
    retention: 'Gallring',
    impactAssessment: 'Konsekvensbedömning',
    pseudonymisation: 'Pseudonymisering',
    warningsHeading: 'Godtagna varningar',
    warningCode: 'Kod',
    subject: 'Gäller',
    reason: 'Skäl',
    causalityHeading: 'Om tolkningen',
    causality: 'Uppföljningen beskriver vad som händer och vad som förändras. Den bevisar inte att en insats har orsakat förändringen; det kräver en kontrollerad effektutvärdering.',
    generatedFrom: source => `Genererad från ${source}.`,
    documentKind: 'Plan för systematisk uppföljning',
    summaryHeading: 'Sammanfattning för chef och nämnd',
    targetGroup: 'Målgrupp',
    whoDoesWhat: 'Vem gör vad',
    decisionRulesHeading: 'Beslutsregler: vad uppföljningen leder till',
    noScenarios: 'Planen anger inga scenarier.',
    scenarioNames: { A: 'Förändring', B: 'Komplettera', C: 'Sidofynd', D: 'Ingen förändring', E: 'Ompröva' },
    approvalHeading: 'Godkännande',
    planVersion: 'Planversion',
    decidedBy: 'Beslutad av',
    notDecided: 'inte beslutad',
    sourceFile: 'Planfil',
    commit: 'Git-version',
    modifiedSince: 'planfilen ändrad sedan dess',
    untracked: 'planfilen är inte incheckad',
    noCommit: 'inte känd',
    variablesInAppendix: 'Variablerna, med definitioner, värdemängder, mätpunkter och de analyser som använder dem, finns i bilagan.',
    appendixHeading: 'Bilaga: variabler',
    appendixIntro: 'Varje variabel i planen med definition, värdemängd, mätpunkter och de analyser som använder den.',
    usedInAnalyses: 'Används i analyser',
    noAnalysis: 'ingen analys',
    usedToDerive: 'Används för att härleda',
    pageOf: 'Sida {0} av {1}',
};

const en: DocTexts = {
    ...sv,
    governance: 'Governance',
    version: 'Version',
    status: 'Status',
    statuses: { utkast: 'draft', fastställd: 'adopted' },
    decision: 'Decision',
    decisionDate: 'date',
    caseNumber: 'Case number',
    revisions: 'Revision log',
    date: 'Date',
    change: 'Change',
    feedback: 'Feedback',
    feedbackTo: 'to',
    purposeHeading: 'Purpose and question',
    purpose: 'Purpose',
    purposes: {
        kontroll: { name: 'control', explanation: 'Self-inspection: checking that the work follows rules and routines, and finding deviations.' },
        kvalitetssäkring: { name: 'quality assurance', explanation: 'Compiling results from the information systems to assure the quality of the work.' },
        jämförelse: { name: 'comparison', explanation: 'Comparing with other services or national indicators; this needs exact, shared definitions.' },
        verksamhetsutveckling: { name: 'service development', explanation: 'Developing the social work of the service, preferably together with its clients.' },
        lärande: { name: 'learning', explanation: 'Learning with client focus: follow-up in individual cases, compiled and discussed together.' },
    },
    noPurpose: 'The purpose is not given.',
    question: 'Question',
    level: 'Level',
    levels: { individ: 'individual', verksamhet: 'service', nationell: 'national' },
    dataSource: 'Data source',
    clientGoals: max => `At most ${max} goals per client`,
    targetGroupHeading: 'Target group, sampling and period',
    include: 'Included',
    exclude: 'Excluded',
    ageLabel: 'Age',
    age: (min, max) => `${min}–${max} years`,
    expected: 'Expected number',
    per: { dag: 'per day', vecka: 'per week', månad: 'per month', kvartal: 'per quarter', år: 'per year' },
    sampling: 'Sampling',
    samplingAll: 'everyone in the target group',
    samplingBirthdays: days => `people born on day ${days} of the month`,
    samplingEven: 'even weeks',
    samplingOdd: 'odd weeks',
    samplingWhole: 'the whole period',
    period: 'Period',
    repeat: (from, to) => `repeated every year ${from}–${to}`,
    rolesHeading: 'Roles',
    mandate: 'Gives the mandate',
    registers: 'Registers',
    compiles: 'Compiles',
    analyses: 'Analyses',
    notGiven: 'not given',
    cataloguesHeading: 'Catalogues',
    catalogue: 'Catalogue',
    title: 'Title',
    noCatalogues: 'The plan uses no variable catalogue.',
    pointsHeading: 'Measurement points and phases',
    point: 'Measurement point',
    kind: 'Kind',
    description: 'Description',
    timing: 'Timing',
    pointKinds: { före: 'before', under: 'during', efter: 'after', uppföljning: 'follow-up' },
    every: unit => `every ${unit}`,
    after: (amount, unit) => `${amount} ${unit} after`,
    noPoints: 'No measurement points: the data is registered once per client.',
    phases: 'Phases',
    phase: 'Phase',
    length: 'Length',
    units: { dagar: 'days', veckor: 'weeks', månader: 'months', år: 'years' },
    variablesHeading: 'Variables',
    noVariables: 'The plan has no variables.',
    origin: 'Origin',
    origins: {
        catalogue: (name, version) => `catalogue ${name} version ${version}`,
        local: 'local variable',
        item: group => `statement of question group ${group}`,
        derived: 'derived',
    },
    nationalStatistics: 'part of national statistics',
    definition: 'Definition',
    valueSet: 'Value set',
    code: 'Code',
    label: 'Label',
    refinement: 'Refinement (each detailed value maps back to one original value)',
    detailedCode: 'Detailed code',
    originalCode: 'Original code',
    originalLabel: 'Original label',
    points: 'Measurement points',
    oncePerClient: 'once per client',
    respondents: 'Answered by',
    respondentNames: { barn: 'child', förälder: 'parent', klient: 'client', anhörig: 'relative', personal: 'staff' },
    condition: 'Asked only when',
    background: 'Background variable',
    yes: 'yes',
    optional: 'Optional',
    perClientGoal: 'Registered per client goal',
    derivation: 'Derivation',
    clarifies: 'Clarifies',
    justification: 'Justification',
    valueKinds: {
        date: 'date (YYYY-MM-DD)', text: 'free text', count: 'count', number: 'number', score: 'score',
        yesno: 'yes/no', choice: 'single choice', multi: 'multiple choice', scale: 'scale', goal4: 'goal attainment (mål4)', goal5: 'goal attainment (gas5)',
    },
    decimals: n => `${n} decimals`,
    classify: 'classification of {0}',
    sum: 'sum of {0}',
    mean: 'mean of {0}',
    difference: 'difference in {0} from {1} to {2}',
    and: 'and',
    isOneOf: 'is',
    referenceTablesHeading: 'Reference tables',
    key: 'Key',
    value: 'Value',
    source: 'Source',
    analysesHeading: 'Analyses',
    noAnalyses: 'The plan has no analyses.',
    analysisKinds: {
        frequency: 'frequency', crosstab: 'crosstab', describe: 'description', change: 'change', share: 'share',
        goalAttainment: 'goal attainment', timeSeries: 'time series', phaseMeans: 'phase means', rate: 'rate', compare: 'comparison',
        concentration: 'concentration',
    },
    analysis: {
        frequency: 'The distribution of {0}: count and share of each value, missing answers included.',
        crosstab: '{0} against {1} in a crosstab.',
        describe: 'Descriptive measures of {0}: count, mean, median, minimum and maximum.',
        change: 'The change in {0} from {1} to {2}, for clients with answers at both points.',
        share: 'The share where {0} {1}.',
        goalAttainment: 'The share of client goals reached according to {0} (reached: {1}).',
        timeSeries: '{0} {1} over time.',
        phaseMeans: 'The mean of {0} in each phase.',
        rate: 'Number per {0} of the population in {1}.',
        compare: 'Comparison of {0} between the values of {1}.',
        concentration: 'How much of {0} the largest {1} % account for.',
        target: 'Target {0} %.',
        targetValue: 'Target {0}.',
        targetTable: 'Targets from {0}.',
        counting: 'Counts records where {0}.',
        groups: 'Broken down by {0}.',
        at: 'At measurement point {0}.',
        filter: 'Only among those where {0}.',
        decimals: 'Shown with {0} decimals.',
        dated: 'Time is counted from {0}.',
    },
    scenariosHeading: 'Scenarios: what the result leads to',
    scenario: 'Scenario',
    meaning: 'Meaning',
    rule: 'Decision rule',
    nextStep: 'Next step',
    scenarioMeanings: {
        A: 'Change based on the result: the data answers the question and shows how to develop the service',
        B: 'Complement: the data does not answer the question, but the question is still relevant',
        C: 'Side finding: the data does not answer the question but gives unexpected, important information',
        D: 'No change: the data answers the question and shows that no development is needed here',
        E: 'Retake: the data answers the question but the question is not felt relevant',
    },
    judgedAtReview: 'judged at review',
    someGroupIn: 'some group in',
    everyGroupIn: 'every group in',
    theTarget: 'the target',
    originalCodes: '(the catalogue\'s original code, every refined code that maps to it)',
    notInPlan: 'not given in the plan',
    privacyHeading: 'Privacy and data protection',
    minCell: 'Minimum cell',
    minCellExplanation: n => `${n}: groups with fewer than ${n} persons are not shown.`,
    legalBasis: 'Legal basis (as given in the plan)',
    storage: 'Storage',
    controller: 'Controller',
    retention: 'Retention',
    impactAssessment: 'Impact assessment',
    pseudonymisation: 'Pseudonymisation',
    warningsHeading: 'Accepted warnings',
    warningCode: 'Code',
    subject: 'Concerns',
    reason: 'Reason',
    causalityHeading: 'On interpretation',
    causality: 'The follow-up describes what happens and what changes. It does not prove that an intervention caused the change; that needs a controlled effect evaluation.',
    generatedFrom: source => `Generated from ${source}.`,
    documentKind: 'Plan for systematic follow-up',
    summaryHeading: 'Summary for the manager and the board',
    targetGroup: 'Target group',
    whoDoesWhat: 'Who does what',
    decisionRulesHeading: 'Decision rules: what the follow-up leads to',
    noScenarios: 'The plan gives no scenarios.',
    scenarioNames: { A: 'Change', B: 'Complement', C: 'Side finding', D: 'No change', E: 'Retake' },
    approvalHeading: 'Approval',
    planVersion: 'Plan version',
    decidedBy: 'Decided by',
    notDecided: 'not decided',
    sourceFile: 'Plan file',
    commit: 'Git commit',
    modifiedSince: 'the plan file has changed since',
    untracked: 'the plan file is not committed',
    noCommit: 'not known',
    variablesInAppendix: 'The variables, with definitions, value sets, measurement points and the analyses that use them, are in the appendix.',
    appendixHeading: 'Appendix: variables',
    appendixIntro: 'Every variable of the plan with its definition, value set, measurement points and the analyses that use it.',
    usedInAnalyses: 'Used in analyses',
    noAnalysis: 'no analysis',
    usedToDerive: 'Used to derive',
    pageOf: 'Page {0} of {1}',
};

const TEXTS: Readonly<Record<DocLanguage, DocTexts>> = { sv, en };

export function docTexts(language: DocLanguage): DocTexts {
    return TEXTS[language];
}
