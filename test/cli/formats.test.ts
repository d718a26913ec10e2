import { createHash } from 'node:crypto';
import { CommanderError } from 'commander';
import { describe, expect, test } from 'vitest';
import { ALL_CODES, CODES } from '../../src/language/diagnostics/codes.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/formats/github.js';
import { formatGitlab } from '../../src/cli/formats/gitlab.js';
import { FORMAT_NAMES } from '../../src/cli/formats/index.js';
import { formatJson } from '../../src/cli/formats/json.js';
import { compareDiagnostics, exitCodeFor, summarize, summaryLine, type CheckReport, type CliDiagnostic } from '../../src/cli/formats/report.js';
import { formatSarif } from '../../src/cli/formats/sarif.js';
import { formatText } from '../../src/cli/formats/text.js';
import { usageMessage } from '../../src/cli/main.js';
import { languageFromArgv } from '../../src/cli/messages.js';
import { sarifErrors } from './sarif-schema.js';

function diagnostic(partial: Partial<CliDiagnostic> & Pick<CliDiagnostic, 'file' | 'line' | 'code' | 'severity'>): CliDiagnostic {
    return {
        column: 3, endLine: partial.line, endColumn: 9, message: `message of ${partial.code}`,
        fingerprint: createHash('sha256').update(JSON.stringify(partial)).digest('hex').slice(0, 32),
        ...partial,
    };
}

const diagnostics: CliDiagnostic[] = [
    diagnostic({ file: 'plans/a.suplan', line: 4, code: 'SU012', severity: 'error', message: 'Variabeln "bbic.x" finns inte, 100 %: se\nnästa rad', help: 'Rätta namnet.' }),
    diagnostic({ file: 'plans/a.suplan', line: 9, code: 'SU040', severity: 'warning', help: 'Ta bort variabeln.' }),
    diagnostic({ file: 'plans/b, c: d.suplan', line: 2, code: 'SU031', severity: 'info', accepted: 'Säsongen är känd', help: 'Förläng perioden.' }),
    diagnostic({ file: 'plans/b, c: d.suplan', line: 7, code: 'SU072', severity: 'hint', help: 'Ta bort raden.' }),
].sort(compareDiagnostics);

function report(language: 'sv' | 'en', list: readonly CliDiagnostic[] = diagnostics): CheckReport {
    return {
        tool: { name: 'suplan', version: '1.2.3', informationUri: 'https://example.invalid/su-plan' },
        language, repositoryRoot: '/repo/root', files: ['plans/a.suplan', 'plans/b, c: d.suplan', 'kataloger/k.sucat'], diagnostics: list,
    };
}

describe('summary and exit code', () => {
    test('counts errors, unaccepted warnings and accepted warnings', () => {
        expect(summarize(report('sv'))).toEqual({ errors: 1, warnings: 1, accepted: 1, infos: 0, hints: 1, files: 3 });
    });

    test('Swedish and English summary lines with singular and plural', () => {
        expect(summaryLine({ errors: 2, warnings: 1, accepted: 0, infos: 0, hints: 0, files: 3 }, 'sv')).toBe('2 fel, 1 varning i 3 filer');
        expect(summaryLine({ errors: 2, warnings: 1, accepted: 0, infos: 0, hints: 0, files: 3 }, 'en')).toBe('2 errors, 1 warning in 3 files');
        expect(summaryLine({ errors: 1, warnings: 2, accepted: 1, infos: 0, hints: 0, files: 1 }, 'sv')).toBe('1 fel, 2 varningar, 1 accepterad varning i 1 fil');
        expect(summaryLine({ errors: 0, warnings: 0, accepted: 2, infos: 0, hints: 0, files: 1 }, 'en')).toBe('0 errors, 0 warnings, 2 accepted warnings in 1 file');
    });

    test('exit code 1 for errors or unaccepted warnings, 0 for accepted warnings and hints', () => {
        expect(exitCodeFor(diagnostics)).toBe(1);
        expect(exitCodeFor(diagnostics.filter(d => d.severity !== 'error'))).toBe(1);
        expect(exitCodeFor(diagnostics.filter(d => d.severity === 'info' || d.severity === 'hint'))).toBe(0);
        expect(exitCodeFor([])).toBe(0);
    });
});

