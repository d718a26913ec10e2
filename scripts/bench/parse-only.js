// Baseline: Langium parses every file of a folder, without linking or validation.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createSuServices } from '../../out/language/suplan-services.js';

const dir = process.argv[2];
const services = createSuServices(EmptyFileSystem);
let errors = 0;
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.suplan') || f.endsWith('.sucat'));
for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const parser = file.endsWith('.sucat') ? services.sucat.parser.LangiumParser : services.suplan.parser.LangiumParser;
    errors += parser.parse(text).parserErrors.length;
}
console.log(JSON.stringify({ files: files.length, errors }));
