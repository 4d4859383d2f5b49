import { request } from 'undici';
import { openEventReader, opened } from '../../connector/server/testing/event-reader.ts';
import type { AccountToAdd } from './load.ts';
import { percentile } from './statistics.ts';

/** How long after a writer had its answer a subscriber had the change's event: percentiles in ms. */
export type FeedDelay = {
  readonly changes: number;
  /** Event received minus the writer's answer received (negative: the event came first). */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** The writes' own latency, for scale. */
  readonly writeP50: number;
};

/**
 * Commit `changes` changes one after the other through `writeUrl` (add an account, remove it,
 * and so on, each with If-Match) while one subscriber follows `GET /v1/events` on `readUrl`,
 * and time each change from the writer's answer to the subscriber's event.
 *
 * Both ends run in this process, so their clocks are one; the nodes and the database share the
 * machine's cores with them. Fails when an event is missing or out of order: a wrong feed is
 * not a figure.
 */
export async function measureFeedDelay(writeUrl: string, readUrl: string, token: string, account: AccountToAdd, changes: number): Promise<FeedDelay> {
  const reader = opened(await openEventReader(readUrl, { token }));
  try {
    const ready = await reader.next();
    const list = await request(`${writeUrl}/v1/authorized-accounts`, { headers: { authorization: `Bearer ${token}` } });
    await list.body.dump();
    let etag = String(list.headers.etag);
    let entryId: string | undefined;
    const answered: number[] = [];
    const writes: number[] = [];
    for (let index = 0; index < changes; index += 1) {
      const started = performance.now();
      const answer =
        entryId === undefined
          ? await request(`${writeUrl}/v1/authorized-accounts`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': etag },
              body: JSON.stringify({ sid: account.sid, name: account.name, role: 'sharepoint' }),
            })
          : await request(`${writeUrl}/v1/authorized-accounts/${entryId}`, {
              method: 'DELETE',
              headers: { authorization: `Bearer ${token}`, 'if-match': etag },
            });
      const body = (await answer.body.json()) as { entry?: { id: string } };
      answered.push(performance.now());
      writes.push(performance.now() - started);
      if (answer.statusCode !== 201 && answer.statusCode !== 200) throw new Error(`A change through ${writeUrl} answered ${String(answer.statusCode)}.`);
      entryId = entryId === undefined ? body.entry?.id : undefined;
      etag = String(answer.headers.etag);
    }
    const events = [];
    for (let index = 0; index < changes; index += 1) events.push(await reader.next(10_000));
    const first = Number(ready.id) + 1;
    events.forEach((event, index) => {
      if (event.event !== 'change' || Number(event.id) !== first + index)
        throw new Error(`Event ${String(index)} is ${event.event} ${String(event.id)}, not change ${String(first + index)}.`);
    });
    const delays = Float64Array.from(events.map((event, index) => event.receivedAt - (answered[index] ?? 0))).sort();
    return {
      changes,
      p50: percentile(delays, 0.5),
      p99: percentile(delays, 0.99),
      max: delays.at(-1) ?? Number.NaN,
      writeP50: percentile(Float64Array.from(writes).sort(), 0.5),
    };
  } finally {
    reader.close();
  }
}
