import { allPoints, allVariables, pointName, pointsOf, sections, variableName } from '../plan-access.js';
import { isCoded, isNumeric, valueSetOf } from '../value-sets.js';
import { isAnalyses, isScenarios, type Plan, type PlanVariable } from '../generated/ast.js';

/** A snippet offered by completion: label (what the user types), Swedish detail and documentation, LSP snippet text. */
export interface PlanSnippet {
    readonly label: string;
    readonly detail: string;
    readonly documentation: string;
    readonly body: string;
}

/** A catalogue version in the workspace that a new plan can pin. */
export interface CatalogueChoice {
    readonly name: string;
    readonly version: string;
}

/** Escapes text for a snippet placeholder or plain snippet text (`$`, `}` and `\`). */
export function escapeSnippet(text: string): string {
    return text.replace(/[\\$}]/g, ch => `\\${ch}`);
}

/** A choice placeholder `${n|a,b|}`; a plain placeholder with `fallback` when there is nothing to choose from. */
function choice(index: number, options: readonly string[], fallback: string): string {
    const unique = [...new Set(options)];
    if (unique.length === 0) return `\${${index}:${escapeSnippet(fallback)}}`;
    return `\${${index}|${unique.map(option => option.replace(/[\\$}|,]/g, ch => `\\${ch}`)).join(',')}|}`;
}

/** Choice lists in snippets stay short enough to read. */
const MAX_CHOICES = 200;

const SCENARIO_LETTERS = ['A', 'B', 'C', 'D', 'E'];

/**
 * A new plan with every section a plan needs, in the order `suplan new` writes them. With its
 * defaults it passes the check without errors or warnings; a catalogue found in the workspace is
 * offered in `katalog … version …`.
 */
export function newPlanSnippet(year: number, catalogues: readonly CatalogueChoice[]): PlanSnippet {
    const lines = [
        'plan "${1:Ny uppföljningsplan}" {',
        '\tversion "0.1"',
        '\tstatus utkast',
        '\tsyfte ${2|verksamhetsutveckling,kontroll,kvalitetssäkring,jämförelse,lärande|}',
        '\tfråga "${3:Minskar klienternas problem under insatsen?}"',
        '\tnivå ${4|verksamhet,individ,nationell|}',
    ];
    if (catalogues.length) {
        lines.push(`\tkatalog ${choice(5, catalogues.map(c => `${c.name} version "${c.version}"`), '')}`);
    }
    lines.push(
        '\troller {',
        '\t\tmandat "${6:Enhetschef}"',
        '\t\tregistrerar "${7:Handläggare}"',
        '\t\tsammanställer "${8:Verksamhetsutvecklare}"',
        '\t\tanalyserar "${9:Ledningsgrupp}"',
        '\t}',
        '\tåterkoppling "${10:Vid ledningsgruppens möte efter periodens slut}"',
        '\tmålgrupp {',
        '\t\tinkludera "${11:Klienter som påbörjar insatsen under perioden}"',
        '\t\tförväntat antal ${12:60} per år',
        '\t}',
        '\turval alla',
        `\tperiod \${13:${year}}-01-01 .. \${13}-12-31`,
        '\tmätpunkter före, efter',
        '\tvariabler {',
        '\t\tlokal ${14:problemgrad} "${15:Problemets svårighetsgrad}" : skala {',
        '\t\t\t1 "Inga problem" 2 "Små problem" 3 "Stora problem" 4 "Mycket stora problem"',
        '\t\t} vid före, efter',
        '\t\tlokal målgrad "Måluppfyllelse" : mål4 vid efter',
        '\t\t$0',
        '\t}',
        '\tanalyser {',
        '\t\tp1 "Förändring": förändring ${14} före -> efter',
        '\t\tm1 "Andel som nått sina mål": måluppfyllelse målgrad',
        '\t}',
        '\tscenarier {',
        '\t\tA när m1 < ${16:60} % "${17:Se över arbetssättet och följ upp igen}"',
        '\t\tD när m1 >= ${18:80} % "${19:Fortsätt arbeta som i dag}"',
        '\t\tB, C, E bedöms vid genomgång "${20:Bestäm nästa steg vid genomgången}"',
        '\t}',
        '\tintegritet {',
        '\t\tminsta cell ${21:5}',
        '\t\trättslig grund "${22:Ange lagrum}"',
        '\t\tlagring "${23:Verksamhetssystemet}"',
        '\t\tpersonuppgiftsansvarig "${24:Socialnämnden}"',
        '\t\tgallring "${25:Enligt nämndens dokumenthanteringsplan}"',
        '\t}',
        '}',
    );
    return {
        label: 'plan',
        detail: 'Ny plan: alla avsnitt en uppföljningsplan behöver',
        documentation: 'En ny uppföljningsplan med syfte, fråga, roller, målgrupp, urval, period, mätpunkter, variabler, analyser, scenarier och integritet. Fyll i fälten med Tab.',
        body: lines.join('\n'),
    };
}

