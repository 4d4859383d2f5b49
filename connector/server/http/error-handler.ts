import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '../../api/index.ts';
import { ApiFailure } from './api-failure.ts';

type Mapped = { readonly status: number; readonly body: ApiError; readonly headers: Readonly<Record<string, string>> };

const FRAMEWORK_ERRORS: Readonly<Record<string, (error: FastifyError) => Omit<Mapped, 'headers'>>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this operation accepts. Send fewer entries per request.' } }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as JSON with Content-Type: application/json.' } }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({ status: 400, body: { code: 'INVALID_JSON', message: 'The body is empty but Content-Type says JSON. Send a JSON object.' } }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => ({ status: 400, body: { code: 'INVALID_JSON', message: 'The body is not valid JSON.' } }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({ status: 400, body: { code: 'BAD_REQUEST', message: 'Content-Length does not match the body.' } }),
};

/**
 * Answer every failure as `{code, message}` JSON with a 4xx, and only truly unexpected
 * errors with a 500 (logged with the request id, never echoed).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = mapError(error);
    if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: mapped.body.code }, 'request refused');
    void reply.code(mapped.status).headers(mapped.headers).header('cache-control', 'no-store').send(mapped.body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).header('cache-control', 'no-store').send({ code: 'NOT_FOUND', message: `There is no ${request.method} ${request.url.split('?')[0] ?? ''} here. See /openapi.json for the operations this service offers.` });
  });
}

function mapError(error: FastifyError): Mapped {
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
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: 'The service hit an unexpected error. It has been logged; try again, and report it if it persists.' }, headers: {} };
}
