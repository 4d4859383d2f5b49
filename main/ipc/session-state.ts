import type { SessionSummary } from '../../contract/console-session.ts';
import { CANCELLED_ERROR, ConsoleFailure, NOT_SIGNED_IN_ERROR } from './console-failure.ts';
import type { ConsoleDependencies } from './console-dependencies.ts';
import { openSession, type ActiveSession, type SignInTarget } from './open-session.ts';

/**
 * The one signed-in session of the console (or none), kept in the main process.
 *
 * The renderer never holds a token: it asks, and main answers from this state.
 */
export type SessionState = {
  /** The live session, or undefined (a session past its expiry is ended here). */
  current(): ActiveSession | undefined;
  /** The live session, or `NOT_SIGNED_IN` (saying so when the session has ended by itself). */
  require(): ActiveSession;
  /** Sign in; on success the new session replaces (and closes) the previous one. */
  signIn(target: SignInTarget, signal: AbortSignal): Promise<SessionSummary>;
  /** Close the session; false when there was none. */
  signOut(): Promise<boolean>;
  /** End this session because the service no longer accepts it (if it is still the current one). */
  end(session: ActiveSession): Promise<void>;
};

const SESSION_ENDED = new ConsoleFailure({ ...NOT_SIGNED_IN_ERROR, title: 'Your session has ended', message: 'Your session has ended, sign in again.' });

/** What else lives as long as a session: told when one becomes current and when one closes. */
export type SessionLifecycle = {
  readonly opened?: ((session: ActiveSession) => void) | undefined;
  readonly closed?: ((session: ActiveSession) => void) | undefined;
};

/**
 * Create the state; `now` decides when a session has expired (its token's `expiresAt`).
 *
 * A failed sign-in leaves the current session as it was: only a successful one replaces it.
 * `lifecycle` hears each session that becomes current and each that closes (live changes
 * follow the feed through the current session's client only).
 */
export function createSessionState(dependencies: ConsoleDependencies, now: () => Date = () => new Date(), lifecycle: SessionLifecycle = {}): SessionState {
  let active: ActiveSession | undefined;
  let endedByItself = false;

  const close = async (session: ActiveSession, byItself: boolean): Promise<void> => {
    if (active === session) {
      active = undefined;
      endedByItself = byItself;
    }
    lifecycle.closed?.(session);
    await session.close();
  };
  const current = (): ActiveSession | undefined => {
    if (active !== undefined && Date.parse(active.summary.expiresAt) <= now().getTime()) {
      void close(active, true);
    }
    return active;
  };

  return {
    current,
    require() {
      const session = current();
      if (session === undefined) throw endedByItself ? SESSION_ENDED : new ConsoleFailure(NOT_SIGNED_IN_ERROR);
      return session;
    },
    async signIn(request, signal) {
      const opened = await openSession(dependencies, request, signal);
      if (signal.aborted) {
        await opened.close();
        throw new ConsoleFailure(CANCELLED_ERROR);
      }
      const previous = active;
      active = opened;
      endedByItself = false;
      lifecycle.opened?.(opened);
      if (previous !== undefined) {
        lifecycle.closed?.(previous);
        await previous.close();
      }
      return opened.summary;
    },
    async signOut() {
      const session = active;
      endedByItself = false;
      if (session === undefined) return false;
      await close(session, false);
      return true;
    },
    end: (session) => close(session, true),
  };
}
