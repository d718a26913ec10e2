import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { createSuServices } from '../../../src/language/suplan-services.js';
import { buildWorkspace, type SourceText } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan, rangeOf, rangeWithin } from './plan-validation-helper.js';

const services = createSuServices(EmptyFileSystem);

/** The diagnostics with `code` of the first source, built in `language`. */
async function withCode(sources: readonly SourceText[], code: string, language: 'sv' | 'en' = 'sv'): Promise<Diagnostic[]> {
    services.suplan.catalogue.MessageLocale.language = language;
    const [loaded] = await buildWorkspace(services, [...sources, TEST_CATALOGUE]);
    return loaded.diagnostics.filter(d => d.code === code);
}

/** `line:col-line:col`, 1-based, as `rangeOf` writes it. */
function shown(range: Range): string {
    return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** Each diagnostic's related information as `uri range message`. */
function related(diagnostics: readonly Diagnostic[]): string[][] {
    return diagnostics.map(d => (d.relatedInformation ?? []).map(r => `${r.location.uri} ${shown(r.location.range)} ${r.message}`));
}

const PLAN = 'file:///ws/plan.suplan';

describe('a repeat points to the first one (LSP relatedInformation)', () => {
    test('SU030: a variable name given twice, "först deklarerad här" / "first declared here"', async () => {
        const text = plan({ variables: 'variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal" : antal\n        lokal antal_samtal "Antal igen" : antal\n    }' });
        const source = [{ file: '/ws/plan.suplan', text }];
        const first = rangeWithin(text, 'lokal antal_samtal', 'antal_samtal', 1);
        expect(related(await withCode(source, 'SU030'))).toEqual([[`${PLAN} ${first} först deklarerad här`]]);
        expect(related(await withCode(source, 'SU030', 'en'))).toEqual([[`${PLAN} ${first} first declared here`]]);
    });

    test('SU030: a catalogue variable used twice points to the first reference; a second point to the first point', async () => {
        const text = plan({
            variables: 'variabler {\n        använd test.samtal\n        använd test.samtal\n        lokal antal_samtal "Antal" : antal\n    }',
            points: 'mätpunkter före, efter, före',
        });
        const found = await withCode([{ file: '/ws/plan.suplan', text }], 'SU030');
        expect(related(found).sort()).toEqual([
            [`${PLAN} ${rangeOf(text, 'test.samtal', 1)} först deklarerad här`],
            [`${PLAN} ${rangeOf(text, 'före', 1)} först deklarerad här`],
        ].sort());
    });

    test('SU002: a section given twice points to the first, "först angiven här"', async () => {
        const text = plan({ extra: 'fråga "En fråga till?"' });
        const found = await withCode([{ file: '/ws/plan.suplan', text }], 'SU002');
        expect(related(found)).toEqual([[`${PLAN} ${rangeOf(text, '"Får barnen enskilda samtal under utredningen?"')} först angiven här`]]);
    });

    test('SU024: a code given twice in a value set points to the first code', async () => {
        const text = plan({ valueSets: 'värdemängder {\n        svar { 1 "Ja" 2 "Nej" 1 "Kanske" }\n    }' });
        const found = await withCode([{ file: '/ws/plan.suplan', text }], 'SU024');
        expect(related(found)).toEqual([[`${PLAN} ${rangeWithin(text, '1 "Ja"', '1')} först angiven här`]]);
    });

    const variable = (name: string, label = `Etikett för ${name}`): string =>
        `    variabel ${name} {\n        etikett "${label}"\n        värdemängd ja/nej\n        kommentar "Definition av ${name}."\n    }`;
    const catalogue = (body: string): string => `katalog exempel "Exempelkatalog" version "2024" utgiven 2024-03-01 {\n${body}\n}\n`;

    test('SU080 and SU083 in a catalogue point to the first variable with that id or label', async () => {
        const text = catalogue([variable('a', 'Samma'), variable('b', 'Samma'), variable('a', 'Annan')].join('\n'));
        const sources = [{ file: '/ws/k.sucat', text }];
        expect(related(await withCode(sources, 'SU080'))).toEqual([[`file:///ws/k.sucat ${rangeWithin(text, 'variabel a', 'a', 1, true)} först deklarerad här`]]);
        expect(related(await withCode(sources, 'SU083'))).toEqual([[`file:///ws/k.sucat ${rangeOf(text, '"Samma"', 1)} först angiven här`]]);
    });

    test('SU082: the same catalogue version in two files points to the other file', async () => {
        const text = catalogue(variable('a'));
        const found = await withCode([{ file: '/ws/a.sucat', text }, { file: '/ws/b.sucat', text: catalogue(variable('b')) }], 'SU082');
        expect(related(found)).toEqual([[`file:///ws/b.sucat ${rangeOf(text, '"2024"')} först angiven här`]]);
    });
});
