import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { call } from '../server/testing/http.ts';
import { bulkUserSids } from '../server/testing/seed-sids.ts';
import { runServiceCli, serviceEnvironment, startServeProcess, type ServeProcess } from './testing/service-process.ts';

const WRITERS = 4;

describe('a node killed in the middle of a write load', () => {
  let directory: string;
  let env: Record<string, string>;
  const running: ServeProcess[] = [];

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'rmsadmin-crash-'));
    env = serviceEnvironment(join(directory, 'config.sqlite'), { CONNECTOR_NODE_NAME: 'RMSCON-CRASH' });
  });
  afterAll(() => {
    for (const serve of running) serve.child.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and reopens cleanly after SIGKILL', async () => {
    const granted = runServiceCli(['admins', 'add', '--user', 'alice@corp.contoso.test', '--role', 'ConnectorAdministrator'], env);
    expect(granted.status, granted.stderr).toBe(0);
    const pool = await bulkUserSids(WRITERS * 60, 100);

    const first = await startServeProcess(env);
    running.push(first);
    const signIn = await call(first.url, 'POST', '/v1/sign-in', {
      body: { environment: 'AzureCloud', username: 'alice@corp.contoso.test', password: SEED_PASSWORD },
    });
    const token = String(signIn.body.token);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (index: number) => {
      for (const sid of pool.slice(index * 60, index * 60 + 60)) {
        const key = randomUUID();
        for (let attempt = 0; attempt < 100 && !stop; attempt += 1) {
          try {
            const read = await call(first.url, 'GET', '/v1/authorized-accounts', { token });
            const answer = await call(first.url, 'POST', '/v1/authorized-accounts', {
              token,
              body: { sid, name: 'bulk user', role: 'sharepoint' },
              headers: { 'if-match': `"${String(read.body.version)}"`, 'idempotency-key': key },
            });
            if (answer.status === 201) {
              acknowledged.push((answer.body.entry as { id: string }).id);
              break;
            }
          } catch {
            return;
          }
        }
        if (stop) return;
      }
    };
    const load = Promise.all(Array.from({ length: WRITERS }, (_unused, index) => writer(index)));
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    stop = true;
    expect(await first.exited).toBe(null);
    await load;

    const second = await startServeProcess(env);
    running.push(second);
    const list = await call(second.url, 'GET', '/v1/authorized-accounts', { token });
    expect(list.status).toBe(200);
    const ids = new Set((list.body.entries as { id: string }[]).map((entry) => entry.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    expect(list.body.version).toBe(ids.size);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const database = new DatabaseSync(env.CONNECTOR_DATABASE ?? '');
    try {
      expect(database.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
      expect(database.prepare("SELECT count(*) AS count FROM audit WHERE action = 'authorized-account.add'").get()).toEqual({ count: ids.size });
    } finally {
      database.close();
    }
    console.info(`crash: ${String(acknowledged.length)} acknowledged writes before SIGKILL, ${String(ids.size)} stored after restart`);
  });
});
