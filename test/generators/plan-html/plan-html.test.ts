import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOfficialDocument, analysisVariables, PART_IDS } from '../../../src/generators/plan-document/official-document.js';
import { plainText, type Block, type PlanDocumentModel } from '../../../src/generators/plan-document/document.js';
import { renderPlanHtml } from '../../../src/generators/plan-html/index.js';
import { findTarget, editorTargets } from '../../../src/generators/registry.js';
import type { PlanModel } from '../../../src/model/plan-model.js';
import { exampleModel, exampleModels } from '../../data/example-models.js';
import { hostileModel } from '../forms/hostile-plan.js';

/** Plan text that must stay text in HTML: quotes, a closing script tag, an image with a handler, a line break. */
export const HOSTILE_HTML = 'Citat "dubbla" \'enkla\' </script><script>alert(1)</script> <img src=x onerror="alert(2)"> &amp; rad ett\nrad två';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

function text(blocks: readonly Block[]): string {
    return blocks.map(b => {
        switch (b.kind) {
            case 'heading': case 'paragraph': return plainText(b.text);
            case 'facts': return b.items.map(item => `${item.name}: ${plainText(item.value)}`).join('\n');
            case 'table': return [b.header.join(' | '), ...b.rows.map(row => row.map(plainText).join(' | '))].join('\n');
            case 'group': return text(b.blocks);
        }
    }).join('\n');
}

function part(document: PlanDocumentModel, id: string): string {
    const found = document.parts.find(p => p.id === id);
    if (!found) throw new Error(`no part ${id}`);
    return text(found.blocks);
}

function dom(html: string) {
    return new JSDOM(html).window.document;
}

let plan02: PlanModel;

beforeAll(async () => {
    plan02 = await exampleModel('02-missbruk-behandling.suplan');
});

