import { defineConfig } from '@playwright/test';

/**
 * The packaged desktop app (e2e flavour: release fuses except `--inspect`) driven by
 * Playwright's `_electron`. Run through e2e/electron/run.ts, which builds that package first
 * and reports "not run" where no Electron binary exists (DESIGN.md §9).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e-electron',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../../.cache/e2e-electron-results.json' }]],
  use: { actionTimeout: 20_000, screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
