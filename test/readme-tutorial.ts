import type { Plan } from '../src/language/generated/ast.js';
import type { SuServices } from '../src/language/suplan-services.js';

/**
 * The README's tutorial as the tests follow it: its fenced blocks (shell commands and plan text)
 * and how a step of plan text is applied to a plan. Shared by test/readme.test.ts (the steps on
 * the template) and test/release/ (the commands as written, the steps applied in between).
 */

/** A fenced code block of the README: language (`sh`, `lua` or empty), text without the list indent, offset. */
export interface FencedBlock {
    readonly language: string;
    readonly text: string;
    readonly offset: number;
}

/** The README's fenced code blocks, in order. */
export function fencedBlocks(readme: string): FencedBlock[] {
    const blocks: FencedBlock[] = [];
    let open: { language: string; indent: string; lines: string[]; offset: number } | undefined;
    let offset = 0;
    for (const line of readme.split('\n')) {
        const fence = /^( *)```(\S*)\s*$/.exec(line);
        if (open && fence && fence[1] === open.indent && fence[2] === '') {
            blocks.push({ language: open.language, text: open.lines.join('\n'), offset: open.offset });
            open = undefined;
        } else if (open) {
            open.lines.push(line.startsWith(open.indent) ? line.slice(open.indent.length) : line);
        } else if (fence) {
            open = { language: fence[2], indent: fence[1], lines: [], offset };
        }
        offset += line.length + 1;
    }
    return blocks;
}

/** The tutorial's section of the README: from `## Kom igång` to the next `## `. */
export function tutorialRange(readme: string): { readonly start: number; readonly end: number } {
    const start = readme.indexOf('## Kom igång');
    return { start, end: readme.indexOf('\n## ', start + 1) };
}

/** The tutorial's blocks in order: shell commands (`sh`) and steps of plan text (no language). */
export function tutorialBlocks(readme: string): FencedBlock[] {
    const { start, end } = tutorialRange(readme);
    return fencedBlocks(readme).filter(b => b.offset > start && b.offset < end && (b.language === 'sh' || b.language === ''));
}

/**
 * Applies a tutorial step to a plan: each element of the step replaces the plan's element of the
 * same kind (`syfte`, `variabler`, …), or is added at the end when the plan has none.
 */
export function applyStep(services: SuServices, plan: string, step: string): string {
    const stepText = `plan "T" {\n${step}\n}`;
    const stepPlan = services.suplan.parser.LangiumParser.parse(stepText).value as Plan;
    let result = plan;
    for (const element of stepPlan.elements) {
        const node = element.$cstNode;
        if (!node) continue;
        const replacement = stepText.slice(node.offset, node.end);
        const current = (services.suplan.parser.LangiumParser.parse(result).value as Plan).elements.find(e => e.$type === element.$type)?.$cstNode;
        if (current) {
            result = result.slice(0, current.offset) + replacement + result.slice(current.end);
        } else {
            const end = result.lastIndexOf('}');
            result = `${result.slice(0, end)}    ${replacement}\n${result.slice(end)}`;
        }
    }
    return result;
}
