import type { DatabaseSync } from 'node:sqlite';
import type { AccessRules, ChangeListener, ConfigStore } from '../config-store.ts';
import { changeAdministrationIn, readAdministration } from './administration-change.ts';
import { deleteAdministrator, insertAdministrator, readAdministrators } from './administrators.ts';
import { readAuditPage, registerCaseFolding } from './audit.ts';
import { readChangePosition, readChangesSince } from './changes.ts';
import { claimKey, releaseKey } from './idempotency-claims.ts';
import { openDatabase, readTransaction, writeTransaction } from './database.ts';
import { applyListChangeIn, readAuthorizedAccounts } from './list-change.ts';
import { migrate } from './migrations.ts';
import { readNodes, upsertNode } from './nodes.ts';
import { isoTime, storedContext } from '../stored-values.ts';
import { readListVersion, readOnboardingControl, readSuperUserFeature, readTokenSigningKey, writeOnboardingControl } from './settings.ts';
import { readSuperUsers, recordSuperUsersIn, reviewSuperUsersIn } from './super-users.ts';
import { countSignInFailure, forgetSignInFailures, readSignInThrottle } from './sign-in-throttle.ts';

/**
 * Open (creating if new) and migrate the SQLite configuration store at `path`.
 *
 * The embedded default for a single node. The work is synchronous; the methods are async only
 * because the PostgreSQL store behind the same interface is. The parent directory must exist:
 * where the data lives is the caller's decision, so a wrong path fails here instead of creating
 * folders somewhere unexpected.
 */
