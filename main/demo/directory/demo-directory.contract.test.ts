import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeDirectoryContract } from '../../../core/directory/testing/directory-contract.ts';
import { startDemoDirectory, type DemoDirectory } from './index.ts';

const BULK_USERS = 1200;
let demo: DemoDirectory | undefined;
let folder = '';

/** The same directory contract as the Samba DC's, against the demo directory (no Samba needed). */
describeDirectoryContract({
  name: 'demo directory',
  async setup() {
    folder = mkdtempSync(path.join(tmpdir(), 'rmsadmin-demo-directory-'));
    const started = await startDemoDirectory({ folder, bulkUsers: BULK_USERS });
    demo = started;
    return {
      connectOptions: (overrides = {}) => ({
        url: started.url,
        caFile: started.caFile,
        serverName: started.serverName,
        user: started.administrator.user,
        password: started.administrator.password,
        ...overrides,
      }),
      url: started.url,
      // An explicit non-standard port is kept for the Global Catalog: the demo serves both on one port.
      globalCatalogUrl: started.url,
      baseDn: started.baseDn,
      bulkUserCount: BULK_USERS,
    };
  },
  async teardown() {
    await demo?.close();
    rmSync(folder, { recursive: true, force: true });
  },
});
