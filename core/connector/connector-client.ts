import { z } from 'zod';
import { API_ROUTES } from '../../contract/connector-api/index.ts';
import type { RouteDefinition } from '../../contract/connector-api/index.ts';
import { checkHeaderValue, checkToken, readServiceCaFile, resolveClientOptions } from './client-options.ts';
import type { ConnectorClientOptions } from './client-options.ts';
import type { ConnectorClient } from './connector-client-types.ts';
import { createHttpTransport } from './http-transport.ts';
import type { HttpTransport } from './http-transport.ts';
import { followChangeFeed } from './change-feed.ts';
import { feedOpener } from './feed-opener.ts';
import { signInWithKerberos } from './kerberos-sign-in.ts';
import { ConnectorError } from './connector-error.ts';
import { createRouteCaller } from './route-caller.ts';
import type { CallerSettings } from './route-caller.ts';

/**
 * `GET /openapi.json`, which the service serves beside the route table it is built from.
 *
 * The document describes the table, so it is not a row of it; the client still calls it
 * through the same path as every route.
 */
const OPENAPI_DOCUMENT_ROUTE = {
  operationId: 'getOpenApiDocument',
  method: 'GET',
  path: '/openapi.json',
  summary: 'The OpenAPI 3.1 document of the service.',
  tag: 'meta',
  auth: false,
  responses: { 200: { description: 'The document.', schema: z.record(z.string(), z.unknown()) } },
} as const satisfies RouteDefinition;

/**
 * Create a client of the connector configuration service.
 *
 * Options are checked here, so a wrong setting fails at start-up with `INVALID_OPTIONS`
 * rather than at the first call. A `caFile` is read asynchronously (never blocking the
 * process) before the first request, which fails if the file is refused. Close the client
 * when done: it holds keep-alive connections.
 */
export function createConnectorClient(options: ConnectorClientOptions): ConnectorClient {
  const resolved = resolveClientOptions(options);
  const caFile = options.caFile;
  const transport =
    caFile === undefined
      ? createHttpTransport(resolved)
      : deferredTransport(readServiceCaFile(caFile).then((caPem) => createHttpTransport({ ...resolved, caPem })));
  return clientFor(transport, resolved);
}

/** `If-Match` for a version a GET gave (`"7"`); anything but a whole number from 0 up is refused before sending. */
function ifMatchOf(version: number, what = 'administration version', from = 'GET /v1/administration'): string {
  if (!Number.isSafeInteger(version) || version < 0)
    throw new ConnectorError('INVALID_OPTIONS', `The ${what} must be a whole number from 0 up, as ${from} gave it.`);
  return `"${String(version)}"`;
}

/** A transport that exists once its CA file is read; each send waits for it, or fails as the read did. */
function deferredTransport(ready: Promise<HttpTransport>): HttpTransport {
  ready.catch(() => undefined);
  return {
    send: async (request) => (await ready).send(request),
    open: async (request) => (await ready).open(request),
    close: () =>
      ready.then(
        (transport) => transport.close(),
        () => undefined,
      ),
  };
}