describe('text', () => {
    test('one line per diagnostic, the help indented below it, a summary last', () => {
        const lines = formatText(report('sv')).trimEnd().split('\n');
        expect(lines[0]).toBe('plans/a.suplan:4:3: error SU012: Variabeln "bbic.x" finns inte, 100 %: se nästa rad');
        expect(lines[1]).toBe('  hjälp: Rätta namnet.');
        expect(lines[2]).toBe('plans/a.suplan:9:3: warning SU040: message of SU040');
        expect(lines).toContain('plans/b, c: d.suplan:2:3: info SU031: message of SU031');
        expect(lines).toContain('plans/b, c: d.suplan:7:3: hint SU072: message of SU072');
        expect(lines.at(-1)).toBe('1 fel, 1 varning, 1 accepterad varning i 3 filer');
    });

    test('with the source line: the line under the first line with its number and carets under the range, then the help', () => {
        const withSource = [diagnostic({ file: 'plans/a.suplan', line: 4, column: 12, endColumn: 18, code: 'SU012', severity: 'error', message: 'Okänd', help: 'Rätta namnet.', sourceLine: '    använd bbic.x' })];
        expect(formatText(report('sv', withSource)).split('\n').slice(0, 4)).toEqual([
            'plans/a.suplan:4:12: error SU012: Okänd',
            '  4 |     använd bbic.x',
            '    |            ^^^^^^',
            '  hjälp: Rätta namnet.',
        ]);
    });

    test('a repeat: where the first one is, with its line, before the help; one gutter width for both', () => {
        const repeat = [diagnostic({
            file: 'plans/a.suplan', line: 12, column: 15, endColumn: 20, code: 'SU030', severity: 'error', message: 'Namnet "x_år" används redan i planen.', help: 'Byt namn.',
            sourceLine: '        lokal x_år "X" : antal',
            related: [{ file: 'plans/a.suplan', line: 9, column: 15, endLine: 9, endColumn: 20, message: 'först deklarerad här', sourceLine: '        lokal x_år "Y" : antal' }],
        })];
        expect(formatText(report('sv', repeat)).split('\n').slice(0, 7)).toEqual([
            'plans/a.suplan:12:15: error SU030: Namnet "x_år" används redan i planen.',
            '  12 |         lokal x_år "X" : antal',
            '     |               ^^^^^',
            '  först deklarerad här: plans/a.suplan:9:15',
            '   9 |         lokal x_år "Y" : antal',
            '     |               ^^^^^',
            '  hjälp: Byt namn.',
        ]);
    });

    test('English help word and summary', () => {
        const text = formatText(report('en'));
        expect(text).toContain('\n  help: Rätta namnet.\n');
        expect(text.trimEnd().split('\n').at(-1)).toBe('1 error, 1 warning, 1 accepted warning in 3 files');
    });
});

describe('json', () => {
    test('every diagnostic with its location, severity, code, message and help; accepted only when accepted', () => {
        const parsed = JSON.parse(formatJson(report('en'))) as { diagnostics: Array<Record<string, unknown>>; summary: { errors: number } };
        expect(parsed.diagnostics).toHaveLength(4);
        expect(parsed.diagnostics[0]).toMatchObject({
            file: 'plans/a.suplan', line: 4, column: 3, endLine: 4, endColumn: 9, severity: 'error', code: 'SU012', help: 'Rätta namnet.',
        });
        expect(parsed.diagnostics[0]).not.toHaveProperty('accepted');
        expect(parsed.diagnostics.find(d => d['code'] === 'SU031')).toMatchObject({ severity: 'info', accepted: 'Säsongen är känd' });
        expect(parsed.summary.errors).toBe(1);
    });
});

describe('sarif', () => {
    const log = JSON.parse(formatSarif(report('sv'))) as {
        version: string;
        runs: Array<{
            tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; name: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }> } };
            originalUriBaseIds: Record<string, { uri: string }>;
            results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; suppressions?: Array<{ kind: string; justification: string }>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }> }>;
        }>;
    };
    const run = log.runs[0];

    test('validates against the SARIF 2.1.0 schema', () => {
        expect(sarifErrors(log)).toEqual([]);
        expect(log.version).toBe('2.1.0');
    });

    test('the schema check rejects a log that breaks the schema', () => {
        const broken = structuredClone(log) as unknown as { runs: Array<{ tool: { driver: Record<string, unknown> } }> };
        delete broken.runs[0].tool.driver['name'];
        expect(sarifErrors(broken).length).toBeGreaterThan(0);
    });

    test('declares every code of the table as a rule with its default level', () => {
        expect(run.tool.driver).toMatchObject({ name: 'suplan', version: '1.2.3', informationUri: 'https://example.invalid/su-plan' });
        expect(run.tool.driver.rules.map(r => r.id)).toEqual(ALL_CODES);
        const su012 = run.tool.driver.rules.find(r => r.id === 'SU012')!;
        expect(su012).toMatchObject({ name: 'UnknownCatalogueVariable', shortDescription: { text: CODES.SU012.title.sv }, help: { text: CODES.SU012.help.sv } });
        expect(su012.defaultConfiguration.level).toBe('error');
        expect(run.tool.driver.rules.find(r => r.id === 'SU040')!.defaultConfiguration.level).toBe('warning');
        expect(run.tool.driver.rules.find(r => r.id === 'SU072')!.defaultConfiguration.level).toBe('note');
    });

    test('results point into the repository with relative, encoded URIs', () => {
        expect(run.originalUriBaseIds['SRCROOT'].uri).toBe('file:///repo/root/');
        expect(run.results).toHaveLength(4);
        const first = run.results[0];
        expect(first).toMatchObject({ ruleId: 'SU012', ruleIndex: ALL_CODES.indexOf('SU012'), level: 'error' });
        expect(first.locations[0].physicalLocation).toEqual({
            artifactLocation: { uri: 'plans/a.suplan', uriBaseId: 'SRCROOT' },
            region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 9 },
        });
        const odd = run.results.find(r => r.ruleId === 'SU031')!;
        expect(odd.locations[0].physicalLocation.artifactLocation.uri).toBe('plans/b%2C%20c%3A%20d.suplan');
        expect(odd.level).toBe('note');
        expect(odd.suppressions).toEqual([{ kind: 'inSource', justification: 'Säsongen är känd' }]);
        expect(first.suppressions).toBeUndefined();
    });

    test('a file outside the repository gets an absolute file URI', () => {
        const outside = formatSarif(report('en', [diagnostic({ file: '/tmp/x y.suplan', line: 1, code: 'SU003', severity: 'error' })]));
        const parsed = JSON.parse(outside) as typeof log;
        expect(parsed.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///tmp/x%20y.suplan' });
        expect(sarifErrors(parsed)).toEqual([]);
    });
});

