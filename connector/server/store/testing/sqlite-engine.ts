import { DatabaseSync } from 'node:sqlite';
import { useTemporaryStores } from '../sqlite/test-fixture.ts';
import type { StoreEngine } from './contract/index.ts';

/** The SQLite store for the contract suite: real files in a fresh folder per test. */
export const sqliteEngine: StoreEngine = {
  name: 'sqlite',
  use: () => {
    const stores = useTemporaryStores();
    return {
      open: () => Promise.resolve(stores.open()),
      openSeparate: () => Promise.resolve(stores.open('separate.db')),
      tryStatement: (sql, parameter) => {
        const database = new DatabaseSync(stores.file());
        try {
          database.prepare(sql).run(parameter);
          return Promise.resolve('allowed');
        } catch (error) {
          return Promise.resolve(error instanceof Error ? error.message : String(error));
        } finally {
          database.close();
        }
      },
    };
  },
};