export function openSqliteStore(path: string): ConfigStore {
  const database = openDatabase(path);
  try {
    migrate(database, path);
    registerCaseFolding(database);
  } catch (error) {
    database.close();
    throw error;
  }
  let closed = false;
  // A Promise executor turns a throw into a rejection, as callers of an async interface expect.
  const run = <T>(work: (database: DatabaseSync) => T): Promise<T> =>
    new Promise<T>((resolve) => {
      if (closed) throw new Error(`The configuration store ${path} is closed.`);
      resolve(work(database));
    });
  const read = <T>(work: (database: DatabaseSync) => T): Promise<T> => run((db) => readTransaction(db, () => work(db)));
  // Commits through this connection, counted: PRAGMA data_version sees only other connections' commits.
  let ownCommits = 0;
  const write = <T>(work: (database: DatabaseSync) => T): Promise<T> =>
    run((db) => {
      try {
        return writeTransaction(db, () => work(db));
      } finally {
        ownCommits += 1;
      }
    });
  // Every request reads the access rules. They are read again only when the file changed: through
  // this connection, or through another (`rms-connector-service admin` run beside the node), which
  // data_version reveals; so a removed administrator is still refused on the very next request.
  let rules: { readonly dataVersion: unknown; readonly commits: number; readonly value: AccessRules } | undefined;
  const accessRules = (db: DatabaseSync): AccessRules => {
    const dataVersion = dataVersionOf(db);
    if (rules && rules.dataVersion === dataVersion && rules.commits === ownCommits) return rules.value;
    const value = readTransaction(db, () => ({ administrators: readAdministrators(db), onboardingGroup: readOnboardingControl(db).group }));
    rules = { dataVersion, commits: ownCommits, value };
    return value;
  };
  // One node per SQLite file (start-service refuses a second), so this store's own commits are
  // every change there is: after each committed change, whoever watches is told.
  const listeners = new Set<ChangeListener>();
  const change = async <T>(work: (database: DatabaseSync) => T): Promise<T> => {
    const result = await write(work);
    for (const listener of listeners) listener(undefined);
    return result;
  };

  let expanding = false;

  return {
    kind: 'sqlite',
    listAuthorizedAccounts: () => read(readAuthorizedAccounts),
    authorizedAccountsVersion: () => read(readListVersion),
    applyListChange: (listChange) => change((db) => applyListChangeIn(db, listChange)),
    superUserFeature: () => read(readSuperUserFeature),
    superUsers: () => read(readSuperUsers),
    recordSuperUsers: (expansion, context) => change((db) => recordSuperUsersIn(db, expansion, storedContext(context))),
    reviewSuperUsers: (expected, context) => change((db) => reviewSuperUsersIn(db, expected, storedContext(context))),
    whileExpandingSuperUsers: async (work) => {
      if (expanding) return { ran: false };
      expanding = true;
      try {
        return { ran: true, value: await work() };
      } finally {
        expanding = false;
      }
    },
    listAdministrators: () => read(readAdministrators),
    accessRules: () => run(accessRules),
    administration: () => read(readAdministration),
    changeAdministration: (administrationChange) =>
      change((db) => changeAdministrationIn(db, { ...administrationChange, context: storedContext(administrationChange.context) })),
    addAdministrator: (administrator, context) => change((db) => insertAdministrator(db, administrator, storedContext(context))),
    removeAdministrator: (sid, role, context) => change((db) => deleteAdministrator(db, sid, role, storedContext(context))),
    onboardingControl: () => read(readOnboardingControl),
    setOnboardingControl: (group, context) =>
      change((db) => {
        writeOnboardingControl(db, group, storedContext(context));
      }),
    signInThrottle: (account) => read((db) => readSignInThrottle(db, account)),
    recordSignInFailure: (account, at, blockAfter) => write((db) => countSignInFailure(db, account, at, blockAfter)),
    clearSignInFailures: (account) =>
      write((db) => {
        forgetSignInFailures(db, account);
      }),
    heartbeat: (node, at) =>
      write((db) => {
        upsertNode(db, node, at);
      }),
    listNodes: () => read(readNodes),
    auditPage: (query) => read((db) => readAuditPage(db, query)),
    changePosition: () => read(readChangePosition),
    changesSince: (after, limit) => read((db) => readChangesSince(db, after, limit)),
    watchChanges: (listener) => {
      listeners.add(listener);
      // `rms-connector-service admins …` beside the node commits through its own connection:
      // data_version moves, and the watcher is told within a second.
      let seen = closed ? undefined : dataVersionOf(database);
      const timer = setInterval(() => {
        if (closed) return;
        const now = dataVersionOf(database);
        if (now === seen) return;
        seen = now;
        listener(undefined);
      }, OTHER_CONNECTIONS_CHECK_MS);
      timer.unref();
      return Promise.resolve({
        close: () => {
          clearInterval(timer);
          listeners.delete(listener);
          return Promise.resolve();
        },
      });
    },
    tokenSigningKey: () => read(readTokenSigningKey),
    claimIdempotencyKey: (claim) => write((db) => claimKey(db, claim)),
    idempotencyKeyCompleted: (scope, key) =>
      read((db) => db.prepare('SELECT 1 FROM idempotency_keys WHERE scope = ? AND key = ?').get(scope, key) !== undefined),
    releaseIdempotencyKey: (scope, key) =>
      write((db) => {
        releaseKey(db, scope, key);
      }),
    pruneIdempotencyKeys: (before) =>
      write((db) => {
        const cutoff = isoTime(before, 'The pruning cutoff');
        db.prepare('DELETE FROM idempotency_claims WHERE expires_at < ?').run(cutoff);
        return Number(db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff).changes);
      }),
    close: () => {
      // Closing twice is harmless, so shutdown paths need not track whether they already closed.
      if (!closed) database.close();
      closed = true;
      return Promise.resolve();
    },
  };
}

/** How often a watcher looks for commits made through other connections to the file. */
const OTHER_CONNECTIONS_CHECK_MS = 1000;

/** SQLite's count of commits by other connections to the file (it does not move for this connection's own). */
function dataVersionOf(database: DatabaseSync): unknown {
  return database.prepare('PRAGMA data_version').get()?.['data_version'];
}
