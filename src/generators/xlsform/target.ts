import type { GeneratorTarget } from '../target.js';

/** `xlsform`: the XLSForm (survey, choices, settings) of the plan's survey, for KoBoToolbox and ODK Central. */
export const xlsformTarget: GeneratorTarget = {
    id: 'xlsform',
    description: { sv: 'XLSForm för KoBoToolbox och ODK Central', en: 'an XLSForm for KoBoToolbox and ODK Central' },
    output: 'bytes',
    editor: false,
    load: async () => (await import('./index.js')).generateXlsForm,
};
