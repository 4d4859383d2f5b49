import type { DatabaseSync } from 'node:sqlite';
import type { SignInThrottle } from '../config-store.ts';
import { integer, optionalText } from '../rows.ts';
import { isoTime } from '../stored-values.ts';

/** What the throttle knows about `account`: no failures and no block when it knows nothing. */
export function readSignInThrottle(database: DatabaseSync, account: string): SignInThrottle {
  const row = database.prepare('SELECT failures, blocked_until FROM sign_in_failures WHERE account = ?').get(account);
  return row ? { failures: integer(row, 'failures'), blockedUntil: optionalText(row, 'blocked_until') } : { failures: 0, blockedUntil: null };
}

/**
 * Count one failure and return the new state, in one statement.
 *
 * The increment happens in SQL, so two nodes failing the same account at once count two.
 */
export function countSignInFailure(database: DatabaseSync, account: string, at: string, blockedUntil: string | null): SignInThrottle {
  const row = database
    .prepare(
      `INSERT INTO sign_in_failures (account, failures, blocked_until, last_failure_at) VALUES (?, 1, ?, ?)
       ON CONFLICT (account) DO UPDATE SET failures = failures + 1, blocked_until = excluded.blocked_until, last_failure_at = excluded.last_failure_at
       RETURNING failures, blocked_until`,
    )
    .get(account, blockedUntil === null ? null : isoTime(blockedUntil, 'The end of the sign-in block'), isoTime(at, 'The time of the failed sign-in'));
  if (!row) throw new Error('Counting a failed sign-in returned no row.');
  return { failures: integer(row, 'failures'), blockedUntil: optionalText(row, 'blocked_until') };
}

/** Forget the failures of `account` (after a successful sign-in). */
export function forgetSignInFailures(database: DatabaseSync, account: string): void {
  database.prepare('DELETE FROM sign_in_failures WHERE account = ?').run(account);
}
