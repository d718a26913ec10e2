import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateXlsForm } from '../../src/generators/xlsform/index.js';
import { renderXForm } from '../../src/generators/xform/index.js';
import { exampleModels } from '../data/example-models.js';
import { HOSTILE, hostileModel } from '../generators/forms/hostile-plan.js';
import { missingConsumer, removeTempDirs, tempDir } from './editor-helpers.js';

/**
 * The XLSForm (`--target xlsform`). The reference converter pyxform cannot be installed here (no
 * PyPI), so Debian's python3-openpyxl reads every example plan's XLSForm (once, for all of them)
 * and the test checks it against the XLSForm specification sheet by sheet — the survey, choices
 * and settings sheets with their required columns, every `type` a known XLSForm type, every
 * `list_name` defined, every `${name}` in `relevant`, `constraint` and `repeat_count` an existing
 * question, groups and repeats balanced — and then that it agrees with our XForm question by
 * question: the same questions at the same paths, types, choices, labels, hints, required flags,
 * and relevance and constraints that are the XForm's expressions once `${name}` is the XForm's path.
 */
const PYTHON = '/usr/bin/python3';
function hasOpenpyxl(): boolean {
    try {
        execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'pipe' });
        return true;
    } catch {
        return false;
    }
}
const skip = missingConsumer(hasOpenpyxl() ? undefined : 'python3-openpyxl is missing (Debian package python3-openpyxl, run with /usr/bin/python3)');

const READ = String.raw`
import json, sys, openpyxl
out = {}
for name in sys.argv[1:]:
    wb = openpyxl.load_workbook(name)
    out[name] = {s: [[{'v': c.value, 't': c.data_type} for c in row] for row in wb[s].iter_rows()] for s in wb.sheetnames}
print(json.dumps(out))
`;

/** The part of a DOM element the comparison reads. */
interface XmlElement {
    readonly localName: string;
    readonly textContent: string | null;
    readonly children: Iterable<XmlElement>;
}

type Sheet = Array<Array<{ v: string | number | null; t: string }>>;
type Rows = Array<Record<string, string>>;

function records(sheet: Sheet): Rows {
    const [header, ...body] = sheet;
    const names = header.map(c => String(c.v ?? ''));
    return body.map(row => Object.fromEntries(names.map((n, i) => [n, row[i]?.v === null || row[i]?.v === undefined ? '' : String(row[i].v)])));
}

const TYPES = /^(integer|decimal|text|date|begin_group|end_group|begin_repeat|end_repeat|select_one \S+|select_multiple \S+)$/;
const LABEL = 'label::Svenska (sv)';
const HINT = 'hint::Svenska (sv)';

