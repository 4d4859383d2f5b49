import { FEED_REPLAY_LIMIT, type ChangeEvent } from '../../../contract/connector-api/index.ts';
import type { ChangePosition } from '../store/change-events.ts';
import type { ChangeWatch, ConfigStore } from '../store/config-store.ts';

/** The most records the recent changes may hold in memory (an import can carry thousands). */
const RECENT_RECORDS_LIMIT = 20_000;
/** How many changes one read fetches while catching up. */
const READ_BATCH = 200;
/** How long to wait before reading again after the database failed to answer. */
const RETRY_MS = 1000;

/** Someone told of each change this node learns of, in sequence order, each once. */
export type ChangeSubscriber = (events: readonly ChangeEvent[]) => void;

/** What the hub knows for a stream that resumes: the changes to replay, or why it cannot. */
export type Replay =
  { readonly kind: 'events'; readonly events: readonly ChangeEvent[] } | { readonly kind: 'too-old' } | { readonly kind: 'unknown-position' };

/**
 * One node's view of the change sequence: it reads every committed change once, in order, and
 * hands it to the node's streams.
 *
 * Woken by the store (PostgreSQL's NOTIFY from any node, or SQLite's own commits), it reads
 * what was committed after the last change it knows — never trusting the notification's
 * content — so a lost or late notification only delays, and a listening connection that
 * comes back makes it read everything it may have missed. The latest changes stay in memory
 * (at most {@link FEED_REPLAY_LIMIT}), so a stream that resumes is replayed without a read.
 */
export type ChangeHub = {
  /** The last change this node has read and handed out. */
  position(): ChangePosition;
  /** Whether the hub hears every change now (its listening connection is up and it is caught up). */
  isCurrent(): boolean;
  subscribe(subscriber: ChangeSubscriber): () => void;
  /** Read what was committed since the last change known; resolves once caught up to at least this moment. */
  catchUp(): Promise<void>;
  /** The changes after `after` up to {@link ChangeHub.position}, for a stream that resumes. */
  replayAfter(after: number): Promise<Replay>;
  close(): Promise<void>;
};

/** Start a hub: read where the sequence stands and the latest changes, then watch the store. */
export async function startChangeHub(store: ConfigStore, onError: (error: unknown) => void): Promise<ChangeHub> {
  let position = await store.changePosition();
  const recent: ChangeEvent[] = [...(await store.changesSince(Math.max(0, position.sequence - FEED_REPLAY_LIMIT), FEED_REPLAY_LIMIT))];
  let recentRecords = recent.reduce((sum, event) => sum + event.records.length, 0);
  const subscribers = new Set<ChangeSubscriber>();
  let closed = false;
  let current = false;
  let running: Promise<void> | undefined;
  let again = false;
  let retry: NodeJS.Timeout | undefined;

  const remember = (events: readonly ChangeEvent[]) => {
    for (const event of events) {
      recent.push(event);
      recentRecords += event.records.length;
    }
    while (recent.length > FEED_REPLAY_LIMIT || (recent.length > 1 && recentRecords > RECENT_RECORDS_LIMIT)) {
      recentRecords -= recent.shift()?.records.length ?? 0;
    }
  };

  const readAll = async () => {
    for (;;) {
      const events = await store.changesSince(position.sequence, READ_BATCH);
      const last = events.at(-1);
      if (!last) return;
      position = { sequence: last.sequence, listVersion: last.listVersion };
      remember(events);
      for (const subscriber of subscribers) subscriber(events);
    }
  };

  // Read through functions: both change while a read is awaited.
  const isClosed = () => closed;
  const askedAgain = () => again && !closed;
  const catchUp = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await readAll();
          current = true;
        } catch (error) {
          current = false;
          if (!isClosed()) onError(error);
          clearTimeout(retry);
          retry = setTimeout(() => void catchUp(), RETRY_MS);
          retry.unref();
          return;
        }
      } while (askedAgain());
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const watch: ChangeWatch = await store.watchChanges((sequence) => {
    if (sequence !== undefined && sequence <= position.sequence) return;
    // Not current until the read that follows lands: a poll answered from memory meanwhile would be stale.
    current = false;
    void catchUp();
  });
  // Changes committed between the first read and the watch starting.
  await catchUp();

  return {
    position: () => position,
    isCurrent: () => current && !running,
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    catchUp,
    async replayAfter(after) {
      if (after > position.sequence) {
        // Another node may have committed it a moment ago and its notification is on the way.
        await catchUp();
        if (after > position.sequence) return { kind: 'unknown-position' };
      }
      if (position.sequence - after > FEED_REPLAY_LIMIT) return { kind: 'too-old' };
      const first = recent[0];
      if (after === position.sequence) return { kind: 'events', events: [] };
      if (first && first.sequence <= after + 1) return { kind: 'events', events: recent.filter((event) => event.sequence > after) };
      // Older than what is kept in memory (large changes push them out): read them.
      const upTo = position.sequence;
      const events = (await store.changesSince(after, upTo - after)).filter((event) => event.sequence <= upTo);
      return { kind: 'events', events: [...events, ...recent.filter((event) => event.sequence > (events.at(-1)?.sequence ?? after))] };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      subscribers.clear();
      await watch.close();
    },
  };
}
