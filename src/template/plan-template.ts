import { fold } from '../text/suggest.js';

/**
 * The one template of a new plan, shared by `suplan new`, the editor's "Ny plan" and the `plan`
 * completion snippet, so the three cannot drift: a complete plan in Swedish, with a comment on each
 * section, that passes `suplan check` without errors. Its example texts (the question, who is
 * included, the next steps, the legal basis, …) are marked as such, and each one left in a plan is
 * a warning (SU090, `templateExampleTexts`) until the team writes the plan's own. The template is
 * a list of lines made of parts; `renderNewPlan` writes it as plan text, `renderNewPlanSnippet` as
 * an LSP snippet whose fields are placeholders (Tab moves between them) and whose choices are
 * choice lists.
 */

/** A catalogue variable to start from: its plan name and label. */
export interface StarterVariable {
    readonly name: string;
    readonly label: string;
}

/** A catalogue version a new plan can pin. */
export interface CatalogueChoice {
    readonly name: string;
    readonly version: string;
}

export interface NewPlanOptions {
    readonly title: string;
    /** The year the period covers. */
    readonly year: number;
    /** The catalogue the plan pins, and the variable it starts from. */
    readonly catalogue?: CatalogueChoice & { readonly variable: StarterVariable };
}

export interface NewPlanSnippetOptions {
    readonly year: number;
    /** The catalogue versions to choose from (newest first); the first is the default. */
    readonly catalogues: readonly CatalogueChoice[];
    /** The variable to start from, when there is exactly one catalogue to choose. */
    readonly variable?: StarterVariable;
}

/** Names the template declares itself; a catalogue variable must not reuse them. */
export const TEMPLATE_NAMES: readonly string[] = ['problemgrad', 'målgrad', 'genomförd', 'f1', 'p1', 'm1', 'a1'];

/** The default title of a new plan. */
export const DEFAULT_TITLE = 'Ny uppföljningsplan';

/**
 * A part of a template line: fixed text; a field the author fills in (the same `id` again mirrors
 * it), written as plan-string content (`string`), a comment (`comment`) or as it is (`plain`),
 * and marked `example` when its value only shows what belongs there (it must be replaced);
 * a choice among words, the first being the default; or where the cursor ends.
 */
type Part =
    | string
    | { readonly field: string; readonly value: string; readonly as: 'string' | 'comment' | 'plain'; readonly example?: true }
    | { readonly choice: string; readonly options: readonly string[] }
    | { readonly cursor: true };

interface Line {
    readonly depth: number;
    readonly parts: readonly Part[];
}

const field = (id: string, value: string, as: 'string' | 'comment' | 'plain' = 'string'): Part => ({ field: id, value, as });
const quoted = (id: string, value: string): Part[] => ['"', field(id, value), '"'];
/**
 * A quoted example text: it shows what belongs here but cannot be right for any plan, so a plan
 * that still has it gets SU090. Generic defaults that are often right as they stand (the roles,
 * the controller, the storage, the numbers) are plain fields: marking them would warn on real plans.
 */
const example = (id: string, value: string): Part[] => ['"', { field: id, value, as: 'string', example: true }, '"'];
const choice = (id: string, options: readonly string[]): Part => ({ choice: id, options });

interface TemplateInput {
    readonly title: string;
    readonly year: number;
    readonly catalogues: readonly CatalogueChoice[];
    readonly variable?: StarterVariable;
}

const PURPOSES = ['verksamhetsutveckling', 'kontroll', 'kvalitetssäkring', 'jämförelse', 'lärande'];
const LEVELS = ['verksamhet', 'individ', 'nationell'];

