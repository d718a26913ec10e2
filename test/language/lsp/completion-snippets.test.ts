import { describe, expect, test } from 'vitest';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { LEVEL_MEANINGS, STATUS_MEANINGS } from '../../../src/language/lsp/suplan-completion.js';
import { swedishSortKey } from '../../../src/text/swedish-sort.js';
import type { SourceText } from '../../../src/workspace/load.js';
import { TEST_CATALOGUE, plan } from '../validators/plan-validation-helper.js';
import { renderNewPlan, templateExampleTexts } from '../../../src/template/plan-template.js';
import { starterVariable } from '../../../src/language/catalogue-starter.js';
import { LspWorkspace } from './lsp-test-helper.js';

const workspace = new LspWorkspace();
const { services } = workspace;
const CURSOR = '<|>';

/** Completes at `<|>` in `text`, built beside the catalogues; `trigger` is the character that triggered completion. */
async function complete(text: string, options: { catalogues?: SourceText[]; trigger?: string } = {}): Promise<CompletionItem[]> {
    const offset = text.indexOf(CURSOR);
    if (offset < 0) throw new Error('no cursor in the text');
    const documents = await workspace.build([{ file: '/ws/plan.suplan', text: text.replace(CURSOR, '') }, ...(options.catalogues ?? [TEST_CATALOGUE])]);
    const document = documents.get('/ws/plan.suplan')!;
    const list = await services.suplan.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
        context: options.trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: options.trigger } : undefined,
    });
    return list?.items ?? [];
}

/** The items in the order a client shows them before any typing: by sortText (code-point order), then label. */
function shown(items: readonly CompletionItem[]): CompletionItem[] {
    const key = (i: CompletionItem): string => `${i.sortText ?? ''}\u0000${i.label}`;
    return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const labelsOf = (items: readonly CompletionItem[], kind: CompletionItemKind): string[] => shown(items).filter(i => i.kind === kind).map(i => i.label);

/** The text of a snippet with every placeholder at its default (the first choice), `$0` removed and tabs as four spaces. */
function expand(body: string): string {
    const defaults = new Map<string, string>();
    const unescape = (text: string): string => text.replace(/\\([\\$},|])/g, '$1');
    let text = body.replace(/\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/g, (_all, index: string, options: string) => {
        const first = unescape(options.split(/(?<!\\),/)[0]);
        defaults.set(index, first);
        return first;
    });
    text = text.replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, (_all, index: string, value: string) => {
        defaults.set(index, unescape(value));
        return unescape(value);
    });
    text = text.replace(/\$\{(\d+)\}/g, (_all, index: string) => defaults.get(index) ?? '');
    return unescape(text.replace(/\$0/g, '').replace(/\t/g, '    '));
}


/** The codes of a plan's errors and warnings. */
function problemCodes(found: readonly { readonly code?: number | string; readonly severity?: number }[]): string[] {
    return found.filter(d => d.severity === 1 || d.severity === 2).map(d => String(d.code));
}

/** A plan as the template writes it, with the default title: one SU090 for each of the template's example texts, and nothing else. */
function exampleWarnings(): string[] {
    return [...templateExampleTexts()].map(() => 'SU090');
}

