import type { ConfigStore } from '../../config-store.ts';

/** One test's view of an engine: stores on the test's own, empty database. */
export type StoresUnderTest = {
  /** A store on this test's database; each call is another connection, as another node would hold. */
  readonly open: () => Promise<ConfigStore>;
  /** A store on a second, separate database of this test. */
  readonly openSeparate: () => Promise<ConfigStore>;
  /**
   * Run one statement with one text parameter (`?`) on a raw connection to this test's database.
   *
   * Answers the engine's error message, or `allowed`: what the schema itself refuses, whatever
   * client writes.
   */
  readonly tryStatement: (sql: string, parameter: string) => Promise<string>;
};

/**
 * A configuration store engine the contract suite runs against (SQLite, PostgreSQL).
 *
 * `use()` registers the hooks that give each test fresh databases and close what it opened;
 * call it inside a `describe`.
 */
export type StoreEngine = {
  readonly name: 'sqlite' | 'postgres';
  readonly use: () => StoresUnderTest;
};
