import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CloudEnvironment } from '../../contract/connector-api/index.ts';
import type { AdminAccess } from './auth/admin-access.ts';
import type { SignIn } from './auth/sign-in.ts';
import type { ClaimReleaser } from './claim-releaser.ts';
import type { Principal, TokenAuthority } from './auth/tokens.ts';
import type { RouteHost } from './http/register-route.ts';
import type { ChangeFeed } from './feed/change-feed.ts';
import type { AuthorizedListCache } from './routes/authorized-list-cache.ts';
import type { ServiceDirectory } from './service-directory.ts';
import type { ChangeContext, ConfigStore } from './store/config-store.ts';

/** Everything the routes use, built once by the composition root. */
export type ServiceContext = {
  readonly store: ConfigStore;
  readonly directory: ServiceDirectory;
  readonly tokens: TokenAuthority;
  readonly access: AdminAccess;
  readonly signIn: SignIn;
  readonly environment: CloudEnvironment;
  readonly nodeName: string;
  readonly version: string;
  readonly tenantUrl: string | undefined;
  readonly heartbeatSeconds: number;
  readonly now: () => Date;
  /** Releases idempotency claims of requests that ended without a change, retrying through outages. */
  readonly claims: ClaimReleaser;
  /** The change feed: every committed change, read once per node and streamed to its admins. */
  readonly feed: ChangeFeed;
  /** The authorized list, serialized once per version. */
  readonly listCache: AuthorizedListCache;
};

/**
 * Where the routes register: the app, and the per-request administrator check.
 *
 * A missing or bad token is a 401; an account that lost its role, was disabled or left the
 * onboarding group is a 403 (see admin-access.ts).
 */
export function routeHostOf(app: FastifyInstance, context: ServiceContext): RouteHost {
  return { app, authenticate: (request) => context.access.authorize(request.headers.authorization) };
}

/** Who, from where, on which node and when, for the audit records of one request. */
export function changeContextOf(context: ServiceContext, principal: Principal, request: FastifyRequest): ChangeContext {
  return {
    actor: principal.name,
    actorSid: principal.sid,
    source: request.ip,
    node: context.nodeName,
    correlationId: randomUUID(),
    at: context.now().toISOString(),
  };
}
