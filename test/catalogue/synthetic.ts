import type { VariableEntry } from '../../src/catalogue/model.js';

/**
 * A synthetic variable list (no real catalogue wording, no personal data) that uses every kind of
 * value set, å/ä/ö, a comment with a line break, quotes and separators, and a formula-like comment.
 */
export const SYNTHETIC: readonly VariableEntry[] = [
    {
        id: 'samtal_enskilt', label: 'Enskilda samtal med barnet har genomförts', valueSet: { kind: 'yesno' },
        comment: 'Samtal kan ske på olika sätt, också via sms, telefon eller chatt.', processStep: 'utredning', national: true,
    },
    {
        id: 'kön', label: 'Kön', valueSet: { kind: 'codes', codes: [{ code: 1, label: 'Flicka' }, { code: 2, label: 'Pojke' }, { code: 3, label: 'Annat eller okänt' }] },
        comment: 'Barnets juridiska kön.', processStep: 'aktualisering', national: false,
    },
    {
        id: 'ålder', label: 'Ålder vid aktualisering', valueSet: { kind: 'count', range: { min: 0, max: 20 } },
        comment: 'Hela år vid aktualiseringsdatumet.', processStep: 'aktualisering', national: true,
    },
    {
        id: 'datum_akt', label: 'Datum för aktualisering', valueSet: { kind: 'date' },
        comment: 'Dagen då ärendet aktualiserades.', processStep: 'aktualisering', national: false,
    },
    {
        id: 'vårddygn', label: 'Antal vårddygn', valueSet: { kind: 'number', range: { min: 0, max: 366 }, unit: 'dygn' },
        comment: 'Dygn i placering under perioden.', processStep: 'insats', national: false,
    },
    {
        id: 'övrigt', label: 'Övrig information', valueSet: { kind: 'text' },
        comment: 'Fritext som förtydligar en annan variabel.', processStep: 'uppföljning', national: false,
    },
    {
        id: 'antal_möten', label: 'Antal möten', valueSet: { kind: 'count' },
        comment: '-1 betyder att uppgiften saknas.', processStep: 'insats', national: false,
    },
    {
        id: 'insats_klar', label: 'Insatsen genomförd enligt plan', valueSet: { kind: 'codes', codes: [{ code: 1, label: 'Helt' }, { code: 2, label: 'Delvis' }, { code: 3, label: 'Inte alls' }] },
        comment: '=SUMMA(A1:A2) ska läsas som text.', processStep: 'uppföljning', national: true,
    },
    {
        id: 'skattning', label: 'Skattad förändring', valueSet: { kind: 'number', range: { min: -5, max: 5 }, decimals: 1 },
        comment: 'Skattas av handläggaren.\nNegativa värden betyder försämring.', national: false,
    },
];

/** Rows with quoted fields: `,` and `"` in labels and comments, a line break, a `;` inside a code label. */
export const TRICKY: readonly VariableEntry[] = [
    {
        id: 'kontakt_sätt', label: 'Kontakt, första gången', valueSet: { kind: 'codes', codes: [{ code: 1, label: 'Ja; via sms' }, { code: 2, label: 'Nej, inte alls' }] },
        comment: 'Ange "ja" om kontakten skedde,\nockså om den var kort.', processStep: 'utredning', national: false,
    },
    {
        id: 'citat', label: 'Barnets "egna" ord', valueSet: { kind: 'text' },
        comment: 'Med \\ och "citattecken".', national: true,
    },
    {
        id: 'plus_tid', label: '+ tid i veckor', valueSet: { kind: 'number', unit: 'veckor "v"' },
        comment: '@ betyder ungefär.', processStep: 'insats', national: false,
    },
];