function clientFor(transport: HttpTransport, settings: CallerSettings): ConnectorClient {
  const call = createRouteCaller(transport, settings);
  const routes = API_ROUTES;
  const etagOf = (headers: Readonly<Record<string, string | undefined>>, version: number): string => {
    const etag = headers.etag;
    // A compressing proxy may weaken the ETag (W/"7"), which If-Match never matches; the
    // API defines the ETag as the quoted version, so the body's version stands in.
    return etag !== undefined && /^"[^"]*"$/.test(etag) ? etag : `"${version}"`;
  };
  return {
    signIn: async (request, options = {}) => {
      const { data } = await call.json(routes.signIn, 200, routes.signIn.responses[200].schema, {
        body: request,
        signal: options.signal,
        secrets: [request.password],
      });
      return data;
    },
    signInWithKerberos: (request, options = {}) => signInWithKerberos(call, settings.baseUrl, request, options),
    session: async (options = {}) => (await call.json(routes.session, 200, routes.session.responses[200].schema, options)).data,
    listAuthorizedAccounts: async (options = {}) => {
      const route = routes.listAuthorizedAccounts;
      const { data, headers } = await call.json(route, 200, route.responses[200].schema, options);
      return { list: data, etag: etagOf(headers, data.version) };
    },
    listAuthorizedAccountsIfChanged: async (etag, options = {}) => {
      const route = routes.listAuthorizedAccounts;
      const input = { ifNoneMatch: checkHeaderValue(etag, 'The If-None-Match ETag'), signal: options.signal };
      const answer = await call.jsonIfModified(route, 200, route.responses[200].schema, input);
      return answer === null ? null : { list: answer.data, etag: etagOf(answer.headers, answer.data.version) };
    },
    followChanges: (options) => followChangeFeed(feedOpener(transport, settings), options),
    addAuthorizedAccount: async (entry, options) => {
      const route = routes.addAuthorizedAccount;
      const idempotencyKey = options.idempotencyKey === undefined ? undefined : checkHeaderValue(options.idempotencyKey, 'The Idempotency-Key');
      const input = { body: entry, ifMatch: checkHeaderValue(options.ifMatch, 'The If-Match ETag'), idempotencyKey, signal: options.signal };
      const { data, headers } = await call.json(route, 201, route.responses[201].schema, input);
      return { result: data, etag: etagOf(headers, data.version) };
    },
    removeAuthorizedAccount: async (id, options) => {
      const route = routes.removeAuthorizedAccount;
      const input = { params: { id }, ifMatch: checkHeaderValue(options.ifMatch, 'The If-Match ETag'), signal: options.signal };
      const { data, headers } = await call.json(route, 200, route.responses[200].schema, input);
      return { result: data, etag: etagOf(headers, data.version) };
    },
    replaceAuthorizedAccounts: async (entries, options) => {
      const route = routes.replaceAuthorizedAccounts;
      const input = { body: { entries }, ifMatch: checkHeaderValue(options.ifMatch, 'The If-Match ETag'), signal: options.signal };
      const { data, headers } = await call.json(route, 200, route.responses[200].schema, input);
      return { result: data, etag: etagOf(headers, data.version) };
    },
    administration: async (options = {}) => (await call.json(routes.administration, 200, routes.administration.responses[200].schema, options)).data,
    addAdministrator: async (request, version, options = {}) => {
      const route = routes.addAdministrator;
      return (await call.json(route, 201, route.responses[201].schema, { body: request, ifMatch: ifMatchOf(version), signal: options.signal })).data;
    },
    removeAdministrator: async (role, sid, version, options = {}) => {
      const route = routes.removeAdministrator;
      const input = { params: { role, sid }, ifMatch: ifMatchOf(version), signal: options.signal };
      return (await call.json(route, 200, route.responses[200].schema, input)).data;
    },
    setOnboardingControl: async (request, version, options = {}) => {
      const route = routes.setOnboardingControl;
      return (await call.json(route, 200, route.responses[200].schema, { body: request, ifMatch: ifMatchOf(version), signal: options.signal })).data;
    },
    clearOnboardingControl: async (version, options = {}) => {
      const route = routes.clearOnboardingControl;
      return (await call.json(route, 200, route.responses[200].schema, { ifMatch: ifMatchOf(version), signal: options.signal })).data;
    },
    listConnectors: async (options = {}) => (await call.json(routes.listConnectors, 200, routes.listConnectors.responses[200].schema, options)).data,
    audit: async (query = {}, options = {}) => {
      const { limit, before, actor, action, since, until } = query;
      const input = { query: { limit, before, actor, action, since, until }, signal: options.signal };
      return (await call.json(routes.audit, 200, routes.audit.responses[200].schema, input)).data;
    },
    superUsers: async (options = {}) => {
      const route = routes.superUsers;
      const { data, headers } = await call.json(route, 200, route.responses[200].schema, options);
      return { superUsers: data, etag: etagOf(headers, data.version) };
    },
    reviewSuperUsers: async (version, options = {}) => {
      const route = routes.reviewSuperUsers;
      const input = { body: {}, ifMatch: ifMatchOf(version, 'super-user version to review', 'GET /v1/super-users'), signal: options.signal };
      return (await call.json(route, 200, route.responses[200].schema, input)).data;
    },
    serverCertificationPage: (options = {}) => call.text(routes.serverCertification, options),
    rmsoUri: async (options = {}) => (await call.text(routes.rmsoUri, options)).trim(),
    openApiDocument: async (options = {}) => (await call.json(OPENAPI_DOCUMENT_ROUTE, 200, OPENAPI_DOCUMENT_ROUTE.responses[200].schema, options)).data,
    withToken: (token) => clientFor(transport, { ...settings, token: checkToken(token) }),
    close: () => transport.close(),
  };
}
