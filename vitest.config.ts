import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (no server, runs in `npm run check`) and `integration` (needs the
 * Samba test domain controller, which the global setup starts or reuses).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['main/**/*.test.ts', 'connector/**/*.test.ts', 'tooling/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['e2e/vitest-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
