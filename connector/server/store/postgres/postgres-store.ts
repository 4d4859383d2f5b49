import type { ConfigStore } from '../config-store.ts';
import { storedContext, isoTime } from '../stored-values.ts';
import { changeAdministrationIn, readAdministration } from './administration-change.ts';
import { deleteAdministrator, insertAdministrator, readAdministrators } from './administrators.ts';
import { readAuditPage } from './audit.ts';
import { watchPostgresChanges } from './change-watch.ts';
import { readChangePosition, readChangesSince } from './changes.ts';
import { claimKey, releaseKey } from './idempotency-claims.ts';
import { openPool, type PostgresTarget, type Transaction } from './database.ts';
import { applyListChangeIn, readAuthorizedAccounts } from './list-change.ts';
import { migratePostgres } from './migrations.ts';
import { readNodes, upsertNode } from './nodes.ts';
import { lockConfiguration, readListVersion, readOnboardingControl, readSuperUserFeature, readTokenSigningKey, writeOnboardingControl } from './settings.ts';
import { readSuperUsers, recordSuperUsersIn, reviewSuperUsersIn, SUPER_USER_EXPANSION_LOCK } from './super-users.ts';
import { countSignInFailure, readSignInThrottle } from './sign-in-throttle.ts';
import { classifyStoreError } from './transient-failure.ts';
import { StoreUnavailableError } from '../store-unavailable.ts';

// Reads that take several statements see one snapshot; writes run in READ COMMITTED and take
// the configuration lock where they check before they write (settings.ts).
const SNAPSHOT = 'isolation level repeatable read read only';

/** How long one store call may take before the request is answered 503 (see `run`). */
const OPERATION_TIMEOUT_MS = 10_000;

/**
 * Connect to PostgreSQL, migrate, and serve the configuration store every node shares.
 *
 * Any number of nodes may open the same database at once: migrations take an advisory lock,
 * list changes lock the settings row, counters increment in SQL. A failure to connect or to
 * migrate rejects with the driver's error (its code intact), for the caller to name.
 */
