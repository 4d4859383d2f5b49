import postgres from 'postgres';
import { afterEach } from 'vitest';
import type { ConfigStore } from '../config-store.ts';
import { openPostgresStore } from '../postgres/postgres-store.ts';
import type { StoreEngine } from './contract/index.ts';
import { createTestDatabase, type TestDatabase } from './postgres-test-database.ts';

/** The PostgreSQL store for the contract suite: fresh databases on the test cluster for every test. */
export const postgresEngine: StoreEngine = {
  name: 'postgres',
  use: () => {
    const databases = new Map<'main' | 'separate', Promise<TestDatabase>>();
    const opened: ConfigStore[] = [];
    const database = (which: 'main' | 'separate'): Promise<TestDatabase> => {
      const existing = databases.get(which);
      if (existing) return existing;
      const created = createTestDatabase();
      databases.set(which, created);
      return created;
    };
    const open = async (which: 'main' | 'separate'): Promise<ConfigStore> => {
      const store = await openPostgresStore((await database(which)).target, 2);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      for (const created of databases.values()) await (await created).drop();
      databases.clear();
    });
    return {
      open: () => open('main'),
      openSeparate: () => open('separate'),
      tryStatement: async (statement, parameter) => {
        const sql = postgres((await database('main')).url, { max: 1, onnotice: () => undefined });
        try {
          await sql.unsafe(statement.replace('?', '$1'), [parameter]);
          return 'allowed';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        } finally {
          await sql.end({ timeout: 5 });
        }
      },
    };
  },
};
