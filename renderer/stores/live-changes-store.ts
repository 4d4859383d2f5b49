import { createStore } from 'zustand/vanilla';
import { ChangeTopicSchema, type ChangeTopic, type ConsoleEvent, type LiveFeedState } from '../../contract/index.ts';
import type { AdminApi } from '../api/admin-api.ts';
import { formatTime } from '../format/date-time.ts';

/** One change (or reload) the views may have to follow: what it touched and the list version after it. */
export type ListMovement = {
  /** Grows with every change, so a view tells a new one from the one it already followed. */
  readonly id: number;
  readonly touches: readonly ChangeTopic[];
  readonly listVersion: number;
};

/** The last thing to tell the admin about other admins' work, with its local time. */
export type ChangeNotice = { readonly id: number; readonly text: string };

/** How the console hears about changes, and the latest it heard. */
export type LiveChangesState = {
  /** How changes arrive (null: signed out, or not known yet). */
  readonly feed: LiveFeedState | null;
  /** The service node that last answered the feed (kept while it reconnects, for the status bar). */
  readonly node: string | undefined;
  readonly notice: ChangeNotice | undefined;
  readonly latest: ListMovement | undefined;
  apply(event: ConsoleEvent): void;
  /** Ask main where the feed stands (a reloaded window or a fresh sign-in may have missed its events). */
  syncStatus(): Promise<void>;
};

const EVERY_TOPIC: readonly ChangeTopic[] = ChangeTopicSchema.options;

/**
 * The live-changes store: the feed's state for the status bar, the notice, the latest change.
 *
 * Fed by main's pushed events (`apply`, wired in `app-stores.ts`); views that show something a
 * change touches follow `latest` (the servers list always, the audit log and the effective
 * super users while open, an open Add dialog whose check may be stale).
 */
export function createLiveChangesStore(api: AdminApi) {
  let heardStates = 0;
  let sequence = 0;
  return createStore<LiveChangesState>()((set) => ({
    feed: null,
    node: undefined,
    notice: undefined,
    latest: undefined,
    apply(event) {
      switch (event.kind) {
        case 'feed-state':
          heardStates += 1;
          set((state) => ({ feed: event.state, node: nodeOf(event.state) ?? state.node }));
          return;
        case 'change': {
          sequence += 1;
          const { change } = event;
          set({
            latest: { id: sequence, touches: change.touches, listVersion: change.listVersion },
            notice: { id: sequence, text: `${change.summary}, ${formatTime(change.at)}` },
          });
          return;
        }
        case 'reload':
          sequence += 1;
          set({
            latest: { id: sequence, touches: EVERY_TOPIC, listVersion: event.listVersion },
            notice: { id: sequence, text: `${event.message} Read again at ${formatTime(event.at)}.` },
          });
          return;
      }
    },
    async syncStatus() {
      const heardBefore = heardStates;
      const result = await api.call('changes:get-status', {});
      // A state pushed while the answer travelled is newer than the answer.
      if (result.ok && heardStates === heardBefore) set((state) => ({ feed: result.value, node: nodeOf(result.value) ?? state.node }));
    },
  }));
}

function nodeOf(state: LiveFeedState | null): string | undefined {
  return state?.status === 'live' ? state.node : undefined;
}

/** A live-changes store (see {@link createLiveChangesStore}). */
export type LiveChangesStore = ReturnType<typeof createLiveChangesStore>;

/** Whether a movement concerns any of `topics`. */
export function touchesAny(movement: ListMovement, topics: readonly ChangeTopic[]): boolean {
  return movement.touches.some((topic) => topics.includes(topic));
}
