import type { z } from 'zod';
import type { IpcError } from '../../contract/ipc-result.ts';
import { printable } from './request-issues.ts';

/**
 * Where log lines go (the shell writes them to its log file, tests collect them).
 *
 * Structured lines, so a log reader can filter by channel or code without parsing text.
 */
export type LogSink = (line: Record<string, unknown>) => void;

const SECRET_KEY = /password|token|secret/i;

/**
 * How a channel is named in a log line: its name, or a shortened, printable stand-in.
 *
 * An unknown channel is whatever the caller sent; it may be long or hold control characters.
 */
export function channelForLog(channel: unknown): string {
  return typeof channel === 'string' ? printable(channel) : `(${typeof channel})`;
}

/**
 * One call's line: channel, duration and outcome.
 *
 * The request is never logged: it may carry a password, and names are personal data.
 */
export function callLine(channel: string, startedAt: number, error: IpcError | undefined): Record<string, unknown> {
  const durationMs = Math.round(performance.now() - startedAt);
  return error === undefined
    ? { event: 'ipc-call', channel, durationMs, ok: true }
    : { event: 'ipc-call', channel, durationMs, ok: false, code: error.code, source: error.source };
}

/**
 * Where a response failed its schema: paths and issue codes only, never the values.
 *
 * Enough to find the bug; the values may be directory data the log should not keep.
 */
export function responseIssuesLine(channel: string, issues: readonly z.core.$ZodIssue[]): Record<string, unknown> {
  return { event: 'ipc-response-invalid', channel, issues: issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code })) };
}

/**
 * An unexpected failure for the log: its name and message, with the call's secrets removed.
 *
 * The renderer gets a fixed sentence for these; the log keeps what helps to diagnose, minus
 * anything the request carried under a secret-looking key.
 */
export function unexpectedErrorLine(channel: string, error: unknown, request: unknown): Record<string, unknown> {
  const name = error instanceof Error ? error.name : typeof error;
  const text = error instanceof Error ? error.message : String(error);
  const scrubbed = secretsOf(request).reduce((message, secret) => message.replaceAll(secret, '[redacted]'), text);
  return { event: 'ipc-unexpected-error', channel, error: name, message: printable(scrubbed) };
}

/**
 * The string values held under secret-looking keys, two levels deep (the sign-in request's shape).
 *
 * The request is whatever the caller sent, so reading it must not fail the logging: a
 * payload that throws while being read has no secrets worth scrubbing for.
 */
export function secretsOf(request: unknown, depth = 0): string[] {
  if (typeof request !== 'object' || request === null || depth > 2) return [];
  try {
    return Object.entries(request).flatMap(([key, value]: [string, unknown]) => {
      if (typeof value === 'string') return SECRET_KEY.test(key) && value.length > 0 ? [value] : [];
      return secretsOf(value, depth + 1);
    });
  } catch {
    return [];
  }
}