describe('keyword completion', () => {
    test('where a plan element starts: every section keyword, in Swedish order', async () => {
        const labels = labelsOf(await complete(plan({ extra: CURSOR })), CompletionItemKind.Keyword);
        expect(labels).toEqual([
            'acceptera', 'analyser', 'avrundning', 'beslut', 'datakälla', 'decimaler', 'faser', 'fråga', 'integritet', 'katalog', 'klientmål',
            'målgrupp', 'mätpunkter', 'nivå', 'period', 'referensdata', 'roller', 'scenarier', 'status', 'syfte',
            'urval', 'uttag', 'variabler', 'version', 'värdemängder', 'återkoppling', 'ändringslogg',
        ]);
    });

    test('keywords carry a Swedish detail', async () => {
        const items = await complete(plan({ extra: CURSOR }));
        expect(items.find(i => i.label === 'syfte')?.detail).toBe('nyckelord');
    });

    test('inside `målgrupp { }`: its four keywords, ålder last', async () => {
        const text = plan({ who: `målgrupp {\n        ${CURSOR}\n    }\n    urval alla\n    period 2025-01-01 .. 2025-12-31` });
        expect(labelsOf(await complete(text), CompletionItemKind.Keyword)).toEqual(['exkludera', 'förväntat', 'inkludera', 'ålder']);
    });

    test('after a variable name in a condition: the comparison keyword and operators are not words', async () => {
        const text = plan({ variables: `variabler {\n        använd test.samtal\n        lokal n "N" : antal när samtal ${CURSOR}\n    }` });
        expect(labelsOf(await complete(text), CompletionItemKind.Keyword)).toEqual(['i']);
    });

    test('where a name is expected, words that may be names (ålder, barn …) are not offered', async () => {
        const first = await complete(plan({ analyses: `analyser {\n        ${CURSOR}\n    }` }));
        expect(labelsOf(first, CompletionItemKind.Keyword)).toEqual([]);
        // after an analysis, its options may still follow on the next line
        const next = await complete(plan({ analyses: `analyser {\n        a1: andel samtal i 1\n        a2: beskriv antal_samtal\n        ${CURSOR}\n    }` }));
        expect(labelsOf(next, CompletionItemKind.Keyword)).toEqual(['avrundning', 'bland', 'decimaler', 'diagram', 'nivå', 'per', 'vid']);
    });

    test('the words of issue 14: what a change reports and which way is better, charts, code levels, rates, concentration, group rules, phases, suppression', async () => {
        const analysis = async (text: string) => labelsOf(await complete(plan({ analyses: `analyser {\n        a1: andel samtal i 1\n        ${text}\n    }` })), CompletionItemKind.Keyword);
        expect(await analysis(`p1: förändring antal_samtal före -> efter ${CURSOR}`)).toEqual(expect.arrayContaining(['mått', 'riktning']));
        expect(await analysis(`p1: förändring antal_samtal före -> efter mått ${CURSOR}`)).toEqual(['andel', 'procent', 'skillnad']);
        expect(await analysis(`p1: förändring antal_samtal före -> efter riktning ${CURSOR}`)).toEqual(['högre', 'lägre']);
        expect(await analysis(`p1: förändring antal_samtal före -> efter riktning lägre ${CURSOR}`)).toEqual(['är']);
        expect(await analysis(`b1: beskriv antal_samtal diagram ${CURSOR}`)).toEqual(['grupperad', 'ingen', 'linje', 'stapel']);
        expect(await analysis(`b1: beskriv antal_samtal nivå ${CURSOR}`)).toEqual(['båda', 'fördjupad', 'original']);
        expect(await analysis(`t1: takt per 1000 ${CURSOR}`)).toEqual(expect.arrayContaining(['av', 'räknar']));
        expect(await analysis(`t1: takt per 1000 räknar ${CURSOR}`)).toEqual(['klienter', 'registreringar']);
        expect(await analysis(`k1: koncentration antal_samtal topp 10 % avrundat ${CURSOR}`)).toEqual(['nedåt', 'uppåt']);
        const rule = labelsOf(await complete(plan({ analyses: 'analyser {\n        a1: andel samtal i 1\n    }', extra: `scenarier {\n        A när ${CURSOR}\n    }` })), CompletionItemKind.Keyword);
        expect(rule).toEqual(expect.arrayContaining(['någon', 'varje']));
        const privacy = labelsOf(await complete(plan({ extra: `integritet {\n        sekundär undertryckning ${CURSOR}\n    }` })), CompletionItemKind.Keyword);
        expect(privacy).toEqual(['av', 'på']);
    });

    test('after `nivå` and `status` the allowed words with their meaning', async () => {
        const levels = shown(await complete(plan({ head: `syfte kontroll\n    fråga "F?"\n    nivå ${CURSOR}\n    katalog test version "1"` })));
        expect(levels.map(i => i.label)).toEqual(LEVEL_MEANINGS.map(l => l.level));
        expect(levels.map(i => i.detail)).toEqual(['nivå', 'nivå', 'nivå']);
        const statuses = shown(await complete(plan({ head: `status ${CURSOR}\n    syfte kontroll\n    fråga "F?"\n    katalog test version "1"` })));
        expect(statuses.map(i => i.label)).toEqual(STATUS_MEANINGS.map(s => s.status));
    });

    test('references (here the plan\'s variables after `när`) are in Swedish order, case-insensitive', async () => {
        const text = plan({
            variables: 'variabler {\n        använd test.samtal\n'
                + '        lokal Ärende "Ä" : antal\n        lokal åtgärd "Å" : antal\n        lokal zon "Z" : antal\n        lokal Alfa "A" : antal\n'
                + `        lokal x "X" : antal när ${CURSOR}\n    }`,
        });
        const names = labelsOf(await complete(text), CompletionItemKind.Variable).filter(name => !name.includes('.'));
        expect(names).toEqual(['Alfa', 'samtal', 'x', 'zon', 'åtgärd', 'Ärende']);
    });

    test('the plan\'s own names say in Swedish what they are', async () => {
        const variables = await complete(plan({
            variables: `variabler {\n        använd test.samtal\n        lokal antal_samtal "Antal samtal" : antal när samtal = 1\n        lokal y "Y" : antal vid före när ${CURSOR}\n    }`,
        }));
        const detail = (items: CompletionItem[], label: string): string | undefined => items.find(i => i.label === label)?.detail;
        expect(detail(variables, 'antal_samtal')).toBe('lokal variabel · Antal samtal');
        expect(detail(variables, 'samtal')).toBe('test.samtal · Enskilda samtal har genomförts');
        expect(variables.find(i => i.label === 'antal_samtal')?.kind).toBe(CompletionItemKind.Variable);
        const points = await complete(plan({ points: 'mätpunkter före "Vid start", efter', variables: `variabler {\n        lokal y "Y" : antal vid ${CURSOR}\n    }` }));
        expect(detail(points, 'före')).toBe('mätpunkt · Vid start');
        expect(points.find(i => i.label === 'före')?.kind).toBe(CompletionItemKind.Event);
        const analyses = await complete(plan({ analyses: 'analyser {\n        a1 "Andel samtal": andel samtal i 1\n    }', scenarios: `scenarier {\n        A när ${CURSOR}\n    }` }));
        expect(detail(analyses, 'a1')).toBe('analys · Andel samtal');
        expect(analyses.find(i => i.label === 'a1')?.kind).toBe(CompletionItemKind.Function);
    });

    test('the Swedish sort key orders as Swedish collation does', () => {
        const words = ['övrigt', 'Ålder', 'zon', 'ärende', 'Alfa', 'émile', 'enkel', 'Yxa', 'über', 'ödla', 'åtta', 'Zeta', 'ab_c', 'abd'];
        const byKey = [...words].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : 1));
        const byCollation = [...words].sort((a, b) => a.localeCompare(b, 'sv', { sensitivity: 'base' }));
        expect(byKey).toEqual(byCollation);
        expect(byKey.slice(-5)).toEqual(['Ålder', 'åtta', 'ärende', 'ödla', 'övrigt']);
    });
});

