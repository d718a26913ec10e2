import { AstUtils, getDiagnosticRange, type AstNode, type DiagnosticInfo, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { isAcceptance, type Acceptance, type Plan } from '../generated/ast.js';
import { CODES, messageFor, type Code, type Language } from './codes.js';
import type { Problem, RelatedPlace, Report, SuDiagnosticData } from '../validators/common.js';
import { messageTable } from '../../text/messages.js';

/** The reporter's additions to a diagnostic's message. */
const say = messageTable({
    accepted: { sv: ' (accepterad: {0})', en: ' (accepted: {0})' },
    forSubject: { sv: ' för "{0}"', en: ' for "{0}"' },
    firstDeclared: { sv: 'först deklarerad här', en: 'first declared here' },
    firstGiven: { sv: 'först angiven här', en: 'first given here' },
});

/**
 * Turns validator problems into Langium diagnostics: severity and text come from the code table,
 * in the current message language. A warning the plan accepts with `acceptera` is kept but
 * downgraded to information, with the team's reason attached.
 */
export class PlanReporter {
    private readonly acceptances: Acceptance[];
    private readonly used = new Set<Acceptance>();
    readonly report: Report;

    constructor(plan: Plan | undefined, private readonly accept: ValidationAcceptor, private readonly language: Language) {
        this.acceptances = plan ? plan.elements.filter(isAcceptance) : [];
        this.report = problem => this.add(problem);
    }

    private add<N extends AstNode>(problem: Problem<N>): void {
        const entry = CODES[problem.code];
        const args = (problem.args ?? []).map(String);
        let severity = entry.severity;
        let accepted: string | undefined;
        if (severity === 'warning') {
            const acceptance = this.acceptances.find(a => a.code === problem.code && (!a.subject || a.subject === problem.subject));
            if (acceptance) {
                this.used.add(acceptance);
                severity = 'info';
                accepted = acceptance.reason ?? '';
            }
        }
        const data: SuDiagnosticData = { code: problem.code, args, subject: problem.subject, fix: problem.fix, accepted };
        const message = messageFor(problem.code, this.language, args)
            + (accepted !== undefined ? say(this.language, 'accepted', accepted) : '');
        const relatedInformation = problem.related?.map(place => this.relatedInformation(place));
        const info = {
            node: problem.node, property: problem.property, index: problem.index, code: problem.code, data,
            ...(relatedInformation?.length ? { relatedInformation } : {}),
        } as DiagnosticInfo<N>;
        this.accept(severity, message, info);
    }

    /** A related place as LSP related information: its document, its range and what it is. */
    private relatedInformation(place: RelatedPlace): DiagnosticRelatedInformation {
        const range = getDiagnosticRange({ node: place.node, property: place.property, index: place.index } as DiagnosticInfo<AstNode>);
        return { location: { uri: AstUtils.getDocument(place.node).uri.toString(), range }, message: say(this.language, place.kind) };
    }

    /** Acceptances of warnings that were never raised (SU072). Call after all validators ran. */
    finish(): void {
        for (const acceptance of this.acceptances) {
            if (this.used.has(acceptance) || !(acceptance.code in CODES)) continue;
            if (CODES[acceptance.code as Code].severity !== 'warning') continue;
            const suffix = acceptance.subject ? say(this.language, 'forSubject', acceptance.subject) : '';
            this.add({ code: 'SU072', node: acceptance, property: 'code', args: [acceptance.code, suffix] });
        }
    }
}
