/**
 * The `.editorconfig` shipped in `examples/` and written by `suplan new` beside a new plan: the
 * house style (four spaces, UTF-8, a final line break) for editors that read EditorConfig (Neovim
 * 0.9+, Emacs with editorconfig-mode, JetBrains, VS Code with the extension), so that their own
 * tab settings never turn indentation into tabs. Line endings are not set: the formatter keeps a
 * file's own.
 */
export const EDITORCONFIG = [
    '# SU-plan: planer och kataloger skrivs med fyra mellanslag i UTF-8 (https://editorconfig.org).',
    '# SU-plan: plans and catalogues use four spaces and UTF-8.',
    '[*.{suplan,sucat}]',
    'charset = utf-8',
    'indent_style = space',
    'indent_size = 4',
    'insert_final_newline = true',
    'trim_trailing_whitespace = true',
    '',
].join('\n');

export const EDITORCONFIG_NAME = '.editorconfig';
