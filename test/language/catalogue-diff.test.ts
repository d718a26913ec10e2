import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { catalogueUses, diffCatalogues, planFindings, upgradeChain, type CatalogueChange } from '../../src/language/catalogue-diff.js';
import { applyChanges, newerVersions, planUpgrade } from '../../src/language/catalogue-upgrade.js';
import { isCatalogue, isCatalogueRef, isPlan, type Catalogue, type Plan } from '../../src/language/generated/ast.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import { buildWorkspace } from '../../src/workspace/load.js';

const V1 = `katalog t version "1" {
    variabel a {
        etikett "A"
        värdemängd { 1 "Ja" 2 "Nej" }
    }
    variabel b {
        etikett "B"
        värdemängd ja/nej
    }
    variabel c {
        etikett "C"
        värdemängd antal 0..10
    }
    variabel d {
        etikett "D"
        värdemängd { 1 "X" 2 "Y" 3 "Z" }
    }
    variabel gone {
        etikett "Borta"
        värdemängd text
    }
}
`;

const V2 = `katalog t version "2" {
    variabel a2 {
        etikett "A"
        värdemängd { 1 "Ja" 2 "Nej" }
        ersätter a
    }
    variabel b {
        etikett "B, ny etikett"
        värdemängd ja/nej
    }
    variabel c {
        etikett "C"
        värdemängd antal 0..20
    }
    variabel d {
        etikett "D"
        värdemängd { 1 "X" 2 "Y, ny betydelse" 4 "W" }
    }
    variabel ny {
        etikett "Ny"
        värdemängd datum
    }
}
`;

// a2 → a3 in this step; `b` keeps an `ersätter` that names a variable of its own version (no rename).
const V3 = V2.replace('katalog t version "2"', 'katalog t version "10"')
    .replace('variabel a2 {', 'variabel a3 {').replace('ersätter a\n', 'ersätter a2\n')
    .replace('        etikett "B, ny etikett"\n', '        etikett "B, ny etikett"\n        ersätter c\n');

const PLAN = `plan "P" {
    syfte kontroll
    fråga "Hur ofta?"
    katalog t version "1" // versionen som gällde när planen skrevs
    variabler {
        använd t.a när d i 2
        använd t.b som bb
        /* fördjupat */ använd t.d fördjupa {
            21 "Y a" -> 2
            22 "Y b" -> 2
            1 "X" -> 1
            3 "Z" -> 3
        }
        använd t.gone
    }
    analyser {
        f1: frekvens a
        f2: frekvens bb
        s1: andel d i 21, 22
        s2: andel d i original 3
        t1: frekvens gone
    }
    acceptera SU040 för a "Används i nästa version av planen"
}
`;

async function load(sources: Record<string, string>): Promise<{ catalogues: Catalogue[]; plans: Map<string, Plan> }> {
    const services = createSuServices(EmptyFileSystem);
    const loaded = await buildWorkspace(services, Object.entries(sources).map(([file, text]) => ({ file, text })));
    const catalogues = loaded.map(l => l.document.parseResult.value).filter(isCatalogue);
    const plans = new Map(loaded.filter(l => isPlan(l.document.parseResult.value)).map(l => [l.file, l.document.parseResult.value as Plan]));
    for (const l of loaded) expect(l.document.parseResult.parserErrors.map(e => e.message), l.file).toEqual([]);
    return { catalogues, plans };
}

function kinds(changes: readonly CatalogueChange[]): string[] {
    return changes.map(c => `${c.kind} ${'oldId' in c ? c.oldId : ''}${'id' in c ? `→${c.id}` : ''}${'code' in c ? ` ${c.code}` : ''}`);
}

describe('catalogue diff', () => {
    test('every kind of change between two versions, in a fixed order', async () => {
        const { catalogues } = await load({ '/ws/v1.sucat': V1, '/ws/v2.sucat': V2 });
        const diff = diffCatalogues(catalogues);
        expect([diff.name, diff.from, diff.to]).toEqual(['t', '1', '2']);
        expect(kinds(diff.changes)).toEqual([
            'added →ny', 'removed gone', 'renamed a→a2', 'relabelled b→b',
            'codeAdded d→d 4', 'codeRemoved d→d 3', 'codeRelabelled d→d 2', 'valueSetChanged c→c',
        ]);
        expect(diff.changes).toContainEqual({ kind: 'valueSetChanged', oldId: 'c', id: 'c', from: 'antal 0..10', to: 'antal 0..20' });
        expect(diff.changes).toContainEqual({ kind: 'codeRelabelled', oldId: 'd', id: 'd', code: 2, from: 'Y', to: 'Y, ny betydelse' });
        expect([...diff.renames]).toEqual([['a', 'a2']]);
    });

    test('renames are followed over several versions (1 → 2 → 10, ordered as numbers), and an ersätter of an id still there is no rename', async () => {
        const { catalogues } = await load({ '/ws/v3.sucat': V3, '/ws/v1.sucat': V1, '/ws/v2.sucat': V2 });
        const chain = upgradeChain(catalogues, '1', '10')!;
        expect(chain.map(c => c.version)).toEqual(['1', '2', '10']);
        const diff = diffCatalogues(chain);
        expect([...diff.renames]).toEqual([['a', 'a3']]);
        expect(kinds(diff.changes).filter(k => k.startsWith('renamed') || k.startsWith('removed') || k.startsWith('added'))).toEqual(['added →ny', 'removed gone', 'renamed a→a3']);
        // Straight from 1 to 10 without version 2, a3's `ersätter a2` names nothing in version 1.
        const direct = diffCatalogues([chain[0], chain[2]]);
        expect(kinds(direct.changes).filter(k => /^(renamed|removed|added)/.test(k))).toEqual(['added →a3', 'added →ny', 'removed a', 'removed gone']);
        expect(upgradeChain(catalogues, '2', '1')).toBeUndefined();
        expect(upgradeChain(catalogues, '1', '7')).toBeUndefined();
    });

    test('what a plan uses: catalogue codes through refinements, `i original`, conditions; each finding with its lines', async () => {
        const { catalogues, plans } = await load({ '/ws/v1.sucat': V1, '/ws/v2.sucat': V2, '/ws/p.suplan': PLAN });
        const plan = plans.get('/ws/p.suplan')!;
        const uses = catalogueUses(plan, 't');
        expect(uses.map(u => [u.id, u.name, u.place.line])).toEqual([['a', 'a', 6], ['b', 'bb', 7], ['d', 'd', 8], ['gone', 'gone', 14]]);
        const d = uses.find(u => u.id === 'd')!;
        // 21 and 22 map to 2; `när d i 2` names no detailed code, so it is the original 2.
        expect(d.codes.map(c => [c.code, c.place.line])).toEqual([[2, 6], [2, 9], [2, 10], [1, 11], [3, 12], [2, 19], [2, 19], [3, 20]]);
        const findings = planFindings(diffCatalogues(catalogues.filter(c => c.version !== '10')), uses);
        expect(findings.map(f => [f.impact, f.change.kind, f.name, [...new Set(f.places.map(p => p.line))]])).toEqual([
            ['breaks', 'removed', 'gone', [14, 21]],
            ['renamed', 'renamed', 'a', [6]],
            ['review', 'relabelled', 'bb', [7]],
            ['incomparable', 'codeAdded', 'd', [8]],
            ['breaks', 'codeRemoved', 'd', [8, 12, 20]],
            ['incomparable', 'codeRelabelled', 'd', [8, 6, 9, 10, 19]],
        ]);
    });
});

