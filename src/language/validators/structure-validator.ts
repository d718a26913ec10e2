import type { Properties } from 'langium';
import {
    isClientGoals, isDataSource, isDecisionDecl, isExtract, isFeedback, isLevelDecl, isMeasurementPoints, isPeriodDecl,
    isPhases, isPrivacy, isPurposeDecl, isQuestionDecl, isRevisionLog, isRoles, isSampling, isScenarios, isStatusDecl,
    isTargetGroup, isVersionDecl,
    type Plan, type PlanElement,
} from '../generated/ast.js';
import { firstGiven, type PlanValidator, type Report, type ValidationContext } from './common.js';
import { PURPOSES } from './purpose-validator.js';
import { syntaxDamage, type SyntaxDamage } from './syntax-damage.js';

/** A section that a plan states at most once: how to find it, and how to report a repeat of it. */
interface SingleSection {
    readonly is: (element: PlanElement) => boolean;
    readonly reportRepeat: (element: PlanElement, first: PlanElement, report: Report) => void;
}

/**
 * A repeat is underlined at `property` (the value after the keyword) when given; block sections
 * without such a value are underlined whole.
 */
function single<T extends PlanElement>(keyword: string, is: (element: unknown) => element is T, property?: Properties<T>): SingleSection {
    return {
        is,
        reportRepeat: (element, first, report) => {
            if (is(element)) report({ code: 'SU002', node: element, property, args: [keyword], related: firstGiven(first, property as string | undefined) });
        },
    };
}

/**
 * Sections that may appear only once. `katalog` (a plan may pin several catalogues), `värdemängder`,
 * `variabler`, `referensdata`, `analyser` and `acceptera` may be split over several blocks.
 */
const SINGLE_SECTIONS: readonly SingleSection[] = [
    single('version', isVersionDecl, 'value'),
    single('status', isStatusDecl, 'value'),
    single('beslut', isDecisionDecl, 'by'),
    single('syfte', isPurposeDecl, 'purpose'),
    single('fråga', isQuestionDecl, 'text'),
    single('nivå', isLevelDecl, 'level'),
    single('datakälla', isDataSource, 'kind'),
    single('roller', isRoles),
    single('återkoppling', isFeedback, 'when'),
    single('målgrupp', isTargetGroup),
    single('urval', isSampling, 'method'),
    single('period', isPeriodDecl),
    single('klientmål', isClientGoals),
    single('mätpunkter', isMeasurementPoints),
    single('faser', isPhases),
    single('uttag', isExtract, 'system'),
    single('scenarier', isScenarios),
    single('integritet', isPrivacy),
    single('ändringslogg', isRevisionLog),
];

/** What the message names when a plan lacks a target group or a sampling (SU036): [sv, en]. */
const MISSING_WHO: Readonly<Record<'målgrupp' | 'urval', readonly [string, string]>> = {
    målgrupp: ['någon målgrupp (`målgrupp`)', 'a target group (`målgrupp`)'],
    urval: ['hur klienterna väljs ut (`urval`)', 'how clients are selected (`urval`)'],
};

/** The plan's sections: given once, and the ones a plan cannot do without (SU002, SU003, SU006, SU035, SU036, SU051). */
export class StructureValidator implements PlanValidator {
    validate(plan: Plan, report: Report, _context: ValidationContext): void {
        // A section the parser could not read is not missing: SU001 says what is wrong with it.
        // Each "missing" check asks whether a syntax error may have hidden its section; the others
        // still run on a plan with a syntax error elsewhere.
        const damage = syntaxDamage(plan);
        this.sectionGivenTwice(plan, report, damage);
        const missing = (keyword: string, is: (element: PlanElement) => boolean): boolean => {
            const found = plan.elements.filter(is);
            return found.length === 0 && !damage.mayHaveLost(keyword, found);
        };
        if (missing('syfte', isPurposeDecl)) this.purposeMissing(plan, report);
        if (missing('fråga', isQuestionDecl)) this.questionMissing(plan, report);
        if (missing('period', isPeriodDecl)) this.periodMissing(plan, report);
        if (missing('målgrupp', isTargetGroup)) this.targetGroupMissing(plan, report);
        if (missing('urval', isSampling)) this.samplingMissing(plan, report);
        const scenarios = plan.elements.filter(isScenarios);
        if (!damage.mayHaveLost('scenarier', scenarios)) this.scenariosMissing(plan, report);
    }

    /** SU002: every repeat of a section that may appear once; not one the parser read from a misplaced word (`lokal period`). */
    private sectionGivenTwice(plan: Plan, report: Report, damage: SyntaxDamage): void {
        for (const section of SINGLE_SECTIONS) {
            const found = plan.elements.filter(section.is);
            for (const repeat of found.slice(1)) if (!damage.startsAtError(repeat)) section.reportRepeat(repeat, found[0], report);
        }
    }

    /** SU003: no `syfte`. */
    private purposeMissing(plan: Plan, report: Report): void {
        report({ code: 'SU003', node: plan, property: 'title', args: [plan.title ?? ''], fix: { kind: 'addLine', texts: PURPOSES.map(p => `syfte ${p}`) } });
    }

    /** SU006: no `fråga`. */
    private questionMissing(plan: Plan, report: Report): void {
        report({ code: 'SU006', node: plan, property: 'title', args: [plan.title ?? ''] });
    }

    /** SU035: no `period`. */
    private periodMissing(plan: Plan, report: Report): void {
        report({ code: 'SU035', node: plan, property: 'title' });
    }

    /** SU036: no `målgrupp`. */
    private targetGroupMissing(plan: Plan, report: Report): void {
        report({ code: 'SU036', node: plan, property: 'title', args: MISSING_WHO.målgrupp });
    }

    /** SU036: no `urval`. */
    private samplingMissing(plan: Plan, report: Report): void {
        report({ code: 'SU036', node: plan, property: 'title', args: MISSING_WHO.urval });
    }

    /** SU051: no `scenarier`, or only empty ones. */
    private scenariosMissing(plan: Plan, report: Report): void {
        const blocks = plan.elements.filter(isScenarios);
        if (blocks.length === 0) {
            report({ code: 'SU051', node: plan, property: 'title' });
        } else if (blocks.every(block => block.scenarios.length === 0)) {
            report({ code: 'SU051', node: blocks[0] });
        }
    }
}
