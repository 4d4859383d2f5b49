import { API_ROUTES, LAST_EVENT_ID_PATTERN } from '../../../contract/connector-api/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { registerRoute, type RouteHost } from '../http/register-route.ts';
import type { ServiceContext } from '../service-context.ts';

/**
 * `GET /v1/events`: the change feed as Server-Sent Events (see feed/).
 *
 * The token and the roles are checked like any request's before the stream opens; the stream
 * itself checks again as it goes, and ends when the token expires.
 */
export function registerEventRoutes(host: RouteHost, context: ServiceContext): void {
  registerRoute(host, API_ROUTES.changeEvents, ({ raw, principal }) => {
    const resumeAfter = lastEventIdOf(raw.headers['last-event-id']);
    // HEAD learns that the feed exists; it must not hold a stream open.
    if (raw.method === 'HEAD') return Promise.resolve({ status: 200, body: undefined, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
    const open = context.feed.accept({ principal, authorization: raw.headers.authorization, resumeAfter });
    return Promise.resolve({ status: 200, stream: open });
  });
}

/** The change sequence a client resumes after, from `Last-Event-ID`; undefined when it sent none. */
export function lastEventIdOf(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw new ApiFailure('INVALID_LAST_EVENT_ID', 'Send one Last-Event-ID header.');
  if (!LAST_EVENT_ID_PATTERN.test(header)) {
    throw new ApiFailure(
      'INVALID_LAST_EVENT_ID',
      'Last-Event-ID must be the id of an event this feed sent: a change number, digits only. Reconnect without it to follow changes from now.',
    );
  }
  return Number(header);
}
