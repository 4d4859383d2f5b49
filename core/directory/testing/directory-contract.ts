import { afterAll, beforeAll, describe } from 'vitest';
import { connectionContract } from './contract-connection.ts';
import { findingCodesContract } from './contract-finding-codes.ts';
import { gatherFactsContract } from './contract-gather-facts.ts';
import { hostileTextContract } from './contract-hostile-text.ts';
import { membershipContract } from './contract-membership.ts';
import { policyMatrixContract } from './contract-policy-matrix.ts';
import { resolveContract } from './contract-resolve.ts';
import { searchContract } from './contract-search.ts';
import { superUsersContract } from './contract-super-users.ts';
import { fixtureHolder, type FixtureSource } from './directory-fixture.ts';

/**
 * The directory contract: everything the console relies on a domain controller for, as
 * tests that run unchanged against the Samba AD DC and against the demo directory.
 *
 * Connection, search and browse, name resolution, membership (in-chain, primary group,
 * tokenGroups), hostile typed text, and the policy run over the scenario. Only facts
 * that differ by nature (the bulk-user count, URLs) come from the fixture.
 */
export function describeDirectoryContract(source: FixtureSource): void {
  describe(`directory contract: ${source.name}`, () => {
    const holder = fixtureHolder();
    beforeAll(async () => {
      holder.set(await source.setup());
    });
    afterAll(async () => {
      await source.teardown?.();
    });
    const fixture = () => holder.get();
    connectionContract(fixture);
    searchContract(fixture);
    resolveContract(fixture);
    membershipContract(fixture);
    hostileTextContract(fixture);
    gatherFactsContract(fixture);
    superUsersContract(fixture);
    policyMatrixContract(fixture);
    findingCodesContract(fixture);
  });
}
