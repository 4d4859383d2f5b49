import type { ConfigStore } from './store/config-store.ts';

/** Lets go of idempotency claims whose request ended without storing a change. */
export type ClaimReleaser = {
  /** Release now, and keep trying in the background while the database cannot answer. */
  release(scope: string, key: string): void;
  /** Stop retrying (node shutdown); claims not yet released expire by themselves. */
  close(): void;
};

const RETRY_MS = 250;

/**
 * Release claims reliably: a request that failed because the database went away (a failover)
 * could not delete its claim, and a retry of the same key would be told "in progress" until the
 * claim expired. The release is retried until it lands or the claim has expired anyway.
 */
export function createClaimReleaser(store: ConfigStore, expirySeconds: number, log: (error: unknown) => void): ClaimReleaser {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const attempt = (scope: string, key: string, giveUpAt: number): void => {
    store.releaseIdempotencyKey(scope, key).catch((error: unknown) => {
      if (closed || Date.now() >= giveUpAt) {
        log(error);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        attempt(scope, key, giveUpAt);
      }, RETRY_MS);
      timer.unref();
      timers.add(timer);
    });
  };
  return {
    release: (scope, key) => {
      attempt(scope, key, Date.now() + expirySeconds * 1000);
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
