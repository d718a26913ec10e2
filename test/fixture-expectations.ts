import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';

/** `// förväntat: SU012 12:5-12:19` — 1-based lines and columns; the end column is one past the last character. */
const EXPECTATION = /\/\/\s*förväntat:\s*(SU\d{3})\s+(\d+):(\d+)-(\d+):(\d+)/g;

export function expectedDiagnostics(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(EXPECTATION)].map(m => `${m[1]} ${m[2]}:${m[3]}-${m[4]}:${m[5]}`).sort();
}

export function renderDiagnostic(d: Diagnostic): string {
    const r = d.range;
    return `${String(d.code)} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}
