import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { isPlan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildPlanModel } from '../../src/model/build-model.js';
import type { PlanModel } from '../../src/model/plan-model.js';
import { buildWorkspace, readSources } from '../../src/workspace/load.js';

/** The example plans' models, by file name (`08-bbic-samtal.suplan`), built once per test file. */
let cached: Promise<Map<string, PlanModel>> | undefined;

export function exampleModels(): Promise<Map<string, PlanModel>> {
    cached ??= (async () => {
        const services = createSuServices(EmptyFileSystem);
        const list = (dir: string, ext: string): string[] => readdirSync(dir).filter(f => f.endsWith(ext)).sort().map(f => path.join(dir, f));
        const loaded = await buildWorkspace(services, readSources([...list('examples/plans', '.suplan'), ...list('examples/catalogues', '.sucat')]));
        const models = new Map<string, PlanModel>();
        for (const document of loaded) {
            const root = document.document.parseResult.value;
            if (!isPlan(root)) continue;
            const source = path.relative(process.cwd(), document.file).split(path.sep).join('/');
            models.set(path.basename(document.file), buildPlanModel(root, { source, catalogues: services.suplan.catalogue.CatalogueResolver }));
        }
        return models;
    })();
    return cached;
}

export async function exampleModel(file: string): Promise<PlanModel> {
    const model = (await exampleModels()).get(file);
    if (!model) throw new Error(`no example plan ${file}`);
    return model;
}
