/**
 * Swedish personal identity numbers (personnummer) and co-ordination numbers (samordningsnummer,
 * the day plus 60) must never be used as case codes or typed into a form. This check errs on the
 * side of refusing: any ten or twelve digits shaped like a date of birth and four more digits,
 * with or without a separator (`-`, `+` or a space), anywhere in the text. The checksum is not
 * required: a mistyped identity number is still an identity number.
 *
 * Self-contained (no reference outside its own body): the HTML form embeds this function's source.
 */
export function looksLikeIdentityNumber(text: string): boolean {
    const pattern = /(?<!\d)(\d{6}|\d{8})[-+ ]?(\d{4})(?!\d)/g;
    for (const match of text.matchAll(pattern)) {
        const date = match[1];
        if (date.length === 8 && !['18', '19', '20'].includes(date.slice(0, 2))) continue;
        const month = Number(date.slice(-4, -2));
        const day = Number(date.slice(-2));
        const birthDay = day > 60 ? day - 60 : day;
        if (month >= 1 && month <= 12 && birthDay >= 1 && birthDay <= 31) return true;
    }
    return false;
}
