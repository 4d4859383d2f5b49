import { randomUUID } from 'node:crypto';
import type { ChangeListener, ChangeWatch } from '../config-store.ts';
import type { Pool } from './database.ts';
import { CHANGE_CHANNEL } from './changes.ts';

/** How often the listening connection proves it still hears the channel. */
const CHECK_MS = 5000;

/**
 * LISTEN for committed changes on the pool's dedicated connection, and keep listening.
 *
 * postgres.js listens again by itself when that connection drops, and calls `onlisten` each
 * time, when notifications may have been missed: the listener is then told "something may have
 * changed" with no number, and reads what did. If listening again fails (the database was still
 * down), postgres.js gives the channel up without a word; so every few seconds this node sends
 * itself a ping on the channel, and a ping that did not come back means listening anew.
 */
export async function watchPostgresChanges(pool: Pool, changed: ChangeListener): Promise<ChangeWatch> {
  const ping = `ping:${randomUUID()}`;
  let heard = true;
  let checking = false;
  let closed = false;
  let subscription: { unlisten(): Promise<void> } | undefined;
  const onNotification = (payload: string) => {
    if (payload === ping) heard = true;
    else if (!payload.startsWith('ping:')) changed(sequenceOf(payload));
  };
  const listen = async () => {
    subscription = await pool.listen(CHANGE_CHANNEL, onNotification, () => {
      changed(undefined);
    });
  };
  const check = async () => {
    if (checking || closed) return;
    checking = true;
    try {
      if (!heard) {
        const lost = subscription;
        subscription = undefined;
        await lost?.unlisten().catch(() => undefined);
        await listen();
      }
      heard = false;
      await pool`SELECT pg_notify(${CHANGE_CHANNEL}, ${ping})`;
    } catch {
      // The database is away: the next check listens again.
      heard = false;
    } finally {
      checking = false;
    }
  };
  await listen();
  const timer = setInterval(() => void check(), CHECK_MS);
  timer.unref();
  return {
    close: async () => {
      closed = true;
      clearInterval(timer);
      await subscription?.unlisten().catch(() => undefined);
    },
  };
}

function sequenceOf(payload: string): number | undefined {
  const sequence = Number(payload);
  return Number.isSafeInteger(sequence) && sequence > 0 ? sequence : undefined;
}
