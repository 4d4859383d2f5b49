import type { IdempotencyClaim, IdempotencyClaimRequest } from '../config-store.ts';
import { isoTime } from '../stored-values.ts';
import type { Transaction } from './database.ts';

/**
 * Claim an idempotency key in the caller's transaction; see the SQLite store's `claimKey`.
 *
 * The upsert takes over only an expired claim, so of two nodes claiming at once one inserts and
 * the other (after waiting on the row) updates nothing: "in progress".
 */
export async function claimKey(transaction: Transaction, claim: IdempotencyClaimRequest): Promise<IdempotencyClaim> {
  const [stored] = await transaction`SELECT 1 FROM idempotency_keys WHERE scope = ${claim.scope} AND key = ${claim.key}`;
  if (stored) return 'completed';
  const at = isoTime(claim.at, 'The time of the claim');
  const expiresAt = isoTime(claim.expiresAt, 'The expiry of the claim');
  const taken = await transaction`
    INSERT INTO idempotency_claims (scope, key, node, claimed_at, expires_at) VALUES (${claim.scope}, ${claim.key}, ${claim.node}, ${at}, ${expiresAt})
    ON CONFLICT (scope, key) DO UPDATE SET node = excluded.node, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
    WHERE idempotency_claims.expires_at <= excluded.claimed_at`;
  return taken.count === 0 ? 'in-progress' : 'claimed';
}

/** Drop the claim on a key (its request ended without storing a change, or stored one). */
export async function releaseKey(transaction: Transaction, scope: string, key: string): Promise<void> {
  await transaction`DELETE FROM idempotency_claims WHERE scope = ${scope} AND key = ${key}`;
}
