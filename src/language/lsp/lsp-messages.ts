import { messageTable } from '../../text/messages.js';

/** What the editor features (rename, …) say to the user, in both languages. Diagnostics have their own table (diagnostics/codes.ts). */
export const lspMessage = messageTable({
    invalidName: {
        sv: '"{0}" är inget giltigt namn: använd bokstäver (också å, ä, ö), siffror och _, och börja med en bokstav.',
        en: '"{0}" is not a valid name: use letters (å, ä, ö too), digits and _, and start with a letter.',
    },
    keywordName: {
        sv: '"{0}" är ett nyckelord i språket och kan inte vara ett namn.',
        en: '"{0}" is a keyword of the language and cannot be a name.',
    },
    nameNotFound: { sv: 'Namnet hittades inte.', en: 'The name was not found.' },
    nameTakenInPlan: { sv: 'Namnet "{0}" används redan i planen.', en: 'The name "{0}" is already used in the plan.' },
    nameTakenInCatalogue: { sv: 'Variabeln "{0}" finns redan i katalogen.', en: 'The variable "{0}" is already in the catalogue.' },
    catalogueVariableFromPlan: {
        sv: '{0} är en katalogvariabel (katalogen {1}) och kan inte byta namn från en plan. '
            + 'Byt namn där den används i planen, så får den ett eget namn med `använd {0} som nytt_namn`.',
        en: '{0} is a catalogue variable (catalogue {1}) and cannot be renamed from a plan. '
            + 'Rename it where the plan uses it to give it a name of its own with `använd {0} som new_name`.',
    },
});
