import {
    isItemGroup, isLocalVariable, isPrivacy, isTextSet, isTextType, isUseVariable,
    type Plan, type PlanVariable, type Privacy,
} from '../generated/ast.js';
import { allVariables, isRegistered, sections, variableName } from '../plan-access.js';
import { isCoded } from '../value-sets.js';
import { fold } from '../../text/suggest.js';
import { valueSetOf, type PlanValidator, type Report, type ValidationContext } from './common.js';
import { syntaxDamage } from './syntax-damage.js';

/**
 * The one table of direct identifiers (SU060). A variable matches when a keyword is a whole word of
 * its label, or a part of its id split at `_`, ignoring case and diacritics.
 */
export const IDENTIFIER_KEYWORDS: readonly string[] = [
    'personnummer', 'samordningsnummer', 'namn', 'förnamn', 'efternamn', 'adress', 'gatuadress', 'postnummer',
    'telefon', 'telefonnummer', 'mobil', 'mobilnummer', 'e-post', 'epost', 'mejl', 'email',
];

const FOLDED_KEYWORDS: ReadonlyMap<string, string> = new Map(IDENTIFIER_KEYWORDS.map(k => [fold(k), k]));

/** The parts of a privacy section a plan must state (SU066): [sv, en]. */
const REQUIRED_PRIVACY: ReadonlyArray<{ readonly has: (p: Privacy) => boolean; readonly name: readonly [string, string] }> = [
    { has: p => p.legalBasis.some(text => text.trim() !== ''), name: ['rättslig grund', 'a legal basis'] },
    { has: p => !!p.controller?.trim(), name: ['personuppgiftsansvarig', 'a controller (personuppgiftsansvarig)'] },
    { has: p => !!p.storage?.trim(), name: ['lagring', 'storage (lagring)'] },
    { has: p => !!p.retention?.trim(), name: ['gallring', 'retention (gallring)'] },
];

