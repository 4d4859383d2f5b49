import type { ServerResponse } from 'node:http';
import { FEED_EVENTS, type ChangeEvent, type FeedEndCode, type FeedReadyEvent, type FeedReloadEvent } from '../../../contract/connector-api/index.ts';
import type { ChangeHub, Replay } from './change-hub.ts';
import { SSE_HEARTBEAT, sseEvent, sseRetry } from './sse.ts';

/** How much unread output a stream may pile up before the node drops it (the client resumes by id). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How long an ended stream may take to flush its last event before its connection is cut. */
const END_GRACE_MS = 2000;
/** How long a client waits before reconnecting after a drop (the SSE `retry` field). */
const RECONNECT_MS = 2000;

/** The headers of every stream: never cached, never buffered by a proxy, and the service's usual hardening. */
const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store, no-transform',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Why a stream ends, and the sentence that goes with it in its `end` event. */
export type StreamEnd = { readonly code: FeedEndCode; readonly message: string };

/** What one stream needs from its node. */
export type EventStreamOptions = {
  readonly hub: ChangeHub;
  readonly nodeName: string;
  readonly heartbeatSeconds: number;
  /** When the token expires: the stream ends then, saying so. */
  readonly expiresAt: Date;
  readonly now: () => Date;
  /** Where the stream starts: after the client's Last-Event-ID, or now. */
  readonly resumeAfter: number | undefined;
  /**
   * Whether the admin may still follow changes; resolves with an end when not. Asked on a
   * schedule and after every change of the administrators or onboarding control.
   */
  readonly recheck: () => Promise<StreamEnd | undefined>;
  readonly recheckSeconds: number;
  /** Called once, when the stream is over for any reason. */
  readonly onClose: () => void;
  readonly log: (message: string, error?: unknown) => void;
};

/** An open stream: its node can end it (shutdown) and learn when it is over. */
export type EventStream = {
  end(reason: StreamEnd): void;
  readonly closed: Promise<void>;
};

/**
 * Serve one change stream on `response`: `ready`, the replay after Last-Event-ID (or `reload`),
 * then every change the hub hands out, each once and in order, with heartbeats between.
 *
 * Work is queued one step at a time, so a replay and a live change can never interleave; a
 * change that arrives with a gap behind it (the stream fell behind the hub) is replayed from
 * the hub first.
 */
export function openEventStream(response: ServerResponse, options: EventStreamOptions): EventStream {
  const { hub } = options;
  const opened = hub.position();
  let position = options.resumeAfter ?? opened.sequence;
  let over = false;
  let queue = Promise.resolve();
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });

  const write = (text: string) => {
    if (over) return;
    // What was already waiting decides: one change larger than the limit (a 10,000-entry import)
    // still goes to a client that keeps up; dropping it would repeat at every resume.
    const waiting = response.writableLength;
    if (!response.write(text) && waiting > MAX_BUFFERED_BYTES) {
      options.log('a change stream was dropped: its client stopped reading');
      response.destroy();
    }
  };
  const enqueue = (step: () => Promise<void> | void) => {
    queue = queue
      .then(async () => {
        if (!over) await step();
      })
      .catch((error: unknown) => {
        // The client resumes from its last id; a stream that cannot go on is closed, not left silent.
        options.log('a change stream failed and was closed', error);
        response.destroy();
      });
  };
  const send = (event: ChangeEvent) => {
    if (event.sequence <= position) return;
    write(sseEvent(FEED_EVENTS.change, event.sequence, event));
    position = event.sequence;
    if (event.records.some((record) => record.action.startsWith('role-based-administrator.') || record.action.startsWith('onboarding-control.'))) {
      enqueue(recheck);
    }
  };
  const reload = (reason: FeedReloadEvent['reason']) => {
    const now = hub.position();
    position = now.sequence;
    const message =
      reason === 'REPLAY_WINDOW_EXCEEDED'
        ? 'More changes were made while this client was away than the feed replays: read the list, the administrators and the audit log again.'
        : 'Last-Event-ID names a change this service has not made (another environment, or a restored database): read everything again.';
    write(sseEvent(FEED_EVENTS.reload, now.sequence, { reason, message, sequence: now.sequence, listVersion: now.listVersion } satisfies FeedReloadEvent));
  };
  const replayed = (replay: Replay): void => {
    if (replay.kind === 'events') replay.events.forEach(send);
    else reload(replay.kind === 'too-old' ? 'REPLAY_WINDOW_EXCEEDED' : 'UNKNOWN_POSITION');
  };
  const deliver = async (events: readonly ChangeEvent[]) => {
    const first = events.find((event) => event.sequence > position);
    if (!first) return;
    if (first.sequence > position + 1) replayed(await hub.replayAfter(position));
    events.forEach(send);
  };
  const recheck = async () => {
    const ended = await options.recheck();
    if (ended) end(ended);
  };

  const end = (reason: StreamEnd) => {
    if (over) return;
    write(sseEvent(FEED_EVENTS.end, undefined, reason));
    over = true;
    response.end();
    // A client that stopped reading would keep the response (and a stopping node) open.
    setTimeout(() => response.destroy(), END_GRACE_MS).unref();
  };

  const unsubscribe = hub.subscribe((events) => {
    enqueue(() => deliver(events));
  });
  const heartbeat = setInterval(() => {
    write(SSE_HEARTBEAT);
  }, options.heartbeatSeconds * 1000);
  const rechecks = setInterval(() => {
    enqueue(recheck);
  }, options.recheckSeconds * 1000);
  const expiry = setTimeout(
    () => {
      end({ code: 'TOKEN_EXPIRED', message: `The sign-in expired at ${options.expiresAt.toISOString()}. Sign in again to go on following changes.` });
    },
    Math.min(Math.max(0, options.expiresAt.getTime() - options.now().getTime()), 2 ** 31 - 1),
  );
  response.once('close', () => {
    over = true;
    clearInterval(heartbeat);
    clearInterval(rechecks);
    clearTimeout(expiry);
    unsubscribe();
    options.onClose();
    resolveClosed();
  });

  response.writeHead(200, STREAM_HEADERS);
  write(sseRetry(RECONNECT_MS));
  enqueue(async () => {
    const resumeAfter = options.resumeAfter;
    const replay = resumeAfter === undefined ? undefined : await hub.replayAfter(resumeAfter);
    // A new stream starts where the hub stood when it opened (what the hub read since is queued
    // behind this step); one that cannot be replayed starts from now, after its reload.
    const start = replay === undefined || replay.kind === 'events' ? position : hub.position().sequence;
    const ready: FeedReadyEvent = {
      sequence: start,
      listVersion: replay === undefined ? opened.listVersion : hub.position().listVersion,
      replaying: replay?.kind === 'events' ? replay.events.filter((event) => event.sequence > position).length : 0,
      node: options.nodeName,
      heartbeatSeconds: options.heartbeatSeconds,
      expiresAt: options.expiresAt.toISOString(),
    };
    if (replay?.kind !== 'events') position = start;
    write(sseEvent(FEED_EVENTS.ready, start, ready));
    if (replay) replayed(replay);
  });
  return { end, closed };
}
