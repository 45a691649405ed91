import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/test/**/*.test.ts'] } },
      { test: { name: 'web', include: ['packages/web/test/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          // Each file opens its own database; argon2 and PGlite start-up make the first test slow.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
