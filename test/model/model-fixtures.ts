import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isPlan, type Plan } from '../../src/language/generated/ast.js';
import { createSuServices, type SuServices } from '../../src/language/suplan-services.js';
import { buildPlanModel } from '../../src/model/build-model.js';
import type { PlanModel } from '../../src/model/plan-model.js';
import { buildWorkspace, type SourceText } from '../../src/workspace/load.js';

/** A small synthetic catalogue in BBIC's shape (illustrative wording, not BBIC's). */
export const TEST_CATALOGUE = `
katalog bbic "BBIC – testkatalog" version "2023" {
    beskrivning "Syntetisk katalog för modelltester."
    variabel samtal_enskilt {
        etikett "Enskilda samtal med barnet har genomförts"
        värdemängd ja/nej
        kommentar "Samtal kan ske på olika sätt, också via sms, telefon eller chatt."
        processteg utredning
        nationell statistik
    }
    variabel kön {
        etikett "Kön"
        värdemängd { 1 "Flicka" 2 "Pojke" 3 "Annat eller okänt" }
        processteg aktualisering
    }
    variabel ålder {
        etikett "Ålder vid aktualisering"
        värdemängd antal 0..20
        kommentar "Hela år."
        processteg aktualisering
    }
    variabel skäl {
        etikett "Skäl för anmälan"
        värdemängd { 1 "Omsorgssvikt" 2 "Våld" 3 "Missbruk" 4 "Annat" }
        processteg aktualisering
    }
}
`;

/** A catalogue that no variable of a plan uses, for the title look-up. */
export const OTHER_CATALOGUE = `
katalog extra "Extrakatalog" version "1" {
    variabel x { etikett "X" värdemängd ja/nej }
}
`;

export interface BuiltPlan {
    readonly model: PlanModel;
    readonly diagnostics: readonly Diagnostic[];
}

const services: SuServices = createSuServices(EmptyFileSystem);

export interface LoadedPlan {
    readonly root: Plan;
    readonly source: string;
    readonly diagnostics: readonly Diagnostic[];
}

/** Parses, links and validates the plans together with the given catalogues in one workspace. */
export async function loadPlans(plans: readonly string[], catalogues: readonly string[] = [TEST_CATALOGUE, OTHER_CATALOGUE]): Promise<LoadedPlan[]> {
    const sources: SourceText[] = [
        ...plans.map((text, i) => ({ file: path.resolve(`model-test/plan${i}.suplan`), text })),
        ...catalogues.map((text, i) => ({ file: path.resolve(`model-test/catalogue${i}.sucat`), text })),
    ];
    const loaded = await buildWorkspace(services, sources);
    return loaded.slice(0, plans.length).map((document, i) => {
        const root = document.document.parseResult.value;
        if (!isPlan(root)) throw new Error(`plan ${i} did not parse to a plan`);
        return { root, source: `model-test/plan${i}.suplan`, diagnostics: document.diagnostics };
    });
}

/** Builds each plan's model, with the workspace's catalogue resolver for catalogue titles. */
export function modelOf(plan: LoadedPlan): PlanModel {
    return buildPlanModel(plan.root, { source: plan.source, catalogues: services.suplan.catalogue.CatalogueResolver });
}

export async function buildModels(plans: readonly string[], catalogues?: readonly string[]): Promise<BuiltPlan[]> {
    return (await loadPlans(plans, catalogues)).map(plan => ({ model: modelOf(plan), diagnostics: plan.diagnostics }));
}

export async function buildModel(plan: string, catalogues?: readonly string[]): Promise<BuiltPlan> {
    const [built] = await buildModels([plan], catalogues);
    return built;
}

