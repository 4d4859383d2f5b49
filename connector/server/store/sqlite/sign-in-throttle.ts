import type { DatabaseSync } from 'node:sqlite';
import type { SignInBlockPolicy, SignInThrottle } from '../config-store.ts';
import { integer, optionalText } from '../rows.ts';
import { isoTime } from '../stored-values.ts';

/** What the throttle knows about `account`: no failures and no block when it knows nothing. */
export function readSignInThrottle(database: DatabaseSync, account: string): SignInThrottle {
  const row = database.prepare('SELECT failures, blocked_until FROM sign_in_failures WHERE account = ?').get(account);
  return row ? { failures: integer(row, 'failures'), blockedUntil: optionalText(row, 'blocked_until') } : { failures: 0, blockedUntil: null };
}

/**
 * Count one failure and write the block its new count calls for, inside the caller's write
 * transaction: the count and the block are decided together, whichever node counts.
 */
export function countSignInFailure(database: DatabaseSync, account: string, at: string, blockAfter: SignInBlockPolicy): SignInThrottle {
  const row = database
    .prepare(
      `INSERT INTO sign_in_failures (account, failures, blocked_until, last_failure_at) VALUES (?, 1, NULL, ?)
       ON CONFLICT (account) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at
       RETURNING failures`,
    )
    .get(account, isoTime(at, 'The time of the failed sign-in'));
  if (!row) throw new Error('Counting a failed sign-in returned no row.');
  const failures = integer(row, 'failures');
  const block = blockAfter(failures);
  const blockedUntil = block === null ? null : isoTime(block, 'The end of the sign-in block');
  database.prepare('UPDATE sign_in_failures SET blocked_until = ? WHERE account = ?').run(blockedUntil, account);
  return { failures, blockedUntil };
}

/** Forget the failures of `account` (after a successful sign-in). */
export function forgetSignInFailures(database: DatabaseSync, account: string): void {
  database.prepare('DELETE FROM sign_in_failures WHERE account = ?').run(account);
}
