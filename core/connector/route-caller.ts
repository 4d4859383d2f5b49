import type { z } from 'zod';
import type { RouteDefinition } from '../../contract/connector-api/index.ts';
import { ConnectorError, redactConnectorError } from './connector-error.ts';
import type { HttpResponse, HttpTransport } from './http-transport.ts';
import { readJsonAnswer, readTextAnswer } from './response-reading.ts';
import type { Exchange } from './response-reading.ts';
import { isRetryableFailure, isRetryableStatus, isSafeToRetry, parseRetryAfter, retryDelayMs, waitBeforeRetry } from './retry-policy.ts';

/** The parts of one call besides the route: where the values go is the route's business. */
export type CallInput = {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly ifMatch?: string | undefined;
  readonly ifNoneMatch?: string | undefined;
  readonly idempotencyKey?: string | undefined;
  /** An `Authorization` header of the call's own (Negotiate), on a route that takes no bearer token. */
  readonly authorization?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Values that must never appear in an error (a sign-in password), besides the token. */
  readonly secrets?: readonly string[];
};

/** What the caller needs to know about the service and the signed-in admin. */
export type CallerSettings = {
  readonly baseUrl: URL;
  readonly token: string | undefined;
  readonly retries: number;
  readonly userAgent: string;
};

/** A JSON result with the response headers it came with (the ETag, for one). */
export type JsonAnswer<Data> = { readonly data: Data; readonly headers: Readonly<Record<string, string | undefined>> };

/** Calls routes of the table over a transport: paths, headers, retries, parsing, redaction. */
export type RouteCaller = {
  json<Schema extends z.ZodType>(route: RouteDefinition, success: number, schema: Schema, input?: CallInput): Promise<JsonAnswer<z.output<Schema>>>;
  /** As `json`, but 304 Not Modified (the `If-None-Match` tag still matches) gives null. */
  jsonIfModified<Schema extends z.ZodType>(
    route: RouteDefinition,
    success: number,
    schema: Schema,
    input: CallInput & { readonly ifNoneMatch: string },
  ): Promise<JsonAnswer<z.output<Schema>> | null>;
  text(route: RouteDefinition, input?: CallInput): Promise<string>;
};

/**
 * Create the caller that every client method goes through.
 *
 * One place for retries and redaction means no method can forget either.
 */
export function createRouteCaller(transport: HttpTransport, settings: CallerSettings): RouteCaller {
  const prefix = settings.baseUrl.pathname.replace(/\/+$/, '');
  const exchange = async <Result>(
    route: RouteDefinition,
    input: CallInput,
    accept: string,
    read: (response: HttpResponse, where: Exchange) => Result,
  ): Promise<Result> => {
    const target = `${prefix}${buildPath(route.path, input.params ?? {})}${buildQuery(input.query ?? {})}`;
    const where: Exchange = { method: route.method, url: `${settings.baseUrl.origin}${target}` };
    const headers: Record<string, string> = { accept, 'user-agent': settings.userAgent };
    if (route.auth && settings.token !== undefined) headers.authorization = `Bearer ${settings.token}`;
    else if (input.authorization !== undefined) headers.authorization = input.authorization;
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    if (input.ifMatch !== undefined) headers['if-match'] = input.ifMatch;
    if (input.ifNoneMatch !== undefined) headers['if-none-match'] = input.ifNoneMatch;
    if (input.idempotencyKey !== undefined) headers['idempotency-key'] = input.idempotencyKey;
    const body = input.body === undefined ? undefined : JSON.stringify(input.body);
    const maxAttempts = isSafeToRetry(route.method, input.idempotencyKey) ? settings.retries + 1 : 1;
    try {
      for (let attempt = 0; ; attempt += 1) {
        const last = attempt + 1 >= maxAttempts;
        let response: HttpResponse;
        try {
          // The same headers (and so the same Idempotency-Key) on every attempt.
          response = await transport.send({ method: route.method, target, headers, body, signal: input.signal });
        } catch (error) {
          if (last || !(error instanceof ConnectorError) || !isRetryableFailure(error)) throw error;
          await waitBeforeRetry(retryDelayMs(attempt, undefined), input.signal);
          continue;
        }
        if (last || !isRetryableStatus(response.status)) return read(response, where);
        await waitBeforeRetry(retryDelayMs(attempt, parseRetryAfter(response.headers['retry-after'])), input.signal);
      }
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      throw redactConnectorError(error, [...(settings.token === undefined ? [] : [settings.token]), ...(input.secrets ?? [])]);
    }
  };
  return {
    json: (route, success, schema, input = {}) =>
      exchange(route, input, 'application/json', (response, where) => ({ data: readJsonAnswer(success, schema, response, where), headers: response.headers })),
    jsonIfModified: (route, success, schema, input) =>
      exchange(route, input, 'application/json', (response, where) =>
        response.status === 304 ? null : { data: readJsonAnswer(success, schema, response, where), headers: response.headers },
      ),
    text: (route, input = {}) => exchange(route, input, 'text/html, text/plain;q=0.9, */*;q=0.1', readTextAnswer),
  };
}

/** `/v1/authorized-accounts/{id}` with `{id}` replaced by the encoded value. */
export function buildPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new ConnectorError('INVALID_OPTIONS', `The path ${template} needs a value for {${name}}.`);
    return encodeURIComponent(value);
  });
}

/** `?limit=50&actor=…` from the defined values, in the order given; empty when none. */
export function buildQuery(query: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.append(name, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
