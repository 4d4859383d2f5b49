import postgres from 'postgres';

/** How the store reaches PostgreSQL: driver options, and the address to name in messages (never a password). */
export type PostgresTarget = {
  /** Hosts and ports in order; with several, `target_session_attrs` picks the primary. */
  readonly hosts: readonly { readonly host: string; readonly port: number }[];
  readonly database: string;
  readonly user: string;
  readonly password: string | undefined;
  /** `false`, or TLS settings (verify-full: a CA and the host name checked). */
  readonly ssl: false | { readonly ca?: string | undefined; readonly rejectUnauthorized: true; readonly servername?: string | undefined };
  readonly targetSessionAttributes: 'primary' | 'read-write' | 'any';
  readonly connectTimeoutSeconds: number;
  /** The URL without its password, for every message that names the database. */
  readonly description: string;
};

/** The value types this store reads: `bigint` columns as checked JavaScript numbers. */
export type ValueTypes = { bigint: number };

/** A transaction of the store's pool. */
export type Transaction = postgres.TransactionSql<ValueTypes>;

/** The store's connection pool. */
export type Pool = postgres.Sql<ValueTypes>;

/**
 * A connection pool to `target`, with int8 read as a safe JavaScript number.
 *
 * Every option is given explicitly: postgres.js would otherwise fill gaps from `PG*`
 * environment variables and pass unknown URL parameters to the server as settings.
 */
export function openPool(target: PostgresTarget, maxConnections = 10): Pool {
  const options: postgres.Options<{ bigint: postgres.PostgresType<number> }> = {
    // postgres.js reads a host list as "host:port,host:port" (its typings take one string).
    host: target.hosts.map((entry) => `${entry.host}:${String(entry.port)}`).join(','),
    database: target.database,
    user: target.user,
    ...(target.password === undefined ? {} : { password: target.password }),
    ssl: target.ssl === false ? false : { ...target.ssl },
    ...(target.targetSessionAttributes === 'any' ? {} : { target_session_attrs: target.targetSessionAttributes }),
    connect_timeout: target.connectTimeoutSeconds,
    max: maxConnections,
    idle_timeout: 60,
    connection: { application_name: 'rms-connector-service' },
    // postgres.js waits up to 20 s (3^n / 100, shared by the pool) before reconnecting after
    // failed attempts; during a failover every connection fails a few times, and the node would
    // stay away for that long after the new primary is up. A quarter second per attempt, at most 2.
    backoff: (attempts: number) => Math.min(0.25 * attempts, 2),
    onnotice: () => undefined,
    types: {
      bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: safeInteger },
    },
  };
  return postgres(options);
}

function safeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`A bigint column holds ${text}, beyond what this service reads exactly.`);
  return value;
}

/** The message of a thrown value; postgres.js errors carry the server's own message. */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
