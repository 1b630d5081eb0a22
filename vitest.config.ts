import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { EVALFORGE_DATA_DIR: new URL('../shared/datasets', import.meta.url).pathname },
  },
});
