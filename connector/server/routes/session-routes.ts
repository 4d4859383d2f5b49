import { API_ROUTES } from '../../../contract/connector-api/index.ts';
import { registerRoute, type RouteHost } from '../http/register-route.ts';
import type { ServiceContext } from '../service-context.ts';

/** Sign-in (password or Negotiate) and "who am I" (with the roles the account holds now, not at sign-in). */
export function registerSessionRoutes(host: RouteHost, context: ServiceContext): void {
  registerRoute(host, API_ROUTES.signIn, async ({ raw, body }) => {
    try {
      const { token, expiresAt, sid } = await context.signIn.withPassword(body);
      raw.log.info({ account: body.username, sid }, 'signed in');
      return { status: 200, body: { token, expiresAt } };
    } catch (error) {
      raw.log.warn({ account: body.username, code: (error as { code?: unknown }).code }, 'sign-in refused');
      throw error;
    }
  });
  registerRoute(host, API_ROUTES.signInWithKerberos, async ({ raw, body }) => {
    try {
      const signedIn = await context.signIn.withKerberos(body, raw.headers.authorization);
      raw.log.info({ account: signedIn.account, principal: signedIn.clientPrincipal, sid: signedIn.sid, method: 'kerberos' }, 'signed in');
      // The answer token lets the client check that this node holds the principal's key (mutual authentication).
      return {
        status: 200,
        body: { token: signedIn.token, expiresAt: signedIn.expiresAt },
        headers: { 'www-authenticate': `Negotiate ${signedIn.answerToken.toString('base64')}` },
      };
    } catch (error) {
      const { code, detail } = error as { code?: unknown; detail?: unknown };
      raw.log.warn({ code, method: 'kerberos', ...(typeof detail === 'string' ? { detail } : {}) }, 'sign-in refused');
      throw error;
    }
  });
  registerRoute(host, API_ROUTES.session, ({ principal }) =>
    Promise.resolve({
      status: 200,
      body: { name: principal.name, sid: principal.sid, roles: [...principal.roles], environment: principal.environment, expiresAt: principal.expiresAt },
    }),
  );
}
