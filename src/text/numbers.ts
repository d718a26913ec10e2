import type { Language } from './language.js';

const DECIMAL_SEPARATOR: Readonly<Record<Language, string>> = { sv: ',', en: '.' };

/** A number as the reader writes it: a decimal comma in Swedish, a point in English; integers never in exponent notation. */
export function formatDecimal(value: number, language: Language): string {
    const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
    return text.replace('.', DECIMAL_SEPARATOR[language]);
}
