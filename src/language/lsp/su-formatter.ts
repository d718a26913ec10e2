import type { AstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';

/** Formats plans: indentation by block depth, one element per line, comments kept. */
export class SuPlanFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void {
        // Filled in by the formatting work.
    }
}

/** Formats catalogues the same way as plans. */
export class SuCatFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void {
        // Filled in by the formatting work.
    }
}
