import { SUPER_USERS_SCHEMA } from './super-users.ts';
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { reason, writeTransaction } from './database.ts';

/**
 * One step of the schema, numbered from 1; `PRAGMA user_version` records the last one applied.
 *
 * Steps are never edited once released: a database migrated by an older build must end up with
 * the same schema as a fresh one.
 */
export type Migration = { readonly version: number; readonly description: string; readonly apply: (database: DatabaseSync) => void };

const APPEND_ONLY = `RAISE(ABORT, 'audit records are append-only')`;

const INITIAL_SCHEMA = `
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  list_version INTEGER NOT NULL DEFAULT 0,
  super_user_enabled INTEGER NOT NULL DEFAULT 0 CHECK (super_user_enabled IN (0, 1)),
  super_user_changed_by TEXT,
  super_user_changed_at TEXT,
  onboarding_group_sid TEXT,
  onboarding_group_name TEXT,
  onboarding_changed_by TEXT,
  onboarding_changed_at TEXT,
  token_signing_key BLOB NOT NULL CHECK (length(token_signing_key) = 32)
) STRICT;

CREATE TABLE authorized_accounts (
  id TEXT PRIMARY KEY,
  sid TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  kind TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (sid, role)
) STRICT;

CREATE TABLE administrators (
  sid TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (sid, role)
) STRICT;

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_sid TEXT,
  source TEXT NOT NULL,
  node TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  correlation_id TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_action ON audit (action, id);
CREATE INDEX audit_by_time ON audit (at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT ${APPEND_ONLY}; END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT ${APPEND_ONLY}; END;

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  result_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
) STRICT;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

CREATE TABLE sign_in_failures (
  account TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  blocked_until TEXT,
  last_failure_at TEXT NOT NULL
) STRICT;

CREATE TABLE nodes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  url TEXT NOT NULL,
  tls INTEGER NOT NULL CHECK (tls IN (0, 1)),
  started_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;
`;

/**
 * Every schema step, in order.
 *
 * The signing key is created here, once, so every node sharing the file signs with the same key
 * and a restart does not sign everybody out.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'settings, authorized accounts, administrators, append-only audit, idempotency keys, sign-in throttle, nodes',
    apply: (database) => {
      database.exec(INITIAL_SCHEMA);
      database.prepare('INSERT INTO settings (id, token_signing_key) VALUES (1, ?)').run(randomBytes(32));
    },
  },
  {
    version: 2,
    description: 'idempotency claims: a key in flight on one node is seen by every node',
    apply: (database) => {
      database.exec(`
        CREATE TABLE idempotency_claims (
          scope TEXT NOT NULL,
          key TEXT NOT NULL,
          node TEXT NOT NULL,
          claimed_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          PRIMARY KEY (scope, key)
        ) STRICT;
        CREATE INDEX idempotency_claims_by_expiry ON idempotency_claims (expires_at);
      `);
    },
  },
  {
    version: 3,
    description: 'change sequence: every committed change numbered in commit order, for the change feed',
    apply: (database) => {
      // Records written before this step have no number: the feed replays changes from here on.
      database.exec(`
        ALTER TABLE settings ADD COLUMN change_sequence INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE audit ADD COLUMN change_sequence INTEGER;
        ALTER TABLE audit ADD COLUMN list_version INTEGER;
        CREATE INDEX audit_by_change ON audit (change_sequence) WHERE change_sequence IS NOT NULL;
      `);
    },
  },
  {
    version: 4,
    description: 'super-user snapshot: the effective super users as last expanded, and the last review',
    apply: (database) => {
      database.exec(SUPER_USERS_SCHEMA);
    },
  },
];

/**
 * Bring the database at `path` up to the newest schema this build knows.
 *
 * Each step commits on its own, so a failure leaves the database at the last good step. A
 * database from a newer build is refused: this build would misread tables it does not know.
 */
export function migrate(database: DatabaseSync, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const newest = migrations.at(-1)?.version ?? 0;
  const found = userVersion(database);
  if (found > newest) {
    throw new Error(
      `The configuration database ${path} was created by a newer version of rms-connector-admin (schema version ${found}; this version knows up to ${newest}). Update this node, or point it at another database.`,
    );
  }
  for (const migration of migrations) {
    if (!Number.isSafeInteger(migration.version) || migration.version < 1) throw new Error(`Migration version ${migration.version} is not a positive integer.`);
    if (found >= migration.version) continue;
    try {
      writeTransaction(database, () => {
        // Read again under the write lock: another node may have applied this step meanwhile.
        if (userVersion(database) >= migration.version) return;
        migration.apply(database);
        // PRAGMA takes no bound parameters; the version is a checked integer from this file.
        database.exec(`PRAGMA user_version = ${migration.version}`);
      });
    } catch (error) {
      throw new Error(`Cannot bring the configuration database ${path} to schema version ${migration.version} (${migration.description}): ${reason(error)}`, {
        cause: error,
      });
    }
  }
}

/** The schema version recorded in the database; 0 for a new file. */
export function userVersion(database: DatabaseSync): number {
  const value = database.prepare('PRAGMA user_version').get()?.['user_version'];
  if (typeof value !== 'number') throw new Error(`PRAGMA user_version returned ${String(value)}, not a number.`);
  return value;
}
