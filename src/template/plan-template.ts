import { fold } from '../text/suggest.js';

/**
 * The skeleton `suplan new` writes: a complete plan in Swedish, with a comment on each section,
 * that passes `suplan check` without errors or warnings. Pure text; the command does the I/O.
 */

/** A catalogue variable to start from: its plan name and label. */
export interface StarterVariable {
    readonly name: string;
    readonly label: string;
}

export interface NewPlanOptions {
    readonly title: string;
    /** The year the period covers. */
    readonly year: number;
    readonly catalogue?: { readonly name: string; readonly version: string; readonly variable: StarterVariable };
}

/** A plan string literal: quotes and backslashes escaped. */
export function planString(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Names the template declares itself; a catalogue variable must not reuse them. */
export const TEMPLATE_NAMES: readonly string[] = ['problemgrad', 'målgrad', 'genomförd', 'f1', 'p1', 'm1', 'a1'];

export function renderNewPlan(options: NewPlanOptions): string {
    const { title, year, catalogue } = options;
    const lines: string[] = [];
    const add = (...more: string[]): void => { lines.push(...more); };
    add(
        `// Uppföljningsplan: ${title.replace(/[\r\n]+/g, ' ')}`,
        '// Skapad med `suplan new`. Ändra texterna tillsammans med dem som berörs och kontrollera',
        '// planen med `suplan check <fil>`. Samla inte in mer än frågan behöver.',
        `plan ${planString(title)} {`,
        '    // Styrning: planens version och status (utkast eller fastställd). När planen fastställs,',
        '    // ange vem som beslutade: beslut "…" datum ÅÅÅÅ-MM-DD diarienummer "…".',
        '    version "0.1"',
        '    status utkast',
        '',
        '    // Syfte: vad resultatet ska användas till. Ett av kontroll, kvalitetssäkring,',
        '    // jämförelse, verksamhetsutveckling eller lärande.',
        '    syfte verksamhetsutveckling',
        '',
        '    // Frågan uppföljningen ska besvara: avgränsad och formulerad tillsammans med handläggarna.',
        '    fråga "Minskar klienternas problem under insatsen, och når de sina mål?"',
        '',
        '    // Nivå: individ, verksamhet eller nationell.',
        '    nivå verksamhet',
        '',
    );
    if (catalogue) {
        add(
            '    // Variabelkatalogen och den version planen följer. Variabler hämtas med `använd`.',
            `    katalog ${catalogue.name} version ${planString(catalogue.version)}`,
            '',
        );
    }
    add(
        '    // Vem som ger mandat, registrerar, sammanställer och analyserar.',
        '    roller {',
        '        mandat "Enhetschef"',
        '        registrerar "Handläggare"',
        '        sammanställer "Verksamhetsutvecklare"',
        '        analyserar "Ledningsgrupp"',
        '    }',
        '',
        '    // När och till vem resultatet återkopplas.',
        '    återkoppling "Vid ledningsgruppens möte efter periodens slut" till "Ledningsgruppen och handläggarna"',
        '',
        '    // Målgrupp: vilka klienter som ingår och inte ingår, och hur många ni väntar er.',
        '    // Lägg till `ålder 0..17` om målgruppen har en åldersgräns.',
        '    målgrupp {',
        '        inkludera "Klienter som påbörjar insatsen under perioden"',
        '        exkludera "Klienter som avbryter före första mötet"',
        '        förväntat antal 60 per år',
        '    }',
        '',
        '    // Urval: alla, födelsedagar 5, 15, 25 (ett slumpmässigt urval), jämna veckor eller hela perioden.',
        '    urval alla',
        '',
        '    // Perioden då klienter tas med i uppföljningen.',
        `    period ${year}-01-01 .. ${year}-12-31`,
        '',
        '    // Mätpunkter: före, under (varje vecka), efter och uppföljning (t.ex. 6 månader).',
        '    mätpunkter före, efter',
        '',
        '    // Variabler: bara det som behövs för att besvara frågan. Varje variabel ska användas i en analys.',
        '    variabler {',
    );
    if (catalogue) {
        add(
            '        // Från katalogen. Fler detaljerade värden kan läggas till med',
            '        // `fördjupa { 11 "…" -> 1 }` där varje ny kod pekar på exakt en originalkod.',
            `        använd ${catalogue.name}.${catalogue.variable.name}`,
        );
    } else {
        add(
            '        // En ja/nej-fråga. Variabler ur en katalog (t.ex. BBIC) hämtas med `använd katalog.variabel`',
            '        // efter en rad `katalog <namn> version "<version>"`.',
            '        lokal genomförd "Insatsen har genomförts enligt planen" : ja/nej vid efter',
        );
    }
    add(
        '        // Huvudproblemet, mätt på samma sätt före och efter insatsen.',
        '        lokal problemgrad "Problemets svårighetsgrad" : skala {',
        '            1 "Inga problem" 2 "Små problem" 3 "Stora problem" 4 "Mycket stora problem"',
        '        } vid före, efter definition "Bedöms tillsammans med klienten vid mötet."',
        '        // Måluppfyllelse på den allmänna fyrgradiga skalan (mål4).',
        '        lokal målgrad "Måluppfyllelse" : mål4 vid efter',
        '    }',
        '',
        '    // Analyser: varje analys har ett id som scenarierna kan hänvisa till. Bortfall visas alltid.',
        '    analyser {',
    );
    if (catalogue) {
        add(`        f1 ${planString(catalogue.variable.label)}: frekvens ${catalogue.variable.name}`);
    } else {
        add('        a1 "Andel genomförda insatser": andel genomförd i 1');
    }
    add(
        '        p1 "Förändring av problemgraden": förändring problemgrad före -> efter',
        '        m1 "Andel som nått sina mål": måluppfyllelse målgrad',
        '    }',
        '',
        '    // Scenarier A–E: vad resultatet ska leda till. A och D får ofta en regel; B, C och E bedöms vid genomgången.',
        '    scenarier {',
        '        A när m1 < 60 % "Se över arbetssättet och följ upp igen"',
        '        D när m1 >= 80 % "Fortsätt arbeta som i dag"',
        '        B, C, E bedöms vid genomgång "Bestäm nästa steg vid genomgången"',
        '    }',
        '',
        '    // Integritet: minsta cellstorlek i rapporter, rättslig grund, lagring, ansvar och gallring.',
        '    integritet {',
        '        minsta cell 5',
        '        rättslig grund "Ange lagrum, t.ex. socialtjänstlagen och lagen om behandling av personuppgifter inom socialtjänsten"',
        '        lagring "Verksamhetssystemet"',
        '        personuppgiftsansvarig "Socialnämnden"',
        '        gallring "Enligt nämndens dokumenthanteringsplan"',
        '        pseudonymisering "En lokal ärendekod; inga namn eller personnummer"',
        '    }',
        '}',
    );
    return lines.join('\n') + '\n';
}

/** A file name from a title: `Ny uppföljningsplan` → `ny-uppfoljningsplan.suplan`. */
export function fileNameFor(title: string): string {
    const stem = fold(title)
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    return `${stem || 'uppfoljningsplan'}.suplan`;
}
