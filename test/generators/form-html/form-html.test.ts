import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formSpec, generateFormHtml, renderFormPage } from '../../../src/generators/form-html/index.js';
import type { PlanModel } from '../../../src/model/plan-model.js';
import { exampleModel, exampleModels } from '../../data/example-models.js';

const NASTY = '</script><img src=x onerror="alert(1)"> "citat" \'apostrof\' {{mall}} <!-- & =SUMMA(A1)';

/** Plan 08 with every text a user could write replaced by hostile text. */
async function hostileModel(): Promise<PlanModel> {
    const model = await exampleModel('08-bbic-samtal.suplan');
    return {
        ...model,
        title: `Titel ${NASTY}`,
        question: `Fråga ${NASTY}`,
        variables: model.variables.map(v => ({
            ...v, label: `${v.label} ${NASTY}`, definition: `Definition ${NASTY}`,
            valueSet: 'codes' in v.valueSet ? { ...v.valueSet, codes: v.valueSet.codes.map(c => ({ ...c, label: `${c.label} ${NASTY}` })) } : v.valueSet,
        })),
    };
}

describe('form-html', () => {
    test('the browser script type-checks with the DOM library (tsconfig.form.json)', () => {
        const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
        const result = spawnSync(process.execPath, [tsc, '-p', 'src/generators/form-html/tsconfig.form.json'], { encoding: 'utf8' });
        expect(result.stdout + result.stderr).toBe('');
        expect(result.status).toBe(0);
    });

    test('every example plan gives one self-contained page that names no other resource', async () => {
        for (const [file, model] of await exampleModels()) {
            const files = generateFormHtml(model, { baseName: file.replace('.suplan', ''), language: 'sv' });
            expect(files.map(f => f.path)).toEqual([file.replace('.suplan', '.form.html'), file.replace('.suplan', '.kodbok.md')]);
            const html = String(files[0].content);
            expect(html).toContain("default-src 'none'");
            const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');
            expect(markup).not.toMatch(/\b(?:src|href)\s*=|https?:\/\/|@import|url\(/i);
            expect(html).not.toMatch(/https?:\/\//);
            expect(html.match(/<script\b/g)).toHaveLength(2);
        }
    });

    test('plan text with </script>, quotes, <img onerror> and {{ is plain text in the page', async () => {
        const model = await hostileModel();
        const html = renderFormPage(model);
        expect(html).not.toContain('<img');
        expect(html.match(/<\/script>/g)).toHaveLength(2);
        expect(html).not.toContain('<!--');
        expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
        const json = /<script type="application\/json" id="form-spec">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
        const spec = JSON.parse(json) as ReturnType<typeof formSpec>;
        expect(spec.title).toBe(model.title);
        expect(spec.fields[0].label).toContain(NASTY);
    });

    test('the spec: conditions, refined codes with their originals, grids for item groups, respondents and goals', async () => {
        const spec08 = formSpec(await exampleModel('08-bbic-samtal.suplan'));
        const field = (id: string) => spec08.fields.find(f => f.id === id);
        expect(field('samtal_enskilt')?.codes?.map(c => c.code)).toEqual([11, 12, 13, 14, 2]);
        expect(field('samtal_enskilt')?.originals).toEqual({ 11: 1, 12: 1, 13: 1, 14: 1, 2: 2 });
        expect(field('antal_samtal')?.condition).toEqual([{ variable: 'samtal_enskilt', codes: [11, 12, 13, 14] }]);
        expect(field('hinder_annat')?.optional).toBe(true);
        expect(field('kön')?.points).toBeUndefined();
        expect(spec08.storagePrefix).toBe('suplan:08-bbic-samtal:1.1:');
        const spec03 = formSpec(await exampleModel('03-hemmaplansteam.suplan'));
        expect(spec03.fields.find(f => f.id === 'kom1')?.group?.id).toBe('kommunikation');
        expect(spec03.rowsAt).toEqual({ före: ['barn', 'förälder'], uppföljning: ['barn', 'förälder', 'ärende'] });
        expect(formSpec(await exampleModel('04-malupfyllelse-gas.suplan')).goals).toBe(3);
    });
});