describe('trigger character', () => {
    test('`.` triggers completion', () => {
        expect(services.suplan.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toEqual(['.']);
    });

    test('`.` after a catalogue name lists its variables', async () => {
        const labels = (await complete(plan({ variables: `variabler {\n        använd test.${CURSOR}\n    }` }), { trigger: '.' })).map(i => i.label);
        expect(labels).toContain('test.samtal');
    });

    test('`.` in a number or a range gives nothing', async () => {
        const text = plan({ who: `målgrupp {\n        ålder 0.${CURSOR}\n    }\n    urval alla\n    period 2025-01-01 .. 2025-12-31` });
        expect(await complete(text, { trigger: '.' })).toEqual([]);
    });

    test('nothing inside a comment or a string, typed or asked for', async () => {
        const inComment = plan({ extra: `// Se test.${CURSOR}` });
        expect(await complete(inComment, { trigger: '.' })).toEqual([]);
        expect(await complete(inComment)).toEqual([]);
        expect(await complete(plan({ extra: `/* test.${CURSOR} */` }), { trigger: '.' })).toEqual([]);
        expect(await complete(plan({ head: `syfte kontroll\n    fråga "Hur ofta. ${CURSOR}?"\n    katalog test version "1"` }))).toEqual([]);
        // right after a comment or a string, completion works again
        expect((await complete(plan({ extra: `// en kommentar\n    ${CURSOR}` }))).map(i => i.label)).toContain('analyser');
        expect((await complete(plan({ head: `syfte kontroll\n    fråga "Hur ofta?" ${CURSOR}\n    katalog test version "1"` }))).map(i => i.label)).toContain('nivå');
    });
});

const ANALYSIS_SNIPPETS = ['analys frekvens', 'analys beskriv', 'analys andel', 'analys förändring'];

/** A plan with a yes/no, a count, a scale and a score; the scale and the score are measured before and after. */
const ANALYSIS_PLAN = plan({
    variables: `variabler {
        använd test.samtal
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
        lokal grad "Grad" : skala { 1 "Låg" 2 "Hög" } vid före, efter
        lokal summa_poäng "Poäng" : poäng 0..40 vid före, efter
    }`,
    analyses: `analyser {
        a1: andel samtal i 1
        a2: beskriv antal_samtal
        ${CURSOR}
    }`,
});

/** An expanded snippet as `suplan new` writes the file: without the line the cursor ends on, with a final newline. */
function asFile(expanded: string): string {
    return expanded.replace(/^ +\n/m, '') + '\n';
}

describe('snippets', () => {
    test('in an empty document: a new plan (and the keyword `plan`)', async () => {
        const items = await complete(CURSOR);
        const snippet = items.find(i => i.kind === CompletionItemKind.Snippet);
        expect(snippet?.label).toBe('plan');
        expect(snippet?.detail).toBe('Ny plan: alla avsnitt en uppföljningsplan behöver');
        expect(snippet?.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(items.some(i => i.kind === CompletionItemKind.Keyword && i.label === 'plan')).toBe(true);
        expect(shown(items)[0]).toBe(snippet);
    });

    test('the new plan pins a catalogue of the workspace and, as expanded, is the plan `suplan new` writes: no errors; the warnings are its example texts (SU090)', async () => {
        const items = await complete(CURSOR);
        const body = items.find(i => i.kind === CompletionItemKind.Snippet)?.textEdit?.newText ?? '';
        expect(body).toContain('katalog ${5|test version "1"|}');
        // The first tab stop is the title where the plan states it; the comment above mirrors it.
        expect(body).toMatch(/^\/\/ Uppföljningsplan: \$\{1\}\n/);
        expect(body).toContain('plan "${1:Ny uppföljningsplan}" {');
        const text = expand(body);
        const year = new Date().getFullYear();
        const catalogue = workspace.services.suplan.catalogue.CatalogueResolver.resolve('test', '1')!.catalogue;
        const variable = starterVariable(catalogue)!;
        // One template for the snippet, `suplan new` and "Ny plan": the expanded snippet is the same text.
        expect(asFile(text)).toBe(renderNewPlan({ title: 'Ny uppföljningsplan', year, catalogue: { name: 'test', version: '1', variable } }));
        expect(text).toContain(`period ${year}-01-01 .. ${year}-12-31`);
        const documents = await workspace.build([{ file: '/ws/ny.suplan', text }, TEST_CATALOGUE]);
        const found = documents.get('/ws/ny.suplan')!.diagnostics ?? [];
        expect(problemCodes(found)).toEqual(exampleWarnings());
    });

    test('without a catalogue in the workspace the new plan has no `katalog` line and still no errors', async () => {
        const items = await complete(CURSOR, { catalogues: [] });
        const text = expand(items.find(i => i.kind === CompletionItemKind.Snippet)?.textEdit?.newText ?? '');
        expect(text).not.toMatch(/^\s*katalog /m);
        expect(asFile(text)).toBe(renderNewPlan({ title: 'Ny uppföljningsplan', year: new Date().getFullYear() }));
        const documents = await workspace.build([{ file: '/ws/ny.suplan', text }]);
        const found = documents.get('/ws/ny.suplan')!.diagnostics ?? [];
        expect(problemCodes(found)).toEqual(exampleWarnings());
    });

    test('no plan snippet inside a plan', async () => {
        const items = await complete(plan({ extra: CURSOR }));
        expect(items.filter(i => i.kind === CompletionItemKind.Snippet)).toEqual([]);
    });

    test('inside `analyser { }`: new analyses with the next free id and the plan\'s variables that fit, and its points', async () => {
        const text = ANALYSIS_PLAN;
        const snippets = shown(await complete(text)).filter(i => i.kind === CompletionItemKind.Snippet);
        expect(snippets.map(i => i.label)).toEqual(ANALYSIS_SNIPPETS);
        expect(snippets.every(i => i.insertTextFormat === InsertTextFormat.Snippet)).toBe(true);
        expect(snippets.map(i => i.textEdit?.newText)).toEqual([
            '${1:a3} "${2:Rubrik}": frekvens ${3|samtal,grad|}',
            '${1:a3} "${2:Rubrik}": beskriv ${3|antal_samtal,grad,summa_poäng|}',
            '${1:a3} "${2:Rubrik}": andel ${3|samtal,grad|} i ${4:1} målvärde ${5:80} %',
            // only numbers measured at two points or more
            '${1:a3} "${2:Rubrik}": förändring ${3|grad,summa_poäng|} ${4|före,efter|} -> ${5|efter,före|} mått ${6|skillnad,procent,andel förbättrade|} riktning ${7|lägre,högre|} är bättre',
        ]);
        expect(snippets[2].detail).toBe('Ny analys: andel med vissa koder, mot ett målvärde');
    });

    test('each new analysis, as expanded, is a valid analysis of the plan', async () => {
        const text = ANALYSIS_PLAN;
        const snippets = (await complete(text)).filter(i => i.kind === CompletionItemKind.Snippet);
        for (const snippet of snippets) {
            const expanded = text.replace(CURSOR, expand(snippet.textEdit?.newText ?? ''));
            const documents = await workspace.build([{ file: '/ws/plan.suplan', text: expanded }, TEST_CATALOGUE]);
            const errors = (documents.get('/ws/plan.suplan')!.diagnostics ?? []).filter(d => d.severity === 1);
            expect(errors.map(d => `${snippet.label}: ${d.code} ${d.message}`)).toEqual([]);
        }
    });

    test('also after the first analysis is started on the line before', async () => {
        const text = plan({ analyses: `analyser {\n        a1: andel samtal i 1\n        a${CURSOR}\n    }` });
        const labels = shown(await complete(text)).filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label);
        expect(labels).toEqual(ANALYSIS_SNIPPETS);
    });

    test('inside `scenarier { }`: a rule on one of the plan\'s analyses with the free letters, and one decided at the review', async () => {
        const text = plan({ scenarios: `scenarier {\n        A när a1 < 60 % "Ändra"\n        ${CURSOR}\n    }` });
        const snippets = shown(await complete(text)).filter(i => i.kind === CompletionItemKind.Snippet);
        expect(snippets.map(i => i.label)).toEqual(['scenario när', 'scenario bedöms']);
        expect(snippets[0].textEdit?.newText).toBe('${1|B,C,D,E|} när ${2|a1,a2|} ${3|<,<=,>,>=|} ${4:60} % "${5:Nästa steg}"');
        expect(snippets[1].textEdit?.newText).toBe('${1:B, C, D, E} bedöms vid genomgång "${2:Nästa steg}"');
        for (const snippet of snippets) {
            const expanded = text.replace(CURSOR, expand(snippet.textEdit?.newText ?? ''));
            const documents = await workspace.build([{ file: '/ws/plan.suplan', text: expanded }, TEST_CATALOGUE]);
            const errors = (documents.get('/ws/plan.suplan')!.diagnostics ?? []).filter(d => d.severity === 1);
            expect(errors.map(d => `${snippet.label}: ${d.code} ${d.message}`)).toEqual([]);
        }
    });

    test('no analysis snippet in `scenarier { }` and no scenario snippet in `analyser { }`', async () => {
        const inScenarios = await complete(plan({ scenarios: `scenarier {\n        ${CURSOR}\n    }` }));
        expect(inScenarios.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label)).toEqual(['scenario när', 'scenario bedöms']);
        const inAnalyses = await complete(plan({ analyses: `analyser {\n        ${CURSOR}\n    }` }));
        expect(shown(inAnalyses).filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label)).toEqual(ANALYSIS_SNIPPETS);
    });
});

