import type { HandlerTable } from './handler-types.ts';
import { sessionHandler } from './handler-types.ts';

/**
 * The audit log channel: one page of the service's append-only trail, newest first.
 *
 * Filters pass through as the contract parsed them; the service pages and filters.
 */
export function createAuditHandlers(): Pick<HandlerTable, 'audit:list'> {
  return {
    'audit:list': sessionHandler((request, { session, signal }) => session.client.audit(request, { signal })),
  };
}
