import type { GeneratorTarget } from '../target.js';

/** `xform`: the ODK XForm (ODK Collect, ODK Central, KoBoToolbox, Enketo) of the plan's survey. */
export const xformTarget: GeneratorTarget = {
    id: 'xform',
    description: { sv: 'ODK XForm (ODK Collect, KoBoToolbox, Enketo)', en: 'an ODK XForm (ODK Collect, KoBoToolbox, Enketo)' },
    output: 'text',
    editor: false,
    load: async () => (await import('./index.js')).generateXForm,
};
