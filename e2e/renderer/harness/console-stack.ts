import type { ProfileDefaults } from '../../../main/ipc/console-ports.ts';
import type { AdConnection } from '../../ad/ad-connection.ts';
import { consoleDefaultsFor } from './console-defaults.ts';
import { startConsoleTestService, type ConsoleTestService } from './connector-service.ts';
import { startMainProcess, type MainProcess } from './main-process.ts';
import { RENDERER_DIST } from './paths.ts';
import { serveStaticSite, type StaticSite } from './static-site.ts';
import { ensureTestDomain } from './test-domain.ts';

/** Everything behind one console page outside Playwright Test: DC, service, main, site. */
export type ConsoleStack = {
  readonly domain: AdConnection;
  /** What the sign-in screen starts from (the service and the DC). */
  readonly defaults: ProfileDefaults;
  readonly connector: ConsoleTestService;
  readonly main: MainProcess;
  readonly site: StaticSite;
  close(): Promise<void>;
};

/**
 * Start the DC (or reuse it), a connector service with alice as GlobalAdministrator, the
 * main-process dispatch pointed at both, and a static server for the already built renderer.
 *
 * What the preview and the console benchmark share with the Playwright fixtures.
 */
export async function startConsoleStack(): Promise<ConsoleStack> {
  const domain = await ensureTestDomain();
  const connector = await startConsoleTestService(domain);
  try {
    await connector.grant('alice', 'GlobalAdministrator');
    const site = await serveStaticSite(RENDERER_DIST);
    const defaults = consoleDefaultsFor(domain, connector.url);
    const main = startMainProcess(defaults);
    return {
      domain,
      defaults,
      connector,
      main,
      site,
      async close() {
        await main.close();
        await site.close();
        await connector.dispose();
      },
    };
  } catch (error) {
    await connector.dispose();
    throw error;
  }
}
