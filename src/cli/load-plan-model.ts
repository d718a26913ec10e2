import * as path from 'node:path';
import type { PlanModel } from '../model/plan-model.js';
import { makeReport } from './check-report.js';
import { displayPath } from './display-path.js';
import { formatText } from './formats/text.js';
import { exitCodeFor } from './formats/report.js';
import { loadWorkspace } from './load-workspace.js';
import { t, type CliLanguage } from './messages.js';

/**
 * Checks one plan and builds its model, for the commands that work from a plan (`generate`,
 * `synth`). Errors stop the command: they are printed with a line saying nothing was written, and
 * the result is undefined. Warnings are printed but do not stop it.
 */
export async function loadPlanModel(planFile: string, options: { readonly language: CliLanguage; readonly catalogue?: readonly string[] }): Promise<PlanModel | undefined> {
    const { language } = options;
    const workspace = await loadWorkspace({
        paths: [planFile], catalogues: options.catalogue ?? [], language, cwd: process.cwd(), plansOnly: true,
    });
    const report = makeReport(workspace, language);
    const planDocument = workspace.documents.find(d => d.role === 'given' && d.file === path.resolve(planFile));
    const hasErrors = report.diagnostics.some(d => d.severity === 'error');
    if (exitCodeFor(report.diagnostics) !== 0) process.stderr.write(formatText(report));
    // Every unresolved reference is an error diagnostic; the second test keeps a model from ever
    // being built with a reference silently left out, should a diagnostic go missing.
    if (hasErrors || !planDocument || planDocument.document.references.some(reference => reference.error !== undefined)) {
        process.stderr.write(t(language, 'notGenerated', displayPath(workspace.repositoryRoot, planFile)) + '\n');
        return undefined;
    }
    const { buildPlanModel } = await import('../model/build-model.js');
    const { isPlan } = await import('../language/generated/ast.js');
    const root = planDocument.document.parseResult.value;
    if (!isPlan(root)) throw new Error(`${planFile}: the parsed root is not a plan`);
    return buildPlanModel(root, { source: planDocument.shown, catalogues: workspace.services.suplan.catalogue.CatalogueResolver });
}
