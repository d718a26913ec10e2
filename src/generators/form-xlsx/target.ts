import type { GeneratorTarget } from '../target.js';

/** `form-xlsx`: the registration workbook (Excel, LibreOffice) that `suplan data import` reads back. */
export const formXlsxTarget: GeneratorTarget = {
    id: 'form-xlsx',
    description: { sv: 'registreringsarbetsbok för Excel med listor och kontroller', en: 'an Excel registration workbook with dropdowns and validation' },
    output: 'bytes',
    editor: false,
    load: async () => (await import('./index.js')).generateFormXlsx,
};
