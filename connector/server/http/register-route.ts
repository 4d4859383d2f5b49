import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDefinition } from '../../../contract/connector-api/index.ts';
import type { Principal } from '../auth/tokens.ts';
import { ApiFailure } from './api-failure.ts';

type PartOf<Route, Key extends 'params' | 'query' | 'body'> = Route extends { readonly [K in Key]: infer Schema extends z.ZodType }
  ? z.output<Schema>
  : undefined;

/** What a handler gets: the request's parts, each already parsed by the route's schema. */
export type ParsedRequest<Route extends RouteDefinition> = {
  readonly params: PartOf<Route, 'params'>;
  readonly query: PartOf<Route, 'query'>;
  readonly body: PartOf<Route, 'body'>;
  /** The signed-in administrator, on routes that need one (checked before anything else). */
  readonly principal: Route extends { readonly auth: true } ? Principal : undefined;
  readonly raw: FastifyRequest;
};

/**
 * What a handler answers: a status its route documents, a body (none for 304) or its JSON
 * text, and extra headers; or, for a stream, what writes it on the raw response once the
 * request is accepted.
 */
export type HandlerResult =
  | { readonly status: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> }
  /** A body the handler already checked against the route's schema and serialized (a cached one). */
  | { readonly status: number; readonly json: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly status: 200; readonly stream: (response: ServerResponse) => void };

/** A route's logic, free of Fastify details. */
export type Handler<Route extends RouteDefinition> = (request: ParsedRequest<Route>) => Promise<HandlerResult>;

/** Where routes are registered, and how a request's administrator is recognised. */
export type RouteHost = {
  readonly app: FastifyInstance;
  readonly authenticate: (request: FastifyRequest) => Promise<Principal>;
};

const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Register one operation of the route table: authenticate first, then parse params, query
 * and body with its zod schemas before the handler runs, and check the answer against the
 * schema of its status.
 *
 * Authentication runs in `onRequest`, before the body is even read: a caller without a valid
 * token learns nothing about the schema (401, never a 400 with validation details).
 * Validation is ours (zod), not Fastify's: the same schemas make the OpenAPI document and
 * the client's types, so the three cannot disagree; the handler's parts are typed from them.
 */
export function registerRoute<Route extends RouteDefinition>(host: RouteHost, route: Route, handler: Handler<Route>): void {
  const principals = new WeakMap<FastifyRequest, Principal>();
  host.app.route({
    method: route.method,
    url: route.path.replaceAll(/\{(\w+)\}/g, ':$1'),
    bodyLimit: route.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ...(route.auth
      ? {
          onRequest: async (request: FastifyRequest) => {
            principals.set(request, await host.authenticate(request));
          },
        }
      : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!route.body) refuseBody(request.body);
      const parsed = {
        params: parsePart(route.params, request.params, 'path'),
        query: parsePart(route.query, request.query, 'query string'),
        body: route.body ? parsePart(route.body, request.body, 'body') : undefined,
        principal: principals.get(request),
        raw: request,
      } as ParsedRequest<Route>;
      const result = await handler(parsed);
      const response = route.responses[result.status];
      if (!response) throw new Error(`${route.operationId} answered ${String(result.status)}, which its route does not document.`);
      if ('stream' in result) {
        // The stream writes its own status and headers, and lives on after this handler returns.
        void reply.hijack();
        result.stream(reply.raw);
        return reply;
      }
      void reply.code(result.status).headers(result.headers ?? {});
      if ('json' in result) return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(result.json);
      if (result.body === undefined) return reply.header('cache-control', 'no-store').send();
      const body = response.schema ? response.schema.parse(result.body) : result.body;
      if (response.schema) void reply.header('cache-control', 'no-store');
      return body;
    },
  });
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) {
    if (value && typeof value === 'object' && Object.keys(value).length > 0)
      throw new ApiFailure('VALIDATION_FAILED', `This operation takes no ${where} parameters.`);
    return undefined;
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const details = result.error.issues.slice(0, 20).map((issue) => `${[where, ...issue.path.map(String)].join('.')}: ${issue.message}`);
    throw new ApiFailure('VALIDATION_FAILED', `The ${where} is not valid: ${details[0] ?? 'see details'}.`, { details });
  }
  return result.data;
}

function refuseBody(body: unknown): void {
  if (body !== undefined && body !== null) throw new ApiFailure('VALIDATION_FAILED', 'This operation takes no body.');
}
