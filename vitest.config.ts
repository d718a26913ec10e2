import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        projects: [
            {
                test: {
                    name: 'unit',
                    include: ['test/**/*.test.ts'],
                    exclude: ['test/consumers/**', 'test/release/**'],
                    testTimeout: 60_000,
                },
            },
            {
                test: {
                    name: 'consumers',
                    // Real consumers (editors, LibreOffice, npm installing the release tarball): slow.
                    include: ['test/consumers/**/*.test.ts', 'test/release/**/*.test.ts'],
                    fileParallelism: false,
                    testTimeout: 300_000,
                    hookTimeout: 600_000,
                },
            },
        ],
    },
});
