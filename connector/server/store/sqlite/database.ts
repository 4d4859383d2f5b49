import { DatabaseSync } from 'node:sqlite';

/**
 * Open a SQLite file with the settings the configuration store depends on.
 *
 * WAL lets readers on other nodes' processes run while one writes; synchronous=FULL makes a
 * committed change survive a power cut; the busy timeout lets a writer wait for another instead
 * of failing at once. A database that cannot use WAL (`:memory:`, some network shares) is refused
 * rather than silently run with weaker guarantees.
 */
export function openDatabase(path: string): DatabaseSync {
  let database: DatabaseSync;
  try {
    database = new DatabaseSync(path);
  } catch (error) {
    throw new Error(`Cannot open the configuration database ${path}: ${reason(error)}`, { cause: error });
  }
  let mode: unknown;
  try {
    // busy_timeout first: switching to WAL needs a lock another process may be holding.
    database.exec('PRAGMA busy_timeout = 5000');
    mode = database.prepare('PRAGMA journal_mode = WAL').get()?.['journal_mode'];
    database.exec('PRAGMA synchronous = FULL');
    database.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    database.close();
    throw new Error(`Cannot open the configuration database ${path}: ${reason(error)}`, { cause: error });
  }
  if (mode !== 'wal') {
    database.close();
    throw new Error(
      `The configuration database ${path} cannot use write-ahead logging (its journal mode stays ${JSON.stringify(mode)}): use a file on a local disk.`,
    );
  }
  return database;
}

/**
 * Run `work` as one write transaction: all of it is committed, or none of it.
 *
 * IMMEDIATE takes the write lock up front, so two nodes that read the same list version cannot
 * both go on to write: the second waits (busy timeout), then reads the first one's version.
 */
export function writeTransaction<T>(database: DatabaseSync, work: () => T): T {
  return transaction(database, 'BEGIN IMMEDIATE', work);
}

/**
 * Run `work` as one read transaction.
 *
 * Reads made of several statements (a version and the entries it belongs to) then see one
 * snapshot, even while another connection commits in between.
 */
export function readTransaction<T>(database: DatabaseSync, work: () => T): T {
  return transaction(database, 'BEGIN DEFERRED', work);
}

function transaction<T>(database: DatabaseSync, begin: string, work: () => T): T {
  database.exec(begin);
  try {
    const result = work();
    database.exec('COMMIT');
    return result;
  } catch (error) {
    // A failed COMMIT may already have ended the transaction; ROLLBACK would then fail and hide the cause.
    if (database.isTransaction) database.exec('ROLLBACK');
    throw error;
  }
}

/**
 * The message of a thrown value, for wrapping it in an error that says which file failed.
 *
 * SQLite's own messages ("file is not a database") do not name the file.
 */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