function templateLines(input: TemplateInput): Line[] {
    const lines: Line[] = [];
    const add = (depth: number, ...parts: Part[]): void => { lines.push({ depth, parts }); };
    const blank = (): void => add(0);
    const catalogue = input.catalogues[0];
    const variable = catalogue ? input.variable : undefined;
    add(0, '// Uppföljningsplan: ', field('title', input.title, 'comment'));
    add(0, '// Skapad med `suplan new`. Ändra texterna tillsammans med dem som berörs och kontrollera');
    add(0, '// planen med `suplan check <fil>`. Samla inte in mer än frågan behöver.');
    // The default title is an example too; a title the author gave is the plan's own.
    add(0, 'plan ', ...(input.title === DEFAULT_TITLE ? example : quoted)('title', input.title), ' {');
    add(1, '// Styrning: planens version och status (utkast eller fastställd). När planen fastställs,');
    add(1, '// ange vem som beslutade: beslut "…" datum ÅÅÅÅ-MM-DD diarienummer "…".');
    add(1, 'version "0.1"');
    add(1, 'status utkast');
    blank();
    add(1, '// Syfte: vad resultatet ska användas till. Ett av kontroll, kvalitetssäkring,');
    add(1, '// jämförelse, verksamhetsutveckling eller lärande.');
    add(1, 'syfte ', choice('purpose', PURPOSES));
    blank();
    add(1, '// Frågan uppföljningen ska besvara: avgränsad och formulerad tillsammans med handläggarna.');
    add(1, 'fråga ', ...example('question', 'Minskar klienternas problem under insatsen, och når de sina mål?'));
    blank();
    add(1, '// Nivå: individ, verksamhet eller nationell.');
    add(1, 'nivå ', choice('level', LEVELS));
    blank();
    if (catalogue) {
        add(1, '// Variabelkatalogen och den version planen följer. Variabler hämtas med `använd`.');
        add(1, 'katalog ', choice('catalogue', input.catalogues.map(c => `${c.name} version ${planString(c.version)}`)));
        blank();
    }
    add(1, '// Vem som ger mandat, registrerar, sammanställer och analyserar.');
    add(1, 'roller {');
    add(2, 'mandat ', ...quoted('mandate', 'Enhetschef'));
    add(2, 'registrerar ', ...quoted('registers', 'Handläggare'));
    add(2, 'sammanställer ', ...quoted('compiles', 'Verksamhetsutvecklare'));
    add(2, 'analyserar ', ...quoted('analyses', 'Ledningsgrupp'));
    add(1, '}');
    blank();
    add(1, '// När och till vem resultatet återkopplas.');
    add(1, 'återkoppling ', ...example('feedbackWhen', 'Vid ledningsgruppens möte efter periodens slut'),
        ' till ', ...example('feedbackTo', 'Ledningsgruppen och handläggarna'));
    blank();
    add(1, '// Målgrupp: vilka klienter som ingår och inte ingår, och hur många ni väntar er.');
    add(1, '// Lägg till `ålder 0..17` om målgruppen har en åldersgräns.');
    add(1, 'målgrupp {');
    add(2, 'inkludera ', ...example('include', 'Klienter som påbörjar insatsen under perioden'));
    add(2, 'exkludera ', ...example('exclude', 'Klienter som avbryter före första mötet'));
    add(2, 'förväntat antal ', field('expected', '60', 'plain'), ' per år');
    add(1, '}');
    blank();
    add(1, '// Urval: alla, födelsedagar 5, 15, 25 (ett slumpmässigt urval), jämna veckor eller hela perioden.');
    add(1, 'urval alla');
    blank();
    add(1, '// Perioden då klienter tas med i uppföljningen.');
    add(1, 'period ', field('year', String(input.year), 'plain'), '-01-01 .. ', field('year', String(input.year), 'plain'), '-12-31');
    blank();
    add(1, '// Mätpunkter: före, under (varje vecka), efter och uppföljning (t.ex. 6 månader).');
    add(1, 'mätpunkter före, efter');
    blank();
    add(1, '// Variabler: bara det som behövs för att besvara frågan. Varje variabel ska användas i en analys.');
    add(1, 'variabler {');
    if (catalogue && variable) {
        add(2, '// Från katalogen. Fler detaljerade värden kan läggas till med');
        add(2, '// `fördjupa { 11 "…" -> 1 }` där varje ny kod pekar på exakt en originalkod.');
        add(2, `använd ${catalogue.name}.${variable.name}`);
    } else {
        add(2, '// En ja/nej-fråga. Variabler ur en katalog (t.ex. BBIC) hämtas med `använd katalog.variabel`');
        add(2, '// efter en rad `katalog <namn> version "<version>"`.');
        add(2, 'lokal genomförd "Insatsen har genomförts enligt planen" : ja/nej vid efter');
    }
    add(2, '// Huvudproblemet, mätt på samma sätt före och efter insatsen.');
    add(2, 'lokal problemgrad ', ...quoted('problemLabel', 'Problemets svårighetsgrad'), ' : skala {');
    add(3, '1 "Inga problem" 2 "Små problem" 3 "Stora problem" 4 "Mycket stora problem"');
    add(2, '} vid före, efter definition ', ...example('problemDefinition', 'Bedöms tillsammans med klienten vid mötet.'));
    add(2, '// Måluppfyllelse på den allmänna fyrgradiga skalan (mål4).');
    add(2, 'lokal målgrad "Måluppfyllelse" : mål4 vid efter');
    add(2, { cursor: true });
    add(1, '}');
    blank();
    add(1, '// Analyser: varje analys har ett id som scenarierna kan hänvisa till. Bortfall visas alltid.');
    add(1, 'analyser {');
    if (catalogue && variable) {
        add(2, `f1 ${planString(variable.label)}: frekvens ${variable.name}`);
    } else {
        add(2, 'a1 "Andel genomförda insatser": andel genomförd i 1');
    }
    add(2, 'p1 "Förändring av problemgraden": förändring problemgrad före -> efter mått skillnad riktning lägre är bättre');
    add(2, 'm1 "Andel som nått sina mål": måluppfyllelse målgrad');
    add(1, '}');
    blank();
    add(1, '// Scenarier A–E: vad resultatet ska leda till. A och D får ofta en regel; B, C och E bedöms vid genomgången.');
    add(1, 'scenarier {');
    add(2, 'A när m1 < ', field('lowTarget', '60', 'plain'), ' % ', ...example('lowStep', 'Se över arbetssättet och följ upp igen'));
    add(2, 'D när m1 >= ', field('highTarget', '80', 'plain'), ' % ', ...example('highStep', 'Fortsätt arbeta som i dag'));
    add(2, 'B, C, E bedöms vid genomgång ', ...example('reviewStep', 'Bestäm nästa steg vid genomgången'));
    add(1, '}');
    blank();
    add(1, '// Integritet: minsta cellstorlek i rapporter, rättslig grund, lagring, ansvar och gallring.');
    add(1, 'integritet {');
    add(2, 'minsta cell ', field('minCell', '5', 'plain'));
    add(2, 'rättslig grund ', ...example('legalBasis',
        'Ange lagrum, t.ex. socialtjänstlagen och lagen om behandling av personuppgifter inom socialtjänsten'));
    add(2, 'lagring ', ...quoted('storage', 'Verksamhetssystemet'));
    add(2, 'personuppgiftsansvarig ', ...quoted('controller', 'Socialnämnden'));
    add(2, 'gallring ', ...example('retention', 'Enligt nämndens dokumenthanteringsplan'));
    add(2, 'pseudonymisering ', ...example('pseudonymisation', 'En lokal ärendekod; inga namn eller personnummer'));
    add(1, '}');
    add(0, '}');
    return lines;
}

