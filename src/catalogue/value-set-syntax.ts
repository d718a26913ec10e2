import type { MessageArg } from '../text/messages.js';
import type { MessageKey } from './messages.js';
import type { CodeEntry, NumericRange, VariableValueSet } from './model.js';

/**
 * The value-set column of a variable list: `datum`, `ja/nej`, `text`, `antal`, `antal 0..100`,
 * `tal 0..40 enhet "dagar" decimaler 1`, or a code list `1=Flicka;2=Pojke`.
 *
 * Reading is tolerant: keywords in any case, spaces anywhere, a trailing `;`, line breaks instead of
 * `;`, `,` between codes when there is no `;`, a decimal comma in ranges, and typographic quotes
 * (”dagar”). A code label may be quoted (`1="Ja; via sms"`), with `""` for a quote inside it.
 * Writing gives the canonical form, which reads back to the same value set.
 */

export type ValueSetParseResult =
    | { readonly ok: true; readonly valueSet: VariableValueSet }
    | { readonly ok: false; readonly key: MessageKey; readonly args: readonly MessageArg[] };

const QUOTES = new Set(['"', '\u201D', '\u201C']);
const NUMBER = String.raw`-?\d+(?:[.,]\d+)?`;
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*\.\.\s*(${NUMBER})`);

function fail(key: MessageKey, ...args: (string | number)[]): ValueSetParseResult {
    return { ok: false, key, args };
}

function toNumber(text: string): number {
    return Number(text.replace(',', '.'));
}

/** Parses a value-set cell; `undefined` for an empty cell. */
export function parseValueSet(cell: string): ValueSetParseResult | undefined {
    const text = cell.replace(/\u00A0/g, ' ').replace(/\r\n?/g, '\n').trim();
    if (text === '') return undefined;
    const lower = text.toLocaleLowerCase('sv');
    if (lower === 'datum') return { ok: true, valueSet: { kind: 'date' } };
    if (/^ja\s*\/\s*nej$/.test(lower)) return { ok: true, valueSet: { kind: 'yesno' } };
    if (lower === 'text') return { ok: true, valueSet: { kind: 'text' } };
    const count = /^antal(?:\s+([\s\S]*))?$/.exec(lower);
    if (count) return parseCount(text, count[1]);
    const number = /^tal(?:\s+([\s\S]*))?$/i.exec(text);
    if (number) return parseNumber(text, number[1]);
    if (/^\s*\d/.test(text) && text.includes('=')) return parseCodeList(text);
    return fail('valueSet.unknown', text);
}

function readRange(rest: string): { range: NumericRange; rest: string } | ValueSetParseResult | undefined {
    const match = RANGE.exec(rest);
    if (!match) return undefined;
    const min = toNumber(match[1]);
    const max = toNumber(match[2]);
    if (min > max) return fail('valueSet.badRange', match[1], match[2]);
    return { range: { min, max }, rest: rest.slice(match[0].length).trimStart() };
}

function parseCount(source: string, rest: string | undefined): ValueSetParseResult {
    if (rest === undefined || rest.trim() === '') return { ok: true, valueSet: { kind: 'count' } };
    const read = readRange(rest.trim());
    if (!read) return fail('valueSet.unknown', source);
    if ('ok' in read) return read;
    if (read.rest !== '') return fail('valueSet.unknown', source);
    return { ok: true, valueSet: { kind: 'count', range: read.range } };
}

function parseNumber(source: string, restText: string | undefined): ValueSetParseResult {
    let rest = (restText ?? '').trim();
    let range: NumericRange | undefined;
    let unit: string | undefined;
    let decimals: number | undefined;
    while (rest !== '') {
        const read = range === undefined ? readRange(rest) : undefined;
        if (read && 'ok' in read) return read;
        if (read) {
            range = read.range;
            rest = read.rest;
            continue;
        }
        const keyword = /^(enhet|decimaler)\s+/i.exec(rest);
        if (!keyword) return fail('valueSet.unknown', source);
        rest = rest.slice(keyword[0].length);
        if (keyword[1].toLowerCase() === 'enhet' && unit === undefined) {
            const value = readWord(rest);
            if (!value) return fail('valueSet.unknown', source);
            unit = value.text;
            rest = value.rest.trimStart();
        } else if (keyword[1].toLowerCase() === 'decimaler' && decimals === undefined) {
            const digits = /^(\d+)/.exec(rest);
            if (!digits) return fail('valueSet.unknown', source);
            decimals = Number(digits[1]);
            rest = rest.slice(digits[0].length).trimStart();
        } else {
            return fail('valueSet.unknown', source);
        }
    }
    return { ok: true, valueSet: { kind: 'number', ...(range ? { range } : {}), ...(unit !== undefined ? { unit } : {}), ...(decimals !== undefined ? { decimals } : {}) } };
}

/** A quoted text (`"…"` with `""` inside) or a bare word. */
function readWord(text: string): { text: string; rest: string } | undefined {
    if (text !== '' && QUOTES.has(text[0])) {
        const quoted = readQuoted(text);
        return quoted ? { text: quoted.text, rest: text.slice(quoted.length) } : undefined;
    }
    const bare = /^[^\s"\u201C\u201D]+/.exec(text);
    return bare ? { text: bare[0], rest: text.slice(bare[0].length) } : undefined;
}

/** Reads `"…"` at the start of `text`; a doubled quote stands for one. Returns the content and the length read. */
function readQuoted(text: string): { text: string; length: number } | undefined {
    let result = '';
    for (let i = 1; i < text.length; i++) {
        const c = text[i];
        if (QUOTES.has(c)) {
            if (text[i + 1] === c) {
                result += c;
                i++;
                continue;
            }
            return { text: result, length: i + 1 };
        }
        result += c;
    }
    return undefined;
}

function separatorsOf(text: string): ReadonlySet<string> {
    if (text.includes(';') || text.includes('\n')) return new Set([';', '\n']);
    const pieces = text.split(',');
    if (pieces.length > 1 && pieces.every(p => p.trim() === '' || /^\s*\d+\s*=/.test(p))) return new Set([',']);
    return new Set([';', '\n']);
}

function parseCodeList(source: string): ValueSetParseResult {
    const separators = separatorsOf(source);
    const codes: CodeEntry[] = [];
    let i = 0;
    const skipSpaces = (): void => {
        while (i < source.length && /[ \t]/.test(source[i])) i++;
    };
    while (i < source.length) {
        skipSpaces();
        if (i < source.length && separators.has(source[i])) {
            i++;
            continue;
        }
        if (i >= source.length) break;
        const start = i;
        const itemEnd = (): number => {
            let j = i;
            while (j < source.length && !separators.has(source[j])) j++;
            return j;
        };
        const digits = /^\d+/.exec(source.slice(i));
        if (!digits) return fail('valueSet.badCode', source.slice(start, itemEnd()).trim());
        const code = Number(digits[0]);
        i += digits[0].length;
        skipSpaces();
        if (source[i] !== '=') return fail('valueSet.badCode', source.slice(start, itemEnd()).trim());
        i++;
        skipSpaces();
        let label: string;
        if (i < source.length && QUOTES.has(source[i])) {
            const quoted = readQuoted(source.slice(i));
            if (!quoted) return fail('valueSet.badCode', source.slice(start).trim());
            label = quoted.text;
            i += quoted.length;
            skipSpaces();
            if (i < source.length && !separators.has(source[i])) return fail('valueSet.badCode', source.slice(start, itemEnd()).trim());
        } else {
            const end = itemEnd();
            label = source.slice(i, end).trim();
            i = end;
        }
        if (label === '') return fail('valueSet.emptyCodeLabel', code);
        if (codes.some(c => c.code === code)) return fail('valueSet.duplicateCode', code);
        codes.push({ code, label });
    }
    if (codes.length === 0) return fail('valueSet.unknown', source);
    return { ok: true, valueSet: { kind: 'codes', codes } };
}

/** A number as the `.sucat` grammar writes it (a point as decimal separator, no exponent). */
export function formatNumber(value: number): string {
    if (Number.isInteger(value)) return BigInt(value).toString();
    const text = String(value);
    return /e/i.test(text) ? value.toFixed(20).replace(/0+$/, '') : text;
}

function formatRange(range: NumericRange | undefined): string {
    return range ? ` ${formatNumber(range.min)}..${formatNumber(range.max)}` : '';
}

function quote(text: string): string {
    return `"${text.replace(/["\u201C\u201D]/g, c => c + c)}"`;
}

function needsQuotes(label: string): boolean {
    return label === '' || label !== label.trim() || /[;\n\r"\u201C\u201D]/.test(label) || /,\s*\d+\s*=/.test(label);
}

/** The canonical spreadsheet form of a value set. */
export function formatValueSet(valueSet: VariableValueSet): string {
    switch (valueSet.kind) {
        case 'date': return 'datum';
        case 'yesno': return 'ja/nej';
        case 'text': return 'text';
        case 'count': return `antal${formatRange(valueSet.range)}`;
        case 'number': {
            const unit = valueSet.unit !== undefined ? ` enhet ${quote(valueSet.unit)}` : '';
            const decimals = valueSet.decimals !== undefined ? ` decimaler ${valueSet.decimals}` : '';
            return `tal${formatRange(valueSet.range)}${unit}${decimals}`;
        }
        case 'codes':
            return valueSet.codes.map(c => `${c.code}=${needsQuotes(c.label) ? quote(c.label) : c.label}`).join(';');
    }
}
