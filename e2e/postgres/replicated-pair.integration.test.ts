import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from './poll-until.ts';
import { startReplicatedPair } from './replicated-pair.ts';
import type { ReplicatedPair } from './replicated-pair.ts';

// Ports and a name of its own, so this check never collides with the high-availability suite
// (which uses the defaults: `ha`, 55433 and 55434) when both run at once on one machine.
const pairOptions = { name: 'pair-check', primaryPort: 55435, standbyPort: 55436 } as const;
const quiet = { max: 1, onnotice: () => undefined, connect_timeout: 5 } as const;

async function within<T>(milliseconds: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} did not finish within ${milliseconds} ms`));
    }, milliseconds);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function queryAt<T>(pair: ReplicatedPair, port: number, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres({ ...quiet, host: pair.host, port, database: pair.database, username: pair.user, password: pair.password });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

describe('e2e/postgres replicated pair', () => {
  let pair: ReplicatedPair | undefined;
  const log = (line: string) => {
    console.log(`[replicated-pair] ${line}`);
  };

  beforeAll(async () => {
    pair = await startReplicatedPair({ ...pairOptions, log });
  });

  afterAll(async () => {
    await pair?.destroy();
    await pair?.destroy();
  });

  it('keeps every acknowledged write when the primary crashes and the standby is promoted', async () => {
    if (pair === undefined) throw new Error('The pair did not start');
    const current = pair;
    await queryAt(current, current.primaryPort, async (sql) => {
      await sql`create table acknowledged (id integer primary key, note text not null)`;
      await sql`insert into acknowledged values (1, 'before the crash')`;
    });
    const readOnStandby = await pollUntil(
      () => queryAt(current, current.standbyPort, async (sql) => (await sql<{ note: string }[]>`select note from acknowledged where id = 1`)[0]?.note),
      { timeoutMs: 5_000, describeTimeout: () => Promise.resolve('The row never appeared on the hot standby') },
    );
    const beforeCrash = {
      readOnStandby,
      replication: await current.replicationStates(),
      recovering: [await current.isInRecovery(current.primaryPort), await current.isInRecovery(current.standbyPort)],
    };

    const crashed = Date.now();
    await current.stopPrimaryImmediately();
    await current.promoteStandby();
    const failoverMs = Date.now() - crashed;
    log(`stopPrimaryImmediately → promoted and writable: ${failoverMs} ms`);

    const sql = postgres(current.url, { ...quiet, password: current.password, target_session_attrs: 'primary' });
    try {
      const afterFailover = await within(
        10_000,
        (async () => {
          await sql`insert into acknowledged values (2, 'after the failover')`;
          const rows = await sql<{ id: number; note: string }[]>`select id, note from acknowledged order by id`;
          const [server] = await sql<{ port: number; recovering: boolean; names: string }[]>`
            select current_setting('port')::int as port, pg_is_in_recovery() as recovering, current_setting('synchronous_standby_names') as names`;
          return { rows: [...rows], server };
        })(),
        'A write on the promoted standby (through the multi-host URL)',
      );

      expect({ beforeCrash, afterFailover, standbyStillRecovering: await current.isInRecovery(current.standbyPort) }).toEqual({
        beforeCrash: {
          readOnStandby: 'before the crash',
          replication: [{ applicationName: 'standby1', state: 'streaming', syncState: 'sync' }],
          recovering: [false, true],
        },
        afterFailover: {
          rows: [
            { id: 1, note: 'before the crash' },
            { id: 2, note: 'after the failover' },
          ],
          server: { port: current.standbyPort, recovering: false, names: '' },
        },
        standbyStillRecovering: false,
      });
      expect(current.url).toBe('postgres://rmsconnector@127.0.0.1:55435,127.0.0.1:55436/rmsconnector?target_session_attrs=primary');
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