describe('the official plan document: summary', () => {
    test('holds purpose, question, target group, period, who does what, the decision rules and the approval of plan 02', () => {
        const summary = part(buildOfficialDocument(plan02, { revision: { commit: COMMIT, state: 'committed' } }), PART_IDS.summary);
        expect(summary).toContain('Syfte: Verksamhetsutveckling. Att utveckla det sociala arbetet');
        expect(summary).toContain(`Fråga: ${plan02.question}`);
        expect(summary).toContain('Målgrupp: Inkluderas: Vuxna som skrivs in i behandling på beroendeenheten under året. Exkluderas:');
        expect(summary).toContain('Ålder: 18–90 år. Förväntat antal: 180 per år');
        expect(summary).toContain('Period: 1 januari 2022 – 31 december 2022, upprepas varje år 2022–2025');
        expect(summary).toContain('Ger mandat: Enhetschef, beroendeenheten');
        expect(summary).toContain('Registrerar: Behandlare som genomför in- och utskrivningsintervjun');
        expect(summary).toContain('Återkoppling: Varje februari, på en halvdag med hela enheten till Behandlare');
        // Only the scenarios the plan gives, each with its rule and next step.
        expect(summary).toContain('A Förändring | p1 (Förändring i sammanvägd problemtyngd) > -1 | Problemtyngden minskar mindre än ett skalsteg');
        expect(summary).toContain('D Ingen förändring | p1 (Förändring i sammanvägd problemtyngd) ≤ -1 och a1 (Andel som fullföljt behandlingen) ≥ 70 % | Problemtyngden minskar och de flesta fullföljer');
        expect(summary).toContain('B Komplettera, C Sidofynd | bedöms vid genomgång | Komplettera med uppgifter om återaktualisering');
        expect(summary).toContain('E Ompröva | bedöms vid genomgång | Diskutera med nämnden');
        expect(summary).toContain('Godkännande\nPlanversion: 2.1\nStatus: fastställd\nBeslutad av: Socialnämnden\nDatum: 16 januari 2024\nDiarienummer: SN 2024/15\nPlanfil: examples/plans/02-missbruk-behandling.suplan\nGit-version: 0123456789ab');
        // The details are not repeated on the summary page.
        expect(summary).not.toContain('Rättslig grund');
        expect(summary).not.toContain('Bilaga');
    });

    test('the commit line says whether the plan file changed since, is not committed, or is not known', () => {
        const commitLine = (document: PlanDocumentModel): string | undefined =>
            part(document, PART_IDS.summary).split('\n').find(line => line.startsWith('Git-version') || line.startsWith('Git commit'));
        expect(commitLine(buildOfficialDocument(plan02, { revision: { commit: COMMIT, state: 'committed' } }))).toBe('Git-version: 0123456789ab');
        expect(commitLine(buildOfficialDocument(plan02, { revision: { commit: COMMIT, state: 'modified' } }))).toBe('Git-version: 0123456789ab (planfilen ändrad sedan dess)');
        expect(commitLine(buildOfficialDocument(plan02, { revision: { commit: COMMIT, state: 'untracked' } }))).toBe('Git-version: 0123456789ab (planfilen är inte incheckad)');
        expect(commitLine(buildOfficialDocument(plan02))).toBe('Git-version: inte känd');
        expect(commitLine(buildOfficialDocument(plan02, { language: 'en', revision: { commit: COMMIT, state: 'modified' } })))
            .toBe('Git commit: 0123456789ab (the plan file has changed since)');
    });

    test('a plan without decision, version or scenarios says so instead of leaving gaps', async () => {
        const model = await exampleModel('08-bbic-samtal.suplan');
        const bare: PlanModel = { ...model, governance: { status: 'utkast', revisions: [] }, scenarios: [] };
        const summary = part(buildOfficialDocument(bare), PART_IDS.summary);
        expect(summary).toContain('Plan för systematisk uppföljning (utkast)');
        expect(summary).toContain('Planen anger inga scenarier.');
        expect(summary).toContain('Planversion: –\nStatus: utkast\nBeslutad av: inte beslutad\nPlanfil:');
        expect(summary).not.toContain('Diarienummer');
    });

    test('English: headings, fixed wording and dates', () => {
        const summary = part(buildOfficialDocument(plan02, { language: 'en' }), PART_IDS.summary);
        expect(summary).toContain('Summary for the manager and the board');
        expect(summary).toContain('Period: 1 January 2022 – 31 December 2022, repeated every year 2022–2025');
        expect(summary).toContain('Decided by: Socialnämnden\nDate: 16 January 2024\nCase number: SN 2024/15');
        expect(summary).toContain('A Change |');
    });
});

