import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolution } from '../../contract/directory.ts';
import type { ServerCheck, ServerList } from '../../contract/servers.ts';
import { withRealCore } from '../ipc/testing/real-core.ts';
import { createIpcDispatcher, type IpcDispatcher } from '../ipc/dispatcher.ts';
import { createMemoryProfileStore, EMPTY_PROFILE_DEFAULTS } from '../ipc/memory-profile-store.ts';
import { createDemoEnvironment } from './index.ts';

describe('createDemoEnvironment (built-in directory, no Samba)', () => {
  let folder: string;
  const consoleIn = (): IpcDispatcher =>
    createIpcDispatcher(
      withRealCore({ profiles: createMemoryProfileStore(EMPTY_PROFILE_DEFAULTS, { configured: false }), demo: createDemoEnvironment({ folder }) }),
    );
  const value = async (dispatcher: IpcDispatcher, channel: string, request: unknown): Promise<unknown> => {
    const answer = await dispatcher.dispatch(channel, request);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message} ${JSON.stringify(answer.error.details ?? [])}`);
    return answer.value;
  };
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-demo-unit-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('signs in through demo:start, adds Exchange Servers after the super-user warning, and finds it after a restart', async () => {
    const first = consoleIn();
    expect(await value(first, 'demo:start', { operationId: randomUUID() })).toMatchObject({ demo: true, admin: { roles: ['GlobalAdministrator'] } });
    expect(((await value(first, 'servers:list', {})) as ServerList).entries).toEqual([]);
    const [group] = (await value(first, 'directory:resolve-names', { names: ['Exchange Servers'], operationId: randomUUID() })) as Resolution[];
    if (group?.status !== 'resolved') throw new Error('Exchange Servers did not resolve in the demo directory');
    const checked = (await value(first, 'servers:check', { role: 'exchange', sid: group.object.sid, operationId: randomUUID() })) as ServerCheck;
    const warnings = checked.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code);
    expect(warnings).toContain('SUPER_USER_GRANT');
    await value(first, 'servers:add', {
      role: 'exchange',
      sid: group.object.sid,
      acknowledged: warnings,
      versionTag: checked.versionTag,
      operationId: randomUUID(),
    });
    await first.close();

    const second = consoleIn();
    await value(second, 'demo:start', { operationId: randomUUID() });
    expect(((await value(second, 'servers:list', {})) as ServerList).entries.map((entry) => [entry.sid, entry.role])).toEqual([[group.object.sid, 'exchange']]);
    await second.close();
  }, 120_000);
});