let exampleTexts: ReadonlySet<string> | undefined;

/**
 * The template's example texts as a plan states them (string contents, unescaped): the values of
 * its fields marked `example`, with and without a catalogue. A plan string equal to one of them
 * (SU090) was left as the template wrote it.
 */
export function templateExampleTexts(): ReadonlySet<string> {
    if (!exampleTexts) {
        const variable = { name: 'v', label: 'V' };
        const texts = new Set<string>();
        for (const catalogues of [[], [{ name: 'k', version: '1' }]]) {
            for (const line of templateLines({ title: DEFAULT_TITLE, year: 2000, catalogues, variable })) {
                for (const part of line.parts) {
                    if (typeof part === 'object' && 'field' in part && part.example) texts.add(part.value);
                }
            }
        }
        exampleTexts = texts;
    }
    return exampleTexts;
}

/** A plan string literal: quotes and backslashes escaped. */
export function planString(value: string): string {
    return `"${planStringContent(value)}"`;
}

function planStringContent(value: string): string {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** The new plan as plan text: every field at its value, every choice at its first option. */
export function renderNewPlan(options: NewPlanOptions): string {
    const { catalogue } = options;
    const lines = templateLines({
        title: options.title, year: options.year,
        catalogues: catalogue ? [catalogue] : [], variable: catalogue?.variable,
    });
    const text = (part: Part): string => {
        if (typeof part === 'string') return part;
        if ('choice' in part) return part.options[0] ?? '';
        if ('cursor' in part) return '';
        if (part.as === 'string') return planStringContent(part.value);
        if (part.as === 'comment') return part.value.replace(/[\r\n]+/g, ' ');
        return part.value;
    };
    return lines
        .filter(line => !line.parts.every(part => typeof part === 'object' && 'cursor' in part) || line.parts.length === 0)
        .map(line => line.parts.length === 0 ? '' : '    '.repeat(line.depth) + line.parts.map(text).join(''))
        .join('\n') + '\n';
}

/** Escapes text for an LSP snippet (`$`, `}` and `\`). */
export function escapeSnippet(text: string): string {
    return text.replace(/[\\$}]/g, ch => `\\${ch}`);
}

