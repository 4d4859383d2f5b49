import { API_ROUTES } from '../../../contract/connector-api/index.ts';
import { etagOf } from '../http/preconditions.ts';
import { registerRoute, type RouteHost } from '../http/register-route.ts';
import type { ServiceContext } from '../service-context.ts';

/** How many heartbeats a node may miss before it is shown as not alive. */
export const MISSED_HEARTBEATS = 3;

/** Read-only administration views: roles and onboarding, connector nodes, the audit trail. */
export function registerAdministrationRoutes(host: RouteHost, context: ServiceContext): void {
  registerRoute(host, API_ROUTES.administration, async () => {
    const administration = await context.store.administration();
    return { status: 200, body: administration, headers: { etag: etagOf(administration.version) } };
  });
  registerRoute(host, API_ROUTES.listConnectors, async () => {
    const now = context.now().getTime();
    const nodes = (await context.store.listNodes()).map((node) => ({
      ...node,
      alive: now - Date.parse(node.lastSeenAt) <= MISSED_HEARTBEATS * context.heartbeatSeconds * 1000,
    }));
    return { status: 200, body: { heartbeatSeconds: context.heartbeatSeconds, nodes } };
  });
  registerRoute(host, API_ROUTES.audit, async ({ query }) => {
    return { status: 200, body: await context.store.auditPage(query) };
  });
}
