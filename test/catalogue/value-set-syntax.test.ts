import { describe, expect, it } from 'vitest';
import type { VariableValueSet } from '../../src/catalogue/model.js';
import { formatValueSet, parseValueSet } from '../../src/catalogue/value-set-syntax.js';

describe('value-set column', () => {
    it.each<[string, VariableValueSet]>([
        ['datum', { kind: 'date' }],
        [' Datum ', { kind: 'date' }],
        ['ja/nej', { kind: 'yesno' }],
        ['Ja / Nej', { kind: 'yesno' }],
        ['text', { kind: 'text' }],
        ['antal', { kind: 'count' }],
        ['antal 0..100', { kind: 'count', range: { min: 0, max: 100 } }],
        ['Antal 0 .. 100', { kind: 'count', range: { min: 0, max: 100 } }],
        ['tal', { kind: 'number' }],
        ['tal 0..40 enhet "dagar"', { kind: 'number', range: { min: 0, max: 40 }, unit: 'dagar' }],
        ['tal 0..40 enhet ”dagar”', { kind: 'number', range: { min: 0, max: 40 }, unit: 'dagar' }],
        ['tal 0..40 enhet dagar', { kind: 'number', range: { min: 0, max: 40 }, unit: 'dagar' }],
        ['tal 0,5..1,5 decimaler 1', { kind: 'number', range: { min: 0.5, max: 1.5 }, decimals: 1 }],
        ['tal -10..10 enhet "poäng" decimaler 2', { kind: 'number', range: { min: -10, max: 10 }, unit: 'poäng', decimals: 2 }],
        ['tal enhet "kr" 0..1000', { kind: 'number', range: { min: 0, max: 1000 }, unit: 'kr' }],
        ['1=Flicka;2=Pojke', { kind: 'codes', codes: [{ code: 1, label: 'Flicka' }, { code: 2, label: 'Pojke' }] }],
        [' 1 = Flicka ; 2 = Pojke ; ', { kind: 'codes', codes: [{ code: 1, label: 'Flicka' }, { code: 2, label: 'Pojke' }] }],
        ['1=Flicka\n2=Pojke\n', { kind: 'codes', codes: [{ code: 1, label: 'Flicka' }, { code: 2, label: 'Pojke' }] }],
        ['1=Flicka, 2=Pojke', { kind: 'codes', codes: [{ code: 1, label: 'Flicka' }, { code: 2, label: 'Pojke' }] }],
        ['1=Ja, via sms;2=Nej', { kind: 'codes', codes: [{ code: 1, label: 'Ja, via sms' }, { code: 2, label: 'Nej' }] }],
        ['1="Ja; via sms";2="Han sa ""nej"""', { kind: 'codes', codes: [{ code: 1, label: 'Ja; via sms' }, { code: 2, label: 'Han sa "nej"' }] }],
        ['0=Nej;1=Ja=bekräftat', { kind: 'codes', codes: [{ code: 0, label: 'Nej' }, { code: 1, label: 'Ja=bekräftat' }] }],
    ])('reads %j', (cell, expected) => {
        expect(parseValueSet(cell)).toEqual({ ok: true, valueSet: expected });
    });

    it.each<[string, string, readonly (string | number)[]]>([
        ['heltal', 'valueSet.unknown', ['heltal']],
        ['antal 0-100', 'valueSet.unknown', ['antal 0-100']],
        ['antal 10..0', 'valueSet.badRange', ['10', '0']],
        ['tal 0..40 enhet', 'valueSet.unknown', ['tal 0..40 enhet']],
        ['tal 0..40 decimaler två', 'valueSet.unknown', ['tal 0..40 decimaler två']],
        ['1=Flicka;Pojke', 'valueSet.badCode', ['Pojke']],
        ['1=Flicka;-2=Pojke', 'valueSet.badCode', ['-2=Pojke']],
        ['1=Flicka;1=Pojke', 'valueSet.duplicateCode', [1]],
        ['1=;2=Pojke', 'valueSet.emptyCodeLabel', [1]],
        ['1="Ja;2=Nej', 'valueSet.badCode', ['1="Ja;2=Nej']],
    ])('rejects %j', (cell, key, args) => {
        expect(parseValueSet(cell)).toEqual({ ok: false, key, args });
    });

    it('gives nothing for an empty cell', () => {
        expect(parseValueSet('  ')).toBeUndefined();
    });

    it.each<VariableValueSet>([
        { kind: 'date' }, { kind: 'yesno' }, { kind: 'text' }, { kind: 'count' },
        { kind: 'count', range: { min: 0, max: 100 } },
        { kind: 'number', range: { min: -0.5, max: 40.25 }, unit: 'dagar "ca"', decimals: 2 },
        { kind: 'number', unit: '”' },
        { kind: 'codes', codes: [{ code: 1, label: 'Ja; via sms' }, { code: 2, label: ' med mellanslag ' }, { code: 3, label: 'A, 4=B' }] },
        { kind: 'codes', codes: [{ code: 7, label: '"citat"' }, { code: 8, label: 'rad\nbrytning' }, { code: 9, label: 'a=b' }] },
        { kind: 'codes', codes: [{ code: 1, label: 'Han sa ”ja”' }, { code: 2, label: '“engelska”' }] },
    ])('writes $kind so that it reads back the same', valueSet => {
        expect(parseValueSet(formatValueSet(valueSet))).toEqual({ ok: true, valueSet });
    });

    it('writes the canonical forms', () => {
        expect(formatValueSet({ kind: 'number', range: { min: 0, max: 40 }, unit: 'dagar' })).toBe('tal 0..40 enhet "dagar"');
        expect(formatValueSet({ kind: 'codes', codes: [{ code: 1, label: 'Flicka' }, { code: 2, label: 'Pojke' }] })).toBe('1=Flicka;2=Pojke');
        expect(formatValueSet({ kind: 'count', range: { min: 0, max: 100 } })).toBe('antal 0..100');
    });
});