export async function openPostgresStore(target: PostgresTarget, maxConnections?: number): Promise<ConfigStore> {
  const pool = openPool(target, maxConnections);
  try {
    await migratePostgres(pool, target.description);
  } catch (error) {
    // The caller names the failure (open-failure.ts reads the driver's codes); only the pool goes.
    await pool.end({ timeout: 0 });
    throw error;
  }
  let closed = false;
  const closedError = (): Error => new Error(`The configuration store ${target.description} is closed.`);
  // A lost connection or a failing-over primary becomes StoreUnavailableError (503 with
  // Retry-After); the pool reconnects on the next call, through the host list to the new primary.
  const run = async <T>(begin: () => Promise<unknown>): Promise<T> => {
    if (closed) throw closedError();
    let timer: NodeJS.Timeout | undefined;
    // A call on a connection that died without a word (a crashed primary mid-failover) may never
    // settle; past the deadline the request is answered 503 and the client retries, rather than
    // hanging until its own timeout. A write that still commits later is replayed (Idempotency-Key)
    // or found changed (If-Match) on that retry.
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new StoreUnavailableError(
            `The configuration database ${target.description} did not answer within ${String(OPERATION_TIMEOUT_MS / 1000)} s.`,
            'TIMEOUT',
          ),
        );
      }, OPERATION_TIMEOUT_MS);
    });
    try {
      return (await Promise.race([begin(), deadline])) as T;
    } catch (error) {
      throw classifyStoreError(error, target.description);
    } finally {
      clearTimeout(timer);
    }
  };
  const read = <T>(work: (transaction: Transaction) => Promise<T>): Promise<T> => run<T>(() => pool.begin(SNAPSHOT, work));
  const write = <T>(work: (transaction: Transaction) => Promise<T>): Promise<T> => run<T>(() => pool.begin(work));

  return {
    kind: 'postgres',
    listAuthorizedAccounts: () => read(readAuthorizedAccounts),
    authorizedAccountsVersion: () => read(readListVersion),
    applyListChange: (change) => write((transaction) => applyListChangeIn(transaction, change)),
    superUserFeature: () => read(readSuperUserFeature),
    superUsers: () => read(readSuperUsers),
    recordSuperUsers: (expansion, context) => write((transaction) => recordSuperUsersIn(transaction, expansion, storedContext(context))),
    reviewSuperUsers: (expected, context) => write((transaction) => reviewSuperUsersIn(transaction, expected, storedContext(context))),
    whileExpandingSuperUsers: async (work) => {
      if (closed) throw closedError();
      // A session lock on a connection of its own, held across the directory work (seconds): a
      // transaction lock would keep a transaction open that long. If the node dies, the server
      // ends the session and the lock with it.
      const connection = await run<Awaited<ReturnType<typeof pool.reserve>>>(() => pool.reserve());
      try {
        const [row] = await run<readonly Record<string, unknown>[]>(() => connection`SELECT pg_try_advisory_lock(${SUPER_USER_EXPANSION_LOCK}) AS locked`);
        if (row?.['locked'] !== true) return { ran: false };
        try {
          return { ran: true, value: await work() };
        } finally {
          await run(() => connection`SELECT pg_advisory_unlock(${SUPER_USER_EXPANSION_LOCK})`).catch(() => undefined);
        }
      } finally {
        connection.release();
      }
    },
    listAdministrators: () => read(readAdministrators),
    accessRules: () =>
      read(async (transaction) => ({
        administrators: await readAdministrators(transaction),
        onboardingGroup: (await readOnboardingControl(transaction)).group,
      })),
    administration: () => read(readAdministration),
    changeAdministration: (change) => write((transaction) => changeAdministrationIn(transaction, { ...change, context: storedContext(change.context) })),
    addAdministrator: (administrator, context) => write((transaction) => insertAdministrator(transaction, administrator, storedContext(context))),
    removeAdministrator: (sid, role, context) => write((transaction) => deleteAdministrator(transaction, sid, role, storedContext(context))),
    onboardingControl: () => read(readOnboardingControl),
    setOnboardingControl: (group, context) =>
      write(async (transaction) => {
        await lockConfiguration(transaction);
        await writeOnboardingControl(transaction, group, storedContext(context));
      }),
    signInThrottle: (account) => read((transaction) => readSignInThrottle(transaction, account)),
    recordSignInFailure: (account, at, blockAfter) => write((transaction) => countSignInFailure(transaction, account, at, blockAfter)),
    clearSignInFailures: (account) =>
      write(async (transaction) => {
        await transaction`DELETE FROM sign_in_failures WHERE account = ${account}`;
      }),
    heartbeat: (node, at) => write((transaction) => upsertNode(transaction, node, at)),
    listNodes: () => read(readNodes),
    auditPage: (query) => read((transaction) => readAuditPage(transaction, query)),
    changePosition: () => read(readChangePosition),
    changesSince: (after, limit) => read((transaction) => readChangesSince(transaction, after, limit)),
    watchChanges: (listener) => {
      if (closed) return Promise.reject(closedError());
      return watchPostgresChanges(pool, listener);
    },
    tokenSigningKey: () => read(readTokenSigningKey),
    claimIdempotencyKey: (claim) => write((transaction) => claimKey(transaction, claim)),
    idempotencyKeyCompleted: (scope, key) =>
      read(async (transaction) => (await transaction`SELECT 1 FROM idempotency_keys WHERE scope = ${scope} AND key = ${key}`).length > 0),
    releaseIdempotencyKey: (scope, key) => write((transaction) => releaseKey(transaction, scope, key)),
    pruneIdempotencyKeys: (before) =>
      write(async (transaction) => {
        const cutoff = isoTime(before, 'The pruning cutoff');
        await transaction`DELETE FROM idempotency_claims WHERE expires_at < ${cutoff}`;
        return (await transaction`DELETE FROM idempotency_keys WHERE created_at < ${cutoff}`).count;
      }),
    close: async () => {
      // Closing twice is harmless, so shutdown paths need not track whether they already closed.
      if (closed) return;
      closed = true;
      await pool.end({ timeout: 5 });
    },
  };
}
