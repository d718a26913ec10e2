/** The HTML form's spec is the shared form model of src/data/form-model.ts (the other forms use it too). */
export { RESPONDENT_LABELS, formSpec, type FieldSpec, type FormSpec } from '../../data/form-model.js';
