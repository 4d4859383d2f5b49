import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDefinition } from '../../api/index.ts';
import { ApiFailure } from './api-failure.ts';

/** What a handler gets: the request's parts, each already parsed by the route's schema. */
export type ParsedRequest = {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
  readonly raw: FastifyRequest;
};

/** What a handler answers: a status its route documents, a body and extra headers. */
export type HandlerResult = { readonly status: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> };

/** A route's logic, free of Fastify details. */
export type Handler = (request: ParsedRequest) => Promise<HandlerResult>;

const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Register one operation of the route table: parse params, query and body with its zod
 * schemas before the handler runs, and check the answer against the schema of its status.
 *
 * Validation is ours (zod), not Fastify's: the same schemas make the OpenAPI document and
 * the client's types, so the three cannot disagree.
 */
export function registerRoute(app: FastifyInstance, route: RouteDefinition, handler: Handler): void {
  app.route({
    method: route.method,
    url: route.path.replaceAll(/\{(\w+)\}/g, ':$1'),
    bodyLimit: route.bodyLimit ?? DEFAULT_BODY_LIMIT,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed: ParsedRequest = {
        params: parsePart(route.params, request.params, 'path'),
        query: parsePart(route.query, request.query, 'query string'),
        body: route.body ? parsePart(route.body, request.body, 'body') : refuseBody(request.body),
        raw: request,
      };
      const result = await handler(parsed);
      const response = route.responses[result.status];
      if (!response) throw new Error(`${route.operationId} answered ${String(result.status)}, which its route does not document.`);
      const body = response.schema ? response.schema.parse(result.body) : result.body;
      void reply.code(result.status).headers(result.headers ?? {});
      if (response.schema) void reply.header('cache-control', 'no-store');
      return body;
    },
  });
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) {
    if (value && typeof value === 'object' && Object.keys(value).length > 0) throw new ApiFailure('VALIDATION_FAILED', `This operation takes no ${where} parameters.`);
    return undefined;
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const details = result.error.issues.slice(0, 20).map((issue) => `${[where, ...issue.path.map(String)].join('.')}: ${issue.message}`);
    throw new ApiFailure('VALIDATION_FAILED', `The ${where} is not valid: ${details[0] ?? 'see details'}.`, { details });
  }
  return result.data;
}

function refuseBody(body: unknown): null {
  if (body !== undefined && body !== null) throw new ApiFailure('VALIDATION_FAILED', 'This operation takes no body.');
  return null;
}
