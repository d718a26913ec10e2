import tseslint from 'typescript-eslint';
import layers from './scripts/lint/eslint-layers.js';

export default tseslint.config(
    { ignores: ['out/**', 'dist/**', 'node_modules/**', 'src/language/generated/**', 'demo-output/**', 'test-output/**', 'bench-output/**', 'release/**'] },
    ...tseslint.configs.recommended,
    {
        files: ['**/*.ts'],
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
        },
    },
    {
        // bin/ is CommonJS (bin/package.json): the entry loads the bundle without Node's ES module loader.
        files: ['bin/**/*.js'],
        languageOptions: { sourceType: 'commonjs' },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    {
        // The layers of src/ (scripts/lint/layers.js): imports go only downwards.
        files: ['src/**/*.ts'],
        plugins: { layers },
        rules: { 'layers/layers': 'error' },
    },
);
