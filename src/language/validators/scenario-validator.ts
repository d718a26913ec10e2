import { isAnalyses, isComparison_, isRate, isScenarios, type Plan, type Scenario } from '../generated/ast.js';
import { sections } from '../plan-access.js';
import { kindWord, yieldsSingleNumber } from './analysis-kinds.js';
import type { PlanValidator, Report, ValidationContext } from './common.js';

/** The analysis scenarios of the guide: A change, B complement, C side finding, D no change, E retake. */
const SCENARIO_LETTERS: ReadonlySet<string> = new Set(['A', 'B', 'C', 'D', 'E']);

/** Scenarios A–E and their decision rules (SU049, SU050). A missing `scenarier` (SU051) is a structure concern. */
export class ScenarioValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        const names = sections(plan, isAnalyses).flatMap(block => block.analyses).map(a => a.name);
        const ambiguous = new Set<string>();
        const seen = new Set<string>();
        for (const name of names) {
            if (seen.has(name)) ambiguous.add(name);
            else seen.add(name);
        }
        for (const scenario of sections(plan, isScenarios).flatMap(block => block.scenarios)) {
            this.unknownLetter(scenario, report);
            this.ruleWithoutMeasure(scenario, ambiguous, report);
        }
    }

    /** SU049: every letter is one of A–E (upper case, as the guide writes them). */
    private unknownLetter(scenario: Scenario, report: Report): void {
        scenario.letters.forEach((letter, index) => {
            if (letter !== undefined && !SCENARIO_LETTERS.has(letter)) report({ code: 'SU049', node: scenario, property: 'letters', index, args: [letter] });
        });
    }

    /**
     * SU050: a rule compares one number, so it can use only analyses that yield one: `andel` (share in %),
     * `förändring` (mean difference), `måluppfyllelse` (share reached in %) and `beskriv` (mean).
     * Unknown analyses are SU016; an id several analyses share (SU030) is ambiguous and not judged here.
     */
    private ruleWithoutMeasure(scenario: Scenario, ambiguous: ReadonlySet<string>, report: Report): void {
        for (const part of scenario.rule?.parts ?? []) {
            const analysis = part.analysis?.ref;
            if (!analysis?.kind || ambiguous.has(analysis.name) || yieldsSingleNumber(analysis.kind)) continue;
            // A group rule compares one number per group: a mean per group and variable (jämför) or a rate per group.
            if (part.quantifier && (isComparison_(analysis.kind) || isRate(analysis.kind))) continue;
            report({ code: 'SU050', node: part, property: 'analysis', args: [analysis.name ?? '', kindWord(analysis.kind)] });
        }
    }
}
