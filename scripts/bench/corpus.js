// Synthetic inputs for the benchmarks: a large catalogue and many plans that use it.
// Everything here is generated; no names or identity numbers.

const STEPS = ['aktualisering', 'utredning', 'insats', 'uppföljning'];

/** A catalogue `bench` with `count` variables of varied value sets. */
export function catalogueText(count, version = '1') {
    const lines = [`katalog bench "Benchmarkkatalog" version "${version}" {`];
    for (let i = 0; i < count; i++) {
        const kind = i % 4;
        const valueSet = kind === 0 ? 'ja/nej' : kind === 1 ? '{ 1 "Låg" 2 "Mellan" 3 "Hög" }' : kind === 2 ? 'antal 0..100' : 'tal 0..365 enhet "dygn"';
        lines.push(
            `    variabel v${i} {`,
            `        etikett "Variabel nummer ${i}"`,
            `        värdemängd ${valueSet}`,
            `        kommentar "Syntetisk variabel ${i} för mätning."`,
            `        processteg ${STEPS[i % 4]}`,
            `    }`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}

/** A complete plan using `uses` catalogue variables (spread over the catalogue) with one analysis each. */
export function planText(index, uses, catalogueSize) {
    const variables = [];
    const analyses = [];
    let ruleAnalysis = 'a0';
    for (let u = 0; u < uses; u++) {
        const v = (index * 7 + u * 13) % catalogueSize;
        const name = `x${u}`;
        variables.push(`        använd bench.v${v} som ${name} vid före, efter`);
        const kind = v % 4;
        analyses.push(kind < 2 ? `        a${u}: frekvens ${name} vid efter` : `        a${u}: förändring ${name} före -> efter`);
        if (kind >= 2 && ruleAnalysis === 'a0') ruleAnalysis = `a${u}`;
    }
    return `plan "Benchmarkplan ${index}" {
    version "1.0"
    status utkast
    syfte verksamhetsutveckling
    fråga "Förändras situationen för klienterna mellan före och efter?"
    nivå verksamhet
    katalog bench version "1"
    datakälla formulär "Offlineformulär"
    roller { mandat "Enhetschef" registrerar "Handläggare" sammanställer "Verksamhetsutvecklare" analyserar "Ledningsgrupp" }
    målgrupp { inkludera "Alla klienter som påbörjar insats" ålder 18..64 förväntat antal 400 per år }
    urval alla
    period 2025-01-01 .. 2025-12-31
    mätpunkter före, efter
    variabler {
${variables.join('\n')}
    }
    analyser {
${analyses.join('\n')}
    }
    scenarier {
        A när ${ruleAnalysis} < 0 "Ändra arbetssättet"
        B, C, E bedöms vid genomgång "Diskutera vid genomgången"
    }
    integritet {
        minsta cell 5
        rättslig grund "Uppföljning enligt gällande lagstiftning (anges av kommunen)"
        personuppgiftsansvarig "Socialnämnden"
        lagring "Verksamhetssystemet"
        gallring "Efter fem år"
    }
}
`;
}
