import { allPoints, allVariables, pointName, pointsOf, sections, variableName } from '../plan-access.js';
import { isCoded, isNumeric, valueSetOf } from '../value-sets.js';
import { escapeSnippet, renderNewPlanSnippet, type NewPlanSnippetOptions } from '../../template/plan-template.js';
import { isAnalyses, isScenarios, type Plan, type PlanVariable } from '../generated/ast.js';

/** A snippet offered by completion: label (what the user types), Swedish detail and documentation, LSP snippet text. */
export interface PlanSnippet {
    readonly label: string;
    readonly detail: string;
    readonly documentation: string;
    readonly body: string;
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
 * A new plan with every section a plan needs: the template `suplan new` and "Ny plan" write
 * (src/template/plan-template.ts) as a snippet. With its defaults it passes the check without
 * errors or warnings; the catalogue versions of the workspace are offered in `katalog … version …`.
 */
export function newPlanSnippet(options: NewPlanSnippetOptions): PlanSnippet {
    return {
        label: 'plan',
        detail: 'Ny plan: alla avsnitt en uppföljningsplan behöver',
        documentation: 'En ny uppföljningsplan med syfte, fråga, roller, målgrupp, urval, period, mätpunkter, variabler, analyser, scenarier och integritet. Fyll i fälten med Tab.',
        body: renderNewPlanSnippet(options),
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
            documentation: 'Parvis förändring: bara klienter som mätts vid båda punkterna; medel före och efter, och det mått som anges (skillnad, procent eller andel förbättrade) med riktningen som räknas som förbättring.',
            body: `${head}förändring ${choice(3, measuredTwice, 'variabel')} ${from} -> ${to} mått \${6|skillnad,procent,andel förbättrade|} riktning \${7|lägre,högre|} är bättre`,
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
