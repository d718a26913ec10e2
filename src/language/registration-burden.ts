/**
 * The registration burden: how many fields a case worker fills in for one client at one
 * measurement point. Shared by SU064 (on the syntax tree, src/language/validators/volume-validator.ts)
 * and the plan diff (on the plan model, src/model/plan-burden.ts), which describe the same plan in
 * two shapes; `P` is how each names a measurement point.
 *
 * A registration is one client at one point: the registered questions collected at that point,
 * plus at the first point the ones collected once per client (no `vid`). A multiple-choice question
 * is one field per option, a question answered by several respondents one field per respondent,
 * and a question asked `per klientmål` one field per goal (`klientmål N`).
 */

/** One registered question (catalogue, local or an item of a question group; derived values are not registered). */
export interface BurdenQuestion<P> {
    /** The points it is registered at; empty means once per client. */
    readonly points: readonly P[];
    /** Options of a multiple-choice question (each is a field); 1 for any other kind. */
    readonly options: number;
    /** How many respondents answer it (0 or 1: one field). */
    readonly respondents: number;
    readonly perClientGoal: boolean;
}

export interface RegistrationBurden<P> {
    /** Fields registered once per client (added to the first point's registration). */
    readonly once: number;
    /** Fields of each point's registration, in the plan's order of points. Empty when the plan has no points. */
    readonly perPoint: ReadonlyArray<{ readonly point: P; readonly fields: number }>;
    /** The fields of the busiest registration (SU064 compares this with its limit). */
    readonly busiest: number;
}

/** Fields one question takes in one registration. */
export function fieldWidth(question: BurdenQuestion<unknown>, goals: number | undefined): number {
    const options = Math.max(1, question.options);
    const respondents = Math.max(1, question.respondents);
    const perGoal = question.perClientGoal && typeof goals === 'number' && goals > 0 ? goals : 1;
    return options * respondents * perGoal;
}

/** The burden of a plan's questions over its points (`klientmål N` as `goals`). */
export function registrationBurden<P>(questions: readonly BurdenQuestion<P>[], points: readonly P[], goals: number | undefined): RegistrationBurden<P> {
    const atPoint = new Map<P, number>();
    let once = 0;
    for (const question of questions) {
        const width = fieldWidth(question, goals);
        if (question.points.length === 0) once += width;
        for (const point of new Set(question.points)) atPoint.set(point, (atPoint.get(point) ?? 0) + width);
    }
    if (points.length === 0) return { once, perPoint: [], busiest: once + Math.max(0, ...atPoint.values()) };
    const perPoint = points.map((point, index) => ({ point, fields: (atPoint.get(point) ?? 0) + (index === 0 ? once : 0) }));
    return { once, perPoint, busiest: Math.max(...perPoint.map(p => p.fields)) };
}
