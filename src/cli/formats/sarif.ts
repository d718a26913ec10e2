import { pathToFileURL } from 'node:url';
import { ALL_CODES, CODES, type Severity } from '../../language/diagnostics/codes.js';
import type { CliLanguage } from '../messages.js';
import type { CheckReport, CliDiagnostic, CliRelated } from './report.js';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The run's language as a BCP 47 tag. */
const LANGUAGE_TAG: Record<CliLanguage, string> = { sv: 'sv-SE', en: 'en-US' };

/** The base id that relative artifact URIs resolve against: the repository root. */
export const SRCROOT = 'SRCROOT';

/**
 * A SARIF 2.1.0 log for code scanning: one run, with every code of the table as a rule and
 * one result per diagnostic. Accepted warnings carry an in-source suppression with the reason.
 */
export function formatSarif(report: CheckReport): string {
    const language = report.language;
    const rules = ALL_CODES.map(code => {
        const entry = CODES[code];
        return {
            id: code,
            name: ruleName(entry.title.en),
            shortDescription: { text: entry.title[language] },
            fullDescription: { text: `${entry.title[language]}. ${entry.help[language]}` },
            help: { text: entry.help[language] },
            defaultConfiguration: { level: LEVEL[entry.severity] },
        };
    });
    const ruleIndex = new Map<string, number>(ALL_CODES.map((code, index) => [code, index]));
    const results = report.diagnostics.map(d => ({
        ruleId: d.code || 'suplan',
        ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(d.file), region: region(d) } }],
        ...(d.related ? {
            relatedLocations: d.related.map((r, index) => ({
                id: index + 1,
                physicalLocation: { artifactLocation: artifactLocation(r.file), region: region(r) },
                message: { text: r.message },
            })),
        } : {}),
        partialFingerprints: { 'suplanFingerprint/v1': d.fingerprint },
        ...(d.accepted !== undefined ? { suppressions: [{ kind: 'inSource', justification: d.accepted }] } : {}),
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: report.tool.name,
                    version: report.tool.version,
                    semanticVersion: report.tool.version,
                    informationUri: report.tool.informationUri,
                    rules,
                },
            },
            originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.repositoryRoot) } },
            language: LANGUAGE_TAG[language],
            columnKind: 'utf16CodeUnits',
            results,
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/** `Unknown catalogue variable` → `UnknownCatalogueVariable`. */
function ruleName(title: string): string {
    return title.split(/[^A-Za-z0-9]+/).filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join('');
}

function isAbsolutePath(file: string): boolean {
    return file.startsWith('/') || /^[A-Za-z]:\//.test(file);
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
    if (isAbsolutePath(file)) return { uri: pathToFileURL(file).href };
    return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(directory: string): string {
    const href = pathToFileURL(directory).href;
    return href.endsWith('/') ? href : href + '/';
}

function region(d: CliDiagnostic | CliRelated): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
    return { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
}
