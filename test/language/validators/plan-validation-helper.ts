import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Language } from '../../../src/language/diagnostics/codes.js';
import { createSuServices, type SuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace, type SourceText } from '../../../src/workspace/load.js';

/** The fixture catalogue `katalog test version "1"` (samtal ja/nej, kön 1–3, ålder antal, datum_akt, dygn, övrigt text, insats_klar 1–3). */
export const TEST_CATALOGUE: SourceText = {
    file: '/ws/test.sucat',
    text: readFileSync(path.resolve('test/fixtures/catalogues/test.sucat'), 'utf8'),
};

/** A diagnostic as tests compare it: code, 1-based `line:col-line:col` (end one past the last character), and text. */
export interface Found {
    readonly code: string;
    readonly range: string;
    readonly message: string;
    readonly severity: number | undefined;
    readonly data: unknown;
}

export function render(d: Diagnostic): Found {
    const r = d.range;
    return {
        code: String(d.code), range: `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`,
        message: typeof d.message === 'string' ? d.message : d.message.value, severity: d.severity, data: d.data,
    };
}

/**
 * The range of the `occurrence`-th (1-based) appearance of `snippet` in `text`, in the same form as
 * `Found.range`. Throws when the snippet is not there, so a test cannot pass on a typo.
 */
export function rangeOf(text: string, snippet: string, occurrence = 1): string {
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
        at = text.indexOf(snippet, at + 1);
        if (at < 0) throw new Error(`"${snippet}" (occurrence ${occurrence}) is not in the text`);
    }
    const position = (offset: number): string => {
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const column = offset - before.lastIndexOf('\n');
        return `${line}:${column}`;
    };
    return `${position(at)}-${position(at + snippet.length)}`;
}

/**
 * The range of `part` inside the `occurrence`-th appearance of `context` (to find a name next to its
 * label); the last appearance of `part` in the context when `last` is set.
 */
export function rangeWithin(text: string, context: string, part: string, occurrence = 1, last = false): string {
    const offset = last ? context.lastIndexOf(part) : context.indexOf(part);
    if (offset < 0) throw new Error(`"${part}" is not in "${context}"`);
    const whole = rangeOf(text, context, occurrence);
    const [line, column] = whole.split('-')[0].split(':').map(Number);
    if (context.slice(0, offset).includes('\n')) throw new Error('rangeWithin expects the part on the first line of the context');
    return `${line}:${column + offset}-${line}:${column + offset + part.length}`;
}

/** Syntax errors and unresolved references: a plan with these is not a fair test of a validator. */
const BROKEN_PLAN = ['SU001', 'SU010', 'SU011', 'SU012', 'SU013', 'SU014', 'SU015', 'SU016', 'SU017'];

/** One service container per test file; `validate` rebuilds the workspace each time. */
export class Validation {
    readonly services: SuServices = createSuServices(EmptyFileSystem);

    /** Builds `sources` (plans and catalogues) with the fixture catalogue and returns the diagnostics of the first source. */
    async diagnostics(sources: readonly SourceText[] | string, language: Language = 'sv', withTestCatalogue = true): Promise<Found[]> {
        const list = typeof sources === 'string' ? [{ file: '/ws/plan.suplan', text: sources }] : sources;
        this.services.suplan.catalogue.MessageLocale.language = language;
        const loaded = await buildWorkspace(this.services, withTestCatalogue ? [...list, TEST_CATALOGUE] : list);
        return loaded[0].diagnostics.map(render);
    }

    /**
     * Only the diagnostics with the given codes, as `code range` strings, sorted. Throws on a syntax
     * error or an unresolved reference, so a test of "no diagnostic" cannot pass on a plan that did
     * not parse or link (validators skip what they cannot resolve).
     */
    async codes(text: string, codes: readonly string[]): Promise<string[]> {
        const found = await this.diagnostics(text);
        const broken = found.find(d => BROKEN_PLAN.includes(d.code) && !codes.includes(d.code));
        if (broken) throw new Error(`the test plan is broken: ${broken.code} at ${broken.range}: ${broken.message}`);
        return found.filter(d => codes.includes(d.code)).map(d => `${d.code} ${d.range}`).sort();
    }
}

export interface PlanParts {
    readonly head?: string;
    readonly who?: string;
    readonly points?: string;
    readonly valueSets?: string;
    readonly variables?: string;
    readonly analyses?: string;
    readonly scenarios?: string;
    readonly privacy?: string;
    readonly extra?: string;
}

/**
 * A complete plan against the fixture catalogue that every validator accepts; each part can be
 * replaced to make one thing wrong. Parts are placed on their own lines in a fixed order.
 */
export function plan(parts: PlanParts = {}): string {
    const p = {
        head: `version "1.0"
    status utkast
    syfte verksamhetsutveckling
    fråga "Får barnen enskilda samtal under utredningen?"
    nivå verksamhet
    katalog test version "1"`,
        who: `målgrupp {
        inkludera "Barn som utreds"
        ålder 0..17
        förväntat antal 200 per år
    }
    urval alla
    period 2025-01-01 .. 2025-12-31`,
        points: 'mätpunkter före, efter',
        valueSets: '',
        variables: `variabler {
        använd test.samtal
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
    }`,
        analyses: `analyser {
        a1: andel samtal i 1 målvärde 80 %
        a2: beskriv antal_samtal
    }`,
        scenarios: `scenarier {
        A när a1 < 60 % "Ändra arbetssättet och följ upp igen"
        D när a1 >= 80 % "Avsluta uppföljningen"
        B, C, E bedöms vid genomgång
    }`,
        privacy: `integritet {
        minsta cell 5
        rättslig grund "Uppgifterna behandlas för uppföljning enligt gällande lag"
        personuppgiftsansvarig "Socialnämnden"
        lagring "Verksamhetssystemet"
        gallring "Efter fem år"
    }`,
        extra: '',
        ...parts,
    };
    const body = [p.head, p.who, p.points, p.valueSets, p.variables, p.analyses, p.scenarios, p.privacy, p.extra]
        .filter(part => part.trim() !== '')
        .map(part => `    ${part}`)
        .join('\n');
    return `plan "Testplan" {\n${body}\n}\n`;
}