/** The first analysis id `a1`, `a2` … that the plan does not use yet. */
function nextAnalysisId(plan: Plan | undefined): string {
    const used = new Set(plan ? sections(plan, isAnalyses).flatMap(block => block.analyses.map(a => a.name)) : []);
    let n = 1;
    while (used.has(`a${n}`)) n++;
    return `a${n}`;
}

/**
 * Snippets for a new analysis inside `analyser { }`: frequency, description, a share against a
 * target, and a before/after change, each offering the plan's variables it fits (codes for
 * frequencies and shares, numbers for descriptions, numbers measured at two points or more for
 * change) and the plan's measurement points.
 */
export function analysisSnippets(plan: Plan | undefined): PlanSnippet[] {
    const id = nextAnalysisId(plan);
    const variables = plan ? allVariables(plan).filter(v => variableName(v) !== '') : [];
    const names = (fits: (variable: PlanVariable) => boolean): string[] => variables.filter(fits).map(variableName).slice(0, MAX_CHOICES);
    const coded = names(v => isCoded(valueSetOf(v)));
    const numeric = names(v => isNumeric(valueSetOf(v)));
    const measuredTwice = names(v => isNumeric(valueSetOf(v)) && pointsOf(v).length >= 2);
    const points = plan ? allPoints(plan).map(pointName) : [];
    const head = `\${1:${id}} "\${2:Rubrik}": `;
    const from = points.length >= 2 ? choice(4, points, '') : '${4:före}';
    const to = points.length >= 2 ? choice(5, [...points.slice(1), points[0]], '') : '${5:efter}';
    return [
        {
            label: 'analys frekvens',
            detail: 'Ny analys: frekvens av en variabel med koder',
            documentation: 'Antal och andel per värde; bortfallet visas alltid.',
            body: `${head}frekvens ${choice(3, coded, 'variabel')}`,
        },
        {
            label: 'analys beskriv',
            detail: 'Ny analys: beskrivning av en variabel med tal',
            documentation: 'Medelvärde, median och spridning, med antal och bortfall.',
            body: `${head}beskriv ${choice(3, numeric, 'variabel')}`,
        },
        {
            label: 'analys andel',
            detail: 'Ny analys: andel med vissa koder, mot ett målvärde',
            documentation: 'Andelen med vissa koder, jämförd med ett målvärde i procent.',
            body: `${head}andel ${choice(3, coded, 'variabel')} i \${4:1} målvärde \${5:80} %`,
        },
        {
            label: 'analys förändring',
            detail: 'Ny analys: förändring mellan två mätpunkter',
            documentation: 'Parvis förändring: bara klienter som mätts vid båda punkterna; medel före och efter, skillnad och förändring i procent.',
            body: `${head}förändring ${choice(3, measuredTwice, 'variabel')} ${from} -> ${to}`,
        },
    ];
}

/** Snippets for a new scenario inside `scenarier { }`: one with a rule on an analysis, one decided at the review. */
export function scenarioSnippets(plan: Plan | undefined): PlanSnippet[] {
    const used = new Set(plan ? sections(plan, isScenarios).flatMap(block => block.scenarios.flatMap(s => s.letters)) : []);
    const free = SCENARIO_LETTERS.filter(letter => !used.has(letter));
    const letters = free.length ? free : SCENARIO_LETTERS;
    const analyses = plan ? sections(plan, isAnalyses).flatMap(block => block.analyses.map(a => a.name)).filter(Boolean).slice(0, MAX_CHOICES) : [];
    return [
        {
            label: 'scenario när',
            detail: 'Nytt scenario med en regel på en analys',
            documentation: 'Scenariot väljs när analysens resultat uppfyller regeln, t.ex. A när andelen är under 60 %.',
            body: `${choice(1, letters, 'A')} när ${choice(2, analyses, 'a1')} \${3|<,<=,>,>=|} \${4:60} % "\${5:Nästa steg}"`,
        },
        {
            label: 'scenario bedöms',
            detail: 'Nytt scenario som väljs vid genomgången',
            documentation: 'Scenarier som ingen regel avgör: de som går igenom resultatet väljer dem och bestämmer nästa steg.',
            body: `\${1:${letters.join(', ')}} bedöms vid genomgång "\${2:Nästa steg}"`,
        },
    ];
}
