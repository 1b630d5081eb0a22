import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The shared datasets sit beside the checkout (../shared/datasets) unless the caller says otherwise.
    env: { EVALFORGE_DATA_DIR: process.env.EVALFORGE_DATA_DIR ?? new URL('../shared/datasets', import.meta.url).pathname },
  },
});
