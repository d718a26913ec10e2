import { AstUtils, GrammarAST, type AstNode, type Grammar } from 'langium';
import { SuCat } from '../language/generated/ast.js';
import { SuCatGrammar, SuPlanGrammar } from '../language/generated/grammar.js';

/** Words under `root` (a grammar or one of its rules) that the lexer takes as keywords (punctuation left out). */
function keywordsOf(root: AstNode): Set<string> {
    const words = new Set<string>();
    for (const node of AstUtils.streamAllContents(root)) {
        if (GrammarAST.isKeyword(node) && /\p{L}/u.test(node.value)) words.add(node.value);
    }
    return words;
}

/** Keywords the `Name` rule accepts as names (soft keywords such as `ålder` and `text`). */
function softKeywordsOf(grammar: Grammar): Set<string> {
    const rule = grammar.rules.find(r => r.name === 'Name');
    return rule ? keywordsOf(rule) : new Set();
}

interface KeywordSets {
    readonly catalogue: ReadonlySet<string>;
    readonly plan: ReadonlySet<string>;
    readonly soft: ReadonlySet<string>;
}

let cached: KeywordSets | undefined;

function keywords(): KeywordSets {
    if (!cached) {
        const catalogue = SuCatGrammar();
        cached = { catalogue: keywordsOf(catalogue), plan: keywordsOf(SuPlanGrammar()), soft: softKeywordsOf(catalogue) };
    }
    return cached;
}

const ID_PATTERN = new RegExp(`^(?:${SuCat.Terminals.ID.source})$`);

/** A name the `.sucat` grammar accepts for a variable (an ID that is no keyword, or a soft keyword). */
export function isValidVariableId(id: string): boolean {
    const { catalogue, soft } = keywords();
    return soft.has(id) || (ID_PATTERN.test(id) && !catalogue.has(id));
}

/** A name the grammar accepts for a catalogue (`katalog <name>`): an ID that is no keyword at all. */
export function isValidCatalogueName(name: string): boolean {
    const { catalogue, plan } = keywords();
    return ID_PATTERN.test(name) && !catalogue.has(name) && !plan.has(name);
}

/** True when plans cannot write `katalog.<id>` because `<id>` is a keyword of the plan language. */
export function isPlanKeyword(id: string): boolean {
    const { plan, soft } = keywords();
    return plan.has(id) && !soft.has(id);
}

/**
 * A valid variable id made from free text: lower case, å/ä/ö and other letters kept, spaces and
 * dashes → `_`, other characters dropped. A leading digit gets `v_` in front; a keyword gets `_v`
 * after it. The empty string when the text has no letters or digits.
 */
export function toVariableId(text: string): string {
    const base = text
        .normalize('NFC')
        .toLocaleLowerCase('sv')
        .replace(/[\s\-–—/]+/g, '_')
        .replace(/[^_a-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/g, '')
        .replace(/_+/g, '_')
        .replace(/^_|_$/g, '');
    if (base === '') return '';
    const leading = /^[0-9]/.test(base) ? `v_${base}` : base;
    const { catalogue, plan, soft } = keywords();
    return (catalogue.has(leading) || plan.has(leading)) && !soft.has(leading) ? `${leading}_v` : leading;
}

/** `id`, or `id_2`, `id_3`, … whichever is not taken yet. */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
    if (!taken.has(id)) return id;
    for (let n = 2; ; n++) {
        const candidate = `${id}_${n}`;
        if (!taken.has(candidate)) return candidate;
    }
}
