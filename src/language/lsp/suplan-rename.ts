import { DefaultRenameProvider } from 'langium/lsp';

/** Rename of local names (variables, value sets, analyses …); catalogue variables are not renamed from a plan. */
export class SuPlanRenameProvider extends DefaultRenameProvider {
}
