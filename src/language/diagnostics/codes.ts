/**
 * The single table of SU-plan's diagnostics: code → severity, message and help in Swedish and English.
 * Messages say what is wrong and name the item; help says how to fix it. `{0}`, `{1}`, … are filled
 * from the diagnostic's arguments. The README's table of codes is generated from this file
 * (`npm run docs:codes`) and a test checks that every code is used and documented.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface CodeEntry {
    readonly severity: Severity;
    readonly title: { readonly sv: string; readonly en: string };
    readonly message: { readonly sv: string; readonly en: string };
    readonly help: { readonly sv: string; readonly en: string };
}

function entry(severity: Severity, title: [string, string], message: [string, string], help: [string, string]): CodeEntry {
    return { severity, title: { sv: title[0], en: title[1] }, message: { sv: message[0], en: message[1] }, help: { sv: help[0], en: help[1] } };
}

export const CODES = {
    // ---- syntax and structure (SU00x)
    SU001: entry('error', ['Syntaxfel', 'Syntax error'],
        ['Syntaxfel: {0}', 'Syntax error: {0}'],
        ['Kontrollera stavning, citattecken och klamrar runt platsen. Se språkreferensen i README.', 'Check spelling, quotes and braces around this place. See the language reference in the README.']),
    SU002: entry('error', ['Avsnitt angivet två gånger', 'Section given twice'],
        ['Avsnittet "{0}" finns redan i planen.', 'The section "{0}" is already in the plan.'],
        ['Slå ihop avsnitten till ett.', 'Merge the sections into one.']),
    SU003: entry('error', ['Syfte saknas', 'Purpose missing'],
        ['Planen "{0}" anger inget syfte.', 'The plan "{0}" states no purpose.'],
        ['Lägg till `syfte` med något av: kontroll, kvalitetssäkring, jämförelse, verksamhetsutveckling, lärande.', 'Add `syfte` with one of: kontroll, kvalitetssäkring, jämförelse, verksamhetsutveckling, lärande.']),
    SU004: entry('error', ['Syftet är oklart', 'Purpose is unclear'],
        ['Syftet är angivet som "oklart".', 'The purpose is given as "oklart" (unclear).'],
        ['Ett oklart syfte är det vanligaste felet i uppföljningar. Bestäm tillsammans vad resultatet ska användas till och välj kontroll, kvalitetssäkring, jämförelse, verksamhetsutveckling eller lärande.', 'An unclear purpose is the most common failure of follow-ups. Decide together what the result will be used for and choose kontroll, kvalitetssäkring, jämförelse, verksamhetsutveckling or lärande.']),
    SU005: entry('error', ['Okänt syfte', 'Unknown purpose'],
        ['"{0}" är inget känt syfte.{1}', '"{0}" is not a known purpose.{2}'],
        ['Välj kontroll, kvalitetssäkring, jämförelse, verksamhetsutveckling eller lärande.', 'Choose kontroll, kvalitetssäkring, jämförelse, verksamhetsutveckling or lärande.']),
    SU006: entry('error', ['Fråga saknas', 'Question missing'],
        ['Planen "{0}" anger ingen fråga som uppföljningen ska besvara.', 'The plan "{0}" states no question for the follow-up to answer.'],
        ['Lägg till `fråga "…"` – en avgränsad fråga som ni formulerat tillsammans med handläggarna.', 'Add `fråga "…"` – a narrow question formulated together with the case workers.']),
    SU007: entry('error', ['Okänd nivå', 'Unknown level'],
        ['"{0}" är ingen känd nivå.{1}', '"{0}" is not a known level.{2}'],
        ['Välj individ, verksamhet eller nationell.', 'Choose individ, verksamhet or nationell.']),
    SU008: entry('error', ['Okänd status', 'Unknown status'],
        ['"{0}" är ingen känd status.{1}', '"{0}" is not a known status.{2}'],
        ['Välj utkast eller fastställd.', 'Choose utkast or fastställd.']),
    SU009: entry('warning', ['Fastställd utan beslut', 'Adopted without a decision'],
        ['Planen är fastställd men anger inte vem som beslutat.', 'The plan is adopted (fastställd) but does not say who decided.'],
        ['Lägg till `beslut "…" datum ÅÅÅÅ-MM-DD diarienummer "…"`, eller sätt status utkast.', 'Add `beslut "…" datum YYYY-MM-DD diarienummer "…"`, or set status utkast.']),

    // ---- catalogue and references (SU01x)
    SU010: entry('error', ['Okänd katalog', 'Unknown catalogue'],
        ['Katalogen "{0}" finns inte i arbetsytan.{1}', 'The catalogue "{0}" is not in the workspace.{2}'],
        ['Lägg katalogfilen (.sucat) i projektet, ange den med --catalogue, eller rätta namnet.', 'Put the catalogue file (.sucat) in the project, pass it with --catalogue, or correct the name.']),
    SU011: entry('error', ['Katalogversion saknas', 'Catalogue version missing'],
        ['Katalogen "{0}" finns inte i version "{1}". Tillgängliga versioner: {2}.', 'The catalogue "{0}" has no version "{1}". Available versions: {2}.'],
        ['Ange en av de tillgängliga versionerna, eller lägg till katalogfilen för version "{1}".', 'Pin one of the available versions, or add the catalogue file for version "{1}".']),
    SU012: entry('error', ['Okänd katalogvariabel', 'Unknown catalogue variable'],
        ['Variabeln "{0}" finns inte i den katalogversion planen anger.{1}', 'The variable "{0}" is not in the catalogue version the plan pins.{1}'],
        ['Rätta namnet, eller kontrollera att `katalog … version "…"` anger rätt version.', 'Correct the name, or check that `katalog … version "…"` pins the right version.']),
    SU013: entry('error', ['Okänd variabel', 'Unknown variable'],
        ['Variabeln "{0}" är inte deklarerad i planen.{1}', 'The variable "{0}" is not declared in the plan.{1}'],
        ['Deklarera den under `variabler` (med `använd` eller `lokal`), eller rätta namnet.', 'Declare it under `variabler` (with `använd` or `lokal`), or correct the name.']),
    SU014: entry('error', ['Okänd mätpunkt', 'Unknown measurement point'],
        ['Mätpunkten "{0}" är inte deklarerad.{1}', 'The measurement point "{0}" is not declared.{1}'],
        ['Lägg till den under `mätpunkter`, eller rätta namnet.', 'Add it under `mätpunkter`, or correct the name.']),
    SU015: entry('error', ['Okänd värdemängd', 'Unknown value set'],
        ['Värdemängden "{0}" är inte deklarerad.{1}', 'The value set "{0}" is not declared.{1}'],
        ['Deklarera den under `värdemängder`, eller använd en inbyggd typ (antal, tal, datum, ja/nej, val, skala, poäng, mål4, gas5, text).', 'Declare it under `värdemängder`, or use a built-in type (antal, tal, datum, ja/nej, val, skala, poäng, mål4, gas5, text).']),
    SU016: entry('error', ['Okänd analys', 'Unknown analysis'],
        ['Analysen "{0}" finns inte.{1}', 'The analysis "{0}" does not exist.{1}'],
        ['Scenarioregler refererar till analysernas id under `analyser`. Rätta id:t.', 'Scenario rules refer to analysis ids under `analyser`. Correct the id.']),
    SU017: entry('error', ['Okänd referenstabell', 'Unknown reference table'],
        ['Referenstabellen "{0}" finns inte.{1}', 'The reference table "{0}" does not exist.{1}'],
        ['Deklarera den under `referensdata`, eller rätta namnet.', 'Declare it under `referensdata`, or correct the name.']),

    // ---- values and value sets (SU02x)
    SU020: entry('error', ['Värdet finns inte i värdemängden', 'Value not in the value set'],
        ['Koden {0} finns inte i värdemängden för "{1}" ({2}).', 'The code {0} is not in the value set of "{1}" ({2}).'],
        ['Använd en av koderna i värdemängden. Koder skrivs som siffror; etiketterna är för visning.', 'Use one of the codes of the value set. Codes are numbers; labels are for display.']),
    SU021: entry('error', ['Fördjupning mot okänt originalvärde', 'Refinement maps to an unknown original'],
        ['Den fördjupade koden {0} pekar på originalkoden {1}, som inte finns i "{2}" ({3}).', 'The refined code {0} maps to the original code {1}, which is not in "{2}" ({3}).'],
        ['Varje fördjupat värde måste kunna föras tillbaka till exakt ett originalvärde i katalogen.', 'Every refined value must map back to exactly one original value in the catalogue.']),
    SU022: entry('error', ['Originalvärde utan fördjupning', 'Original value not covered'],
        ['Originalvärdet {0} "{1}" i "{2}" täcks inte av något fördjupat värde.', 'The original value {0} "{1}" of "{2}" is not covered by any refined value.'],
        ['Lägg till minst ett fördjupat värde som pekar på {0}, annars kan det inte registreras och resultaten blir inte jämförbara.', 'Add at least one refined value that maps to {0}; otherwise it cannot be registered and results are not comparable.']),
    SU023: entry('error', ['Fördjupning av variabel utan kodlista', 'Refinement of a variable without codes'],
        ['"{0}" har värdemängden {1} och kan inte fördjupas med koder.', '"{0}" has the value set {2} and cannot be refined with codes.'],
        ['Bara variabler med ja/nej eller en kodlista kan fördjupas. Lägg i stället till en lokal variabel.', 'Only yes/no and code-list variables can be refined. Add a local variable instead.']),
    SU024: entry('error', ['Dubblerad kod', 'Duplicate code'],
        ['Koden {0} förekommer flera gånger i "{1}".', 'The code {0} occurs more than once in "{1}".'],
        ['Ge varje värde en egen kod.', 'Give every value a code of its own.']),
    SU025: entry('error', ['Ogiltigt intervall', 'Invalid range'],
        ['Intervallet {0}..{1} är ogiltigt: början är större än slutet.', 'The range {0}..{1} is invalid: its start is greater than its end.'],
        ['Skriv det minsta värdet först, t.ex. 0..100.', 'Write the smallest value first, e.g. 0..100.']),
    SU026: entry('error', ['Ogiltigt åldersintervall', 'Invalid age range'],
        ['Åldersintervallet {0}..{1} är ogiltigt.', 'The age range {0}..{1} is invalid.'],
        ['Ange åldrar mellan 0 och 120 med den lägsta först, t.ex. `ålder 0..17`.', 'Give ages between 0 and 120, lowest first, e.g. `ålder 0..17`.']),
    SU027: entry('error', ['Villkoret passar inte variabeln', 'Condition does not fit the variable'],
        ['Villkoret på "{0}" {1}, men variabeln är {2}.', 'The condition on "{0}" {3}, but the variable is {4}.'],
        ['Använd `i kod, kod` eller `=` för variabler med koder, och jämförelser (<, >) bara för tal och ordinalskalor.', 'Use `i code, code` or `=` for variables with codes, and comparisons (<, >) only for numbers and ordinal scales.']),

    // ---- names, period and sampling (SU03x)
    SU030: entry('error', ['Dubblerat id', 'Duplicate id'],
        ['Namnet "{0}" används redan i planen.', 'The name "{0}" is already used in the plan.'],
        ['Variabler, frågor, mätpunkter, värdemängder, tabeller och analyser behöver unika namn. Byt namn på det ena, t.ex. med `som`.', 'Variables, items, measurement points, value sets, tables and analyses need unique names. Rename one, e.g. with `som`.']),
    SU031: entry('warning', ['Säsongsvariation', 'Seasonal variation'],
        ['Urvalet "hela perioden" ({0} dagar) täcker inte ett helt år och kan påverkas av säsongsvariation.', 'The sample "hela perioden" ({0} days) does not cover a whole year and may be affected by seasonal variation.'],
        ['Förläng perioden till ett år, välj ett annat urval, eller acceptera varningen med en motivering.', 'Lengthen the period to a year, choose another sampling, or accept the warning with a reason.']),
    SU032: entry('error', ['Födelsedag utanför 1–31', 'Birthday outside 1–31'],
        ['Födelsedagen {0} finns inte i någon månad.', 'The birthday {0} does not exist in any month.'],
        ['Ange dagar mellan 1 och 31, t.ex. `urval födelsedagar 5, 15, 25`.', 'Give days between 1 and 31, e.g. `urval födelsedagar 5, 15, 25`.']),
    SU033: entry('error', ['Perioden slutar före start', 'Period ends before it starts'],
        ['Perioden slutar {1}, före starten {0}.', 'The period ends on {1}, before it starts on {0}.'],
        ['Skriv startdatum först: `period 2025-01-01 .. 2025-12-31`.', 'Write the start date first: `period 2025-01-01 .. 2025-12-31`.']),
    SU034: entry('error', ['Ogiltigt datum', 'Invalid date'],
        ['"{0}" är inget giltigt datum.', '"{0}" is not a valid date.'],
        ['Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2025-03-01.', 'Write dates as YYYY-MM-DD, e.g. 2025-03-01.']),
    SU035: entry('warning', ['Period saknas', 'Period missing'],
        ['Planen anger ingen period.', 'The plan states no period.'],
        ['Lägg till `period ÅÅÅÅ-MM-DD .. ÅÅÅÅ-MM-DD`: urvalet och resultatets representativitet beror på den.', 'Add `period YYYY-MM-DD .. YYYY-MM-DD`: the sample and how representative the result is depend on it.']),
    SU036: entry('warning', ['Målgrupp eller urval saknas', 'Target group or sampling missing'],
        ['Planen anger inte {0}.', 'The plan does not state {1}.'],
        ['Beskriv vilka klienter som ingår (`målgrupp`) och hur de väljs (`urval`).', 'Describe which clients are included (`målgrupp`) and how they are chosen (`urval`).']),
    SU037: entry('error', ['Fasen ryms inte i perioden', 'Phase does not fit the period'],
        ['Fasen "{0}" {1}.', 'The phase "{0}" {2}.'],
        ['Faser följer på varandra från periodens start (eller från sitt `från`-datum), har minst en dag och slutar senast när perioden slutar. Ändra fasernas längd, deras `från` eller perioden.', 'Phases follow one another from the period\'s start (or from their `från` date), last at least one day and end by the end of the period. Change the phases\' lengths, their `från`, or the period.']),
    SU038: entry('warning', ['Tidsserien anger inte sitt datum', 'Time series names no date'],
        ['Analysen "{0}" anger inte vilken datumvariabel som placerar varje registrering i tiden; registreringsdatumet används.', 'The analysis "{0}" does not name the date variable that places each record in time; the registration date is used.'],
        ['Skriv `enligt <datumvariabel>` (ett datum, eller ett dagnummer räknat från fasens start). En vecka är sju dagar från fasens start.', 'Write `enligt <date variable>` (a date, or a day number counted from the phase start). A week is seven days from the phase start.']),

    // ---- measurement and analyses (SU04x)
    SU040: entry('warning', ['Variabeln används inte', 'Variable not used'],
        ['Variabeln "{0}" samlas in men används inte i någon analys.', 'The variable "{0}" is collected but used by no analysis.'],
        ['Samla inte in mer än som används: ta bort variabeln eller lägg till en analys som använder den.', 'Collect no more than will be used: remove the variable or add an analysis that uses it.']),
    SU041: entry('error', ['Variabeln samlas inte in vid mätpunkten', 'Variable not collected at the point'],
        ['Analysen "{0}" använder "{1}" vid "{2}", men variabeln samlas in {3}.', 'The analysis "{0}" uses "{1}" at "{2}", but the variable is collected {4}.'],
        ['Lägg till mätpunkten i variabelns `vid`, eller ändra analysens mätpunkt. En variabel utan `vid` samlas in en gång per klient och används utan mätpunkt.', 'Add the point to the variable\'s `vid`, or change the analysis\'s point. A variable without `vid` is collected once per client and is used without a point.']),
    SU042: entry('error', ['Förändring kräver två mätpunkter', 'Change needs two points'],
        ['Förändringsanalysen "{0}" anger inte två olika mätpunkter.', 'The change analysis "{0}" does not name two different measurement points.'],
        ['Skriv t.ex. `förändring problem före -> efter`. Bara klienter som mätts vid båda punkterna räknas.', 'Write e.g. `förändring problem före -> efter`. Only clients measured at both points are counted.']),
    SU043: entry('error', ['Andel utanför 0–100 %', 'Share outside 0–100 %'],
        ['Värdet {0} % ligger utanför 0–100 %.', 'The value {1} % is outside 0–100 %.'],
        ['Ange en andel mellan 0 och 100 procent.', 'Give a share between 0 and 100 percent.']),
    SU044: entry('error', ['Takt utan nämnare', 'Rate without a denominator'],
        ['Taktanalysen "{0}" anger ingen befolkningstabell att dela med.', 'The rate analysis "{0}" names no population table to divide by.'],
        ['Lägg till en tabell under `referensdata` och skriv `takt per 1000 av <tabell>`, eller ta befolkningen ur data med `av variabeln <variabel>`.', 'Add a table under `referensdata` and write `takt per 1000 av <table>`, or take the population from the data with `av variabeln <variable>`.']),
    SU045: entry('error', ['Analysen passar inte variabelns typ', 'Analysis does not fit the variable type'],
        ['Analysen "{0}" ({1}) kan inte användas på "{2}", som är {3}.', 'The analysis "{0}" ({1}) cannot be used on "{2}", which is {5}.'],
        ['{4}', '{6}']),
    SU046: entry('error', ['Fasmedel utan faser', 'Phase means without phases'],
        ['Analysen "{0}" räknar fasmedel, men planen anger inga `faser`.', 'The analysis "{0}" computes phase means, but the plan declares no `faser`.'],
        ['Lägg till t.ex. `faser baslinje 2 veckor, intervention 3 veckor, nedtrappning 3 veckor`.', 'Add e.g. `faser baslinje 2 veckor, intervention 3 veckor, nedtrappning 3 veckor`.']),
    SU047: entry('error', ['Gruppering utan kategorier', 'Grouping without categories'],
        ['"{0}" kan inte användas för att dela upp analysen "{1}" eftersom den är {2}.', '"{0}" cannot split the analysis "{1}" because it is {3}.'],
        ['Dela upp efter en variabel med koder (t.ex. kön, behandlingsform), eller härled en grupp med `klassa`.', 'Split by a variable with codes (e.g. sex, treatment type), or derive groups with `klassa`.']),
    SU048: entry('error', ['Referenstabell passar inte', 'Reference table does not fit'],
        ['Tabellen "{0}" {1}.', 'The table "{0}" {2}.'],
        ['Nyckeln ska vara en variabel med koder och varje rad en kod ur den; jämförelser mot fråga kräver `per fråga`.', 'The key must be a variable with codes and each row one of its codes; comparisons per question need `per fråga`.']),
    SU049: entry('error', ['Okänt scenario', 'Unknown scenario'],
        ['"{0}" är inget scenario. Scenarierna är A–E.', '"{0}" is not a scenario. The scenarios are A–E.'],
        ['A: förändring utifrån resultatet, B: komplettera, C: sidofynd, D: ingen förändring, E: omtag.', 'A: change based on the result, B: complement, C: side finding, D: no change, E: retake.']),
    SU050: entry('error', ['Scenarioregel utan mått', 'Scenario rule without a measure'],
        ['Analysen "{0}" ({1}) ger inget enskilt tal som en scenarioregel kan jämföra.', 'The analysis "{0}" ({1}) yields no single number for a scenario rule to compare.'],
        ['Regler kan använda andel, förändring, måluppfyllelse och beskriv (medelvärde); gruppregler (`någon grupp i`, `varje grupp i`) också jämför och takt per grupp. Låt människor bedöma övriga: `B bedöms vid genomgång`.', 'Rules can use andel, förändring, måluppfyllelse and beskriv (mean); group rules (`någon grupp i`, `varje grupp i`) also jämför and takt per group. Let people judge the rest: `B bedöms vid genomgång`.']),
    SU051: entry('warning', ['Scenarier saknas', 'Scenarios missing'],
        ['Planen beskriver inte vad resultatet ska leda till (scenarier A–E).', 'The plan does not say what the result will lead to (scenarios A–E).'],
        ['Lägg till `scenarier { … }` med minst en regel eller ett bedömt scenario och nästa steg.', 'Add `scenarier { … }` with at least one rule or judged scenario and a next step.']),
    SU052: entry('error', ['Härledning passar inte', 'Derivation does not fit'],
        ['Den härledda variabeln "{0}" {1}.', 'The derived variable "{0}" {2}.'],
        ['Summa och medel kräver numeriska variabler; `klassa` kräver en numerisk källa och klasser som inte överlappar.', 'Sum and mean need numeric variables; `klassa` needs a numeric source and classes that do not overlap.']),
    SU053: entry('warning', ['Förändring utan riktning', 'Change without a direction'],
        ['Förändringsanalysen "{0}" anger inte om lägre eller högre värden är en förbättring.', 'The change analysis "{0}" does not say whether lower or higher values are an improvement.'],
        ['Skriv `riktning lägre är bättre` (t.ex. för en problemgrad) eller `riktning högre är bättre`. Utan riktning kan rapporten inte säga vilka som förbättrats, och `mått andel förbättrade` kan inte räknas.', 'Write `riktning lägre är bättre` (e.g. for a problem score) or `riktning högre är bättre`. Without a direction the report cannot say who improved, and `mått andel förbättrade` cannot be computed.']),
    SU054: entry('warning', ['Takten anger inte vad den räknar', 'Rate does not say what it counts'],
        ['Taktanalysen "{0}" anger inte om den räknar klienter eller registreringar; registreringar räknas.', 'The rate analysis "{0}" does not say whether it counts clients or records; records are counted.'],
        ['Skriv `räknar klienter` (varje klient en gång) eller `räknar registreringar` (varje registrering, som hittills).', 'Write `räknar klienter` (each client once) or `räknar registreringar` (each record, as before).']),
    SU055: entry('error', ['Kodnivå utan fördjupning', 'Code level without a refinement'],
        ['"{0}" är inte fördjupad, så analysen eller villkoret kan inte välja {1}.', '"{0}" is not refined, so the analysis or condition cannot choose {2}.'],
        ['`nivå fördjupad|original|båda` och `i original …` gäller bara katalogvariabler med `fördjupa { … }`. Ta bort nivån.', '`nivå fördjupad|original|båda` and `i original …` apply only to catalogue variables with `fördjupa { … }`. Remove the level.']),
    SU056: entry('warning', ['Fördjupad kod med originalkodens nummer', 'Refined code numbered like another original'],
        ['Den fördjupade koden {0} "{1}" har samma nummer som originalkoden {0} "{2}" men betyder något annat (den förs till {3}).', 'The refined code {0} "{1}" has the number of the original code {0} "{2}" but means something else (it maps to {3}).'],
        ['Ge den fördjupade koden ett eget nummer (t.ex. 11, 12, … för det som förs till 1), så att `i 1` inte kan läsas som originalets kod.', 'Give the refined code a number of its own (e.g. 11, 12, … for what maps to 1), so that `i 1` cannot be read as the original\'s code.']),
    SU057: entry('error', ['Gruppregel passar inte analysen', 'Group rule does not fit the analysis'],
        ['Regeln använder "{0}" {1}.', 'The rule uses "{0}" {2}.'],
        ['En gruppregel (`någon grupp i`, `varje grupp i`) kräver en analys uppdelad i grupper (`per`, `jämför … mellan`); `målet` kräver ett målvärde (`andel … målvärde`, `jämför … mot`).', 'A group rule (`någon grupp i`, `varje grupp i`) needs an analysis split into groups (`per`, `jämför … mellan`); `målet` needs a target (`andel … målvärde`, `jämför … mot`).']),
    SU058: entry('error', ['Diagrammet passar inte analysen', 'Chart does not fit the analysis'],
        ['Analysen "{0}" ({1}) kan inte visas som {2}.', 'The analysis "{0}" ({1}) cannot be shown as {3}.'],
        ['Linjediagram är för tidsserier och fasmedel; grupperade staplar kräver grupper. Välj `diagram stapel` eller `diagram ingen`, eller ta bort raden för standarddiagrammet.', 'Line charts are for time series and phase means; grouped bars need groups. Choose `diagram stapel` or `diagram ingen`, or remove the line for the default chart.']),
    SU059: entry('error', ['Ogiltigt avrundningssteg', 'Invalid rounding step'],
        ['Avrundningssteget {0} är inte ett positivt tal.', 'The rounding step {1} is not a positive number.'],
        ['Skriv ett steg större än noll, t.ex. `avrundning 0,5` eller `avrundning 1`, eller antal decimaler med `decimaler 1`.', 'Write a step above zero, e.g. `avrundning 0,5` or `avrundning 1`, or a number of decimals with `decimaler 1`.']),

    // ---- privacy, burden and small cells (SU06x)
    SU060: entry('error', ['Direkt identifierare', 'Direct identifier'],
        ['"{0}" ser ut att vara en direkt identifierare ({1}).', '"{0}" looks like a direct identifier ({1}).'],
        ['Samla aldrig in namn, personnummer, adresser eller kontaktuppgifter för uppföljning. Använd en lokal pseudonym ärendekod.', 'Never collect names, identity numbers, addresses or contact details for follow-up. Use a local pseudonymous case code.']),
    SU061: entry('warning', ['Fritext utan motivering', 'Free text without justification'],
        ['Fritextfältet "{0}" saknar motivering.', 'The free-text field "{0}" has no justification.'],
        ['Fritext kan innehålla känsliga uppgifter. Skriv `motivering "…"` om varför fältet behövs, eller använd fasta svarsalternativ.', 'Free text may hold sensitive data. Write `motivering "…"` saying why the field is needed, or use fixed answers.']),
    SU062: entry('warning', ['Fritext utan fast fråga', 'Free text without a fixed question'],
        ['Fritextfältet "{0}" förtydligar ingen fast fråga.', 'The free-text field "{0}" clarifies no fixed question.'],
        ['Fritext ska bara förtydliga en fast fråga: skriv `text förtydligar <variabel>`.', 'Free text should only clarify a fixed question: write `text förtydligar <variable>`.']),
    SU063: entry('error', ['Minsta cell under 3', 'Minimum cell below 3'],
        ['Minsta cellstorlek {0} är för liten för att skydda enskilda.', 'The minimum cell size {0} is too small to protect individuals.'],
        ['Ange `minsta cell` till minst 3 (vanligt är 5).', 'Set `minsta cell` to at least 3 (5 is common).']),
    SU064: entry('warning', ['Hög registreringsbörda', 'High registration burden'],
        ['Varje registrering har {0} fält, fler än gränsen {1}.{4}', 'Each registration has {0} fields, more than the limit of {1}.{5}'],
        ['Handläggarnas tid är dyrbar: ta bort variabler som inte behövs för frågan.', 'Case workers\' time is precious: remove variables the question does not need.']),
    SU065: entry('warning', ['För små celler i uppdelningen', 'Breakdown cells too small'],
        ['Analysen "{0}" delar {1} förväntade klienter på {2} celler: i genomsnitt {3} per cell, under minsta cell {4}.', 'The analysis "{0}" splits {1} expected clients into {2} cells: on average {5} per cell, below the minimum cell {4}.'],
        ['Planen kan inte besvara frågan på den nivån: slå ihop grupper, förläng perioden eller ta med fler klienter.', 'The plan cannot answer its question at that level: merge groups, lengthen the period or include more clients.']),
    SU066: entry('warning', ['Integritetsavsnitt ofullständigt', 'Privacy section incomplete'],
        ['Planen anger inte {0}.', 'The plan does not state {1}.'],
        ['Lägg till `integritet { rättslig grund "…" personuppgiftsansvarig "…" lagring "…" gallring "…" }`.', 'Add `integritet { rättslig grund "…" personuppgiftsansvarig "…" lagring "…" gallring "…" }`.']),
    SU067: entry('warning', ['Minsta cell är inget heltal', 'Minimum cell is not a whole number'],
        ['Minsta cell {0} är inget heltal; {1} används.', 'The minimum cell {0} is not a whole number; {1} is used.'],
        ['`minsta cell` är ett antal personer. Skriv heltalet {1}.', '`minsta cell` is a number of persons. Write the whole number {1}.']),
    SU068: entry('error', ['Tal utan mening', 'Number without meaning'],
        ['Talet {0} i `{1}` saknar mening: {2}.', 'The number {0} in `{1}` has no meaning: {3}.'],
        ['Ange ett tal som går att följa upp: en topp över 0 %, en takt per minst 1, minst ett klientmål, ett förväntat antal klienter över 0 och en uppföljning minst en tidsenhet efter insatsen.', 'State a number that can be followed up: a top share above 0 %, a rate per at least 1, at least one client goal, an expected number of clients above 0 and a follow-up at least one time unit after the intervention.']),

    // ---- accepted warnings (SU07x)
    SU070: entry('error', ['Kan inte acceptera', 'Cannot accept'],
        ['{0} kan inte accepteras: {1}', '{0} cannot be accepted: {2}'],
        ['Bara varningar kan accepteras. Fel måste rättas.', 'Only warnings can be accepted. Errors must be fixed.']),
    SU071: entry('error', ['Acceptans utan motivering', 'Acceptance without a reason'],
        ['Acceptansen av {0} saknar motivering.', 'The acceptance of {0} gives no reason.'],
        ['Skriv varför teamet accepterar varningen: den visas i plandokumentet.', 'Write why the team accepts the warning: it is shown in the plan document.']),
    SU072: entry('hint', ['Acceptans som inte behövs', 'Acceptance not needed'],
        ['Ingen varning {0} finns att acceptera{1}.', 'There is no warning {0} to accept{1}.'],
        ['Ta bort raden `acceptera`.', 'Remove the `acceptera` line.']),

    // ---- catalogue files (SU08x)
    SU080: entry('error', ['Dubblerad katalogvariabel', 'Duplicate catalogue variable'],
        ['Variabeln "{0}" finns redan i katalogen "{1}".', 'The variable "{0}" is already in the catalogue "{1}".'],
        ['Ge varje variabel ett unikt id.', 'Give every variable a unique id.']),
    SU081: entry('error', ['Katalogvariabel ofullständig', 'Catalogue variable incomplete'],
        ['Katalogvariabeln "{0}" saknar {1}.', 'The catalogue variable "{0}" has no {2}.'],
        ['Varje variabel behöver etikett, värdemängd och kommentar (definition).', 'Every variable needs a label, a value set and a comment (definition).']),
    SU082: entry('error', ['Samma katalogversion två gånger', 'Same catalogue version twice'],
        ['Katalogen "{0}" version "{1}" finns i flera filer.', 'The catalogue "{0}" version "{1}" is in more than one file.'],
        ['Ta bort den ena filen eller ge den ett nytt versionsnummer.', 'Remove one file or give it a new version number.']),
    SU083: entry('warning', ['Dubblerad etikett', 'Duplicate label'],
        ['Etiketten "{0}" används redan av "{1}".', 'The label "{0}" is already used by "{1}".'],
        ['Ge varje variabel en egen etikett så att formulär och rapporter inte blir tvetydiga.', 'Give every variable a label of its own so that forms and reports are unambiguous.']),

    // ---- the template (SU09x)
    SU090: entry('warning', ['Mallens exempeltext står kvar', 'Template example text left'],
        ['Mallens exempeltext står kvar: "{0}".', 'The template\'s example text is still here: "{0}".'],
        ['Ersätt den med planens egen uppgift. `suplan new` och "Ny plan" skriver exempeltexter som visar vad som ska stå; planen är klar först när de är utbytta.', 'Replace it with this plan\'s own information. `suplan new` and "New plan" write example texts that show what belongs here; the plan is done only when they are replaced.']),
} as const satisfies Record<string, CodeEntry>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

export type { Language } from '../../text/language.js';
import type { Language } from '../../text/language.js';
import { fill } from '../../text/messages.js';

/** Fill `{0}`, `{1}`, … with arguments (the one filler of every message table, src/text/messages.ts). */
export { fill };

export function messageFor(code: Code, language: Language, args: readonly string[]): string {
    return fill(CODES[code].message[language], args);
}

export function helpFor(code: Code, language: Language, args: readonly string[]): string {
    return fill(CODES[code].help[language], args);
}
