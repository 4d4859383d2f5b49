import type { z } from 'zod';
import { API_ERROR_STATUS, ApiErrorSchema } from '../../contract/connector-api/index.ts';
import type { ApiErrorCode } from '../../contract/connector-api/index.ts';
import { ConnectorError } from './connector-error.ts';
import type { HttpResponse } from './http-transport.ts';
import { parseRetryAfter } from './retry-policy.ts';

/** Which exchange an answer belongs to, for messages: `GET https://host/v1/session`. */
export type Exchange = { readonly method: string; readonly url: string };

/**
 * The answer's JSON body, checked against `schema` (the route table's schema for `success`).
 *
 * Any other status is the service's error (or something in the way); a body that is not
 * JSON or not of the schema's shape is `BAD_RESPONSE`, never a crash further in.
 */
export function readJsonAnswer<Schema extends z.ZodType>(success: number, schema: Schema, response: HttpResponse, exchange: Exchange): z.output<Schema> {
  if (response.status !== success) throw failureOf(response, exchange);
  const json = parseJson(response, exchange);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badShape(parsed.error, response, exchange);
  return parsed.data;
}

/** The answer's text body (the connector's HTML and plain-text pages), or the failure. */
export function readTextAnswer(response: HttpResponse, exchange: Exchange): string {
  if (response.status !== 200) throw failureOf(response, exchange);
  return response.text;
}

/**
 * The {@link ConnectorError} for an answer that is not the success.
 *
 * A service error keeps the service's code and sentence; a gateway's page (502/503/504 with
 * no service body) reads as "could not reach the service", which is what it means.
 */
export function failureOf(response: HttpResponse, exchange: Exchange): ConnectorError {
  const { status } = response;
  const retryAfterSeconds = parseRetryAfter(response.headers['retry-after']);
  const where = `${exchange.method} ${exchange.url}`;
  if (status >= 300 && status < 400) {
    const location = response.headers.location;
    return new ConnectorError(
      'BAD_RESPONSE',
      `${where} was redirected (${status}${location ? ` to ${location}` : ''}). Set the service address to the address it redirects to.`,
      { status },
    );
  }
  // Every error status of the route table uses ApiErrorSchema; statuses it does not list
  // (429, 500, a fastify 404) come in the same shape.
  const parsed = status >= 400 ? ApiErrorSchema.safeParse(tryParseJson(response.text)) : undefined;
  if (parsed?.success) {
    const { code, message, details } = parsed.data;
    if (isApiErrorCode(code)) return new ConnectorError(code, message, { status, retryAfterSeconds, details });
    return new ConnectorError('BAD_RESPONSE', `The service answered ${status} with an error code this console does not know (${code}): ${message}`, {
      status,
      retryAfterSeconds,
      details,
    });
  }
  if (status === 502 || status === 503 || status === 504) {
    return new ConnectorError(
      'UNREACHABLE',
      `${where} answered ${status} without the service's error details: a gateway or web proxy in between could not reach the service. Check that the service is running, then try again.`,
      { status, retryAfterSeconds },
    );
  }
  return new ConnectorError(
    'BAD_RESPONSE',
    `${where} answered ${status}, which is not an answer of the connector configuration service. Check that the address points at the service and not at another site.`,
    { status, retryAfterSeconds },
  );
}

function parseJson(response: HttpResponse, exchange: Exchange): unknown {
  const json = tryParseJson(response.text);
  if (json === undefined) {
    const type = response.headers['content-type'] ?? 'no content type';
    throw new ConnectorError(
      'BAD_RESPONSE',
      `${exchange.method} ${exchange.url} answered ${response.status} with a body that is not JSON (${type}). Check that the address points at the connector configuration service, not at another site or a proxy's page.`,
      { status: response.status },
    );
  }
  return json;
}

function badShape(error: z.ZodError, response: HttpResponse, exchange: Exchange): ConnectorError {
  // Paths and zod's wording only: zod messages name what was expected, not the values received.
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` and ${error.issues.length - 3} more` : '';
  return new ConnectorError(
    'BAD_RESPONSE',
    `${exchange.method} ${exchange.url} answered ${response.status} with a body this console does not understand (${issues.join('; ')}${more}). The service may run another version than this console: update the older one.`,
    { status: response.status },
  );
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERROR_STATUS, code);
}