describe('the official plan document: details and appendix', () => {
    test('the details hold every section of the Markdown plan document except the variables, which are in the appendix', () => {
        const document = buildOfficialDocument(plan02);
        expect(document.parts.map(p => p.id)).toEqual([PART_IDS.summary, PART_IDS.details, PART_IDS.appendix]);
        const details = part(document, PART_IDS.details);
        for (const heading of ['Styrning', 'Ändringslogg', 'Syfte och fråga', 'Målgrupp, urval och period', 'Roller', 'Kataloger', 'Mätpunkter och faser',
            'Analyser', 'Scenarier: vad resultatet leder till', 'Integritet och dataskydd', 'Om tolkningen']) {
            expect(details.split('\n'), heading).toContain(heading);
        }
        expect(details).toContain('Beslut: Socialnämnden, datum 16 januari 2024');
        expect(details).toContain('2.0 | 17 januari 2023 | Motivationshöjande behandling tillkom');
        expect(details).toContain('finns i bilagan');
        expect(details).not.toContain('Definition:');
    });

    test('the appendix lists every variable once with definition, value set, measurement points and the analyses that use it', () => {
        const appendix = part(buildOfficialDocument(plan02), PART_IDS.appendix);
        expect(appendix.split('\n')[0]).toBe('Bilaga: variabler');
        for (const v of plan02.variables) {
            expect(appendix.split('\n').filter(line => line === `${v.label} (${v.id})`), v.id).toHaveLength(1);
        }
        const entry = (id: string): string => {
            const lines = appendix.split('\n');
            const start = lines.findIndex(line => line.endsWith(`(${id})`) && !line.includes(':'));
            const end = lines.findIndex((line, i) => i > start && /\([^()]+\)$/.test(line) && !line.includes(':') && !line.includes('|'));
            return lines.slice(start, end === -1 ? undefined : end).join('\n');
        };
        expect(entry('behandling')).toContain('Definition: Den behandlingsform klienten påbörjar efter bedömningen');
        expect(entry('behandling')).toContain('Värdemängd: ett val');
        expect(entry('behandling')).toContain('1 | Återfallsprevention (KBT)');
        expect(entry('behandling')).toContain('Används i analyser: f1 (Klienter per behandlingsform), j1 (Problemtyngd per livsområde vid inskrivning, per behandlingsform), j2 (Förändring per behandlingsform), a2 (Andel som fullföljt, per behandlingsform), f2 (Nöjdhet med behandlingen)');
        expect(entry('fullföljd')).toContain('Mätpunkter: efter (Vid utskrivning)');
        expect(entry('fullföljd')).toContain('Används i analyser: a1 (Andel som fullföljt behandlingen), a2 (Andel som fullföljt, per behandlingsform)');
        expect(entry('alkohol')).toContain('Används för att härleda: Intervjuarens skattning av problemtyngd (0 = inga problem, 9 = mycket svåra problem) (svårighet), Problemtyngd i missbruksområdena (medel av alkohol och narkotika) (missbruk)');
        expect(entry('ålder')).toContain('Används i analyser: ingen analys');
        expect(entry('ålder')).toContain('Används för att härleda: Åldersgrupp (åldersgrupp)');
    });

    test('the variables an analysis reads: variables, columns, groups, dates, filters and conditions', async () => {
        for (const model of (await exampleModels()).values()) {
            const ids = new Set(model.variables.map(v => v.id));
            for (const a of model.analyses) {
                const read = analysisVariables(a);
                for (const id of a.variables) expect(read.has(id)).toBe(true);
                for (const id of a.groups) expect(read.has(id)).toBe(true);
                // Everything it names is a variable of the plan (reference tables and points are not).
                for (const id of read) expect(ids.has(id), `${model.title} ${a.id}: ${id}`).toBe(true);
            }
        }
        const plan = (await exampleModels()).get('02-missbruk-behandling.suplan');
        const a2 = plan?.analyses.find(a => a.id === 'a2');
        expect(a2 && [...analysisVariables(a2)].sort()).toEqual(['behandling', 'fullföljd']);
    });
});

