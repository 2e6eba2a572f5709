import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], testTimeout: 10_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

// Vitest loads the config through its default export.
// eslint-disable-next-line no-restricted-syntax
export default config;
