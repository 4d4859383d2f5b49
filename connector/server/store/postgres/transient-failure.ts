import { StoreUnavailableError } from '../store-unavailable.ts';

// Network failures and postgres.js's own connection states: the database may answer again.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

// SQLSTATEs of a server that is going away, starting, read-only after a failover, or full;
// and serialization failures and deadlocks, which a retry resolves.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '25006', '53300', '40001', '40P01']);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The error as the service should see it: a {@link StoreUnavailableError} when the database may
 * answer again (connection lost, primary restarting or failing over), else unchanged.
 *
 * Class 08 is every connection exception PostgreSQL reports.
 */
export function classifyStoreError(error: unknown, description: string): unknown {
  const code = codeOf(error);
  if (code === undefined || !(CONNECTION_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return error;
  return new StoreUnavailableError(`The configuration database ${description} cannot answer now (${code}); the node keeps trying to reconnect.`, code, {
    cause: error,
  });
}
