import { AstUtils, GrammarAST } from 'langium';

/**
 * Hover texts for the keywords that say exactly what an analysis computes (rounding, change, code
 * levels, charts, rates, concentration, group rules, phases, suppression), in Swedish Markdown like the
 * rest of the editor. Keyed by `<grammar rule>:<keyword>` where a word means different things in
 * different rules (`nivå` of the plan and of an analysis), else by the keyword alone.
 */
const KEYWORD_HOVER: Readonly<Record<string, string>> = {
    'RoundingOption:avrundning': '**avrundning** *steg*: avrunda till närmaste multipel av steget, t.ex. `avrundning 0,5`. Halvor avrundas bort från noll, efter att värdet först avrundats till 12 värdesiffror. Gäller också procent.',
    'PlanRounding:avrundning': '**avrundning** *steg* (för hela planen): standard för analyser som inte själva anger `decimaler` eller `avrundning`, t.ex. `avrundning 0,5`.',
    'PlanDecimals:decimaler': '**decimaler** *n* (för hela planen): antal decimaler för medelvärden, skillnader, takter och procent i analyser som inte själva anger `decimaler` eller `avrundning`. Utan inställning: en decimal.',
    'DecimalsOption:decimaler': '**decimaler** *n*: antal decimaler för medelvärden och skillnader; procent får också *n* decimaler (annars en).',
    'Change:mått': '**mått**: vad förändringen redovisar, parvis över klienter som mätts vid båda punkterna: `skillnad` (medel efter − medel före, standard), `procent` (skillnaden i procent av medel före) eller `andel förbättrade` (andelen klienter vars värde gått åt det bättre hållet).',
    'ChangeMeasure:skillnad': '**skillnad**: medelvärdet vid den andra punkten minus medelvärdet vid den första, bland klienter med värden vid båda.',
    'ChangeMeasure:procent': '**procent**: skillnaden i medelvärde i procent av medelvärdet vid den första punkten.',
    'ChangeMeasure:andel': '**andel förbättrade**: andelen av klienterna med värden vid båda punkterna vars värde gått åt det bättre hållet (kräver `riktning`).',
    'ChangeMeasure:förbättrade': '**andel förbättrade**: andelen av klienterna med värden vid båda punkterna vars värde gått åt det bättre hållet (kräver `riktning`).',
    'Change:riktning': '**riktning lägre|högre är bättre**: vilket håll som är en förbättring. För en problemgrad är lägre bättre, för måluppfyllelse högre.',
    'Change:lägre': '**lägre är bättre**: en minskning är en förbättring (t.ex. problemgrad, antal dagar med problem).',
    'Change:högre': '**högre är bättre**: en ökning är en förbättring (t.ex. trygghet, måluppfyllelse).',
    'ChartOption:diagram': '**diagram** `stapel` | `grupperad stapel` | `linje` | `ingen`: välj ett annat diagram än analysens standard (staplar för fördelningar, grupperade staplar för jämförelser och korstabeller, linje för tidsserier med fasmarkeringar, inget för enskilda tal).',
    'ChartOption:stapel': '**stapel**: ett stapeldiagram.',
    'ChartOption:grupperad': '**grupperad stapel**: staplar sida vid sida per grupp.',
    'ChartOption:linje': '**linje**: ett linjediagram över tid (fasmedel får fasmarkeringar).',
    'ChartOption:ingen': '**ingen**: inget diagram, bara tabellen.',
    'CodeLevelOption:nivå': '**nivå** `fördjupad` | `original` | `båda`: för en fördjupad katalogvariabel, om tabellen visar de fördjupade koderna, de ursprungliga (hoprullade) koderna eller båda. Standard: fördjupad.',
    'CodeLevelOption:fördjupad': '**fördjupad**: tabellen med planens fördjupade koder, som de registreras.',
    'CodeLevelOption:original': '**original**: tabellen med katalogens ursprungliga koder; varje fördjupad kod räknas till sin originalkod.',
    'CodeLevelOption:båda': '**båda**: både den fördjupade tabellen och originaltabellen.',
    'CodeListLevel:fördjupad': '**i fördjupad** *koder*: koderna är planens fördjupade koder (så tolkas `i` också utan nivå).',
    'CodeListLevel:original': '**i original** *koder*: koderna är katalogens ursprungliga koder; alla fördjupade koder som förs till dem räknas.',
    'Rate:räknar': '**räknar klienter|registreringar**: om takten räknar varje klient en gång (`klienter`) eller varje registrering (`registreringar`, som förr).',
    'Rate:klienter': '**klienter**: varje klient räknas en gång, hur många registreringar hen än har.',
    'Rate:registreringar': '**registreringar**: varje registrering räknas (t.ex. varje aktualisering).',
    'Rate:variabeln': '**av variabeln** *x*: befolkningen att dela med står i data, i variabeln *x* (samma värde för alla i en grupp), i stället för i en referenstabell.',
    'Concentration:avrundat': '**avrundat uppåt|nedåt**: hur många enheter "de översta N %" av *n* är när N % av *n* inte är ett heltal: uppåt (standard) eller nedåt (minst en). Enheterna ordnas efter värde, störst först; lika värden ändrar inte summan.',
    'Concentration:uppåt': '**uppåt**: de översta N % är ⌈N·n/100⌉ enheter.',
    'Concentration:nedåt': '**nedåt**: de översta N % är ⌊N·n/100⌋ enheter, minst en.',
    'ScenarioComparison:någon': '**någon grupp i** *analys*: regeln gäller om minst en grupp uppfyller jämförelsen. En undertryckt grupp flaggas inte och räknas inte som godkänd; beror utfallet på en undertryckt grupp är regeln *oavgjord*: den väljer inget scenario och listas för teamets genomgång.',
    'ScenarioComparison:varje': '**varje grupp i** *analys*: regeln gäller om alla grupper uppfyller jämförelsen. En undertryckt grupp räknas inte som godkänd; beror utfallet på en undertryckt grupp är regeln *oavgjord* och listas för genomgång.',
    'ScenarioComparison:grupp': '**grupp**: en gruppregel jämför varje grupp i en uppdelad analys (`per`, `jämför … mellan`).',
    'ScenarioComparison:målet': '**målet**: analysens eget målvärde (`andel … målvärde`, eller `jämför … mot` per grupp och fråga).',
    'Privacy:sekundär': '**sekundär undertryckning på|av**: på som standard. Döljer fler celler så att ingen undertryckt cell kan räknas fram ur totaler, marginaler eller originalkoden för en fördjupad variabel (se README).',
    'Privacy:minsta': '**minsta cell** *n*: ett heltal ≥ 1. Antal 1..n−1 personer visas som "<n", och varje andel, medelvärde, takt, förändring eller koncentration med färre än *n* personer i nämnaren visas inte. Planer på `nivå individ` undantas.',
    'Phase:från': '**från** *datum*: fasens första dag. Utan `från` börjar fasen där fasen före slutar, den första vid periodens start. En vecka är sju dagar från fasens start.',
};

/** The hover text of a keyword of the plan grammar, when it has one. */
export function keywordHover(keyword: GrammarAST.Keyword): string | undefined {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
    return KEYWORD_HOVER[`${rule}:${keyword.value}`] ?? KEYWORD_HOVER[keyword.value];
}
