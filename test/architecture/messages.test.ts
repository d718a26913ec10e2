import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
 * Swedish and English texts are chosen through each layer's message table (src/text/messages.ts),
 * never inline: no `language === 'sv' ? … : …`, no `[language === 'sv' ? 0 : 1]`, no
 * `if (language === 'en') { … }` and no `switch` with `case 'sv':`. Reading a setting or a flag
 * into a language is no text choice and stays allowed: `value === 'en' ? 'en' : 'sv'` (both
 * outcomes are language codes) and `value === 'sv' || value === 'en'` (a check for either).
 */

const SRC = path.resolve('src');
const LANGUAGE_CODES = new Set(['sv', 'en']);

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
        return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
    });
}

function isLanguageCode(node: ts.Node): boolean {
    return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && LANGUAGE_CODES.has(node.text);
}

const EQUALITY = new Set([
    ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
]);

/** The language codes that `condition` compares something with (`x === 'sv'`, `'en' !== x`, …). */
function comparedCodes(condition: ts.Node): Set<string> {
    const codes = new Set<string>();
    const visit = (node: ts.Node): void => {
        if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
            for (const side of [node.left, node.right]) {
                if (isLanguageCode(side)) codes.add((side as ts.StringLiteral).text);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(condition);
    return codes;
}

/** `cond ? 'en' : 'sv'`: both outcomes are language codes, so the expression reads a language, it picks no text. */
function parsesLanguage(node: ts.ConditionalExpression): boolean {
    const strip = (expression: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(expression) ? strip(expression.expression) : expression);
    return isLanguageCode(strip(node.whenTrue)) && isLanguageCode(strip(node.whenFalse));
}

/** A choice on one language (`=== 'sv'`); comparing with both codes is a check that the value is a language. */
function choosesByLanguage(condition: ts.Node): boolean {
    return comparedCodes(condition).size === 1;
}

interface InlineChoice {
    readonly line: number;
    readonly text: string;
}

/** The inline sv/en choices in one source text, with 1-based lines. */
function inlineLanguageChoices(text: string, fileName = 'file.ts'): InlineChoice[] {
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
    const found: InlineChoice[] = [];
    const report = (node: ts.Node): void => {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ line, text: node.getText(source).split('\n')[0].trim() });
    };
    const visit = (node: ts.Node): void => {
        if (ts.isConditionalExpression(node) && choosesByLanguage(node.condition) && !parsesLanguage(node)) report(node);
        if (ts.isIfStatement(node) && choosesByLanguage(node.expression)) report(node);
        if (ts.isSwitchStatement(node) && node.caseBlock.clauses.some(clause => ts.isCaseClause(clause) && isLanguageCode(clause.expression))) report(node);
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

describe('sv/en texts come from message tables', () => {
    test.each([
        ['a ternary on the language', "const word = language === 'sv' ? 'hjälp' : 'help';", 1],
        ['a ternary on English', "const t = language === 'en' ? en : sv;", 1],
        ['a negated comparison', "const t = 'sv' !== report.language ? en : sv;", 1],
        ['an index picked by language', "const m = MESSAGES[key][language === 'sv' ? 0 : 1];", 1],
        ['an if on the language', "if (language === 'sv') {\n    return 'fel';\n}", 1],
        ['a switch over languages', "switch (language) {\n    case 'sv': return 'fel';\n    default: return 'error';\n}", 1],
        ['reading a setting into a language', "const language = section?.messageLanguage === 'en' ? 'en' : 'sv';", 0],
        ['a check for either language', "if (value === 'sv' || value === 'en') return value;", 0],
        ['a table lookup', "const word = TEXTS.help[language];", 0],
        ['a comment that shows the pattern', "// never `language === 'sv' ? … : …`\nconst x = 1;", 0],
    ])('the check finds %s', (_name, code, count) => {
        expect(inlineLanguageChoices(code)).toHaveLength(count);
    });

    test('no file in src/ chooses between Swedish and English inline', () => {
        const found = sourceFiles(SRC).flatMap(file =>
            inlineLanguageChoices(readFileSync(file, 'utf8'), file).map(choice => `${path.relative('.', file).split(path.sep).join('/')}:${choice.line}: ${choice.text}`));
        expect(found, 'put the texts in the layer\'s message table (src/text/messages.ts, messageTable) and pick with say(language, key)').toEqual([]);
    });
});
