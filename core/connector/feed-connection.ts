import { z } from 'zod';
import { ChangeEventSchema, FEED_EVENTS, FeedEndEventSchema, FeedReadyEventSchema, FeedReloadEventSchema } from '../../contract/connector-api/index.ts';
import type { ChangeEvent, FeedReadyEvent, FeedReloadEvent } from '../../contract/connector-api/index.ts';
import type { HttpStream } from './http-transport.ts';
import { failureOf } from './response-reading.ts';
import type { Exchange } from './response-reading.ts';
import { createSseDecoder } from './sse-decoder.ts';
import type { SseChunk, SseMessage } from './sse-decoder.ts';

/**
 * How one connection to the feed ended, and what the follower does next.
 *
 * `retry`: wait (the service's `Retry-After`, else backoff) and resume. `unavailable`: no usable
 * feed here; try again much later. `ended`: the service said stop (sign in again).
 */
export type ConnectionEnd =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'ended'; readonly code: string; readonly message: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number | undefined }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** What a connection reports to the follower while it reads. */
export type ConnectionHandlers = {
  /** The sequence the stream resumes after; undefined until the first `ready`. */
  position(): number | undefined;
  moveTo(sequence: number): void;
  ready(event: FeedReadyEvent): void;
  change(event: ChangeEvent): void;
  reload(event: FeedReloadEvent): void;
  /** The service's `retry:` field, a floor for the next wait. */
  retryHint(milliseconds: number): void;
};

/** The timings a connection watches. */
export type ConnectionTiming = { readonly readyTimeoutMs: number };

const ERROR_BODY_LIMIT = 64 * 1024;
/** Missing this many heartbeats in a row means the stream is dead (a half-open TCP connection, a proxy that dropped it). */
const MISSED_HEARTBEATS = 3;

/**
 * Read one answer of `GET /v1/events` to its end and say what comes next.
 *
 * The stream is always closed on return. Handlers run as each event is decoded; an event
 * whose data does not match the contract means the stream cannot be trusted, so the follower
 * reconnects and resumes from the last change it delivered.
 */
export async function readFeedConnection(
  stream: HttpStream,
  exchange: Exchange,
  handlers: ConnectionHandlers,
  timing: ConnectionTiming,
  signal: AbortSignal,
): Promise<ConnectionEnd> {
  try {
    if (stream.status !== 200) return refusalOf(stream, exchange, await readErrorBody(stream.body));
    const type = stream.headers['content-type'] ?? '';
    if (!/^text\/event-stream\s*(;|$)/i.test(type))
      return {
        kind: 'unavailable',
        reason: `${exchange.url} answered with ${type === '' ? 'no content type' : type} instead of an event stream: the service is older than this console, or a proxy in between rewrites the answer.`,
      };
    return await readEvents(stream, handlers, timing, signal);
  } finally {
    stream.close();
  }
}

