import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrate, userVersion, type Migration } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { useTemporaryStores } from './test-fixture.ts';

describe('openDatabase', () => {
  const stores = useTemporaryStores();

  it('sets WAL, synchronous FULL, foreign keys and the busy timeout when it opens a file', () => {
    const database = openDatabase(stores.file());
    // Each PRAGMA answers one row with one column (busy_timeout's is named `timeout`).
    const pragma = (name: string): unknown => Object.values(database.prepare(`PRAGMA ${name}`).get() ?? {})[0];
    const settings = {
      journal: pragma('journal_mode'),
      synchronous: pragma('synchronous'),
      foreignKeys: pragma('foreign_keys'),
      timeout: pragma('busy_timeout'),
    };
    database.close();
    expect(settings).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, timeout: 5000 });
  });
});

describe('migrate', () => {
  const stores = useTemporaryStores();

  it('keeps the last good schema version and names the file when a later step fails', () => {
    const database = new DatabaseSync(stores.file());
    const steps: Migration[] = [
      {
        version: 1,
        description: 'first',
        apply: (db) => {
          db.exec('CREATE TABLE first (id INTEGER)');
        },
      },
      {
        version: 2,
        description: 'second',
        apply: (db) => {
          db.exec('CREATE TABLE second (id INTEGER); INSERT INTO nowhere VALUES (1)');
        },
      },
    ];
    expect(() => {
      migrate(database, stores.file(), steps);
    }).toThrow(`Cannot bring the configuration database ${stores.file()} to schema version 2 (second): no such table: nowhere`);
    const tables = database
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .all()
      .map((row) => row['name']);
    const state = { version: userVersion(database), tables };
    database.close();
    expect(state).toEqual({ version: 1, tables: ['first'] });
  });
});

describe('openSqliteStore', () => {
  const stores = useTemporaryStores();

  it('creates a separate random 32-byte signing key when each database is created', async () => {
    const keys = [await stores.open('one.db').tokenSigningKey(), await stores.open('two.db').tokenSigningKey()];
    expect({ lengths: keys.map((key) => key.length), same: Buffer.from(keys[0] ?? []).equals(Buffer.from(keys[1] ?? [])) }).toEqual({
      lengths: [32, 32],
      same: false,
    });
  });

  it('records schema version 4 when it creates a new file', async () => {
    await stores.open().close();
    const database = new DatabaseSync(stores.file());
    const version = userVersion(database);
    database.close();
    expect(version).toBe(4);
  });

  it('refuses the file when a newer version created it', async () => {
    await stores.open().close();
    const database = new DatabaseSync(stores.file());
    database.exec('PRAGMA user_version = 7');
    database.close();
    expect(() => stores.open()).toThrow(
      `The configuration database ${stores.file()} was created by a newer version of rms-connector-admin (schema version 7; this version knows up to 4).`,
    );
  });

  it('names the path when the directory does not exist', () => {
    const missing = stores.file('no-such-folder/config.db');
    expect(() => openSqliteStore(missing)).toThrow(`Cannot open the configuration database ${missing}: `);
  });

  it('names the path when the file is not a database', () => {
    fs.writeFileSync(stores.file(), 'not a database, just text that is long enough to be read as a header page'.repeat(20));
    expect(() => stores.open()).toThrow(`Cannot open the configuration database ${stores.file()}: file is not a database`);
  });

  it('refuses a database that cannot use write-ahead logging', () => {
    expect(() => openSqliteStore(':memory:')).toThrow('The configuration database :memory: cannot use write-ahead logging (its journal mode stays "memory")');
  });
});

describe('access rules, read on every request', () => {
  const stores = useTemporaryStores();
  const context = { actor: 'CORP\\alice', actorSid: null, source: 'test', node: 'test', correlationId: 'c', at: '2026-01-01T00:00:00.000Z' };
  const carol = { sid: 'S-1-5-21-1-2-3-1500', name: 'CORP\\carol', kind: 'user', role: 'GlobalAdministrator' } as const;

  it('sees a change committed through another connection to the file (the service CLI beside the node) on the next read', async () => {
    const file = stores.file();
    const node = openSqliteStore(file);
    const cli = openSqliteStore(file);
    try {
      const before = await node.accessRules();
      await cli.addAdministrator(carol, context);
      const added = await node.accessRules();
      await cli.removeAdministrator(carol.sid, carol.role, context);
      const removed = await node.accessRules();
      expect([before, added, removed].map((rules) => rules.administrators.map((administrator) => administrator.name))).toEqual([[], ['CORP\\carol'], []]);
    } finally {
      await node.close();
      await cli.close();
    }
  });

  it('sees its own changes on the next read', async () => {
    const store = openSqliteStore(stores.file());
    try {
      await store.accessRules();
      await store.setOnboardingControl({ sid: 'S-1-5-21-1-2-3-1600', name: 'CORP\\RMS Admins' }, context);
      expect((await store.accessRules()).onboardingGroup).toEqual({ sid: 'S-1-5-21-1-2-3-1600', name: 'CORP\\RMS Admins' });
    } finally {
      await store.close();
    }
  });
});

describe('watching changes', () => {
  const stores = useTemporaryStores();

  it('tells a watcher of a change committed through another connection (the service CLI beside the node) within seconds', async () => {
    const file = stores.file();
    const node = openSqliteStore(file);
    const cli = openSqliteStore(file);
    let told = 0;
    const watch = await node.watchChanges(() => {
      told += 1;
    });
    try {
      await cli.setOnboardingControl(
        { sid: 'S-1-5-21-1-2-3-1600', name: 'CORP\\RMS Admins' },
        { actor: 'root@rmscon01', actorSid: null, source: 'cli', node: 'RMSCON01', correlationId: 'c', at: '2026-01-01T00:00:00.000Z' },
      );
      const deadline = Date.now() + 5000;
      while (told === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect([told > 0, (await node.changesSince(0, 10)).map((event) => event.records[0]?.action)]).toEqual([true, ['onboarding-control.set']]);
    } finally {
      await watch.close();
      await node.close();
      await cli.close();
    }
  });
});