/** Escapes an option of a snippet choice list (also `|` and `,`). */
function escapeChoice(text: string): string {
    return text.replace(/[\\$}|,]/g, ch => `\\${ch}`);
}

/**
 * The new plan as an LSP snippet: fields are numbered placeholders in the order they first
 * appear (a field used twice is mirrored), choices are choice lists, the cursor ends in the
 * variables, and indentation is by tabs (the editor turns them into its own indentation).
 */
export function renderNewPlanSnippet(options: NewPlanSnippetOptions): string {
    const lines = templateLines({
        title: DEFAULT_TITLE, year: options.year, catalogues: options.catalogues,
        variable: options.catalogues.length === 1 ? options.variable : undefined,
    });
    // Tab stops in reading order of the plan itself: a field that a comment repeats (the title) is
    // numbered, and given its default, where the plan states it, and mirrored in the comment.
    const numbers = new Map<string, number>();
    const idOf = (part: Exclude<Part, string | { readonly cursor: true }>): string => ('choice' in part ? part.choice : part.field);
    const parts = lines.flatMap(line => line.parts).filter((part): part is Exclude<Part, string | { readonly cursor: true }> =>
        typeof part === 'object' && !('cursor' in part));
    for (const part of [...parts.filter(p => !('as' in p) || p.as !== 'comment'), ...parts]) {
        if (!numbers.has(idOf(part))) numbers.set(idOf(part), numbers.size + 1);
    }
    const given = new Set<string>();
    const text = (part: Part): string => {
        if (typeof part === 'string') return escapeSnippet(part);
        if ('cursor' in part) return '$0';
        const id = idOf(part);
        const number = numbers.get(id) ?? 0;
        if (given.has(id) || ('as' in part && part.as === 'comment' && parts.some(p => idOf(p) === id && p !== part))) {
            return `\${${number}}`;
        }
        given.add(id);
        if ('choice' in part) return `\${${number}|${part.options.map(escapeChoice).join(',')}|}`;
        const value = part.as === 'string' ? planStringContent(part.value) : part.value;
        return `\${${number}:${escapeSnippet(value)}}`;
    };
    return lines.map(line => '\t'.repeat(line.parts.length ? line.depth : 0) + line.parts.map(text).join('')).join('\n');
}

/** A file name from a title: `Ny uppföljningsplan` → `ny-uppfoljningsplan.suplan`. */
export function fileNameFor(title: string): string {
    const stem = fold(title)
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    return `${stem || 'uppfoljningsplan'}.suplan`;
}
