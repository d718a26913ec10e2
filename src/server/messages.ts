import { messageTable } from '../text/messages.js';

/** What the language server's own requests say to the user, in both languages. */
export const serverMessage = messageTable({
    unknownTarget: { sv: 'Okänt mål: {0}', en: 'Unknown target: {0}' },
    notAPlan: { sv: 'Filen är ingen plan.', en: 'The file is not a plan.' },
    planHasErrors: {
        sv: 'Planen har {0} fel. Rätta dem (se Problem) och försök igen.',
        en: 'The plan has {0} error(s). Fix them (see Problems) and try again.',
    },
    helpLine: { sv: 'Tips: {0}', en: 'Tip: {0}' },
});
