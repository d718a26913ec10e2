import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import type { CheckReport } from './report.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type Formatter = (report: CheckReport) => string;

/** The output formats of `suplan check`, by the name given to `--format`. */
export const FORMATS = {
    text: formatText,
    json: formatJson,
    sarif: formatSarif,
    github: formatGithub,
    gitlab: formatGitlab,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
