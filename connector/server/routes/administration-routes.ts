import type { FastifyInstance } from 'fastify';
import { API_ROUTES, type AuditQuery } from '../../api/index.ts';
import { registerRoute } from '../http/register-route.ts';
import { authenticate, type ServiceContext } from '../service-context.ts';

/** How many heartbeats a node may miss before it is shown as not alive. */
export const MISSED_HEARTBEATS = 3;

/** Read-only administration views: roles and onboarding, connector nodes, the audit trail. */
export function registerAdministrationRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, API_ROUTES.administration, async ({ raw }) => {
    await authenticate(context, raw);
    const [administrators, onboardingControl, superUserFeature] = await Promise.all([context.store.listAdministrators(), context.store.onboardingControl(), context.store.superUserFeature()]);
    return { status: 200, body: { administrators, onboardingControl, superUserFeature } };
  });
  registerRoute(app, API_ROUTES.listConnectors, async ({ raw }) => {
    await authenticate(context, raw);
    const now = context.now().getTime();
    const nodes = (await context.store.listNodes()).map((node) => ({ ...node, alive: now - Date.parse(node.lastSeenAt) <= MISSED_HEARTBEATS * context.heartbeatSeconds * 1000 }));
    return { status: 200, body: { heartbeatSeconds: context.heartbeatSeconds, nodes } };
  });
  registerRoute(app, API_ROUTES.audit, async ({ raw, query }) => {
    await authenticate(context, raw);
    return { status: 200, body: await context.store.auditPage(query as AuditQuery) };
  });
}
