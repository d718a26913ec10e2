import { describe, expect, test } from 'vitest';
import { formatLongDate } from '../../src/text/dates.js';

describe('formatLongDate', () => {
    test('writes the day, the month in words and the year', () => {
        expect(formatLongDate('2026-12-03', 'sv')).toBe('3 december 2026');
        expect(formatLongDate('2026-12-03', 'en')).toBe('3 December 2026');
        expect(formatLongDate('2024-01-16', 'sv')).toBe('16 januari 2024');
        expect(formatLongDate('2024-02-29', 'sv')).toBe('29 februari 2024');
        expect(formatLongDate('2023-05-01', 'sv')).toBe('1 maj 2023');
    });

    test('anything that is not a real YYYY-MM-DD date is left as it is', () => {
        for (const text of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-5', 'i morgon', '']) {
            expect(formatLongDate(text, 'sv')).toBe(text);
        }
    });
});
