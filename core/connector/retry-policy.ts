import { ConnectorError } from './connector-error.ts';

/** The first backoff step; each retry doubles it, with jitter. */
export const RETRY_BASE_DELAY_MS = 200;

/** The longest `Retry-After` the client waits for before retrying on its own. */
export const MAX_RETRY_AFTER_SECONDS = 10;

const RETRYABLE_STATUSES = new Set([502, 503, 504]);
const RETRYABLE_FAILURES = new Set<string>(['UNREACHABLE', 'TIMEOUT', 'PROXY_FAILED']);

/**
 * Whether repeating the request cannot change anything twice.
 *
 * A GET reads; a POST with an Idempotency-Key is answered once by the service whatever the
 * number of attempts. PUT, DELETE and a key-less POST may already have been applied when
 * the answer got lost, and an If-Match repeat would then fail confusingly with 412.
 */
export function isSafeToRetry(method: string, idempotencyKey: string | undefined): boolean {
  return method === 'GET' || (method === 'POST' && idempotencyKey !== undefined);
}

/** Whether an answer's status says "try again": a gateway or the service briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Whether a transport failure may pass on another attempt: the network, not the settings.
 *
 * TLS failures, cancellation and malformed answers stay the same however often one asks.
 */
export function isRetryableFailure(error: ConnectorError): boolean {
  return RETRYABLE_FAILURES.has(error.code);
}

/**
 * Seconds to wait from a `Retry-After` header (delay-seconds or an HTTP date).
 *
 * A date in the past means "now"; anything unparsable is ignored rather than trusted.
 */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // HTTP dates end in GMT; Date.parse alone would take "-1" for the year -1.
  const date = text.endsWith('GMT') ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The wait before retry number `attempt + 1`: the service's `Retry-After` (capped), else
 * exponential backoff with jitter.
 *
 * Jitter keeps consoles that failed together from retrying together; the cap keeps a
 * console responsive when a service asks for a long pause.
 */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | undefined, random: () => number = Math.random): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000;
  const ceiling = RETRY_BASE_DELAY_MS * 2 ** attempt;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Wait `milliseconds`, or fail with `CANCELLED` as soon as `signal` aborts. */
export function waitBeforeRetry(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = (): void => {
      clearTimeout(timer);
      reject(new ConnectorError('CANCELLED', 'The request was cancelled while waiting to retry.', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', cancelled);
      resolve();
    }, milliseconds);
    if (signal?.aborted) cancelled();
    else signal?.addEventListener('abort', cancelled, { once: true });
  });
}
