import { API_ROUTES } from '../../contract/connector-api/index.ts';
import type { FeedOpener } from './change-feed.ts';
import type { HttpTransport } from './http-transport.ts';
import type { CallerSettings } from './route-caller.ts';
import { buildPath } from './route-caller.ts';

const REDACTED = '[redacted]';

/**
 * The opener of `GET /v1/events` for one client: its transport (proxy, TLS), base path,
 * user agent and token.
 *
 * `Cache-Control: no-cache` asks proxies in between not to serve or hold a stream from cache.
 */
export function feedOpener(transport: HttpTransport, settings: CallerSettings): FeedOpener {
  const route = API_ROUTES.changeEvents;
  const prefix = settings.baseUrl.pathname.replace(/\/+$/, '');
  const target = `${prefix}${buildPath(route.path, {})}`;
  const { token } = settings;
  return {
    exchange: { method: route.method, url: `${settings.baseUrl.origin}${target}` },
    open: (lastEventId, signal) => {
      const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache', 'user-agent': settings.userAgent };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
      return transport.open({ method: route.method, target, headers, signal });
    },
    scrub: (text) => (token === undefined || token === '' ? text : text.replaceAll(token, REDACTED)),
  };
}
