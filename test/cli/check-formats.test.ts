import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { ALL_CODES } from '../../src/language/diagnostics/codes.js';
import { ensureBuilt, repoRoot, runCli, type CliResult } from './cli-helper.js';
import { sarifErrors } from './sarif-schema.js';

const args = ['check', 'test/cli/fixtures/three-errors.suplan', '--catalogue', 'test/fixtures/catalogues'];
const file = 'test/cli/fixtures/three-errors.suplan';
const results = new Map<string, CliResult>();

beforeAll(async () => {
    ensureBuilt();
    for (const format of ['json', 'sarif', 'github', 'gitlab']) {
        results.set(format, await runCli([...args, '--format', format]));
    }
}, 300_000);

function output(format: string): CliResult {
    const result = results.get(format)!;
    expect(result.code).toBe(1);
    // The summary goes to stderr, so stdout is only the report.
    expect(result.stderr).toMatch(/^3 fel, \d+ varning(ar)? i 2 filer\n$/);
    return result;
}

describe('suplan check --format', () => {
    test('json: an object whose diagnostics have file, position, severity, code, message and help', () => {
        const report = JSON.parse(output('json').stdout) as { diagnostics: Array<Record<string, unknown>> };
        const errors = report.diagnostics.filter(d => d['severity'] === 'error');
        expect(errors.map(d => d['code']).sort()).toEqual(['SU004', 'SU012', 'SU033']);
        for (const d of errors) {
            expect(d).toMatchObject({ file });
            for (const key of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(d[key])).toBe(true);
            expect(typeof d['message']).toBe('string');
            expect(typeof d['help']).toBe('string');
        }
    });

    test('sarif: valid SARIF 2.1.0 with every code as a rule and the errors as results', () => {
        const log = JSON.parse(output('sarif').stdout) as {
            runs: Array<{
                tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
                originalUriBaseIds: Record<string, { uri: string }>;
                results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }> }>;
            }>;
        };
        expect(sarifErrors(log)).toEqual([]);
        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('suplan');
        expect(run.tool.driver.rules.map(r => r.id)).toEqual(ALL_CODES);
        expect(run.originalUriBaseIds['SRCROOT'].uri).toBe(pathToFileURL(repoRoot + '/').href);
        const errors = run.results.filter(r => r.level === 'error');
        expect(errors.map(r => r.ruleId).sort()).toEqual(['SU004', 'SU012', 'SU033']);
        for (const r of errors) {
            expect(r.locations[0].physicalLocation.artifactLocation).toEqual({ uri: file, uriBaseId: 'SRCROOT' });
            expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
        }
    });

    test('github: every line is a workflow command with file, position and code', () => {
        const lines = output('github').stdout.trimEnd().split('\n');
        const command = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=(SU\d{3})::(.+)$/;
        for (const line of lines) expect(line).toMatch(command);
        const errors = lines.map(line => command.exec(line)!).filter(m => m[1] === 'error');
        expect(errors.map(m => m[7]).sort()).toEqual(['SU004', 'SU012', 'SU033']);
        expect(errors.every(m => m[2] === file)).toBe(true);
        // The help follows the message after an escaped newline.
        expect(errors.every(m => m[8].includes('%0Ahjälp: '))).toBe(true);
    });

    test('gitlab: a Code Quality report with the required keys', () => {
        const issues = JSON.parse(output('gitlab').stdout) as Array<{
            description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } };
        }>;
        const critical = issues.filter(i => i.severity === 'critical');
        expect(critical.map(i => i.check_name).sort()).toEqual(['SU004', 'SU012', 'SU033']);
        for (const issue of issues) {
            expect(issue.description).toMatch(/^SU\d{3}: \S/);
            expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
            expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
            expect(issue.location.path).toBe(file);
            expect(issue.location.lines.begin).toBeGreaterThan(0);
        }
    });

    test('gitlab: fingerprints are stable from run to run', async () => {
        const again = await runCli([...args, '--format', 'gitlab']);
        const fingerprints = (text: string): string[] => (JSON.parse(text) as Array<{ fingerprint: string }>).map(i => i.fingerprint);
        expect(fingerprints(again.stdout)).toEqual(fingerprints(output('gitlab').stdout));
    });
});

describe('suplan check --format: where a repeat was first given', () => {
    const carets = 'test/cli/fixtures/golden/carets.suplan';
    const run = async (format: string): Promise<string> => (await runCli(['check', carets, '--catalogue', 'test/fixtures/catalogues', '--format', format])).stdout;

    test('json: the repeat has `related` with the first declaration\'s file, position and message', async () => {
        const report = JSON.parse(await run('json')) as { diagnostics: Array<{ code: string; line: number; related?: unknown[] }> };
        const su030 = report.diagnostics.find(d => d.code === 'SU030');
        expect(su030?.line).toBe(19);
        expect(su030?.related).toEqual([{ file: carets, line: 18, column: 15, endLine: 18, endColumn: 24, message: 'först deklarerad här' }]);
        expect(report.diagnostics.find(d => d.code === 'SU001')).not.toHaveProperty('related');
    });

    test('sarif: the repeat has relatedLocations, and the log is valid SARIF 2.1.0', async () => {
        const log = JSON.parse(await run('sarif')) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: unknown[] }> }> };
        expect(sarifErrors(log)).toEqual([]);
        const su002 = log.runs[0].results.find(r => r.ruleId === 'SU002');
        expect(su002?.relatedLocations).toEqual([{
            id: 1,
            physicalLocation: { artifactLocation: { uri: carets, uriBaseId: 'SRCROOT' }, region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 73 } },
            message: { text: 'först angiven här' },
        }]);
    });

    test('github and gitlab: unchanged, one entry per diagnostic and no related places', async () => {
        const github = (await run('github')).trimEnd().split('\n');
        expect(github.filter(line => line.startsWith('::')).length).toBe(github.length);
        expect(github).toHaveLength(4);
        expect(github.join('\n')).not.toMatch(/först (deklarerad|angiven)/);
        expect(await run('gitlab')).not.toMatch(/först (deklarerad|angiven)/);
    });
});