describe('github', () => {
    test('escapes data and property values as the workflow-command format requires', () => {
        expect(escapeData('100 %\r\nny rad')).toBe('100 %25%0D%0Any rad');
        expect(escapeProperty('a, b: c%')).toBe('a%2C b%3A c%25');
    });

    test('one workflow command per diagnostic with location and code', () => {
        const lines = formatGithub(report('sv')).trimEnd().split('\n');
        expect(lines).toHaveLength(4);
        expect(lines[0]).toBe('::error file=plans/a.suplan,line=4,col=3,endLine=4,endColumn=9,title=SU012::'
            + 'Variabeln "bbic.x" finns inte, 100 %25: se%0Anästa rad%0Ahjälp: Rätta namnet.');
        expect(lines[1]).toMatch(/^::warning file=plans\/a\.suplan,line=9,/);
        expect(lines[2]).toMatch(/^::notice file=plans\/b%2C c%3A d\.suplan,line=2,col=3,endLine=2,endColumn=9,title=SU031::/);
        for (const line of lines) {
            expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=SU\d{3}::[^\r\n]+$/);
        }
    });
});

describe('gitlab', () => {
    test('a Code Quality issue per diagnostic with the required keys', () => {
        const issues = JSON.parse(formatGitlab(report('en'))) as Array<Record<string, unknown> & { location: { path: string; lines: { begin: number } } }>;
        expect(issues).toHaveLength(4);
        for (const issue of issues) {
            expect(Object.keys(issue)).toEqual(expect.arrayContaining(['description', 'check_name', 'fingerprint', 'severity', 'location']));
            expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue['severity']);
            expect(typeof issue.location.path).toBe('string');
            expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
        }
        expect(issues[0]).toMatchObject({ check_name: 'SU012', severity: 'critical', location: { path: 'plans/a.suplan', lines: { begin: 4 } } });
        expect(issues[0]['description']).toMatch(/^SU012: /);
        expect(issues.find(i => i['check_name'] === 'SU040')!['severity']).toBe('minor');
        expect(new Set(issues.map(i => i['fingerprint'])).size).toBe(4);
    });
});

describe('registry and command line helpers', () => {
    test('exactly the five formats', () => {
        expect([...FORMAT_NAMES].sort()).toEqual(['github', 'gitlab', 'json', 'sarif', 'text']);
    });

    test('the language is read from --lang before parsing', () => {
        expect(languageFromArgv(['check', 'x', '--lang', 'en'])).toBe('en');
        expect(languageFromArgv(['--lang=en', 'check'])).toBe('en');
        expect(languageFromArgv(['check', '--lang', 'de'])).toBe('sv');
        expect(languageFromArgv(['check', '--', '--lang', 'en'])).toBe('sv');
    });

    test("commander's usage errors become one translated line", () => {
        const unknown = new CommanderError(1, 'commander.unknownOption', "error: unknown option '--formt'\n(Did you mean --format?)");
        expect(usageMessage(unknown, 'sv')).toBe('okänd flagga --formt (menade du --format?)');
        expect(usageMessage(unknown, 'en')).toBe('unknown option --formt (did you mean --format?)');
        const choice = new CommanderError(1, 'commander.invalidArgument',
            "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json.");
        expect(usageMessage(choice, 'sv')).toBe("ogiltigt värde 'xml' för --format; tillåtna värden: text, json");
        const other = new CommanderError(1, 'commander.somethingNew', 'error: something\nhappened');
        expect(usageMessage(other, 'en')).toBe('something happened');
    });
});
