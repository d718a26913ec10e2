import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readDataFile, validateData } from '../../src/data/index.js';
import { looksLikeIdentityNumber } from '../../src/text/identity-number.js';
import { exampleModel } from '../data/example-models.js';
import { ensureBuilt, runCli, tempDir } from './cli-helper.js';

const PLAN = 'examples/plans/08-bbic-samtal.suplan';

describe('suplan synth', () => {
    beforeAll(() => ensureBuilt());

    test('writes valid, deterministic data to standard output (the acceptance command)', async () => {
        const first = await runCli(['synth', PLAN, '--clients', '40', '--seed', '1']);
        expect(first.code, first.stderr).toBe(0);
        expect(first.stdout.startsWith('\uFEFFplan;planversion;enhet;ärendekod;')).toBe(true);
        const again = await runCli(['synth', PLAN, '--clients', '40', '--seed', '1']);
        expect(again.stdout).toBe(first.stdout);
        const other = await runCli(['synth', PLAN, '--clients', '40', '--seed', '2']);
        expect(other.stdout).not.toBe(first.stdout);
        const model = await exampleModel('08-bbic-samtal.suplan');
        const result = validateData(model, readDataFile(Buffer.from(first.stdout, 'utf8')));
        expect(result.issues).toEqual([]);
        expect(new Set(result.rows.map(r => r['ärendekod'])).size).toBe(40);
        // No identity numbers anywhere; "ej aktuell" and missing answers occur.
        expect(looksLikeIdentityNumber(first.stdout)).toBe(false);
        expect(first.stdout).toContain('ej aktuell');
        expect(result.rows.some(r => r['antal_samtal'] === null)).toBe(true);
    });

    test('--units spreads clients over units unevenly; --out writes the data package and codebook beside the file', async () => {
        const dir = tempDir('suplan-synth-');
        const out = path.join(dir, 'd.csv');
        const result = await runCli(['synth', 'examples/plans/03-hemmaplansteam.suplan', '--clients', '60', '--seed', '5', '--units', '3', '--out', out]);
        expect(result.code, result.stderr).toBe(0);
        const model = await exampleModel('03-hemmaplansteam.suplan');
        const data = validateData(model, readDataFile(readFileSync(out)));
        expect(data.issues).toEqual([]);
        const perUnit = new Map<string, Set<string>>();
        for (const row of data.rows) perUnit.set(String(row['enhet']), (perUnit.get(String(row['enhet'])) ?? new Set()).add(String(row['ärendekod'])));
        const sizes = [...perUnit.values()].map(s => s.size).sort((a, b) => b - a);
        expect(sizes).toHaveLength(3);
        expect(sizes[0]).toBeGreaterThan(sizes[2]);
        // Dropouts: fewer clients at the follow-up than before.
        const at = (point: string) => new Set(data.rows.filter(r => r['mätpunkt'] === point).map(r => r['ärendekod'])).size;
        expect(at('uppföljning')).toBeLessThan(at('före'));
        const descriptor = JSON.parse(readFileSync(path.join(dir, 'd.datapackage.json'), 'utf8')) as { resources: Array<{ path: string }> };
        expect(descriptor.resources[0].path).toBe('d.csv');
        expect(readFileSync(path.join(dir, 'd.kodbok.md'), 'utf8')).toContain('# Kodbok');
    });

    test('a bad number is a usage error (exit 2) with a one-line message in the chosen language', async () => {
        const result = await runCli(['synth', PLAN, '--clients', 'många', '--lang', 'en']);
        expect(result.code).toBe(2);
        expect(result.stderr.trim()).toBe('suplan: --clients must be a whole number 1–1000000 (got "många")');
    });
});
