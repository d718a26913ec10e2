import type { Language } from './language.js';

/**
 * Dates in running text: `2026-12-03` becomes `3 december 2026` in Swedish and `3 December 2026` in
 * English. Anything that is not a valid YYYY-MM-DD date is returned as it is.
 */
const MONTHS: Readonly<Record<Language, readonly string[]>> = {
    sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function formatLongDate(isoDate: string, language: Language): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
    if (!match) return isoDate;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return isoDate;
    return `${day} ${MONTHS[language][month - 1]} ${year}`;
}
