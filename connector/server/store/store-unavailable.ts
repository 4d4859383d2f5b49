/**
 * The configuration database cannot answer now (unreachable, restarting, failing over).
 *
 * Engine-neutral, so the HTTP layer answers 503 with Retry-After whichever store threw it; the
 * message names the database without a password and never a statement or a value.
 */
export class StoreUnavailableError extends Error {
  /** The driver's or server's code (ECONNREFUSED, 57P01, CONNECTION_CLOSED…), for the log. */
  readonly code: string;

  constructor(message: string, code: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreUnavailableError';
    this.code = code;
  }
}
