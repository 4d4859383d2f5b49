import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import type { AddServerResult, AddServersResult, ServerCheck, ServerList, ServerListCsv } from '../../contract/servers.ts';
import type { AuditPage } from '../../contract/audit.ts';
import type { EffectiveSuperUsers } from '../../contract/review.ts';
import type { Resolution } from '../../contract/directory.ts';
import { createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { createLiveConsole, liveSignInRequest, TOKEN_PATTERN, type LiveConsole } from './testing/live-console.ts';

describe('the servers list through the console, against the real service and DC', () => {
  let service: TestService;
  let live: LiveConsole;
  let other: ConnectorClient;
  const sids: Record<string, string> = {};
  const list = async () => (await live.value('servers:list', {})) as ServerList;
  const check = async (role: 'exchange' | 'sharepoint' | 'fci', sid: string) =>
    (await live.value('servers:check', { role, sid, operationId: randomUUID() })) as ServerCheck;
  const warningsOf = (checked: ServerCheck) => checked.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code);

  beforeAll(async () => {
    service = await startTestService({ nodeName: 'RMSCON01' });
    await service.grant('alice', 'GlobalAdministrator');
    live = createLiveConsole(service);
    await live.value('session:sign-in', liveSignInRequest(service));
    const names = ['CORP\\Exchange Servers', 'CORP\\alice', 'CORP\\FCI File Servers', 'CORP\\SharePoint Connector Accounts'];
    const resolved = (await live.value('directory:resolve-names', { names, operationId: randomUUID() })) as Resolution[];
    for (const resolution of resolved) if (resolution.status === 'resolved') sids[resolution.input] = resolution.object.sid;
    other = createConnectorClient({ baseUrl: service.url, token: await service.signIn(upnOf('alice')) });
  });
  afterAll(async () => {
    await other.close();
    await live.dispatcher.close();
    await service.dispose();
  });

  it('starts from the empty live list with its version tag', async () => {
    expect(await list()).toEqual({ version: expect.any(Number), versionTag: expect.stringMatching(/^".+"$/), entries: [], accounts: [] });
  });

  it('checks the Exchange Servers group for Exchange: the super-user grant is a warning', async () => {
    const checked = await check('exchange', sids['CORP\\Exchange Servers'] ?? '');
    expect(checked.object).toEqual({
      sid: sids['CORP\\Exchange Servers'],
      label: 'CORP\\Exchange Servers',
      kind: 'group',
      inFolder: expect.stringContaining('corp.contoso.test'),
    });
    expect(warningsOf(checked)).toContain('SUPER_USER_GRANT');
    expect(checked.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('saves the group only once every warning is acknowledged, and the audit log shows the add', async () => {
    const sid = sids['CORP\\Exchange Servers'] ?? '';
    const checked = await check('exchange', sid);
    const unacknowledged = await live.call('servers:add', {
      role: 'exchange',
      sid,
      acknowledged: [],
      versionTag: checked.versionTag,
      operationId: randomUUID(),
    });
    expect(unacknowledged).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NEEDS_ACKNOWLEDGEMENT', source: 'console', details: warningsOf(checked) }),
    });
    const added = (await live.value('servers:add', {
      role: 'exchange',
      sid,
      acknowledged: warningsOf(checked),
      versionTag: checked.versionTag,
      operationId: randomUUID(),
    })) as AddServerResult;
    expect(added).toMatchObject({ entry: { sid, name: 'CORP\\Exchange Servers', role: 'exchange', kind: 'group' }, superUserFeatureEnabled: true });
    expect(added.versionTag).not.toBe(checked.versionTag);
    expect((await list()).entries.map((entry) => entry.name)).toEqual(['CORP\\Exchange Servers']);
    const audit = (await live.value('audit:list', { limit: 20, action: 'authorized-account.add' })) as AuditPage;
    expect(audit.records.some((record) => JSON.stringify(record).includes(sid))).toBe(true);
  });

  it('lists the effective super users and reviews the live list', async () => {
    const superUsers = (await live.value('review:super-users', { operationId: randomUUID() })) as EffectiveSuperUsers;
    expect(superUsers.superUsers.map((user) => user.account.samAccountName)).toEqual(expect.arrayContaining(['EXCH01$', 'svc-exchange-helper']));
    expect(await live.call('review:list', { operationId: randomUUID() })).toEqual({
      ok: true,
      value: { findings: expect.any(Array), entries: 1, listVersion: superUsers.listVersion },
    });
  });

  it('blocks a user account for Exchange with an error finding', async () => {
    const sid = sids['CORP\\alice'] ?? '';
    const checked = await check('exchange', sid);
    expect(checked.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code)).toEqual(['EXCHANGE_REQUIRES_SECURITY_GROUP']);
    const result = await live.call('servers:add', {
      role: 'exchange',
      sid,
      acknowledged: warningsOf(checked),
      versionTag: checked.versionTag,
      operationId: randomUUID(),
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BLOCKED_BY_FINDINGS', details: ['EXCHANGE_REQUIRES_SECURITY_GROUP'] }) });
  });

  it('refuses a save and a removal judged against a list someone else changed since', async () => {
    const fci = sids['CORP\\FCI File Servers'] ?? '';
    const sharePoint = sids['CORP\\SharePoint Connector Accounts'] ?? '';
    const checked = await check('sharepoint', sharePoint);
    const seen = await list();
    await other.addAuthorizedAccount({ sid: fci, name: 'CORP\\FCI File Servers', role: 'fci' }, { ifMatch: seen.versionTag });
    const save = await live.call('servers:add', {
      role: 'sharepoint',
      sid: sharePoint,
      acknowledged: warningsOf(checked),
      versionTag: checked.versionTag,
      operationId: randomUUID(),
    });
    const removal = await live.call('servers:remove', { id: seen.entries[0]?.id ?? '', versionTag: seen.versionTag });
    const listChanged = {
      ok: false,
      error: {
        code: 'LIST_CHANGED',
        source: 'console',
        title: 'The list was changed by someone else',
        message: 'The list was changed by someone else. Reload it, check your change against the new list, then save again.',
      },
    };
    expect([save, removal]).toEqual([listChanged, listChanged]);
    expect((await list()).entries.map((entry) => entry.role).sort()).toEqual(['exchange', 'fci']);
  });

  it('exports the list as CSV', async () => {
    const exported = (await live.value('servers:export-csv', {})) as ServerListCsv;
    const lines = exported.csv.split('\r\n');
    expect([exported.fileName, exported.entries, lines[0], lines.length]).toEqual([
      'servers-allowed-to-utilize-the-connector.csv',
      2,
      'Account,Role,Object type,SID,Added by,Added on',
      4,
    ]);
    expect(lines.slice(1, 3).sort()).toEqual([
      expect.stringMatching(/^CORP\\Exchange Servers,Exchange Server,Group,S-1-5-21-/),
      expect.stringMatching(/^CORP\\FCI File Servers,File server using FCI,Group,S-1-5-21-/),
    ]);
  });

  it('adds several accounts in one audited change, or none of them when one is refused or the list moved', async () => {
    const before = await list();
    const [exch01] = (await live.value('directory:resolve-names', { names: ['CORP\\EXCH01$'], operationId: randomUUID() })) as Resolution[];
    const exch01Sid = exch01?.status === 'resolved' ? exch01.object.sid : '';
    const alice = sids['CORP\\alice'] ?? '';
    const sharePoint = sids['CORP\\SharePoint Connector Accounts'] ?? '';
    const blocked = await live.call('servers:add-several', {
      role: 'fci',
      accounts: [
        { sid: exch01Sid, acknowledged: warningsOf(await check('fci', exch01Sid)) },
        { sid: alice, acknowledged: [] },
      ],
      versionTag: before.versionTag,
      operationId: randomUUID(),
    });
    expect(blocked).toEqual({ ok: false, error: expect.objectContaining({ code: 'BLOCKED_BY_FINDINGS', details: ['FCI_REQUIRES_COMPUTER_ACCOUNTS'] }) });
    expect((await list()).version).toBe(before.version);

    const accounts = [
      { sid: sharePoint, acknowledged: warningsOf(await check('sharepoint', sharePoint)) },
      { sid: alice, acknowledged: warningsOf(await check('sharepoint', alice)) },
    ];
    const added = (await live.value('servers:add-several', {
      role: 'sharepoint',
      accounts,
      versionTag: before.versionTag,
      operationId: randomUUID(),
    })) as AddServersResult;
    expect(added.added.map((entry) => `${entry.name} ${entry.role}`).sort()).toEqual([
      'CORP\\SharePoint Connector Accounts sharepoint',
      'CORP\\alice sharepoint',
    ]);
    const after = await list();
    expect([after.version, after.entries.length]).toEqual([added.version, before.entries.length + 2]);
    const audit = (await live.value('audit:list', { limit: 50, action: 'authorized-account.add' })) as AuditPage;
    for (const { sid } of accounts) expect(audit.records.some((record) => JSON.stringify(record).includes(sid))).toBe(true);

    const stale = await live.call('servers:add-several', {
      role: 'fci',
      accounts: [{ sid: exch01Sid, acknowledged: warningsOf(await check('fci', exch01Sid)) }],
      versionTag: before.versionTag,
      operationId: randomUUID(),
    });
    expect(stale).toEqual({ ok: false, error: expect.objectContaining({ code: 'LIST_CHANGED' }) });
    expect((await list()).version).toBe(added.version);
  });

  it('removes every entry with the current version, then refuses an id that is gone', async () => {
    let current = await list();
    for (const entry of current.entries) {
      const removed = await live.call('servers:remove', { id: entry.id, versionTag: current.versionTag });
      expect(removed).toEqual({ ok: true, value: { removed: entry, version: expect.any(Number), versionTag: expect.any(String) } });
      current = await list();
    }
    expect(current.entries).toEqual([]);
    expect(await live.call('servers:remove', { id: randomUUID(), versionTag: current.versionTag })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND', source: 'service' }),
    });
  });

  it('never puts a password or a token in an answer or a log line', () => {
    const everything = JSON.stringify([live.answers, live.lines]);
    expect([everything.includes(SEED_PASSWORD), TOKEN_PATTERN.test(everything)]).toEqual([false, false]);
  });
});
