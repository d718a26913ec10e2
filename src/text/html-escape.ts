/**
 * Escaping of plan text for HTML. Any text from a plan that a generator puts into an HTML page goes
 * through `htmlText` (element content) or `htmlAttribute` (a quoted attribute value); data that a
 * page's script reads goes through `jsonForScript`, never into script source.
 */

const HTML_SPECIAL: Readonly<Record<string, string>> = {
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/** Text for element content: `&`, `<`, `>` and both quotes become character references. */
export function htmlText(text: string): string {
    return text.replace(/[&<>"']/g, ch => HTML_SPECIAL[ch]);
}

/** Text for a quoted attribute value (`"` or `'`); line breaks stay as they are. */
export function htmlAttribute(text: string): string {
    return htmlText(text);
}

/**
 * JSON for the content of `<script type="application/json">`: `<`, `>` and `&` are written as
 * `\u003c`, `\u003e`, `\u0026`, so no text can close the element (`</script>`) or open a comment
 * (`<!--`); U+2028 and U+2029 are escaped too. `JSON.parse` of the element's text gives the value back.
 */
export function jsonForScript(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
