import { JSDOM } from 'jsdom';
import type * as XFormsEngine from '@getodk/xforms-engine';

/**
 * The ODK web-forms engine (`@getodk/xforms-engine`, the engine of ODK Web Forms) under jsdom:
 * its bundled XPath parser needs `__dirname`, and it reads `DOMParser`, `document` and `Node`
 * from the global scope, so they are set before the engine is imported (dynamically).
 */
export type OdkEngine = typeof XFormsEngine;

/** A node of an engine form instance, as far as the tests use it. */
export interface OdkNode {
    readonly nodeType: string;
    readonly currentState: { readonly reference: string; readonly relevant: boolean; readonly required: boolean; readonly value: unknown; readonly children: readonly OdkNode[] | null };
    readonly validationState?: { readonly constraint: { readonly valid: boolean } | null; readonly required: { readonly valid: boolean } | null };
    setValue?(value: unknown): unknown;
    selectValue?(value: string | null): unknown;
    selectValues?(values: readonly string[]): unknown;
}

let engine: Promise<OdkEngine> | undefined;

export function loadOdkEngine(): Promise<OdkEngine> {
    engine ??= (async () => {
        const dom = new JSDOM('');
        const scope = globalThis as Record<string, unknown>;
        scope['__dirname'] ??= '/';
        for (const name of ['DOMParser', 'XMLSerializer', 'document', 'Node']) scope[name] ??= (dom.window as unknown as Record<string, unknown>)[name];
        return import('@getodk/xforms-engine');
    })();
    return engine;
}

/** A form instance's root node. */
export async function createOdkInstance(xml: string): Promise<OdkNode> {
    const { createInstance } = await loadOdkEngine();
    const form = await createInstance(xml);
    return form.root as unknown as OdkNode;
}

/** Every node below `root`, depth first. */
export function odkNodes(root: OdkNode): OdkNode[] {
    const out: OdkNode[] = [];
    const walk = (node: OdkNode): void => {
        for (const child of node.currentState.children ?? []) { out.push(child); walk(child); }
    };
    walk(root);
    return out;
}

export function odkNode(root: OdkNode, reference: string): OdkNode {
    const found = odkNodes(root).find(n => n.currentState.reference === reference);
    if (!found) throw new Error(`no node ${reference}`);
    return found;
}

/** Answers a question as a person would: a choice by its value, several choices, or typed text. */
export function answer(node: OdkNode, value: string | readonly string[] | null): void {
    if (Array.isArray(value)) node.selectValues?.(value);
    else if (node.nodeType === 'select' && node.selectValue) node.selectValue(value as string | null);
    else node.setValue?.(value ?? '');
}

/** A value as plain JSON (integers come back as BigInt). */
export function plain(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
}