async function readEvents(stream: HttpStream, handlers: ConnectionHandlers, timing: ConnectionTiming, signal: AbortSignal): Promise<ConnectionEnd> {
  let ready: FeedReadyEvent | undefined;
  let watchdog: ConnectionEnd | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = (milliseconds: number, end: ConnectionEnd): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      watchdog = end;
      stream.close();
    }, milliseconds);
  };
  const seconds = Math.round(timing.readyTimeoutMs / 1000);
  arm(timing.readyTimeoutMs, {
    kind: 'unavailable',
    reason: `The service answered but sent no event within ${String(seconds)} s: a proxy in between holds the stream back (it buffers answers).`,
  });
  const abort = (): void => {
    stream.close();
  };
  signal.addEventListener('abort', abort, { once: true });
  const decoder = createSseDecoder();
  const handle = (message: SseMessage): ConnectionEnd | undefined => {
    switch (message.event) {
      case FEED_EVENTS.ready: {
        const event = parseData(FeedReadyEventSchema, message);
        if (event === undefined) return brokenEvent(message, ready !== undefined);
        ready = event;
        if (handlers.position() === undefined) handlers.moveTo(event.sequence);
        handlers.ready(event);
        return undefined;
      }
      case FEED_EVENTS.change: {
        const event = ready === undefined ? undefined : parseData(ChangeEventSchema, message);
        const unreadable = event === undefined && ready !== undefined ? parseData(ChangePositionSchema, message) : undefined;
        if (unreadable !== undefined) {
          // A change this client cannot read (a newer service's kind of change): read everything again.
          handlers.moveTo(unreadable.sequence);
          handlers.reload({
            ...unreadable,
            reason: 'UNREADABLE_CHANGE',
            message: 'The service sent a kind of change this version does not know; everything was read again. Update this tool.',
          });
          return undefined;
        }
        if (event === undefined) return brokenEvent(message, ready !== undefined);
        const position = handlers.position();
        if (position !== undefined && event.sequence <= position) return undefined;
        handlers.moveTo(event.sequence);
        handlers.change(event);
        return undefined;
      }
      case FEED_EVENTS.reload: {
        const event = ready === undefined ? undefined : parseData(FeedReloadEventSchema, message);
        if (event === undefined) return brokenEvent(message, ready !== undefined);
        handlers.moveTo(event.sequence);
        handlers.reload(event);
        return undefined;
      }
      case FEED_EVENTS.end: {
        const event = parseData(FeedEndEventSchema, message);
        if (event === undefined) return brokenEvent(message, ready !== undefined);
        // Another node behind the balancer serves the next attempt.
        if (event.code === 'SERVICE_STOPPING') return { kind: 'retry', reason: event.message };
        return { kind: 'ended', code: event.code, message: event.message };
      }
      default:
        // Events a newer service adds are not this client's business.
        return undefined;
    }
  };
  // Only reading and decoding count as the stream breaking; a handler's error is the caller's and propagates.
  const chunks = stream.body[Symbol.asyncIterator]();
  try {
    for (;;) {
      let decoded: SseChunk;
      try {
        const next = await chunks.next();
        if (next.done === true) break;
        decoded = decoder.push(next.value);
      } catch (error) {
        if (signal.aborted) return { kind: 'cancelled' };
        return watchdog ?? { kind: 'retry', reason: `The stream broke (${error instanceof Error ? error.message : String(error)}).` };
      }
      if (decoded.retryMs !== undefined) handlers.retryHint(decoded.retryMs);
      for (const message of decoded.messages) {
        const end = handle(message);
        if (end !== undefined) return end;
      }
      // Any bytes (a heartbeat too) prove the stream alive; the clock starts once `ready` said the heartbeat.
      if (ready !== undefined) arm(MISSED_HEARTBEATS * ready.heartbeatSeconds * 1000, deadStream(ready));
    }
    if (signal.aborted) return { kind: 'cancelled' };
    return watchdog ?? { kind: 'retry', reason: 'The service closed the stream.' };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

function deadStream(ready: FeedReadyEvent): ConnectionEnd {
  const deadSeconds = MISSED_HEARTBEATS * ready.heartbeatSeconds;
  return {
    kind: 'retry',
    reason: `Nothing arrived from the service for ${String(deadSeconds)} s (it sends a heartbeat every ${String(ready.heartbeatSeconds)} s): the connection is dead.`,
  };
}

/** Where a change leaves the feed: what a change this client cannot read still says. */
const ChangePositionSchema = z.object({ sequence: z.number().int().positive(), listVersion: z.number().int().nonnegative() });

function parseData<Schema extends z.ZodType>(schema: Schema, message: SseMessage): z.output<Schema> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function brokenEvent(message: SseMessage, wasLive: boolean): ConnectionEnd {
  const where = wasLive ? '' : ' before ready';
  return {
    kind: 'retry',
    reason: `The service sent a ${message.event} event${where} that this console does not understand. If it keeps happening, the service runs another version than this console: update the older one.`,
  };
}

/** What a refusal before the stream started means: stop (401, 403, 400), wait and retry (429, 503…), or no feed (404, 405). */
function refusalOf(stream: HttpStream, exchange: Exchange, text: string): ConnectionEnd {
  const error = failureOf({ status: stream.status, headers: stream.headers, text }, exchange);
  const { status } = stream;
  if (status === 401 || status === 403 || status === 400) return { kind: 'ended', code: error.code, message: error.message };
  if (status === 404 || status === 405)
    return {
      kind: 'unavailable',
      reason: `The service has no change feed (${exchange.url} answered ${String(status)}): it is older than this console. Update the service to see changes as they happen.`,
    };
  const retryAfterMs = error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;
  return { kind: 'retry', reason: error.message, retryAfterMs };
}

async function readErrorBody(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of body) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length > ERROR_BODY_LIMIT) break;
    }
  } catch {
    // A refusal cut short still says something; failureOf copes with a partial body.
  }
  return text.slice(0, ERROR_BODY_LIMIT);
}
