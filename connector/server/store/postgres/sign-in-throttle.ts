import type { SignInThrottle } from '../config-store.ts';
import { integer, optionalText } from '../rows.ts';
import { isoTime } from '../stored-values.ts';
import type { Transaction } from './database.ts';

/** What the throttle knows about `account`: no failures and no block when it knows nothing. */
export async function readSignInThrottle(transaction: Transaction, account: string): Promise<SignInThrottle> {
  const [row] = await transaction`SELECT failures, blocked_until FROM sign_in_failures WHERE account = ${account}`;
  return row ? { failures: integer(row, 'failures'), blockedUntil: optionalText(row, 'blocked_until') } : { failures: 0, blockedUntil: null };
}

/** Count one failure and return the new state, in one statement: two nodes failing the same account at once count two. */
export async function countSignInFailure(transaction: Transaction, account: string, at: string, blockedUntil: string | null): Promise<SignInThrottle> {
  const until = blockedUntil === null ? null : isoTime(blockedUntil, 'The end of the sign-in block');
  const [row] = await transaction`
    INSERT INTO sign_in_failures (account, failures, blocked_until, last_failure_at)
    VALUES (${account}, 1, ${until}, ${isoTime(at, 'The time of the failed sign-in')})
    ON CONFLICT (account) DO UPDATE SET failures = sign_in_failures.failures + 1, blocked_until = excluded.blocked_until,
      last_failure_at = excluded.last_failure_at
    RETURNING failures, blocked_until`;
  if (!row) throw new Error('Counting a failed sign-in returned no row.');
  return { failures: integer(row, 'failures'), blockedUntil: optionalText(row, 'blocked_until') };
}
