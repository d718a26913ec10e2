// One plan with 500, 1,000 and 5,000 variable uses: parse + link + validate in-process, best of 3.
// The catalogue (5,000 variables) is built once beforehand, so only the plan's own work is timed.
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';
import { catalogueText, planText } from './corpus.js';

const services = createSuServices(EmptyFileSystem);
const workspace = services.shared.workspace;
const catalogue = workspace.LangiumDocumentFactory.fromString(catalogueText(5000), URI.file('/bench/bench.sucat'));
workspace.LangiumDocuments.addDocument(catalogue);
await workspace.DocumentBuilder.build([catalogue], { validation: true });

async function buildPlan(text) {
    const uri = URI.file('/bench/scaling.suplan');
    const start = performance.now();
    const document = workspace.LangiumDocumentFactory.fromString(text, uri);
    workspace.LangiumDocuments.addDocument(document);
    await workspace.DocumentBuilder.build([document], { validation: true });
    const elapsed = performance.now() - start;
    workspace.LangiumDocuments.deleteDocument(uri);
    return { elapsed, diagnostics: document.diagnostics?.length ?? 0 };
}

await buildPlan(planText(0, 300, 5000)); // warm-up
const rows = [];
for (const uses of [500, 1000, 5000]) {
    const text = planText(1, uses, 5000);
    let best = Infinity;
    let diagnostics = 0;
    for (let r = 0; r < 3; r++) {
        const result = await buildPlan(text);
        best = Math.min(best, result.elapsed);
        diagnostics = result.diagnostics;
    }
    rows.push({ uses, ms: best, diagnostics });
}
console.log(JSON.stringify(rows));
