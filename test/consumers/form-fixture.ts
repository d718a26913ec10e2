/**
 * The plan the form's Chromium test registers against: two points, a refined catalogue variable,
 * a conditional count with a range, optional free text, and a background variable registered once
 * per client. It uses the synthetic test catalogue of test/model/model-fixtures.ts.
 */
export const FORM_TEST_PLAN = `
plan "Formulärtest – samtal med barnet" {
    version "2.0"
    status utkast
    syfte verksamhetsutveckling
    fråga "Hur ofta samtalar utredaren enskilt med barnet?"
    nivå verksamhet
    katalog bbic version "2023"
    period 2025-01-01 .. 2025-12-31
    mätpunkter före "Vid start", efter "Vid avslut"
    variabler {
        använd bbic.samtal_enskilt vid före, efter fördjupa {
            11 "Ja – sms" -> 1
            12 "Ja – telefon" -> 1
            2 "Nej" -> 2
        }
        lokal antal_samtal "Antal samtal" : antal 0..100 vid före, efter när samtal_enskilt i 11, 12
            definition "Alla enskilda samtal sedan förra mätpunkten"
        använd bbic.kön bakgrund
    }
    analyser {
        f1 "Samtal": frekvens samtal_enskilt vid efter per kön
        b1 "Antal": beskriv antal_samtal vid efter
    }
}
`;
