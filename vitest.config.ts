import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (no server, runs in `npm run check`), `renderer` (components and
 * stores in jsdom, also in `check`) and `integration` (needs the Samba test domain
 * controller, which the global setup starts or reuses). Browser flows are Playwright's
 * (e2e/renderer), not Vitest's.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'contract/**/*.test.ts',
            'core/**/*.test.ts',
            'connector/**/*.test.ts',
            'main/**/*.test.ts',
            'tooling/**/*.test.ts',
            'e2e/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          // Some unit tests start a real program (the CLIs, Electronegativity) and take 2–4 s on
          // two loaded cores; the default 5 s let one of them fail on time alone.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          exclude: ['node_modules/**'],
          environment: 'jsdom',
          setupFiles: ['renderer/testing/vitest-setup.ts'],
          // A console screen rendered in jsdom takes 0.3–1 s alone and over 5 s on two cores
          // busy with the other projects (the remove confirmation took 5.6 s): the default 5 s
          // failed tests on time alone.
          testTimeout: 30_000,
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