describe('completion in a catalogue', () => {
    async function completeCatalogue(text: string, trigger?: string): Promise<CompletionItem[]> {
        const offset = text.indexOf(CURSOR);
        const documents = await workspace.build([{ file: '/ws/kat.sucat', text: text.replace(CURSOR, '') }]);
        const document = documents.get('/ws/kat.sucat')!;
        const list = await services.sucat.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset),
            context: trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : undefined,
        });
        return list?.items ?? [];
    }

    test('inside a variable: its keywords in Swedish order', async () => {
        const items = await completeCatalogue(`katalog kat version "1" {\n    variabel kön {\n        etikett "Kön"\n        ${CURSOR}\n    }\n}\n`);
        expect(labelsOf(items, CompletionItemKind.Keyword)).toEqual(['ersätter', 'etikett', 'kommentar', 'nationell', 'processteg', 'värdemängd']);
    });

    test('nothing in a comment, a string or on `.`', async () => {
        const inComment = `katalog kat version "1" {\n    variabel kön {\n        // Se t.ex. ${CURSOR}\n    }\n}\n`;
        expect(await completeCatalogue(inComment)).toEqual([]);
        // the same place on the next line offers the variable's keywords
        expect((await completeCatalogue(inComment.replace(`// Se t.ex. ${CURSOR}`, `// Se t.ex.\n        ${CURSOR}`))).length).toBeGreaterThan(0);
        expect(await completeCatalogue(`katalog kat version "1" {\n    variabel kön { etikett "Barnets kön. ${CURSOR}" }\n}\n`)).toEqual([]);
        const afterDot = `katalog kat version "1" {\n    variabel x { etikett "X" }\n    .${CURSOR}\n}\n`;
        expect(await completeCatalogue(afterDot, '.')).toEqual([]);
        expect((await completeCatalogue(afterDot)).map(i => i.label)).toContain('variabel');
    });
});
