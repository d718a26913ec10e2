import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace, type LoadedDocument } from '../../../src/workspace/load.js';

/** One document whose processing throws: the error is reported on it, and every other document is built and checked. */
const plan = readFileSync('examples/plans/01-ekonomiskt-bistand.suplan', 'utf8');
const catalogues = ['bbic-2023.sucat', 'bbic-2024.sucat'].map(name => ({ file: path.resolve('examples/catalogues', name), text: readFileSync(path.resolve('examples/catalogues', name), 'utf8') }));
// The purpose "oklart" gives SU004: proof that the good plan is checked.
const good = { file: path.resolve('/ws/good.suplan'), text: plan.replace('syfte kvalitetssäkring', 'syfte oklart') };
const bad = { file: path.resolve('/ws/bad.suplan'), text: plan };

function messages(document: LoadedDocument): string[] {
    return document.diagnostics.map(d => `${d.code ?? ''} ${String(d.message)}`);
}

describe('an internal error in one document', () => {
    test.each(['parsing', 'scopes', 'linking', 'validation'] as const)('in %s is reported on that document; the others are checked', async step => {
        const services = createSuServices(EmptyFileSystem);
        services.suplan.catalogue.MessageLocale.language = 'en';
        const isBad = (document: LangiumDocument | undefined): boolean => document?.uri.path.endsWith('/bad.suplan') === true;
        const boom = (): never => { throw new Error(`boom in ${step}`); };
        if (step === 'parsing') {
            const parser = services.suplan.parser.LangiumParser;
            const parse = parser.parse.bind(parser);
            parser.parse = ((text: string, options?: object) => (text === bad.text ? boom() : parse(text, options))) as typeof parser.parse;
        } else if (step === 'scopes') {
            const computation = services.suplan.references.ScopeComputation;
            const collect = computation.collectLocalSymbols.bind(computation);
            computation.collectLocalSymbols = (document, token) => (isBad(document) ? boom() : collect(document, token));
        } else if (step === 'linking') {
            const linker = services.suplan.references.Linker;
            const link = linker.link.bind(linker);
            linker.link = (document, token) => (isBad(document) ? boom() : link(document, token));
        } else {
            const validator = services.suplan.validation.DocumentValidator;
            const validate = validator.validateDocument.bind(validator);
            validator.validateDocument = (document, options, token) => (isBad(document) ? boom() : validate(document, options, token));
        }
        const built = await buildWorkspace(services, [...catalogues, good, bad]);
        const [goodDocument, badDocument] = [built.find(d => d.file === good.file)!, built.find(d => d.file === bad.file)!];
        expect(messages(badDocument).filter(m => m.includes('Internal error'))).toEqual([
            expect.stringMatching(new RegExp(`^ Internal error in SU-plan while processing this file \\(${step === 'scopes' ? 'scopes' : step}\\): boom in ${step}\\.`)),
        ]);
        expect(messages(goodDocument).some(m => m.startsWith('SU004 '))).toBe(true);
        expect(messages(goodDocument).filter(m => m.includes('Internal error'))).toEqual([]);
    });
});
