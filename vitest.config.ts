import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        projects: [
            {
                test: {
                    name: 'unit',
                    include: ['test/**/*.test.ts'],
                    exclude: ['test/consumers/**'],
                    testTimeout: 60_000,
                },
            },
            {
                test: {
                    name: 'consumers',
                    include: ['test/consumers/**/*.test.ts'],
                    fileParallelism: false,
                    testTimeout: 300_000,
                    hookTimeout: 600_000,
                },
            },
        ],
    },
});
