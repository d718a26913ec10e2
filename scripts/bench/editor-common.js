// Shared by the editor benchmarks: the temporary workspace on disk, the parse-only baseline and printing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';
import { catalogueText, planText } from './corpus.js';

/**
 * Writes a workspace folder: `kataloger/bench.sucat` with `catalogueSize` variables, `plans - 1`
 * small plans with `smallUses` uses each and one big plan `stor-plan.suplan` with `bigUses` uses.
 * Returns the folder, the big plan's path and text, and the URIs of every file.
 */
export function writeWorkspace({ plans, smallUses, bigUses, catalogueSize, prefix = 'suplan-bench-', bigText }) {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    mkdirSync(path.join(dir, 'kataloger'));
    const files = [];
    const write = (file, text) => {
        writeFileSync(file, text);
        files.push(file);
    };
    write(path.join(dir, 'kataloger', 'bench.sucat'), catalogueText(catalogueSize));
    for (let i = 0; i < plans - 1; i++) {
        write(path.join(dir, `plan-${String(i).padStart(4, '0')}.suplan`), planText(i, smallUses, catalogueSize));
    }
    const big = path.join(dir, 'stor-plan.suplan');
    const text = bigText ?? planText(plans, bigUses, catalogueSize);
    write(big, text);
    return { dir, rootUri: fileUri(dir), big, bigUri: fileUri(big), bigText: text, files, uris: files.map(fileUri) };
}

export function fileUri(file) {
    return pathToFileURL(file).href;
}

/**
 * The parse-only baseline: Langium's plan parser (no linking, no validation) on `text`, in this
 * process, after `warmup` unmeasured parses; returns the median and the minimum of `runs` parses.
 */
export function parseBaseline(text, { runs = 25, warmup = 10 } = {}) {
    const services = createSuServices(EmptyFileSystem);
    const parser = services.suplan.parser.LangiumParser;
    let errors = 0;
    for (let i = 0; i < warmup; i++) parser.parse(text);
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        errors = parser.parse(text).parserErrors.length;
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], min: times[0], errors };
}

export function ms(value) {
    return `${value.toFixed(1).padStart(8)} ms`;
}

export function ratio(value, base) {
    return `${(value / base).toFixed(2)}×`;
}

export function lines(text) {
    return text.split('\n');
}
