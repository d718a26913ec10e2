import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CODES, helpFor } from '../../src/language/diagnostics/codes.js';
import { createSuServices } from '../../src/language/suplan-services.js';
import type { SuDiagnosticData } from '../../src/language/validators/common.js';
import { publishDiagnosticsWithHelp, withHelp } from '../../src/server/diagnostic-help.js';
import { buildWorkspace } from '../../src/workspace/load.js';
import { plan, TEST_CATALOGUE } from '../language/validators/plan-validation-helper.js';

/** A plan with an unknown catalogue variable (SU012), an unused variable (SU040, accepted) and a wrong analysis (SU045, whose help is an argument). */
const text = plan({
    variables: `variabler {
        använd test.samtal
        använd test.samtall
        lokal antal_samtal "Antal samtal" : antal 0..50 när samtal = 1
        lokal oanvand "Används inte" : antal 0..9
    }`,
    analyses: `analyser {
        a1: andel samtal i 1 målvärde 80 %
        a2: beskriv antal_samtal
        a3: förändring samtal före -> efter
    }`,
    extra: 'acceptera SU040 för oanvand "Behövs för nästa år"',
});

async function diagnostics(language: 'sv' | 'en'): Promise<Diagnostic[]> {
    const services = createSuServices(EmptyFileSystem);
    services.suplan.catalogue.MessageLocale.language = language;
    const [loaded] = await buildWorkspace(services, [{ file: '/ws/plan.suplan', text }, TEST_CATALOGUE]);
    return [...loaded.diagnostics];
}

describe('the help text of a diagnostic in the editor', () => {
    test('is a "Tips:" line after the message, filled with the diagnostic\'s arguments, in the message language', async () => {
        for (const [language, label] of [['sv', 'Tips'], ['en', 'Tip']] as const) {
            const found = await diagnostics(language);
            const su012 = found.find(d => d.code === 'SU012');
            expect(su012).toBeDefined();
            expect(withHelp(su012!, language).message).toBe(`${su012!.message}\n${label}: ${CODES.SU012.help[language]}`);
            const su045 = found.find(d => d.code === 'SU045');
            expect(su045, JSON.stringify(found.map(d => d.code))).toBeDefined();
            const help = helpFor('SU045', language, (su045!.data as SuDiagnosticData).args);
            expect(help).not.toMatch(/\{\d\}/);
            expect(help.length).toBeGreaterThan(10);
            expect(withHelp(su045!, language).message).toBe(`${su045!.message}\n${label}: ${help}`);
            // Everything else about the diagnostic is kept (code actions read its data).
            expect({ ...withHelp(su045!, language), message: su045!.message }).toEqual(su045);
        }
    });

    test('an accepted warning and a diagnostic without a code get no help line', async () => {
        const found = await diagnostics('sv');
        const accepted = found.find(d => d.code === 'SU040');
        expect((accepted?.data as SuDiagnosticData).accepted).toBe('Behövs för nästa år');
        expect(withHelp(accepted!, 'sv')).toBe(accepted);
        const unread: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'filen är 11 MB', severity: 1 };
        expect(withHelp(unread, 'sv')).toBe(unread);
    });

    test('the server publishes every diagnostic with its help, in the current message language', async () => {
        const services = createSuServices(EmptyFileSystem);
        const sent: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
        const connection = { sendDiagnostics: async (params: { uri: string; diagnostics: Diagnostic[] }) => { sent.push(params); } } as unknown as Connection;
        publishDiagnosticsWithHelp(connection, services);
        const found = await diagnostics('en');
        services.suplan.catalogue.MessageLocale.language = 'en';
        await connection.sendDiagnostics({ uri: 'file:///ws/plan.suplan', diagnostics: found });
        const su012 = sent[0].diagnostics.find(d => d.code === 'SU012');
        expect(String(su012?.message).split('\n')).toEqual([found.find(d => d.code === 'SU012')!.message, `Tip: ${CODES.SU012.help.en}`]);
    });
});
