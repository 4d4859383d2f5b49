import Fastify from 'fastify';

/** The bare app, listening on loopback. */
export type BareFloor = { readonly url: string; close(): Promise<void> };

/** The floor's one route. */
export const barePath = '/bare';

/**
 * Start a Fastify 5 app with one route, `GET /bare` → `{"version":1,"entries":[]}`.
 *
 * No logger, no validation, no authentication, no database: what the framework and Node's
 * HTTP stack cost on this machine, so the service's figures can be read against it.
 */
export async function startBareFloor(): Promise<BareFloor> {
  const app = Fastify({ logger: false });
  app.get(barePath, () => Promise.resolve({ version: 1, entries: [] }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}