describe.skipIf(skip !== undefined)('xlsform: the specification sheet by sheet, and agreement with the XForm', () => {
    let dir: string;
    let books: Record<string, Record<string, Sheet>>;
    const xforms = new Map<string, string>();

    beforeAll(async () => {
        dir = tempDir('suplan-xlsform-');
        const files: string[] = [];
        const models = [...await exampleModels(), ['hostile.suplan', await hostileModel()] as const];
        for (const [file, model] of models) {
            const [generated] = await generateXlsForm(model, { baseName: file.replace('.suplan', ''), language: 'sv' });
            const target = path.join(dir, generated.path);
            writeFileSync(target, generated.content);
            files.push(target);
            xforms.set(target, renderXForm(model));
        }
        books = JSON.parse(execFileSync(PYTHON, ['-c', READ, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, Record<string, Sheet>>;
    });

    afterAll(() => removeTempDirs());

    test('survey, choices and settings sheets with their required columns; every type, list and ${name} defined', () => {
        for (const [file, book] of Object.entries(books)) {
            expect(Object.keys(book), file).toEqual(['survey', 'choices', 'settings']);
            const survey = records(book['survey']);
            const choices = records(book['choices']);
            const settings = records(book['settings']);
            expect(book['survey'][0].map(c => c.v)).toEqual(expect.arrayContaining(['type', 'name', LABEL, 'required', 'relevant', 'constraint']));
            expect(book['choices'][0].map(c => c.v)).toEqual(['list_name', 'name', LABEL]);
            expect(settings).toHaveLength(1);
            expect(settings[0]['form_id']).toMatch(/^[A-Za-z0-9._-]+$/);
            expect(settings[0]['version']).not.toBe('');
            expect(settings[0]['default_language']).toBe('Svenska (sv)');

            const lists = new Set(choices.map(c => c['list_name']));
            const names = new Set<string>();
            const stack: string[] = [];
            for (const row of survey) {
                expect(row['type'], `${file}: ${row['name']}`).toMatch(TYPES);
                const [kind, list] = row['type'].split(' ');
                if (list !== undefined) expect(lists, `${file}: list ${list}`).toContain(list);
                if (kind.startsWith('begin_')) stack.push(kind.slice(6));
                else if (kind.startsWith('end_')) expect(stack.pop()).toBe(kind.slice(4));
                if (!kind.startsWith('end_')) {
                    expect(row['name'], file).toMatch(/^[\p{L}_][\p{L}\p{N}_.-]*$/u);
                    expect(names.has(row['name']), `${file}: ${row['name']} is unique`).toBe(false);
                    names.add(row['name']);
                    if (!kind.startsWith('begin_')) expect(row[LABEL], `${file}: ${row['name']} has a label`).not.toBe('');
                }
            }
            expect(stack).toEqual([]);
            for (const row of survey) {
                for (const column of ['relevant', 'constraint', 'repeat_count']) {
                    for (const [, name] of row[column].matchAll(/\$\{([^}]*)\}/g)) expect(names, `${file}: ${row['name']}.${column} → ${name}`).toContain(name);
                }
            }
            // Every list's codes are unique.
            for (const list of lists) {
                const codes = choices.filter(c => c['list_name'] === list).map(c => c['name']);
                expect(new Set(codes).size).toBe(codes.length);
            }
            // No cell is a formula.
            expect(Object.values(book).flat(2).filter(c => c.t === 'f')).toEqual([]);
        }
    });

    test('the XLSForm and the XForm agree question by question', () => {
        let questions = 0;
        for (const [file, book] of Object.entries(books)) {
            const survey = records(book['survey']);
            const choices = records(book['choices']);
            const dom = new JSDOM('');
            const xml = new dom.window.DOMParser().parseFromString(xforms.get(file) ?? '', 'application/xml');
            const binds = new Map([...xml.getElementsByTagName('bind')].map(b => [b.getAttribute('nodeset') ?? '', b]));
            const controls = new Map([...xml.querySelectorAll('input, select1, select, group, repeat')]
                .map(c => [c.getAttribute('ref') ?? c.getAttribute('nodeset') ?? '', c]));
            const paths = new Map<string, { path: string; repeat?: string }>();
            const stack: Array<{ name: string; repeat: boolean }> = [];
            for (const row of survey) {
                const kind = row['type'].split(' ')[0];
                if (kind.startsWith('end_')) { stack.pop(); continue; }
                const here = ['/data', ...stack.map(s => s.name), row['name']].join('/');
                const repeatAt = [...stack].reverse().findIndex(s => s.repeat);
                const repeat = repeatAt < 0 ? undefined : ['/data', ...stack.slice(0, stack.length - repeatAt).map(s => s.name)].join('/');
                paths.set(row['name'], { path: here, repeat });
                if (kind.startsWith('begin_')) stack.push({ name: row['name'], repeat: kind === 'begin_repeat' });
            }
            /** `${name}` as the XForm writes it: a sibling in the same repeat relatively, else the absolute path. */
            const asXForm = (expression: string, from: string): string => expression.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
                const target = paths.get(name);
                const own = paths.get(from);
                return target && own && target.repeat !== undefined && target.repeat === own.repeat ? `../${name}` : target?.path ?? name;
            });
            const unescape = (text: string): string => text.replace(/\$\u200B\{/g, '${');
            const xformTypes: Record<string, string> = { integer: 'int', decimal: 'decimal', date: 'date', text: 'string', select_one: 'string', select_multiple: 'string' };
            for (const row of survey) {
                const [kind, list] = row['type'].split(' ');
                if (kind.startsWith('end_')) continue;
                const where = paths.get(row['name'])?.path ?? '';
                const control = controls.get(where);
                expect(control, `${file}: ${where} in the XForm body`).toBeDefined();
                const bind = binds.get(where);
                expect(bind?.getAttribute('relevant') ?? '', `${file}: ${where} relevant`).toBe(asXForm(row['relevant'], row['name']));
                if (kind.startsWith('begin_')) {
                    if (kind === 'begin_repeat') {
                        const repeat = controls.get(where);
                        expect(repeat?.localName).toBe('repeat');
                        expect(repeat?.getAttribute('jr:count') ?? '').toBe(asXForm(row['repeat_count'], row['name']));
                    }
                    continue;
                }
                questions += 1;
                expect(bind?.getAttribute('type'), `${file}: ${where} type`).toBe(xformTypes[kind]);
                expect(control?.localName).toBe(kind === 'select_one' ? 'select1' : kind === 'select_multiple' ? 'select' : 'input');
                expect(bind?.getAttribute('required') === 'true()', `${file}: ${where} required`).toBe(row['required'] === 'yes');
                expect(bind?.getAttribute('constraint') ?? '', `${file}: ${where} constraint`).toBe(row['constraint']);
                expect(bind?.getAttribute('jr:constraintMsg') ?? '').toBe(row['constraint_message::Svenska (sv)']);
                const labelOf = (element: XmlElement | undefined, tag: string): string => [...element?.children ?? []].find(c => c.localName === tag)?.textContent ?? '';
                expect(labelOf(control, 'label'), `${file}: ${where} label`).toBe(unescape(row[LABEL]));
                expect(labelOf(control, 'hint'), `${file}: ${where} hint`).toBe(unescape(row[HINT]));
                if (list !== undefined) {
                    const items = [...control?.getElementsByTagName('item') ?? []].map(i => [labelOf(i, 'value'), labelOf(i, 'label')]);
                    expect(items, `${file}: ${where} choices`).toEqual(choices.filter(c => c['list_name'] === list).map(c => [c['name'], unescape(c[LABEL])]));
                }
            }
        }
        expect(questions).toBeGreaterThan(100);
    });

    test('hostile plan text stays plain text in the XLSForm: strings, no formula, no ${ reference', () => {
        const file = Object.keys(books).find(f => f.endsWith('hostile.xlsform.xlsx')) ?? '';
        const survey = records(books[file]['survey']);
        const kön = survey.find(r => r['name'] === 'kön');
        expect(kön?.[LABEL]).toBe(`${HOSTILE} Barnets kön`.replace('${', '$\u200B{'));
        const labels = survey.map(r => r[LABEL]).join('\n') + records(books[file]['choices']).map(r => r[LABEL]).join('\n');
        expect(labels).not.toContain('${');
        const cells = Object.values(books[file]).flat(2);
        expect(cells.filter(c => c.t === 'f')).toEqual([]);
        expect(cells.some(c => typeof c.v === 'string' && c.v.startsWith('=HYPERLINK('))).toBe(true); // a choice label as written, a string
    });
});
