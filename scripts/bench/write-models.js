// Writes the JSON plan model of every plan in a folder (input for the ajv baseline).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';
import { collectFiles } from '../../out/files/discovery.js';
import { buildWorkspace, readSources } from '../../out/workspace/load.js';
import { buildPlanModel } from '../../out/model/build-model.js';

const [dir, outDir] = process.argv.slice(2);
const services = createSuServices(EmptyFileSystem);
const files = collectFiles([dir]);
const loaded = await buildWorkspace(services, readSources([...files.catalogues, ...files.plans]));
let written = 0;
for (const entry of loaded) {
    if (!entry.file.endsWith('.suplan')) continue;
    const model = buildPlanModel(entry.document.parseResult.value, { source: path.relative(process.cwd(), entry.file) });
    writeFileSync(path.join(outDir, path.basename(entry.file, '.suplan') + '.json'), JSON.stringify(model));
    written++;
}
console.log(`   wrote ${written} JSON models for the ajv baseline`);
