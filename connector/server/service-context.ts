import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CloudEnvironment } from '../api/index.ts';
import type { SignIn } from './auth/sign-in.ts';
import type { Principal, TokenAuthority } from './auth/tokens.ts';
import type { ServiceDirectory } from './service-directory.ts';
import type { ChangeContext, ConfigStore } from './store/config-store.ts';

/** Everything the routes use, built once by the composition root. */
export type ServiceContext = {
  readonly store: ConfigStore;
  readonly directory: ServiceDirectory;
  readonly tokens: TokenAuthority;
  readonly signIn: SignIn;
  readonly environment: CloudEnvironment;
  readonly nodeName: string;
  readonly version: string;
  readonly tenantUrl: string | undefined;
  readonly heartbeatSeconds: number;
  readonly now: () => Date;
};

/** The principal of a request's bearer token; a missing or bad token is a 401. */
export function authenticate(context: ServiceContext, request: FastifyRequest): Promise<Principal> {
  return context.tokens.verify(request.headers.authorization, context.now());
}

/** Who, from where, on which node and when, for the audit records of one request. */
export function changeContextOf(context: ServiceContext, principal: Principal, request: FastifyRequest): ChangeContext {
  return { actor: principal.name, actorSid: principal.sid, source: request.ip, node: context.nodeName, correlationId: randomUUID(), at: context.now().toISOString() };
}