test('a catalogue variable used twice (with two `som` names) gets a finding for each use', async () => {
    const text = 'plan "R" {\n    katalog t version "1"\n    variabler {\n        använd t.b som b_start\n        använd t.b som b_slut\n    }\n}\n';
    const { catalogues, plans } = await load({ '/ws/v1.sucat': V1, '/ws/v2.sucat': V2, '/ws/r.suplan': text });
    const findings = planFindings(diffCatalogues(catalogues), catalogueUses(plans.get('/ws/r.suplan')!, 't'));
    expect(findings.map(f => [f.impact, f.name, f.places[0].line])).toEqual([['review', 'b_start', 4], ['review', 'b_slut', 5]]);
});

describe('catalogue upgrade', () => {
    test('rewrites the version and every use of a renamed variable, keeping comments and layout, and lists the decisions', async () => {
        const { catalogues, plans } = await load({ '/ws/v1.sucat': V1, '/ws/v2.sucat': V2, '/ws/v3.sucat': V3, '/ws/p.suplan': PLAN });
        const plan = plans.get('/ws/p.suplan')!;
        const pin = plan.elements.find(isCatalogueRef)!;
        expect(newerVersions(pin, catalogues)).toEqual(['10', '2']);
        const upgrade = planUpgrade(plan, pin, catalogues, '10')!;
        const text = applyChanges(PLAN, upgrade.changes);
        expect(text).toBe(PLAN
            .replace('katalog t version "1"', 'katalog t version "10"')
            .replace('använd t.a när', 'använd t.a3 när')
            .replace('f1: frekvens a\n', 'f1: frekvens a3\n')
            .replace('acceptera SU040 för a ', 'acceptera SU040 för a3 '));
        expect(upgrade.renames).toEqual([{ from: 'a', to: 'a3', name: { from: 'a', to: 'a3' } }]);
        expect(upgrade.decisions.map(f => `${f.impact} ${f.change.kind} ${f.name}`)).toEqual([
            'breaks removed gone', 'review relabelled bb', 'incomparable codeAdded d', 'breaks codeRemoved d', 'incomparable codeRelabelled d',
        ]);
        // The upgraded plan resolves against version 10 wherever nothing was to be decided.
        const after = await load({ '/ws/v1.sucat': V1, '/ws/v2.sucat': V2, '/ws/v3.sucat': V3, '/ws/p.suplan': text });
        const uses = catalogueUses(after.plans.get('/ws/p.suplan')!, 't');
        expect(uses.map(u => [u.id, u.use.variable.ref?.$container.version])).toEqual([['a3', '10'], ['b', '10'], ['d', '10'], ['gone', undefined]]);
        expect(planUpgrade(plan, pin, catalogues, '1')).toBeUndefined();
    });

    test('a renamed variable whose new id is already a name in the plan keeps its name with `som`; a `som` name stays', async () => {
        const text = `plan "Q" {
    syfte kontroll
    fråga "Hur?"
    katalog t version "1"
    variabler {
        använd t.a
        använd t.d som a2
    }
    analyser {
        k1: korstabell a mot a2
    }
}
`;
        const { catalogues, plans } = await load({ '/ws/v1.sucat': V1, '/ws/v2.sucat': V2, '/ws/q.suplan': text });
        const plan = plans.get('/ws/q.suplan')!;
        const upgrade = planUpgrade(plan, plan.elements.find(isCatalogueRef)!, catalogues, '2')!;
        expect(applyChanges(text, upgrade.changes)).toBe(text.replace('version "1"', 'version "2"').replace('använd t.a\n', 'använd t.a2 som a\n'));
        expect(upgrade.renames).toEqual([{ from: 'a', to: 'a2', keptName: 'a' }]);
    });
});
