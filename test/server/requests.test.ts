import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { starterVariable } from '../../src/language/catalogue-starter.js';
import { URI } from 'langium';
import { editorTargets, TARGETS } from '../../src/generators/registry.js';
import { generateForEditor, newPlanCatalogues } from '../../src/server/requests.js';
import { isCatalogue } from '../../src/language/generated/ast.js';
import { LspWorkspace } from '../language/lsp/lsp-test-helper.js';

const example = (name: string): { file: string; text: string } => ({ file: `/ws/${name}`, text: readFileSync(`examples/catalogues/${name}`, 'utf8') });

describe('the catalogues a new plan can start from', () => {
    test('every catalogue version with a variable to start from, by name, newest version first', async () => {
        const workspace = new LspWorkspace();
        const onlyText = { file: '/ws/fri.sucat', text: 'katalog fri version "1" {\n    variabel anteckning { etikett "Anteckning" värdemängd text }\n}\n' };
        await workspace.build([example('bbic-2023.sucat'), onlyText, example('bbic-2024.sucat')]);
        await workspace.services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const found = await newPlanCatalogues(workspace.services);
        // `fri` has only a free-text variable: nothing for the template to count, so it is not offered.
        expect(found.map(c => `${c.name} ${c.version}`)).toEqual(['bbic 2024', 'bbic 2023']);
        const catalogue = workspace.services.suplan.catalogue.CatalogueResolver.resolve('bbic', '2024')!.catalogue;
        expect(found[0].variable).toEqual(starterVariable(catalogue));
        const chosen = catalogue.variables.find(v => v.name === found[0].variable.name);
        expect(chosen?.valueSet?.$type).toBe('YesNoSet');
        expect(isCatalogue(catalogue)).toBe(true);
    });
});

describe('generation for the editor', () => {
    const plan = { file: '/ws/plan.suplan', text: readFileSync('examples/plans/08-bbic-samtal.suplan', 'utf8') };

    test('offers the registry\'s light text targets, and generates their files from the server\'s state', async () => {
        expect(editorTargets().map(target => target.id)).toEqual(TARGETS.filter(t => t.editor && t.output === 'text').map(t => t.id));
        expect(editorTargets().map(target => target.id)).toEqual(expect.arrayContaining(['markdown', 'json']));
        const workspace = new LspWorkspace();
        await workspace.build([example('bbic-2023.sucat'), plan]);
        await workspace.services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const uri = URI.file(plan.file).toString();
        const markdown = await generateForEditor(workspace.services, { uri, target: 'markdown', language: 'en' });
        expect(markdown.ok).toBe(true);
        if (!markdown.ok) return;
        expect(markdown.files.map(file => file.path)).toEqual(['plan.md']);
        expect(markdown.files[0].content).toMatch(/^# /);
        const json = await generateForEditor(workspace.services, { uri, target: 'json' });
        expect(json.ok && JSON.parse(json.files[0].content)).toMatchObject({ schemaVersion: 1, source: 'plan.suplan' });
    });

    test('the plan document names the git commit the Node server finds, "modified" when the editor\'s text is not the file\'s', async () => {
        const workspace = new LspWorkspace();
        await workspace.build([example('bbic-2023.sucat'), plan]);
        await workspace.services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const uri = URI.file(plan.file).toString();
        const commit = '0123456789abcdef0123456789abcdef01234567';
        const asked: string[] = [];
        const info = (onDisk: string | undefined, state: 'committed' | 'modified' | 'untracked' = 'committed') => ({
            revisionOf: (file: string) => {
                asked.push(file);
                return { commit, state };
            },
            readText: () => onDisk,
        });
        const html = async (fileInfo?: Parameters<typeof generateForEditor>[2]): Promise<string> => {
            const result = await generateForEditor(workspace.services, { uri, target: 'plan-html' }, fileInfo);
            expect(result.ok).toBe(true);
            return result.ok ? result.files[0].content : '';
        };
        const approval = (page: string) => /<dt>Git-version<\/dt><dd>(.*?)<\/dd>/.exec(page)?.[1];
        expect(approval(await html(info(plan.text)))).toBe('<code>0123456789ab</code>');
        expect(asked).toEqual([URI.file(plan.file).fsPath]);
        expect(approval(await html(info(`${plan.text}\n// osparad ändring`)))).toBe('<code>0123456789ab</code> (planfilen ändrad sedan dess)');
        expect(approval(await html(info(plan.text, 'untracked')))).toBe('<code>0123456789ab</code> (planfilen är inte incheckad)');
        // A server without git (the browser) and a target that shows no commit do not ask.
        expect(approval(await html())).toBe('<em>inte känd</em>');
        asked.length = 0;
        await generateForEditor(workspace.services, { uri, target: 'markdown' }, info(plan.text));
        expect(asked).toEqual([]);
    });

    test('refuses an unknown target and a plan with errors, in the asked language', async () => {
        const workspace = new LspWorkspace();
        const broken = { file: '/ws/broken.suplan', text: plan.text.replace(/använd bbic\.(\w+)/, 'använd bbic.$1_x') };
        await workspace.build([example('bbic-2023.sucat'), broken]);
        await workspace.services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const uri = URI.file(broken.file).toString();
        expect(await generateForEditor(workspace.services, { uri, target: 'pdf', language: 'en' })).toEqual({ ok: false, message: 'Unknown target: pdf' });
        const result = await generateForEditor(workspace.services, { uri, target: 'markdown' });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.message).toMatch(/^Planen har \d+ fel\./);
    });
});
