import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../contract/audit.ts';
import type { Resolution } from '../../../contract/directory.ts';
import type { ServerCheck, ServerList } from '../../../contract/servers.ts';
import { adTestConnection } from '../../../core/directory/testing/ad-test-connection.ts';
import { withRealCore } from '../../ipc/testing/real-core.ts';
import { createIpcDispatcher, type IpcDispatcher } from '../../ipc/dispatcher.ts';
import { createMemoryProfileStore, EMPTY_PROFILE_DEFAULTS } from '../../ipc/memory-profile-store.ts';
import type { DemoEnvironment } from '../../ipc/console-ports.ts';
import type { DemoDirectoryHandle } from './demo-directory-port.ts';
import { createDemoEnvironmentWith } from './demo-environment.ts';

/**
 * The demo's orchestration (service over SQLite, the administrator granted, two nodes, HTTPS)
 * with the shared Samba DC standing in for the demo directory; closing it is a no-op.
 */
function sambaAsDemoDirectory(): DemoDirectoryHandle {
  const connection = adTestConnection();
  return {
    url: connection.url,
    caFile: connection.caFile,
    serverName: connection.serverName,
    baseDn: connection.baseDn,
    dnsDomainName: 'corp.contoso.test',
    netbiosDomain: connection.netbiosDomain,
    administrator: { user: connection.user, password: connection.password },
    close: () => Promise.resolve(),
  };
}

describe('the demo environment through the real dispatcher', () => {
  let folder: string;
  const lines: Record<string, unknown>[] = [];
  let directoryStarts = 0;
  const demoIn = () =>
    createDemoEnvironmentWith({
      folder,
      log: (line) => lines.push(line),
      startDirectory: () => {
        directoryStarts += 1;
        return Promise.resolve(sambaAsDemoDirectory());
      },
    });
  const consoleOf = (demo: DemoEnvironment): IpcDispatcher =>
    createIpcDispatcher(
      withRealCore({ profiles: createMemoryProfileStore(EMPTY_PROFILE_DEFAULTS, { configured: false }), demo, log: (line) => lines.push(line) }),
    );
  const value = async (dispatcher: IpcDispatcher, channel: string, request: unknown): Promise<unknown> => {
    const answer = await dispatcher.dispatch(channel, request);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
    return answer.value;
  };

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-demo-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('signs in, adds Exchange Servers after acknowledging the super-user warning, and keeps it across a restart', async () => {
    const demo = demoIn();
    const [started, again] = await Promise.all([demo.start(new AbortController().signal), demo.start(new AbortController().signal)]);
    expect([again.serviceUrl, directoryStarts]).toEqual([started.serviceUrl, 1]);
    const first = consoleOf(demo);
    const defaults = await value(first, 'console:get-defaults', {});
    expect(defaults).toMatchObject({ configured: false, demo: { available: true } });
    const summary = await value(first, 'demo:start', { operationId: randomUUID() });
    expect(summary).toMatchObject({ demo: true, serviceUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/), admin: { roles: ['GlobalAdministrator'] } });
    expect(((await value(first, 'servers:list', {})) as ServerList).entries).toEqual([]);

    const [group] = (await value(first, 'directory:resolve-names', { names: ['Exchange Servers'], operationId: randomUUID() })) as Resolution[];
    if (group?.status !== 'resolved') throw new Error('Exchange Servers did not resolve');
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
    const audit = (await value(first, 'audit:list', { limit: 10, action: 'authorized-account.add' })) as AuditPage;
    expect(audit.records).toHaveLength(1);
    await first.close();

    const second = consoleOf(demoIn());
    await value(second, 'demo:start', { operationId: randomUUID() });
    const list = (await value(second, 'servers:list', {})) as ServerList;
    expect(list.entries.map((entry) => [entry.sid, entry.role])).toEqual([[group.object.sid, 'exchange']]);
    await second.close();

    expect(lines.filter((line) => line.event === 'demo-started')).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain(adTestConnection().password);
  }, 120_000);
});
