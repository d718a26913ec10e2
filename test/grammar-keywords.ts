import { readFileSync } from 'node:fs';

/** Every keyword of a grammar file (the quoted literals of its parser rules), punctuation excluded. */
export function grammarKeywords(file: string): string[] {
    const text = readFileSync(file, 'utf8').replace(/\/\/[^\n]*/g, '').replace(/^import '[^']*';?/gm, '');
    const keywords = new Set<string>();
    for (const match of text.matchAll(/'([^']+)'/g)) {
        if (/\p{L}/u.test(match[1])) keywords.add(match[1]);
    }
    return [...keywords].sort();
}

export const PLAN_GRAMMARS = ['src/language/common.langium', 'src/language/sucat.langium', 'src/language/suplan.langium'];
