import * as vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { dataCodec, type DataCodec } from '../../src/data/codec.js';
import type { ColumnRule } from '../../src/data/types.js';
import { looksLikeIdentityNumber } from '../../src/text/identity-number.js';

/** The codec as the HTML form gets it: from its source text alone, in a fresh context. */
function codecFromSource(): DataCodec {
    const source = `(${dataCodec.toString()})(${looksLikeIdentityNumber.toString()})`;
    return vm.runInNewContext(source, {}) as DataCodec;
}

const text: ColumnRule = { name: 't', type: 'string', notApplicable: true };
const code: ColumnRule = { name: 'c', type: 'integer', codes: [1, 2, 11], notApplicable: true };
const count: ColumnRule = { name: 'n', type: 'integer', min: 0, max: 100, notApplicable: true };
const number: ColumnRule = { name: 'x', type: 'number', min: -5, max: 2000000, notApplicable: true };
const date: ColumnRule = { name: 'd', type: 'date', notApplicable: false };

describe.each([['in Node', dataCodec(looksLikeIdentityNumber)], ['from its source text (as in the form)', codecFromSource()]])('the codec %s', (_where, codec) => {
    test('text that a spreadsheet would run, or that reads "ej aktuell", is quoted and read back unchanged', () => {
        for (const value of ['=SUMMA(A1)', '+46', '-3', '@x', '\tx', '\rx', "'=x", "''+x", 'ej aktuell', 'Ej Aktuell', "'ej aktuell", 'vanlig text', "it's"]) {
            const cell = codec.formatValue(text, value, ',');
            expect(/^[=+\-@\t\r]/.test(cell), value).toBe(false);
            expect(codec.parseValue(text, cell)).toEqual({ value });
        }
        expect(codec.parseValue(text, 'ej aktuell')).toEqual({ value: { notApplicable: true } });
    });

    test('numbers are written with the decimal character and read with either', () => {
        expect(codec.formatValue(number, 3.5, ',')).toBe('3,5');
        expect(codec.formatValue(number, 3.5, '.')).toBe('3.5');
        expect(codec.formatValue(number, 1500000, ',')).toBe('1500000');
        expect(codec.formatValue(number, 1e-7, ',')).toBe('0,0000001');
        expect(codec.parseValue(number, '3,5')).toEqual({ value: 3.5 });
        expect(codec.parseValue(number, ' 3.5 ')).toEqual({ value: 3.5 });
        expect(codec.parseValue(number, '-5')).toEqual({ value: -5 });
        expect(codec.parseValue(number, '1 000')).toEqual({ problem: 'number' });
        expect(codec.parseValue(number, '-6')).toEqual({ problem: 'range' });
    });

    test('codes, counts and dates are checked', () => {
        expect(codec.parseValue(code, '11')).toEqual({ value: 11 });
        expect(codec.parseValue(code, '3')).toEqual({ problem: 'code' });
        expect(codec.parseValue(code, 'Ja')).toEqual({ problem: 'integer' });
        expect(codec.parseValue(count, '101')).toEqual({ problem: 'range' });
        expect(codec.parseValue(count, '')).toEqual({ value: null });
        expect(codec.parseValue(date, '2025-02-29')).toEqual({ problem: 'date' });
        expect(codec.parseValue(date, '2024-02-29')).toEqual({ value: '2024-02-29' });
        expect(codec.parseValue(date, 'ej aktuell')).toEqual({ problem: 'notApplicable' });
    });

    test('CSV: quotes, separators and line breaks inside fields; CRLF, LF and CR; the line each record starts on', () => {
        const rows = [['a', 'b;c', 'd"e'], ['rad\r\nbrytning', '', ' kant '], ['x', 'y', 'z']];
        const csv = codec.formatCsv(rows, ';');
        expect(csv).toBe('a;"b;c";"d""e"\r\n"rad\r\nbrytning";;" kant "\r\nx;y;z\r\n');
        expect(codec.parseCsv(csv, ';').records).toEqual([
            { line: 1, cells: rows[0] }, { line: 2, cells: rows[1] }, { line: 4, cells: rows[2] },
        ]);
        expect(codec.parseCsv('a,b\rc,d\ne,f', ',').records.map(r => r.cells)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
        expect(codec.parseCsv('a;"b\nc', ';').unterminated).toBe(1);
        expect(codec.detectDelimiter('a,b,"c;d"\n1;2;3;4')).toBe(',');
        expect(codec.detectDelimiter('a;b;c')).toBe(';');
    });

    test('conditions: true, false, or unknown when a value is missing', () => {
        const values: Record<string, number | null | readonly number[]> = { a: 11, b: null, m: [2, 3] };
        const of = (v: string) => values[v];
        expect(codec.conditionHolds([{ variable: 'a', codes: [11, 12] }], of)).toBe(true);
        expect(codec.conditionHolds([{ variable: 'a', op: '>=', value: 12 }], of)).toBe(false);
        expect(codec.conditionHolds([{ variable: 'b', codes: [1] }], of)).toBeUndefined();
        expect(codec.conditionHolds([{ variable: 'b', codes: [1] }, { variable: 'a', codes: [2] }], of)).toBe(false);
        expect(codec.conditionHolds([{ variable: 'm', codes: [3] }], of)).toBe(true);
    });

    test('case codes: pseudonymous codes pass; identity numbers in any shape are refused', () => {
        for (const ok of ['E1-0001', 'A17', 'bbic.2025.004', 'Ärende_12']) expect(codec.caseCodeProblem(ok), ok).toBeUndefined();
        for (const id of ['850101-1234', '8501011234', '198501011234', '19850101-1234', '850161-1234', '20850131+1234', 'K-850101-1234', '85.01.01-1234', '850101 1234']) {
            expect(codec.caseCodeProblem(id), id).toBe('identity');
        }
        expect(codec.caseCodeProblem('')).toBe('empty');
        expect(codec.caseCodeProblem('Anna Svensson')).toBe('characters');
    });
});

describe('identity numbers', () => {
    test.each([
        ['850101-1234', true], ['851301-1234', false], ['850132-1234', false], ['850192-1234', false],
        ['850191-1234', true], ['330101-1234', true], ['17850101-1234', false], ['12345', false], ['E1-0001', false],
        ['Barnet föddes 850101-1234 enligt akten', true], ['0701234567', true],
    ])('%s → %s', (value, expected) => {
        expect(looksLikeIdentityNumber(value)).toBe(expected);
    });
});
