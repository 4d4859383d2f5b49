import type { ServerResponse } from 'node:http';
import { FeedEndCodeSchema } from '../../../contract/connector-api/index.ts';
import type { AdminAccess } from '../auth/admin-access.ts';
import type { Principal } from '../auth/tokens.ts';
import { ApiFailure } from '../http/api-failure.ts';
import type { ConfigStore } from '../store/config-store.ts';
import { startChangeHub, type ChangeHub } from './change-hub.ts';
import { openEventStream, type EventStream, type StreamEnd } from './event-stream.ts';
import { createStreamCounter, type StreamLimits } from './stream-limits.ts';

/** What a node's change feed is built from. */
export type ChangeFeedOptions = {
  readonly store: ConfigStore;
  readonly access: Pick<AdminAccess, 'authorize'>;
  readonly nodeName: string;
  readonly now: () => Date;
  /** Seconds between heartbeat comments on an idle stream. */
  readonly heartbeatSeconds: number;
  /** Seconds between two checks that a stream's admin may still administer. */
  readonly recheckSeconds: number;
  readonly limits: StreamLimits;
  readonly log: (message: string, error?: unknown) => void;
  /** One line when a stream opens and when it closes: who, how many are open (streams have no request line). */
  readonly logStream: (message: string, details: Readonly<Record<string, unknown>>) => void;
};

/** A stream about to open: who asked, with which token, from where in the sequence. */
export type StreamRequest = { readonly principal: Principal; readonly authorization: string | undefined; readonly resumeAfter: number | undefined };

/** One node's change feed: the hub that reads the changes and the streams it serves. */
export type ChangeFeed = {
  readonly hub: ChangeHub;
  /** Take a stream's place (429 past a limit) and return what opens it on the response. */
  accept(request: StreamRequest): (response: ServerResponse) => void;
  /** Open streams now. */
  streamCount(): number;
  /** End every stream (`end` SERVICE_STOPPING, so clients go to another node) and stop reading. */
  close(): Promise<void>;
};

/** Start the node's feed: the hub reads where the sequence stands before the node listens. */
export async function startChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
  const hub = await startChangeHub(options.store, (error) => {
    options.log('reading committed changes failed; retrying', error);
  });
  const counter = createStreamCounter(options.limits);
  const streams = new Set<EventStream>();

  const recheck = async (authorization: string | undefined): Promise<StreamEnd | undefined> => {
    try {
      await options.access.authorize(authorization);
      return undefined;
    } catch (error) {
      if (!(error instanceof ApiFailure)) return undefined;
      if (error.code === 'TOKEN_EXPIRED' || error.code === 'UNAUTHENTICATED') return { code: 'TOKEN_EXPIRED', message: error.message };
      const code = FeedEndCodeSchema.safeParse(error.code);
      // A directory or database that cannot answer now is no reason to end: the next check decides.
      return code.success ? { code: code.data, message: error.message } : undefined;
    }
  };

  return {
    hub,
    accept(request) {
      const release = counter.open(request.principal);
      const admin = request.principal.name;
      return (response) => {
        const openedAt = Date.now();
        options.logStream('change stream opened', { admin, resumeAfter: request.resumeAfter ?? null, streams: counter.count() });
        const stream = openEventStream(response, {
          hub,
          nodeName: options.nodeName,
          heartbeatSeconds: options.heartbeatSeconds,
          expiresAt: new Date(request.principal.expiresAt),
          now: options.now,
          resumeAfter: request.resumeAfter,
          recheck: () => recheck(request.authorization),
          recheckSeconds: options.recheckSeconds,
          onClose: () => {
            streams.delete(stream);
            release();
            options.logStream('change stream closed', { admin, seconds: Math.round((Date.now() - openedAt) / 1000), streams: counter.count() });
          },
          log: options.log,
        });
        streams.add(stream);
      };
    },
    streamCount: () => counter.count(),
    async close() {
      const open = [...streams];
      for (const stream of open) {
        stream.end({ code: 'SERVICE_STOPPING', message: 'This connector node is stopping. Reconnect: through the load balancer, another node answers.' });
      }
      await Promise.all(open.map((stream) => stream.closed));
      await hub.close();
    },
  };
}
