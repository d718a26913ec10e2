import { readFileSync } from 'node:fs';
import type { ToolInfo } from './formats/report.js';

let packageInfo: ToolInfo | undefined;

/** Name, version and home page from package.json (two folders up from both src/cli and out/cli). */
export function toolInfo(): ToolInfo {
    if (!packageInfo) {
        const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
        const json = JSON.parse(text) as { version?: string; homepage?: string; repository?: { url?: string } | string };
        const repository = typeof json.repository === 'string' ? json.repository : json.repository?.url;
        const home = json.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '') ?? 'https://example.invalid/su-plan';
        packageInfo = { name: 'suplan', version: json.version ?? '0.0.0', informationUri: home };
    }
    return packageInfo;
}
