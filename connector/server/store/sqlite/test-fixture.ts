import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ConfigStore } from '../config-store.ts';
import { openSqliteStore } from './sqlite-store.ts';

export { changeContext } from '../testing/change-context.ts';

/** Stores opened by one test file, under a fresh temporary directory per test. */
export type TemporaryStores = {
  /** The path of `name` in this test's directory. */
  readonly file: (name?: string) => string;
  /** Open a store in this test's directory; it is closed after the test. */
  readonly open: (name?: string) => ConfigStore;
};

/**
 * Give each test its own directory of real SQLite files, removed afterwards.
 *
 * Real files, not `:memory:`: WAL, a second connection and reopening are what is under test.
 */
export function useTemporaryStores(): TemporaryStores {
  let directory = '';
  const opened: ConfigStore[] = [];
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rmsadmin-store-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  const file = (name = 'config.db'): string => path.join(directory, name);
  return {
    file,
    open: (name) => {
      const store = openSqliteStore(file(name));
      opened.push(store);
      return store;
    },
  };
}
