import type { ConnectOptions } from '../connect-directory.ts';

/**
 * One directory the contract suite runs against (the Samba test DC, the demo directory),
 * and the facts about it the expectations depend on.
 */
export type DirectoryFixture = {
  /** Connect options for the administrator, with overrides for negative cases. */
  readonly connectOptions: (overrides?: Partial<ConnectOptions>) => ConnectOptions;
  /** The LDAPS URL of the domain controller. */
  readonly url: string;
  /** Where its Global Catalog answers over LDAPS (`globalCatalog: true` is added by the test). */
  readonly globalCatalogUrl: string;
  readonly baseDn: string;
  /** How many `Bulk User NNNN` accounts the directory holds. */
  readonly bulkUserCount: number;
};

/** How a suite gets its fixture: started in beforeAll, stopped in afterAll. */
export type FixtureSource = { readonly name: string; setup(): Promise<DirectoryFixture>; teardown?(): Promise<void> };

/** The password every seeded named account has (e2e/ad/README.md, main/demo/contoso). */
export const SEED_PASSWORD = 'Seed-Passw0rd!';
/** The scenario's root OU. */
export const CONTOSO_OU = 'OU=Contoso,DC=corp,DC=contoso,DC=test';

/**
 * Resolve the fixture once per suite and hand out a getter the tests call inside `it`.
 *
 * Tests are declared before setup runs, so they reach the fixture through this getter.
 */
export function fixtureHolder(): { get(): DirectoryFixture; set(fixture: DirectoryFixture): void } {
  let current: DirectoryFixture | undefined;
  return {
    get() {
      if (!current) throw new Error('The directory fixture is not ready: its setup failed or has not run.');
      return current;
    },
    set(fixture) {
      current = fixture;
    },
  };
}
