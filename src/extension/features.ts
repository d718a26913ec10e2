import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { generate, GENERATE_COMMAND } from './commands/generate.js';
import { NEW_PLAN_COMMAND, newPlan } from './commands/new-plan.js';
import { PlanPreviews, PREVIEW_COMMAND } from './preview.js';

/** The commands both builds (desktop and web) register; ids as in package.json. */
export function registerFeatures(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    const previews = new PlanPreviews(client);
    context.subscriptions.push(
        previews,
        vscode.commands.registerCommand(NEW_PLAN_COMMAND, (argument?: unknown) => newPlan(client, argument)),
        vscode.commands.registerCommand(GENERATE_COMMAND, (argument?: unknown) => generate(client, argument)),
        vscode.commands.registerCommand(PREVIEW_COMMAND, (argument?: unknown) => previews.show(argument)),
    );
}
