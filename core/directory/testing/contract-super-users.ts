import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizedEntry } from '../../../contract/policy.ts';
import { connectDirectory, type Directory } from '../index.ts';
import { effectiveSuperUsers } from '../../policy/super-users.ts';
import type { DirectoryFixture } from './directory-fixture.ts';

/** The effective super users of an Exchange list (part of the directory contract, see directory-contract.ts). */
export function superUsersContract(fixture: () => DirectoryFixture): void {
  describe('effectiveSuperUsers', () => {
    let directory: Directory;
    const entries = new Map<string, AuthorizedEntry>();

    beforeAll(async () => {
      directory = await connectDirectory(fixture().connectOptions());
      const names = ['Exchange Servers', 'EXCH01$', 'Cycle A', 'FCI File Servers'];
      const resolutions = await directory.resolveNames(names);
      resolutions.forEach((resolution, index) => {
        if (resolution.status !== 'resolved') throw new Error(`${names[index] ?? ''} did not resolve`);
        const role = names[index] === 'FCI File Servers' ? 'fci' : 'exchange';
        entries.set(names[index] ?? '', { sid: resolution.object.sid, name: `CORP\\${resolution.object.samAccountName ?? ''}`, role });
      });
    });
    afterAll(async () => {
      await directory.close();
    });

    it('lists each account once with every Exchange entry and path that grants it when entries overlap, nest, cycle or are orphaned', async () => {
      const exchangeServers = entries.get('Exchange Servers') as AuthorizedEntry;
      const exch01 = entries.get('EXCH01$') as AuthorizedEntry;
      const orphan: AuthorizedEntry = { sid: 'S-1-5-21-1-2-3-424242', name: 'CORP\\gone', role: 'exchange' };
      const list = [exchangeServers, exch01, entries.get('Cycle A') as AuthorizedEntry, entries.get('FCI File Servers') as AuthorizedEntry, orphan];
      const { superUsers, orphanedEntries } = await effectiveSuperUsers(directory, list);
      const viaExchangeServers = { entry: exchangeServers, path: ['CORP\\Exchange Servers'], throughPrimaryGroup: false };
      expect({ superUsers: superUsers.map(({ account, grants }) => [account.samAccountName, grants]), orphanedEntries }).toEqual({
        superUsers: [
          ['EXCH01$', [viaExchangeServers, { entry: exch01, path: [], throughPrimaryGroup: false }]],
          ['EXCH02$', [viaExchangeServers]],
          ['EXCH03$', [{ entry: exchangeServers, path: ['CORP\\Exchange Servers', 'CORP\\Exchange Install Domain Servers'], throughPrimaryGroup: true }]],
          ['svc-exchange-helper', [viaExchangeServers]],
        ],
        orphanedEntries: [orphan],
      });
    });
  });
}
