import type { SignInBlockPolicy, SignInThrottle } from '../config-store.ts';
import { integer, optionalText } from '../rows.ts';
import { isoTime } from '../stored-values.ts';
import type { Transaction } from './database.ts';

/** What the throttle knows about `account`: no failures and no block when it knows nothing. */
export async function readSignInThrottle(transaction: Transaction, account: string): Promise<SignInThrottle> {
  const [row] = await transaction`SELECT failures, blocked_until FROM sign_in_failures WHERE account = ${account}`;
  return row ? { failures: integer(row, 'failures'), blockedUntil: optionalText(row, 'blocked_until') } : { failures: 0, blockedUntil: null };
}

/**
 * Count one failure and write the block its new count calls for, in the caller's transaction.
 *
 * The upsert locks the account's row until commit, so a second node counting the same account
 * waits and then decides from the count that includes this failure.
 */
export async function countSignInFailure(transaction: Transaction, account: string, at: string, blockAfter: SignInBlockPolicy): Promise<SignInThrottle> {
  const [row] = await transaction`
    INSERT INTO sign_in_failures (account, failures, blocked_until, last_failure_at)
    VALUES (${account}, 1, NULL, ${isoTime(at, 'The time of the failed sign-in')})
    ON CONFLICT (account) DO UPDATE SET failures = sign_in_failures.failures + 1, last_failure_at = excluded.last_failure_at
    RETURNING failures`;
  if (!row) throw new Error('Counting a failed sign-in returned no row.');
  const failures = integer(row, 'failures');
  const block = blockAfter(failures);
  const blockedUntil = block === null ? null : isoTime(block, 'The end of the sign-in block');
  await transaction`UPDATE sign_in_failures SET blocked_until = ${blockedUntil} WHERE account = ${account}`;
  return { failures, blockedUntil };
}
