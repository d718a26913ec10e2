/**
 * The shell of every self-contained HTML page SU-plan generates (the offline form, the plan
 * document): language, Content-Security-Policy, generator and plan metadata, title and styles.
 * The title and the metadata may hold plan text and are escaped here; the body is HTML that its
 * generator has escaped.
 */
import { htmlAttribute, htmlText } from '../text/html-escape.js';

export interface HtmlPage {
    readonly language: 'sv' | 'en';
    readonly title: string;
    /** The Content-Security-Policy: what the page may load or run (nothing from the network); the generator's own text, not escaped. */
    readonly csp: string;
    /** `<meta name content>` pairs after the generator's. */
    readonly meta: ReadonlyArray<readonly [string, string]>;
    readonly style: string;
    /** Everything inside `<body>`. */
    readonly body: string;
}

export function htmlPage(page: HtmlPage): string {
    const meta = page.meta.map(([name, content]) => `<meta name="${htmlAttribute(name)}" content="${htmlAttribute(content)}">\n`).join('');
    return `<!DOCTYPE html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${page.csp}">
<meta name="generator" content="SU-plan">
${meta}<title>${htmlText(page.title)}</title>
<style>${page.style}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
