import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './testing/http.ts';
import { bulkUserSids } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

type Entry = { id: string; sid: string; role: string };
type Success = { kind: 'add' | 'remove'; baseVersion: number; entry: Entry };

const CLIENTS = 20;
const EDITS_PER_CLIENT = 50;

describe('concurrent conditional edits', () => {
  let service: TestService;
  let token: string;
  let pool: string[];

  beforeAll(async () => {
    service = await startTestService({ logging: { level: 'warn' } });
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    token = await service.signIn(upnOf('alice'));
    pool = await bulkUserSids(40);
  });
  afterAll(async () => {
    await service.dispose();
  });

  it(`loses no update and audits each of ${String(CLIENTS)}×${String(EDITS_PER_CLIENT)} edits exactly once`, async () => {
    const successes: Success[] = [];
    const statuses = new Map<number, number>();
    const client = async (seed: number) => {
      let random = seed;
      const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
      // One edit = one intended change, re-read and retried after a 412 like a real client.
      for (let edit = 0; edit < EDITS_PER_CLIENT; edit += 1) {
        const removing = next() < 0.4;
        const pick = next();
        for (let attempt = 0; attempt < 200; attempt += 1) {
          const read = await call(service.url, 'GET', '/v1/authorized-accounts', { token });
          const version = read.body.version as number;
          const entries = read.body.entries as Entry[];
          const target = entries[Math.floor(pick * entries.length)];
          const answer =
            removing && target
              ? await call(service.url, 'DELETE', `/v1/authorized-accounts/${target.id}`, { token, headers: { 'if-match': `"${String(version)}"` } })
              : await call(service.url, 'POST', '/v1/authorized-accounts', {
                  token,
                  body: { sid: pool[Math.floor(pick * pool.length)], name: 'bulk user', role: 'sharepoint' },
                  headers: { 'if-match': `"${String(version)}"` },
                });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status === 201) successes.push({ kind: 'add', baseVersion: version, entry: answer.body.entry as Entry });
          if (answer.status === 200) successes.push({ kind: 'remove', baseVersion: version, entry: answer.body.removed as Entry });
          if (answer.status !== 412) break;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_unused, index) => client(index + 1)));

    expect(
      [...statuses.keys()].every((status) => [200, 201, 404, 409, 412].includes(status)),
      JSON.stringify([...statuses]),
    ).toBe(true);
    const ordered = [...successes].sort((a, b) => a.baseVersion - b.baseVersion);
    expect(ordered.map((success) => success.baseVersion)).toEqual(ordered.map((_success, index) => index));
    const model = new Map<string, Entry>();
    for (const success of ordered) {
      if (success.kind === 'add') model.set(success.entry.id, success.entry);
      else expect(model.delete(success.entry.id)).toBe(true);
    }
    const final = await call(service.url, 'GET', '/v1/authorized-accounts', { token });
    const key = (entry: Entry) => `${entry.id} ${entry.sid} ${entry.role}`;
    expect({ version: final.body.version, entries: (final.body.entries as Entry[]).map(key).sort() }).toEqual({
      version: successes.length,
      entries: [...model.values()].map(key).sort(),
    });
    expect(new Set((final.body.entries as Entry[]).map((entry) => `${entry.sid} ${entry.role}`)).size).toBe(model.size);

    const audited: string[] = [];
    let before: number | null = null;
    do {
      const page = await call(service.url, 'GET', `/v1/audit?limit=500${before === null ? '' : `&before=${String(before)}`}`, { token });
      for (const record of page.body.records as { action: string; before: Entry | null; after: Entry | null }[]) {
        if (record.action === 'authorized-account.add' && record.after) audited.push(`add ${record.after.id}`);
        if (record.action === 'authorized-account.remove' && record.before) audited.push(`remove ${record.before.id}`);
      }
      before = page.body.nextBefore as number | null;
    } while (before !== null);
    expect(audited.sort()).toEqual(successes.map((success) => `${success.kind} ${success.entry.id}`).sort());
    console.info(
      `concurrency: ${String(successes.length)} of ${String(CLIENTS * EDITS_PER_CLIENT)} edits applied; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  });
});
