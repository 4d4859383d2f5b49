import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import type { AuditPage } from '../../contract/audit.ts';
import type { Resolution } from '../../contract/directory.ts';
import type { ImportFileChoice, ImportPreview } from '../../contract/list-import.ts';
import type { FindingCode } from '../../contract/policy.ts';
import type { ServerList } from '../../contract/servers.ts';
import { createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { createLiveConsole, liveSignInRequest, type LiveConsole } from './testing/live-console.ts';

describe('Import… through the console, against the real service and DC', () => {
  let service: TestService;
  let live: LiveConsole;
  let other: ConnectorClient;
  let folder: string;
  const sids: Record<string, string> = {};
  const sid = (name: string) => sids[name] ?? '';
  const list = async () => (await live.value('servers:list', {})) as ServerList;
  const keys = (entries: readonly { name?: string; label?: string; role: string }[]) =>
    entries.map((entry) => `${entry.label ?? entry.name ?? ''} ${entry.role}`).sort();
  const choose = async (name: string, text: string) => {
    const file = path.join(folder, name);
    await writeFile(file, text);
    live.nextListFile = file;
    return (await live.value('import:choose-file', {})) as ImportFileChoice;
  };
  const preview = async (fileId: string) => (await live.value('import:preview', { fileId, operationId: randomUUID() })) as ImportPreview;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-import-'));
    service = await startTestService({ nodeName: 'RMSCON01' });
    await service.grant('alice', 'GlobalAdministrator');
    live = createLiveConsole(service);
    await live.value('session:sign-in', liveSignInRequest(service));
    const names = ['CORP\\Exchange Servers', 'CORP\\FCI File Servers', 'CORP\\SharePoint Connector Accounts'];
    const resolved = (await live.value('directory:resolve-names', { names, operationId: randomUUID() })) as Resolution[];
    for (const resolution of resolved) if (resolution.status === 'resolved') sids[resolution.input] = resolution.object.sid;
    other = createConnectorClient({ baseUrl: service.url, token: await service.signIn(upnOf('alice')) });
    const seen = await other.listAuthorizedAccounts();
    await other.replaceAuthorizedAccounts(
      [
        { sid: sid('CORP\\FCI File Servers'), name: 'CORP\\FCI File Servers', role: 'fci' },
        { sid: sid('CORP\\SharePoint Connector Accounts'), name: 'CORP\\SharePoint Connector Accounts', role: 'sharepoint' },
      ],
      { ifMatch: seen.etag },
    );
  });
  afterAll(async () => {
    await other.close();
    await live.dispatcher.close();
    await service.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  const wantedJson = () =>
    JSON.stringify(
      [
        { sid: sid('CORP\\Exchange Servers'), name: 'CORP\\Exchange Servers', role: 'exchange' },
        { sid: sid('CORP\\FCI File Servers'), name: 'CORP\\FCI File Servers', role: 'fci' },
      ],
      null,
      2,
    );

  it('previews added, removed and unchanged entries with the findings of the add dialog', async () => {
    const chosen = await choose('servers.json', wantedJson());
    expect(chosen).toEqual({ status: 'read', fileId: expect.any(String), name: 'servers.json', format: 'json', entries: 2 });
    const previewed = await preview(chosen.status === 'read' ? chosen.fileId : '');
    expect({
      added: keys(previewed.added),
      removed: keys(previewed.removed),
      unchanged: keys(previewed.unchanged),
      warnings: previewed.added[0]?.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code),
      versionTag: previewed.versionTag,
    }).toEqual({
      added: ['CORP\\Exchange Servers exchange'],
      removed: ['CORP\\SharePoint Connector Accounts sharepoint'],
      unchanged: ['CORP\\FCI File Servers fci'],
      warnings: expect.arrayContaining(['SUPER_USER_GRANT']),
      versionTag: (await list()).versionTag,
    });
  });

  it('refuses an apply without the acknowledgements, then one judged against a list changed since, and changes nothing', async () => {
    const chosen = await choose('servers.json', wantedJson());
    const fileId = chosen.status === 'read' ? chosen.fileId : '';
    const previewed = await preview(fileId);
    const apply = (acknowledged: { sid: string; role: 'exchange'; codes: FindingCode[] }[]) =>
      live.call('import:apply', { fileId, versionTag: previewed.versionTag, acknowledged, operationId: randomUUID() });
    const before = await list();
    expect(await apply([])).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NEEDS_ACKNOWLEDGEMENT', details: expect.arrayContaining(['SUPER_USER_GRANT']) }),
    });
    expect((await list()).versionTag).toBe(before.versionTag);

    const exchangeWarnings = previewed.added[0]?.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code) ?? [];
    const fci = before.entries.find((entry) => entry.role === 'fci');
    await other.removeAuthorizedAccount(fci?.id ?? '', { ifMatch: before.versionTag });
    const changed = await list();
    expect(await apply([{ sid: sid('CORP\\Exchange Servers'), role: 'exchange', codes: exchangeWarnings }])).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'LIST_CHANGED', title: 'The list was changed by someone else' }),
    });
    expect(await list()).toEqual(changed);
  });

  it('applies the whole file as one audited change once previewed again and acknowledged', async () => {
    const chosen = await choose('servers.json', wantedJson());
    const fileId = chosen.status === 'read' ? chosen.fileId : '';
    const previewed = await preview(fileId);
    expect([previewed.added.length, previewed.removed.length, previewed.unchanged.length]).toEqual([2, 1, 0]);
    const acknowledged = previewed.added.map((row) => ({
      sid: row.sid,
      role: row.role,
      codes: row.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.code),
    }));
    const applied = await live.value('import:apply', { fileId, versionTag: previewed.versionTag, acknowledged, operationId: randomUUID() });
    expect(applied).toEqual({ version: previewed.version + 1, versionTag: expect.any(String), added: 2, removed: 1 });
    expect(keys((await list()).entries)).toEqual(['CORP\\Exchange Servers exchange', 'CORP\\FCI File Servers fci']);
    const audit = (await live.value('audit:list', { limit: 20 })) as AuditPage;
    expect(audit.records.some((record) => JSON.stringify(record).includes(sid('CORP\\Exchange Servers')))).toBe(true);
    expect(await live.call('import:apply', { fileId, versionTag: previewed.versionTag, acknowledged, operationId: randomUUID() })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'IMPORT_FILE_NOT_HELD' }),
    });
  });

  it('answers the lines of a malformed file and holds nothing', async () => {
    const text = `Account,Role,SID\r\nCORP\\Exchange Servers,Exchange Server,${sid('CORP\\Exchange Servers')}\r\nCORP\\x,Printer,S-1-5-21-1\r\nCORP\\y,fci,not-a-sid\r\n`;
    expect(await choose('broken.csv', text)).toEqual({
      status: 'refused',
      name: 'broken.csv',
      format: 'csv',
      moreIssues: 0,
      issues: [expect.objectContaining({ line: 3, field: 'role' }), expect.objectContaining({ line: 4, field: 'sid' })],
    });
  });

  it('answers a closed picker, refuses a folder, and refuses a file id it never gave', async () => {
    live.nextListFile = undefined;
    expect(await live.value('import:choose-file', {})).toEqual({ status: 'closed' });
    live.nextListFile = folder;
    expect(await live.call('import:choose-file', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_LIST_FILE', title: 'The file cannot be imported' }),
    });
    expect(await live.call('import:preview', { fileId: randomUUID(), operationId: randomUUID() })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'IMPORT_FILE_NOT_HELD' }),
    });
  });
});
