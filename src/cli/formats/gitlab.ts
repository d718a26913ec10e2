import type { Severity } from '../../language/diagnostics/codes.js';
import type { CheckReport } from './report.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One entry of a GitLab Code Quality report (a subset of the Code Climate issue format). */
export interface GitlabIssue {
    readonly type: 'issue';
    readonly check_name: string;
    readonly description: string;
    readonly content?: { readonly body: string };
    readonly fingerprint: string;
    readonly severity: GitlabSeverity;
    readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

const SEVERITY: Record<Severity, GitlabSeverity> = { error: 'critical', warning: 'minor', info: 'info', hint: 'info' };

/** A GitLab Code Quality report: a JSON array of issues, for `artifacts: reports: codequality`. */
export function formatGitlab(report: CheckReport): string {
    const issues: GitlabIssue[] = report.diagnostics.map(d => ({
        type: 'issue',
        check_name: d.code || 'suplan',
        description: d.code ? `${d.code}: ${d.message}` : d.message,
        ...(d.help ? { content: { body: d.help } } : {}),
        fingerprint: d.fingerprint,
        severity: SEVERITY[d.severity],
        location: { path: d.file, lines: { begin: d.line, end: d.endLine } },
    }));
    return JSON.stringify(issues, null, 2) + '\n';
}
