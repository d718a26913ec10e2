import { describe, expect, test } from 'vitest';
import { buildSurvey, surveyQuestions } from '../../../src/data/index.js';
import { editorTargets, findTarget } from '../../../src/generators/registry.js';
import { renderXForm } from '../../../src/generators/xform/index.js';
import { xlsformRows, xlsformText } from '../../../src/generators/xlsform/index.js';
import { exampleModels } from '../../data/example-models.js';

/** Forms II: the targets are registered as heavy CLI targets, and every example plan's survey is well formed. */
describe('form-xlsx, xlsform, xform', () => {
    test('registered: bytes for the workbooks, never offered by the editor', () => {
        expect(findTarget('form-xlsx')).toMatchObject({ output: 'bytes', editor: false });
        expect(findTarget('xlsform')).toMatchObject({ output: 'bytes', editor: false });
        expect(findTarget('xform')).toMatchObject({ output: 'text', editor: false });
        expect(editorTargets().map(t => t.id)).not.toEqual(expect.arrayContaining(['form-xlsx', 'xlsform', 'xform']));
    });

    test('every example plan: unique question names, every field asked, the XForm and XLSForm rows built', async () => {
        for (const [file, model] of await exampleModels()) {
            const survey = buildSurvey(model);
            const names = surveyQuestions(survey).map(q => q.question.name);
            expect(new Set(names).size, file).toBe(names.length);
            const asked = new Set(surveyQuestions(survey).map(q => q.question.field).filter(f => f !== undefined));
            expect([...asked].sort(), file).toEqual(survey.spec.fields.map(f => f.id).sort());
            expect(renderXForm(model)).toContain(`version="${survey.version}"`);
            const rows = xlsformRows(model);
            expect(rows.survey.filter(r => r.type?.startsWith('begin_')).length).toBe(rows.survey.filter(r => r.type?.startsWith('end_')).length);
            expect(rows.settings[2]).toBe(survey.version);
        }
    });

    test('XLSForm label text: ${ never becomes a reference', () => {
        expect(xlsformText('Se ${ålder} och ${kön}')).toBe('Se $\u200B{ålder} och $\u200B{kön}');
        expect(xlsformText('Pris $ 5 {x}')).toBe('Pris $ 5 {x}');
    });
});
