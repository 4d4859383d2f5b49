import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AdminRoleSchema, type AdminRole, type CloudEnvironment } from '../../api/index.ts';
import { ApiFailure } from '../http/api-failure.ts';

const ISSUER = 'rms-connector-service';

/** The signed-in administrator a valid token stands for. */
export type Principal = {
  readonly name: string;
  readonly sid: string;
  readonly roles: readonly AdminRole[];
  readonly environment: CloudEnvironment;
  readonly expiresAt: string;
};

const ClaimsSchema = z.object({ sub: z.string(), name: z.string(), roles: z.array(AdminRoleSchema).min(1), exp: z.number() });

/** Signs and verifies admin tokens for one environment with the key every node shares. */
export type TokenAuthority = {
  issue(principal: Omit<Principal, 'expiresAt' | 'environment'>, now: Date): Promise<{ token: string; expiresAt: string }>;
  verify(authorization: string | undefined, now: Date): Promise<Principal>;
};

/**
 * Create the token authority: HS256 over the shared key, audience bound to the environment.
 *
 * The audience names the environment, so a token from a service of another environment is
 * refused even if someone reused the key; `jti` makes every token distinct in logs.
 */
export function createTokenAuthority(key: Uint8Array, environment: CloudEnvironment, lifetimeSeconds: number): TokenAuthority {
  const audience = `urn:rms-connector:${environment}`;
  return {
    async issue(principal, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = issuedAt + lifetimeSeconds;
      const token = await new SignJWT({ name: principal.name, roles: [...principal.roles] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(principal.sid)
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
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience, algorithms: ['HS256'], currentDate: now, clockTolerance: 5, requiredClaims: ['exp', 'sub'] });
        const claims = ClaimsSchema.parse(payload);
        return { name: claims.name, sid: claims.sub, roles: claims.roles, environment, expiresAt: new Date(claims.exp * 1000).toISOString() };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new ApiFailure('TOKEN_EXPIRED', 'Your sign-in has expired. Sign in again.');
        if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') {
          throw new ApiFailure('UNAUTHENTICATED', `This token was issued for another cloud environment. Sign in to this service with the ${environment} environment.`);
        }
        throw new ApiFailure('UNAUTHENTICATED', 'The token is not valid for this service. Sign in again.');
      }
    },
  };
}

function bearerTokenOf(authorization: string | undefined): string {
  if (authorization === undefined) throw new ApiFailure('UNAUTHENTICATED', 'Sign in first: this operation needs an Authorization: Bearer <token> header.');
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match?.[1] || match[1].length > 4096) throw new ApiFailure('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>" with the token sign-in returned.');
  return match[1];
}
