/**
 * A sort key whose plain code-point order is the Swedish order: case-insensitive, å, ä, ö after z
 * (æ and ø with ä and ö, ü with y), other accents with their base letter, `_` before letters and digits.
 */
export function swedishSortKey(text: string): string {
    let key = '';
    for (const ch of text.toLowerCase()) {
        switch (ch) {
            case 'å': key += '{'; break;
            case 'ä': case 'æ': key += '|'; break;
            case 'ö': case 'ø': key += '}'; break;
            case 'ü': key += 'y'; break;
            case '_': key += ' '; break;
            default: key += ch.normalize('NFD').replace(/\p{M}/gu, '');
        }
    }
    return key;
}
