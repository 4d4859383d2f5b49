import { API_ERROR_STATUS, type ApiErrorCode } from '../../../contract/connector-api/index.ts';

/**
 * A refusal the service answers with `{code, message}` and the code's status.
 *
 * Handlers throw it; the error handler turns it into the response, so no handler can forget
 * the shape.
 */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: readonly string[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ApiErrorCode, message: string, options: { details?: readonly string[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.status = API_ERROR_STATUS[code];
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}
