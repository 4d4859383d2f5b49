import type { DatabaseSync } from 'node:sqlite';
import type { IdempotencyClaim, IdempotencyClaimRequest } from '../config-store.ts';
import { isoTime } from '../stored-values.ts';

/**
 * Claim an idempotency key inside the caller's write transaction.
 *
 * A stored result means the change was made ("completed"); a live claim of another request
 * means it is still being made ("in-progress"); an expired claim (its node died) is taken over.
 */
export function claimKey(database: DatabaseSync, claim: IdempotencyClaimRequest): IdempotencyClaim {
  if (database.prepare('SELECT 1 FROM idempotency_keys WHERE scope = ? AND key = ?').get(claim.scope, claim.key)) return 'completed';
  const at = isoTime(claim.at, 'The time of the claim');
  const expiresAt = isoTime(claim.expiresAt, 'The expiry of the claim');
  const taken = database
    .prepare(
      `INSERT INTO idempotency_claims (scope, key, node, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, key) DO UPDATE SET node = excluded.node, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
       WHERE idempotency_claims.expires_at <= excluded.claimed_at`,
    )
    .run(claim.scope, claim.key, claim.node, at, expiresAt);
  return taken.changes === 0 ? 'in-progress' : 'claimed';
}

/** Drop the claim on a key (its request ended without storing a change, or stored one). */
export function releaseKey(database: DatabaseSync, scope: string, key: string): void {
  database.prepare('DELETE FROM idempotency_claims WHERE scope = ? AND key = ?').run(scope, key);
}
