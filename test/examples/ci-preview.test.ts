import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { END, README, renderAnnotation, renderPreview, START, withPreview } from '../../scripts/ci-preview.js';
import { ensureBuilt } from '../cli/cli-helper.js';

beforeAll(() => ensureBuilt());

test("README's CI preview is what check --format github and diff --git write (npm run docs:ci)", () => {
    const readme = readFileSync(README, 'utf8');
    const block = renderPreview();
    expect(block).toContain('SU031');
    expect(block).toContain('Motiverande samtal (MI)');
    expect(withPreview(readme, block)).toBe(readme);
});

test('an annotation is unescaped as GitHub shows it', () => {
    expect(renderAnnotation('::error file=planer/a%2Cb.suplan,line=3,col=1,endLine=3,endColumn=4,title=SU012::100%25 fel%0Ahjälp: rätta')).toBe(
        '> **⛔ Fel SU012** · `planer/a,b.suplan`, rad 3  \n> 100% fel  \n> hjälp: rätta');
    expect(() => withPreview('no markers', `${START}\n${END}`)).toThrow(/ci-preview/);
});
