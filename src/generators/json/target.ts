import type { GeneratorTarget } from '../target.js';

/** `json`: the plan model as JSON (its schema is src/model/plan-model.schema.json). */
export const jsonTarget: GeneratorTarget = {
    id: 'json',
    description: { sv: 'planmodellen som JSON', en: 'the plan model as JSON' },
    output: 'text',
    editor: true,
    load: async () => (model, context) => [{ path: `${context.baseName}.json`, content: JSON.stringify(model, null, 2) + '\n' }],
};