describe('the HTML plan document', () => {
    test('is one self-contained page: lang, main landmark, one h1, heading levels without gaps, table headers with scope, no requests', async () => {
        for (const [file, model] of await exampleModels()) {
            for (const language of ['sv', 'en'] as const) {
                const html = renderPlanHtml(model, { language });
                const doc = dom(html);
                expect(doc.documentElement.getAttribute('lang'), file).toBe(language);
                expect(doc.querySelectorAll('main'), file).toHaveLength(1);
                expect(doc.querySelectorAll('h1'), file).toHaveLength(1);
                expect(doc.querySelector('h1')?.textContent).toBe(model.title);
                let level = 0;
                for (const heading of doc.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
                    const next = Number(heading.tagName[1]);
                    expect(next - level, `${file}: ${heading.textContent ?? ''}`).toBeLessThanOrEqual(1);
                    level = next;
                }
                for (const th of doc.querySelectorAll('th')) expect(['col', 'row']).toContain(th.getAttribute('scope'));
                expect(doc.querySelectorAll('script, img, link, iframe, object, embed'), file).toHaveLength(0);
                expect(html).not.toMatch(/\b(?:src|href)=|url\(|@import|https?:/);
                expect([...doc.querySelectorAll('main > section.part')].map(s => s.id)).toEqual([PART_IDS.summary, PART_IDS.details, PART_IDS.appendix]);
                expect(doc.querySelector(`#${PART_IDS.summary} #godkannande h3`)?.textContent).toBe(language === 'sv' ? 'Godkännande' : 'Approval');
            }
        }
    });

    test('print CSS: A4, the summary alone on the first page, each part after it on a new page, page numbers in the margin', () => {
        const html = renderPlanHtml(plan02);
        expect(html).toContain('@page { size: A4;');
        expect(html).toContain('.part + .part { break-before: page; }');
        expect(html).toContain('@bottom-right { content: "Sida " counter(page) " av " counter(pages);');
        expect(renderPlanHtml(plan02, { language: 'en' })).toContain('content: "Page " counter(page) " of " counter(pages);');
        expect(renderPlanHtml(plan02, { pageNumbers: false })).not.toContain('@bottom-right');
    });

    test('plan text is escaped everywhere: quotes, </script>, <img onerror>, & and line breaks stay text', async () => {
        const base = await hostileModel();
        const model: PlanModel = {
            ...base,
            title: `Titel ${HOSTILE_HTML}`,
            question: `Fråga ${HOSTILE_HTML}`,
            governance: { ...base.governance, version: HOSTILE_HTML, decision: { by: HOSTILE_HTML, date: '2026-12-03', caseNumber: HOSTILE_HTML } },
            roles: { mandate: HOSTILE_HTML, registers: HOSTILE_HTML },
            scenarios: [{ letters: ['A'], nextStep: HOSTILE_HTML }],
            source: `planer/${HOSTILE_HTML}.suplan`,
        };
        const html = renderPlanHtml(model, { revision: { commit: COMMIT, state: 'modified' } });
        const doc = dom(html);
        expect(doc.querySelectorAll('script, img')).toHaveLength(0);
        expect([...doc.querySelectorAll('*')].flatMap(element => [...element.attributes].map(a => a.name)).filter(name => name.startsWith('on'))).toEqual([]);
        expect(doc.querySelector('title')?.textContent).toBe(`Titel ${HOSTILE_HTML} – Plan för systematisk uppföljning`);
        const body = doc.body.textContent ?? '';
        for (const expected of [`Titel ${HOSTILE_HTML}`, `Fråga ${HOSTILE_HTML}`, `Beslutad av${HOSTILE_HTML}`, `Diarienummer${HOSTILE_HTML}`, `Ger mandat${HOSTILE_HTML}`]) {
            expect(body).toContain(expected);
        }
        expect(doc.querySelector('meta[name="suplan-plan-version"]')?.getAttribute('content')).toBe(HOSTILE_HTML);
        // The forms' hostile text (formulas, XML, an XLSForm reference) in every label and code.
        expect(body).toContain('=HYPERLINK("http://example.invalid","klick") "citat"');
    });
});

describe('the targets', () => {
    test('plan-html is a light text target the editor offers; plan-pdf is a bytes target for the CLI only', () => {
        expect(findTarget('plan-html')).toMatchObject({ output: 'text', editor: true });
        expect(findTarget('plan-pdf')).toMatchObject({ output: 'bytes', editor: false });
        expect(editorTargets().map(t => t.id)).toContain('plan-html');
        expect(editorTargets().map(t => t.id)).not.toContain('plan-pdf');
    });

    test('plan-html writes <plan>.html in the language asked for, with the commit it is given', async () => {
        const generate = await findTarget('plan-html')!.load();
        const files = await generate(plan02, { baseName: '02-missbruk-behandling', language: 'en', revision: { commit: COMMIT, state: 'committed' } });
        expect(files.map(f => f.path)).toEqual(['02-missbruk-behandling.html']);
        const html = String(files[0].content);
        expect(html).toContain('<html lang="en">');
        expect(html).toContain(`<meta name="suplan-commit" content="${COMMIT}">`);
    });
});
