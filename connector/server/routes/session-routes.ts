import type { FastifyInstance } from 'fastify';
import { API_ROUTES, type SignInRequest } from '../../api/index.ts';
import { registerRoute } from '../http/register-route.ts';
import { authenticate, type ServiceContext } from '../service-context.ts';

/** Sign-in and "who am I". */
export function registerSessionRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, API_ROUTES.signIn, async ({ raw, body }) => {
    const request = body as SignInRequest;
    try {
      const { token, expiresAt, sid } = await context.signIn(request);
      raw.log.info({ account: request.username, sid }, 'signed in');
      return { status: 200, body: { token, expiresAt } };
    } catch (error) {
      raw.log.warn({ account: request.username, code: (error as { code?: unknown }).code }, 'sign-in refused');
      throw error;
    }
  });
  registerRoute(app, API_ROUTES.session, async ({ raw }) => {
    const principal = await authenticate(context, raw);
    return { status: 200, body: { name: principal.name, sid: principal.sid, roles: [...principal.roles], environment: principal.environment, expiresAt: principal.expiresAt } };
  });
}
