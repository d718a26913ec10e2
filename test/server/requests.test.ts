import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { starterVariable } from '../../src/language/catalogue-starter.js';
import { newPlanCatalogues } from '../../src/server/requests.js';
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
