import type { FeedEventName } from '../../../contract/connector-api/index.ts';

/**
 * One Server-Sent Event as text/event-stream frames it.
 *
 * `data` is JSON on one line (JSON.stringify never emits a raw line break), so it needs one
 * `data:` line; the id is a number, so no field can smuggle a line break into the stream.
 */
export function sseEvent(name: FeedEventName, id: number | undefined, data: unknown): string {
  const idLine = id === undefined ? '' : `id: ${String(id)}\n`;
  return `${idLine}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by clients, enough for proxies to see the stream is alive. */
export const SSE_HEARTBEAT = ': keep-alive\n\n';

/** Tells clients how long to wait before reconnecting after a drop (EventSource honours it). */
export function sseRetry(milliseconds: number): string {
  return `retry: ${String(milliseconds)}\n\n`;
}
