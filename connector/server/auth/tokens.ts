import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { AdminRole, CloudEnvironment } from '../../../contract/connector-api/index.ts';
import { ApiFailure } from '../http/api-failure.ts';

const ISSUER = 'rms-connector-service';

/**
 * Who a valid token names: the account's SID and UPN, nothing it may do.
 *
 * Roles are deliberately not in the token: they are decided again on every request (see
 * admin-access.ts), so removing an administrator takes effect at once, on every node.
 */
export type TokenHolder = {
  readonly name: string;
  readonly sid: string;
  readonly environment: CloudEnvironment;
  readonly expiresAt: string;
};

/** The signed-in administrator of a request, with the roles the account holds right now. */
export type Principal = TokenHolder & { readonly roles: readonly AdminRole[] };

/** Seconds of clock difference between nodes a token's expiry tolerates. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** How many verified tokens a node remembers; the oldest is forgotten first (and simply verified again). */
const MAX_VERIFIED_TOKENS = 10_000;

const ClaimsSchema = z.object({ sub: z.string(), name: z.string(), exp: z.number() });

/** Signs and verifies admin tokens for one environment with the key every node shares. */
export type TokenAuthority = {
  issue(holder: Pick<TokenHolder, 'name' | 'sid'>, now: Date): Promise<{ token: string; expiresAt: string }>;
  verify(authorization: string | undefined, now: Date): Promise<TokenHolder>;
};

/**
 * Create the token authority: HS256 over the shared key, audience bound to the environment.
 *
 * The audience names the environment, so a token from a service of another environment is
 * refused even if someone reused the key; `jti` makes every token distinct in logs.
 */
export function createTokenAuthority(key: Uint8Array, environment: CloudEnvironment, lifetimeSeconds: number): TokenAuthority {
  const audience = `urn:rms-connector:${environment}`;
  // Tokens this node has verified, by their exact text: a token cannot change, so its signature
  // and claims need checking once; only its expiry is checked again on every request.
  const verified = new Map<string, { readonly holder: TokenHolder; readonly exp: number }>();
  return {
    async issue(holder, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = issuedAt + lifetimeSeconds;
      const token = await new SignJWT({ name: holder.name })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(holder.sid)
        .setIssuer(ISSUER)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomUUID())
        .sign(key);
      return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
    },
    async verify(authorization, now) {
      const token = bearerTokenOf(authorization);
      const known = verified.get(token);
      if (known) {
        // jose's rule: expired once exp is at or before now less the tolerance.
        if (known.exp > Math.floor(now.getTime() / 1000) - CLOCK_TOLERANCE_SECONDS) return known.holder;
        verified.delete(token);
        throw new ApiFailure('TOKEN_EXPIRED', 'Your sign-in has expired. Sign in again.');
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience,
          algorithms: ['HS256'],
          currentDate: now,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub'],
        });
        const claims = ClaimsSchema.parse(payload);
        const holder = { name: claims.name, sid: claims.sub, environment, expiresAt: new Date(claims.exp * 1000).toISOString() };
        verified.set(token, { holder, exp: claims.exp });
        if (verified.size > MAX_VERIFIED_TOKENS) verified.delete(verified.keys().next().value ?? '');
        return holder;
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new ApiFailure('TOKEN_EXPIRED', 'Your sign-in has expired. Sign in again.');
        if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') {
          throw new ApiFailure(
            'UNAUTHENTICATED',
            `This token was issued for another cloud environment. Sign in to this service with the ${environment} environment.`,
          );
        }
        throw new ApiFailure('UNAUTHENTICATED', 'The token is not valid for this service. Sign in again.');
      }
    },
  };
}

// The scheme name is case-insensitive (RFC 9110 §11.1); one or more spaces may follow it.
function bearerTokenOf(authorization: string | undefined): string {
  if (authorization === undefined) throw new ApiFailure('UNAUTHENTICATED', 'Sign in first: this operation needs an Authorization: Bearer <token> header.');
  const match = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(authorization);
  if (!match?.[1] || match[1].length > 4096)
    throw new ApiFailure('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>" with the token sign-in returned.');
  return match[1];
}
