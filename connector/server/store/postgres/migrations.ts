import { randomBytes } from 'node:crypto';
import { reason, type Pool, type Transaction } from './database.ts';

/**
 * One step of the PostgreSQL schema, numbered from 1 like SQLite's; `schema_version` records
 * each step applied.
 *
 * Steps are never edited once released: a database migrated by an older build must end up with
 * the same schema as a fresh one.
 */
export type PostgresMigration = { readonly version: number; readonly description: string; readonly apply: (transaction: Transaction) => Promise<void> };

/** The advisory lock every node takes to migrate: one node migrates, the others wait and then find nothing to do. */
export const MIGRATION_LOCK = 726_300_001;

const INITIAL_SCHEMA = `
CREATE TABLE settings (
  id integer PRIMARY KEY CHECK (id = 1),
  list_version bigint NOT NULL DEFAULT 0,
  super_user_enabled boolean NOT NULL DEFAULT false,
  super_user_changed_by text,
  super_user_changed_at text,
  onboarding_group_sid text,
  onboarding_group_name text,
  onboarding_changed_by text,
  onboarding_changed_at text,
  token_signing_key bytea NOT NULL CHECK (length(token_signing_key) = 32)
);

CREATE TABLE authorized_accounts (
  position bigint GENERATED ALWAYS AS IDENTITY,
  id text PRIMARY KEY,
  sid text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  kind text NOT NULL,
  added_by text NOT NULL,
  added_at text NOT NULL,
  UNIQUE (sid, role)
);

CREATE TABLE administrators (
  position bigint GENERATED ALWAYS AS IDENTITY,
  sid text NOT NULL,
  role text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  added_by text NOT NULL,
  added_at text NOT NULL,
  PRIMARY KEY (sid, role)
);

CREATE TABLE audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  actor_folded text NOT NULL,
  actor_sid text,
  source text NOT NULL,
  node text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  before_json text,
  after_json text,
  correlation_id text NOT NULL
);
CREATE INDEX audit_by_action ON audit (action, id);
CREATE INDEX audit_by_actor ON audit (actor_folded, id);
CREATE INDEX audit_by_time ON audit (at);
CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only';
END
$$;
CREATE TRIGGER audit_no_update_or_delete BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  result_json text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

CREATE TABLE sign_in_failures (
  account text PRIMARY KEY,
  failures integer NOT NULL,
  blocked_until text,
  last_failure_at text NOT NULL
);

CREATE TABLE nodes (
  id text PRIMARY KEY,
  name text NOT NULL,
  version text NOT NULL,
  url text NOT NULL,
  tls boolean NOT NULL,
  started_at text NOT NULL,
  last_seen_at text NOT NULL
);
`;

/**
 * Every schema step, in order: the same tables as SQLite's, in PostgreSQL's types.
 *
 * Times and JSON stay text, as in SQLite, so both stores answer byte for byte the same (jsonb
 * would reorder keys). The signing key is created here, once, by whichever node migrates.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'settings, authorized accounts, administrators, append-only audit, idempotency keys, sign-in throttle, nodes',
    apply: async (transaction) => {
      await transaction.unsafe(INITIAL_SCHEMA);
      await transaction`INSERT INTO settings (id, token_signing_key) VALUES (1, ${randomBytes(32)})`;
    },
  },
  {
    version: 2,
    description: 'idempotency claims: a key in flight on one node is seen by every node',
    apply: async (transaction) => {
      await transaction.unsafe(`
        CREATE TABLE idempotency_claims (
          scope text NOT NULL,
          key text NOT NULL,
          node text NOT NULL,
          claimed_at text NOT NULL,
          expires_at text NOT NULL,
          PRIMARY KEY (scope, key)
        );
        CREATE INDEX idempotency_claims_by_expiry ON idempotency_claims (expires_at);
      `);
    },
  },
  {
    version: 3,
    description: 'change sequence: every committed change numbered in commit order, for the change feed',
    apply: async (transaction) => {
      // Records written before this step have no number: the feed replays changes from here on.
      // Adding nullable columns rewrites no row, so the append-only triggers are not involved.
      await transaction.unsafe(`
        ALTER TABLE settings ADD COLUMN change_sequence bigint NOT NULL DEFAULT 0;
        ALTER TABLE audit ADD COLUMN change_sequence bigint, ADD COLUMN list_version bigint;
        CREATE INDEX audit_by_change ON audit (change_sequence) WHERE change_sequence IS NOT NULL;
      `);
    },
  },
  {
    version: 4,
    description: 'super-user snapshot: the effective super users as last expanded, and the last review',
    apply: async (transaction) => {
      await transaction.unsafe(`
        CREATE TABLE super_users (
          sid text PRIMARY KEY,
          name text NOT NULL,
          kind text NOT NULL,
          grants_json text NOT NULL,
          first_seen_at text NOT NULL
        );
        ALTER TABLE settings
          ADD COLUMN super_users_version bigint NOT NULL DEFAULT 0,
          ADD COLUMN super_users_expanded_at text,
          ADD COLUMN super_users_expanded_by text,
          ADD COLUMN super_users_list_version bigint,
          ADD COLUMN super_users_reviewed_at text,
          ADD COLUMN super_users_reviewed_by text,
          ADD COLUMN super_users_reviewed_by_sid text,
          ADD COLUMN super_users_reviewed_version bigint,
          ADD COLUMN super_users_reviewed_sequence bigint;
        CREATE INDEX audit_super_user_drift ON audit (change_sequence) WHERE action IN ('super-user.joined', 'super-user.left');
      `);
    },
  },
];

/**
 * Bring the database up to the newest schema this build knows, however many nodes start at once.
 *
 * Each step runs in its own transaction under {@link MIGRATION_LOCK}, and reads the recorded
 * version again under the lock: a node that waited finds the step done. A database from a newer
 * build is refused: this build would misread tables it does not know.
 */
export async function migratePostgres(pool: Pool, description: string, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<void> {
  const newest = migrations.at(-1)?.version ?? 0;
  for (const migration of migrations) {
    try {
      await pool.begin(async (transaction) => {
        await transaction`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
        await transaction`CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)`;
        const found = await recordedVersion(transaction);
        if (found > newest) throw new NewerSchemaError(description, found, newest);
        if (found >= migration.version) return;
        await migration.apply(transaction);
        await transaction`INSERT INTO schema_version (version, description, applied_at) VALUES (${migration.version}, ${migration.description}, ${new Date().toISOString()})`;
      });
    } catch (error) {
      if (error instanceof NewerSchemaError) throw error;
      throw new Error(
        `Cannot bring the configuration database ${description} to schema version ${String(migration.version)} (${migration.description}): ${reason(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}

/** The newest schema step recorded; 0 for an empty database. */
export async function recordedVersion(transaction: Transaction): Promise<number> {
  const [row] = await transaction`SELECT coalesce(max(version), 0)::integer AS version FROM schema_version`;
  const version: unknown = row?.['version'];
  if (typeof version !== 'number') throw new Error(`schema_version answered ${String(version)}, not a number.`);
  return version;
}

/** A database a newer build migrated: refused as it is, with what to do. */
export class NewerSchemaError extends Error {
  constructor(description: string, found: number, newest: number) {
    super(
      `The configuration database ${description} was created by a newer version of rms-connector-admin (schema version ${String(found)}; this version knows up to ${String(newest)}). Update this node, or point it at another database.`,
    );
    this.name = 'NewerSchemaError';
  }
}
