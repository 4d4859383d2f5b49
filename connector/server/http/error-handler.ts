import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../../../contract/connector-api/index.ts';
import { StoreUnavailableError } from '../store/store-unavailable.ts';
import { ApiFailure } from './api-failure.ts';

type Mapped = { readonly status: number; readonly body: ApiError; readonly headers: Readonly<Record<string, string>> };

const FRAMEWORK_ERRORS: Readonly<Record<string, (error: FastifyError) => Omit<Mapped, 'headers'>>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({
    status: 413,
    body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this operation accepts. Send fewer entries per request.' },
  }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({
    status: 415,
    body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as JSON with Content-Type: application/json.' },
  }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({
    status: 400,
    body: { code: 'INVALID_JSON', message: 'The body is empty but Content-Type says JSON. Send a JSON object.' },
  }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => ({ status: 400, body: { code: 'INVALID_JSON', message: 'The body is not valid JSON.' } }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({ status: 400, body: { code: 'BAD_REQUEST', message: 'Content-Length does not match the body.' } }),
};

/**
 * Answer every failure as `{code, message}` JSON with a 4xx, and only truly unexpected
 * errors with a 500 (logged with the request id, never echoed).
 */
export function installErrorHandling(app: FastifyInstance, allowedMethodsOf: (path: string) => readonly string[]): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = mapError(error);
    // A refusal the service chose (the directory is down, 503) is a warning with its code;
    // only the unexpected gets a stack trace in the log.
    if (error instanceof StoreUnavailableError) request.log.warn({ code: mapped.body.code, cause: error.code }, 'request refused: database unavailable');
    else if (error instanceof ApiFailure && mapped.status >= 500) request.log.warn({ code: mapped.body.code }, 'request refused: service unavailable');
    else if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: mapped.body.code }, 'request refused');
    void reply.code(mapped.status).headers(mapped.headers).header('cache-control', 'no-store').send(mapped.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethodsOf(path);
    if (allowed.length > 0) {
      void reply
        .code(405)
        .header('allow', allowed.join(', '))
        .header('cache-control', 'no-store')
        .send({ code: 'METHOD_NOT_ALLOWED', message: `${path} does not answer ${request.method}; it answers ${allowed.join(', ')}. See /openapi.json.` });
      return;
    }
    void reply
      .code(404)
      .header('cache-control', 'no-store')
      .send({ code: 'NOT_FOUND', message: `There is no ${request.method} ${path} here. See /openapi.json for the operations this service offers.` });
  });
}

function mapError(error: FastifyError): Mapped {
  if (error instanceof StoreUnavailableError) {
    return {
      status: 503,
      body: { code: 'DATABASE_UNAVAILABLE', message: 'The service cannot reach its configuration database right now. Try again in a few seconds.' },
      headers: { 'retry-after': '5' },
    };
  }
  if (error instanceof ApiFailure) {
    const body: ApiError = { code: error.code, message: error.message, ...(error.details ? { details: [...error.details] } : {}) };
    return { status: error.status, body, headers: error.headers };
  }
  const framework = FRAMEWORK_ERRORS[error.code];
  if (framework) return { ...framework(error), headers: {} };
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code.startsWith('FST_ERR_CTP'))) {
    return { status: 400, body: { code: 'INVALID_JSON', message: 'The body is not valid JSON.' }, headers: {} };
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { code: 'BAD_REQUEST', message: error.message }, headers: {} };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL_ERROR', message: 'The service hit an unexpected error. It has been logged; try again, and report it if it persists.' },
    headers: {},
  };
}

/**
 * Fastify's `frameworkErrors`: router refusals (a bad URL encoding, an over-long path
 * parameter) in the service's own shape instead of the framework's.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply
    .code(tooLong ? 414 : 400)
    .header('cache-control', 'no-store')
    .send(
      tooLong
        ? { code: 'URI_TOO_LONG', message: 'A path parameter is longer than any valid value. Check the id in the URL.' }
        : { code: 'BAD_REQUEST', message: 'The URL is not validly encoded.' },
    );
}

/**
 * Node's `clientError`: requests too broken to reach Fastify (headers too large, bad
 * framing) still get a JSON answer in the service's shape, then the socket closes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const headersTooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    headersTooLarge
      ? { code: 'HEADERS_TOO_LARGE', message: 'The request headers or URL are too large. Send long values in a JSON body, not the URL.' }
      : { code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' },
  );
  const status = headersTooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`,
  );
}