/** Syntax errors (SU001) and unresolved references (SU012–SU017): what the builder's input must be free of. */
export function parseAndLinkProblems(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .filter(d => ['SU001', 'SU012', 'SU013', 'SU014', 'SU015', 'SU016', 'SU017'].includes(String(d.code)))
        .map(d => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** A full plan that uses every concept of the grammar. Synthetic data only. */
export const FULL_PLAN = `
plan "Föräldrastöd – Jourpatrullen" {
    version "1.2"
    status fastställd
    beslut "Ledningsgruppen" datum 2025-01-15 diarienummer "SN 2025/12"
    ändringslogg {
        "1.1" 2024-12-01 "Första versionen"
        "1.2" 2025-01-10 "Lade till uppföljning efter sex månader"
    }
    återkoppling "Varje kvartal" till "Arbetsgruppen"
    syfte verksamhetsutveckling
    fråga "Minskar föräldrarnas problem efter insatsen?"
    nivå verksamhet
    katalog bbic version "2023"
    katalog extra version "1"
    datakälla formulär "Eget formulär i webbläsaren"
    roller {
        mandat "Enhetschef"
        registrerar "Behandlare"
        sammanställer "Verksamhetsutvecklare"
        analyserar "Ledningsgrupp"
    }
    målgrupp {
        inkludera "Familjer som påbörjar insats hos Jourpatrullen"
        exkludera "Familjer som avbryter före första mötet"
        ålder 0..17
        förväntat antal 120 per år
    }
    urval födelsedagar 5, 15, 25
    period 2025-01-01 .. 2025-03-31 upprepas årligen 2025..2027
    klientmål 3 "Mål som sätts tillsammans med familjen"
    mätpunkter före "Vid start", under varje vecka, efter, uppföljning 6 månader som uppf6 "Sex månader efter"
    faser baslinje "Baslinje" 2 veckor, insats 3 veckor från 2025-01-20, nedtrappning "Nedtrappning" 3 veckor
    decimaler 2
    värdemängder {
        instämmer "Instämmer" ordinal { 1 "Stämmer inte alls" 2 "Stämmer dåligt" 3 "Stämmer ganska bra" 4 "Stämmer helt" }
        kontakt { 1 "Telefon" 2 "Besök" }
    }
    variabler {
        använd bbic.samtal_enskilt vid före fördjupa {
            11 "Ja – sms" -> 1
            12 "Ja – telefon" -> 1
            13 "Ja – chatt" -> 1
            2 "Nej" -> 2
        }
        lokal antal_samtal "Antal samtal" : antal 0..100 vid före när samtal_enskilt i 11, 12, 13
        använd bbic.kön bakgrund
        använd bbic.ålder som ålder_år bakgrund
        använd bbic.skäl frivillig
        härledd åldersgrupp "Åldersgrupp" = klassa ålder_år { 1 "0–6 år" 0..6 2 "7–12 år" 7..12 3 "13–17 år" 13..17 }
        frågegrupp mål1 "Mål 1: trygghet" : instämmer vid före, efter svarar barn, förälder definition "Fyra påståenden om trygghet" {
            m1a "Jag känner mig trygg hemma"
            m1b "Vi bråkar sällan"
            m1c "Jag vet vart jag kan vända mig"
            index summa
        }
        frågegrupp nöjd "Nöjdhet" : skala { 1 "Inte alls" 2 "Delvis" 3 "Helt" } vid efter svarar förälder {
            n1 "Bemötandet"
            n2 "Tillgängligheten"
            index medel
        }
        frågegrupp bakg "Bakgrundsfrågor" : ja/nej {
            b1 "Tidigare insats"
            b2 "Pågående insats"
        }
        härledd mål1_diff "Förändring mål 1" = skillnad mål1 före -> efter
        lokal måluppf "Måluppfyllelse" : mål4 vid efter per klientmål
        lokal problem "Problemgrad" : poäng 0..40 instrument "AUDIT" vid före, efter definition "Totalpoäng enligt manualen"
        lokal annat_sätt "Annat sätt för samtal" : text förtydligar samtal_enskilt motivering "Nya kontaktvägar ska fångas" vid före frivillig
        lokal insatsdagar "Dagar i insats" : tal 0..365 enhet "dagar" decimaler 0 vid efter
        lokal startdatum "Startdatum" : datum
        lokal insatser "Insatser" : flerval { 1 "Samtal" 2 "Hembesök" 3 "Gruppträff" } vid efter
        lokal trygghet "Känner sig trygg" : skala { 1 "Låg" 2 "Mellan" 3 "Hög" } vid under
        lokal stadsdel "Stadsdel" : val { 1 "Norr" 2 "Söder" } bakgrund
        lokal kontaktsätt "Kontaktsätt" : kontakt
        lokal gas "GAS-mål" : gas5 vid uppf6
        lokal hemma "Bor hemma" : ja/nej vid uppf6
        härledd mål_medel "Medel m1a och m1b" = medel(m1a, m1b)
    }
    referensdata {
        tabell befolkning "Invånare 0–20 år" per stadsdel källa "SCB 2024" { 1 = 5400 2 = 6100 }
        tabell målvärden "Målvärde per fråga" per fråga { m1a = 3.5 m1b = 3 }
    }
    uttag "Verksamhetssystemet" {
        fil "uttag.csv"
        nyckel "Ärende"
        kolumn "KON" -> kön { "F" -> 1 "P" -> 2 "X" -> 3 }
        kolumn "PROB_FORE" -> problem vid före
    }
    analyser {
        f1 "Enskilda samtal": frekvens samtal_enskilt
        k1: korstabell samtal_enskilt mot kön
        b1: beskriv insatsdagar per stadsdel, kön decimaler 1
        p1: förändring problem före -> efter
        p2: förändring mål1 före -> efter per kön
        a1: andel samtal_enskilt i 11, 12, 13 målvärde 60 %
        a2: andel problem >= 20 vid efter
        m1: måluppfyllelse måluppf
        m2: måluppfyllelse gas nått 4, 5
        t1: tidsserie trygghet över vecka
        fm: fasmedel trygghet över vecka enligt startdatum
        r1: takt för skäl = 2 per 1000 av befolkning per stadsdel
        r2: takt per 100 av befolkning
        j1: jämför m1a, m1b mellan stadsdel mot målvärden
        j2: jämför problem mot 3.5
        c1: koncentration insatsdagar topp 10 %, 50 %
        f2: frekvens åldersgrupp bland hemma = 1 och kön i 1, 2
        f3: frekvens b1
        f4: frekvens b2
        f5: frekvens n1
        f6: frekvens kontaktsätt
        f7: frekvens insatser
        f9: beskriv mål_medel
        f10: beskriv nöjd
        f11: beskriv mål1_diff
        f12: beskriv antal_samtal
        f13: frekvens m1c
        f15: frekvens n2
        f16: beskriv ålder_år
        p3: förändring problem före -> efter mått andel förbättrade riktning lägre är bättre avrundning 0,5 diagram linje
        a3: andel samtal_enskilt i original 1 nivå båda diagram grupperad stapel
        r3: takt per 1000 av variabeln insatsdagar räknar klienter per stadsdel
        c2: koncentration insatsdagar topp 10 % avrundat nedåt diagram ingen
        f17: frekvens samtal_enskilt nivå original bland samtal_enskilt i original 1
        j3: jämför problem mellan stadsdel mot 3.5 diagram stapel
    }
    scenarier {
        A när a1 < 60 % "Ändra arbetssättet och följ upp igen"
        D när a1 >= 80 % och p1 > 0 "Avsluta uppföljningen"
        B, C, E bedöms vid genomgång "Diskutera vid genomgången"
        A när någon grupp i j3 < målet och varje grupp i r3 < 20 "Gå igenom stadsdelarna"
    }
    integritet {
        minsta cell 3
        sekundär undertryckning av
        rättslig grund "7 a § SoLPuL"
        rättslig grund "6 § SoLPuL"
        lagring "Verksamhetssystemet"
        personuppgiftsansvarig "Socialnämnden"
        gallring "Efter fem år"
        konsekvensbedömning "KB 2025-03"
        pseudonymisering "Löpnummer per ärende"
    }
    acceptera SU031 "Säsongsvariation är känd och beskrivs i rapporten"
    acceptera SU040 för startdatum "Behövs för att beräkna tid i insats"
}
`;

/** A plan that states almost nothing: the defaults. */
export const MINIMAL_PLAN = `
plan "Minimal" {
    syfte oklart
    nivå okänd
    fråga "Hur många?"
}
`;

/** The sampling methods not used by the full plan, one plan each. */
export const SAMPLING_PLANS = ['alla', 'jämna veckor', 'udda veckor', 'hela perioden'].map(method => `
plan "Urval ${method}" {
    syfte kontroll
    status utkast
    nivå individ
    fråga "Vad händer?"
    urval ${method}
}
`);

/** A plan full of references that do not resolve: the builder leaves them out and does not throw. */
export const BROKEN_PLAN = `
plan "Trasig" {
    syfte kvalitetssakring
    fråga "Vad händer?"
    katalog bbic version "2023"
    katalog saknas version "9"
    mätpunkter före
    variabler {
        använd bbic.finns_inte
        lokal a "A" : okänd_mängd
        lokal b "B" : ja/nej vid före, efter när finns_inte = 1
        använd bbic.samtal_enskilt fördjupa { 11 "Ja – sms" -> 1 19 "Fel" -> 7 2 "Nej" -> 2 }
        härledd c "C" = summa(b, saknas)
        härledd d "D" = skillnad b före -> efter
        härledd e "E" = klassa saknas { 1 "Låg" 0..3 }
        lokal t "T" : text förtydligar saknas
        frågegrupp g "G" : okänd_mängd { g1 "G1" index summa }
    }
    referensdata {
        tabell pop "Befolkning" per saknas { 1 = 10 }
        tabell mv "Målvärden" per fråga { b = 2 saknas = 3 4 = 9 }
        tabell pb "Per b" per b { 1 = 5 b = 4 }
    }
    uttag "System" {
        kolumn "X" -> saknas
        kolumn "B" -> b vid efter
    }
    analyser {
        x1: frekvens saknas
        x2: korstabell b mot saknas
        x3: jämför b, saknas mellan saknas2 mot saknastabell
        x4: takt för saknas = 1 per 100
        x5: förändring b före -> efter
        x6: frekvens b per saknas vid efter bland saknas = 1
        x7: måluppfyllelse b
    }
    scenarier {
        A när x9 < 5 % "Något"
        F när x1 > 1
        A, Q bedöms vid genomgång
    }
}
`;
