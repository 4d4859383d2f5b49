import { test as base } from '@playwright/test';
import type { AdConnection } from '../../ad/ad-connection.ts';
import { attachBridge } from './bridge.ts';
import { consoleAppOf, type ConsoleApp } from './console-app.ts';
import { consoleDefaultsFor } from './console-defaults.ts';
import { startConsoleTestService, type ConsoleTestService } from './connector-service.ts';
import { startMainProcess, type MainProcess } from './main-process.ts';
import { RENDERER_DIST } from './paths.ts';
import { serveStaticSite, type StaticSite } from './static-site.ts';
import { ensureTestDomain } from './test-domain.ts';

/** One connector service per spec file, replaced when the worker moves on to the next file. */
type ServicePerFile = { forFile(file: string): Promise<ConsoleTestService> };

type WorkerFixtures = {
  /** The seeded Samba DC (started or reused once per worker). */
  testDomain: AdConnection;
  /** The built renderer on a loopback static server. */
  site: StaticSite;
  servicePerFile: ServicePerFile;
};

type TestFixtures = {
  /** This spec file's connector service (fresh list; alice is GlobalAdministrator). */
  connector: ConsoleTestService;
  /** This test's main process (its own session), defaults pointing at `connector` and the DC. */
  main: MainProcess;
  /** The page, bridged to `main`, with helpers by accessible name. */
  app: ConsoleApp;
};

/**
 * Playwright's `test` with the console harness: the real main-process dispatch, a real
 * connector service and the real Samba DC behind `window.adminBridge`.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  testDomain: [
    // Playwright requires the first fixture argument to be an object pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(await ensureTestDomain());
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const site = await serveStaticSite(RENDERER_DIST);
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  servicePerFile: [
    async ({ testDomain }, use) => {
      let current: { file: string; service: ConsoleTestService } | undefined;
      await use({
        async forFile(file) {
          if (current?.file === file) return current.service;
          await current?.service.dispose();
          current = undefined;
          const service = await startConsoleTestService(testDomain);
          await service.grant('alice', 'GlobalAdministrator');
          current = { file, service };
          return service;
        },
      });
      await current?.service.dispose();
    },
    { scope: 'worker' },
  ],
  connector: async ({ servicePerFile }, use, testInfo) => {
    await use(await servicePerFile.forFile(testInfo.file));
  },
  main: async ({ testDomain, connector }, use) => {
    const main = startMainProcess(consoleDefaultsFor(testDomain, connector.url));
    await use(main);
    await main.close();
  },
  app: async ({ page, site, main }, use) => {
    const bridge = await attachBridge(page, main);
    await use(consoleAppOf(page, site.url, main, bridge));
  },
});

export { expect } from '@playwright/test';
