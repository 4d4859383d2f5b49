import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ChangeContext, ConfigStore } from '../config-store.ts';
import { openSqliteStore } from './sqlite-store.ts';

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

/** A change context with fixed, readable values; tests override what they vary. */
export function changeContext(overrides: Partial<ChangeContext> = {}): ChangeContext {
  return {
    actor: 'CORP\\alice',
    actorSid: 'S-1-5-21-1-2-3-1105',
    source: '192.0.2.10',
    node: 'node-1',
    correlationId: 'request-1',
    at: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}