/** Privacy by design: no direct identifiers, free text only when justified, small cells protected, a complete privacy section (SU060–SU063, SU066). */
export class PrivacyValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        for (const variable of allVariables(plan)) {
            this.directIdentifier(variable, report);
            this.freeTextWithoutJustification(variable, report);
            this.freeTextWithoutQuestion(variable, report);
        }
        const privacy = sections(plan, isPrivacy);
        for (const block of privacy) {
            this.minimumCellTooSmall(block, report);
            this.minimumCellNotWhole(block, report);
        }
        this.privacySectionIncomplete(plan, privacy, report);
    }

    /**
     * SU060: a registered variable that looks like a direct identifier, by its own id and label or, for
     * `använd`, the catalogue variable's. A variable with codes (ja/nej, a code list, a scale) cannot
     * hold a name or a number, so it is not an identifier however it is labelled ("Har telefon").
     */
    private directIdentifier(variable: PlanVariable, report: Report): void {
        if (!isRegistered(variable) || isCoded(valueSetOf(variable))) return;
        const name = variableName(variable);
        if (isUseVariable(variable)) {
            const target = variable.variable?.ref;
            const ownName = variable.name ? identifierIn(variable.name, 'id') : undefined;
            if (ownName) {
                report({ code: 'SU060', node: variable, property: 'name', args: [name, ownName] });
                return;
            }
            const found = target ? identifierIn(target.name ?? '', 'id') ?? identifierIn(target.label ?? '', 'label') : undefined;
            if (found) report({ code: 'SU060', node: variable, property: 'variable', args: [name, found] });
            return;
        }
        const byName = identifierIn(variable.name ?? '', 'id');
        const byLabel = byName ? undefined : identifierIn(variable.label ?? '', 'label');
        const found = byName ?? byLabel;
        if (!found) return;
        report({ code: 'SU060', node: variable, property: byName ? 'name' : 'label', args: [name, found] });
    }

    /** SU061: free text needs `motivering "…"` saying why it is needed. */
    private freeTextWithoutJustification(variable: PlanVariable, report: Report): void {
        const text = freeText(variable);
        if (text && !text.justification?.trim()) this.reportFreeText('SU061', variable, report);
    }

    /** SU062: free text only clarifies a fixed question, `förtydligar <variabel>`. */
    private freeTextWithoutQuestion(variable: PlanVariable, report: Report): void {
        const text = freeText(variable);
        if (text && !text.clarifies) this.reportFreeText('SU062', variable, report);
    }

    private reportFreeText(code: 'SU061' | 'SU062', variable: PlanVariable, report: Report): void {
        const name = variableName(variable);
        const problem = { code, args: [name], subject: name } as const;
        if (isUseVariable(variable)) report({ ...problem, node: variable, property: variable.name ? 'name' : 'variable' });
        else if (isLocalVariable(variable) || isItemGroup(variable)) report({ ...problem, node: variable, property: 'name' });
    }

    /** SU063: `minsta cell` of at least 3. */
    private minimumCellTooSmall(privacy: Privacy, report: Report): void {
        if (typeof privacy.minCell === 'number' && privacy.minCell < 3) {
            report({ code: 'SU063', node: privacy, property: 'minCell', args: [String(privacy.minCell)] });
        }
    }

    /** SU067: `minsta cell` is a number of persons; a decimal is rounded up (the quick fix writes it). */
    private minimumCellNotWhole(privacy: Privacy, report: Report): void {
        const minCell = privacy.minCell;
        if (typeof minCell !== 'number' || Number.isInteger(minCell) || minCell < 1) return;
        const whole = String(Math.ceil(minCell));
        report({ code: 'SU067', node: privacy, property: 'minCell', args: [String(minCell).replace('.', ','), whole], fix: { kind: 'replace', suggestions: [whole] } });
    }

    /** SU066: an `integritet` section with legal basis, controller, storage and retention. */
    private privacySectionIncomplete(plan: Plan, privacy: readonly Privacy[], report: Report): void {
        // A syntax error in (or instead of) the section may have cut parts of it out.
        if (syntaxDamage(plan).mayHaveLost('integritet', privacy)) return;
        if (privacy.length === 0) {
            report({
                code: 'SU066', node: plan, property: 'title',
                args: ['något integritetsavsnitt (rättslig grund, personuppgiftsansvarig, lagring och gallring)',
                    'a privacy section (legal basis, controller, storage and retention)'],
                subject: 'integritet',
            });
            return;
        }
        const missing = REQUIRED_PRIVACY.filter(part => !privacy.some(part.has));
        if (missing.length === 0) return;
        report({
            code: 'SU066', node: privacy[0],
            args: [list(missing.map(m => m.name[0]), 'eller'), list(missing.map(m => m.name[1]), 'or')],
            subject: 'integritet',
        });
    }
}

/**
 * The free-text declaration of a variable: a local `text`, a question group of `text`, or a
 * catalogue variable whose value set is `text` (which the plan cannot justify or tie to a question
 * except by accepting the warning).
 */
function freeText(variable: PlanVariable): { justification?: string; clarifies?: unknown } | undefined {
    if ((isLocalVariable(variable) || isItemGroup(variable)) && isTextType(variable.type)) return variable.type;
    if (isUseVariable(variable) && isTextSet(variable.variable?.ref?.valueSet)) return {};
    return undefined;
}

/** Answers of `identifierIn` by kind and text: the same catalogue names and labels come back on every rebuild. */
const IDENTIFIER_MEMO = { id: new Map<string, string | undefined>(), label: new Map<string, string | undefined>() };
/** Memo entries kept per kind before the memo starts over. */
const IDENTIFIER_MEMO_LIMIT = 50_000;

/** The identifier keyword (as written in the table) found in `text`, or undefined. */
export function identifierIn(text: string, as: 'id' | 'label'): string | undefined {
    const memo = IDENTIFIER_MEMO[as];
    if (memo.has(text)) return memo.get(text);
    if (memo.size >= IDENTIFIER_MEMO_LIMIT) memo.clear();
    const found = findIdentifier(text, as);
    memo.set(text, found);
    return found;
}

function findIdentifier(text: string, as: 'id' | 'label'): string | undefined {
    const folded = fold(text);
    const parts = as === 'id'
        ? [folded, ...folded.split('_')]
        : folded.split(/[^\p{L}\p{N}-]+/u).map(word => word.replace(/^-+|-+$/g, ''));
    for (const part of parts) {
        const keyword = FOLDED_KEYWORDS.get(part);
        if (keyword) return keyword;
    }
    return undefined;
}

/** "a, b eller c" / "a, b or c". */
function list(items: readonly string[], conjunction: string): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
