import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../connector/server/testing/service-fixture.ts';
import { kerberosTestRealm } from '../../connector/server/testing/kerberos-test-realm.ts';
import { adTestConnection, SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { createLiveConsole, LIVE_CA_FILE_ID, TOKEN_PATTERN, type LiveConsole } from './testing/live-console.ts';

const realm = kerberosTestRealm();

/**
 * The console's Kerberos path through the real dispatcher: a ticket from the Samba KDC (kinit
 * into a private cache), the probe and the sign-in binding to the DC with it, and the node
 * accepting it with the keytab samba-tool exported. MIT krb5 reads KRB5CCNAME and KRB5_CONFIG
 * from the process environment at each call; Vitest runs this file in a process of its own.
 */
describe('signing in to the console with a Kerberos ticket', () => {
  let folder: string;
  let service: TestService;
  let live: LiveConsole;
  const location = () => {
    const connection = adTestConnection();
    return { mode: 'server' as const, serverUrl: connection.url, transport: 'ldaps' as const, caFileId: LIVE_CA_FILE_ID, serverName: connection.serverName };
  };
  const useCache = (name: string) => {
    process.env.KRB5CCNAME = `FILE:${path.join(folder, name)}`;
  };
  const kerberosSignIn = () => ({
    method: 'kerberos' as const,
    environment: 'AzureCloud' as const,
    serviceUrl: service.url,
    servicePrincipal: realm.httpServicePrincipal,
    directory: location(),
    operationId: crypto.randomUUID(),
  });

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-console-kerberos-'));
    process.env.KRB5_CONFIG = realm.krb5Config;
    process.env.KRB5RCACHEDIR = folder;
    for (const account of ['alice', 'bob']) await realm.kinit(account, SEED_PASSWORD, path.join(folder, account));
    service = await startTestService({ nodeName: 'RMSCON01', kerberos: { keytab: realm.keytab, servicePrincipal: realm.httpServicePrincipal } });
    await service.grant('alice', 'GlobalAdministrator');
    live = createLiveConsole(service);
  });
  afterAll(async () => {
    await live.dispatcher.close();
    await service.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('offers alice by her directory name when her ticket is in the cache', async () => {
    useCache('alice');
    expect(await live.call('session:probe-kerberos', { directory: location(), operationId: crypto.randomUUID() })).toEqual({
      ok: true,
      value: { available: true, account: 'CORP\\alice', displayName: expect.any(String), principal: `alice@${realm.realm}` },
    });
  });

  it('does not offer Kerberos without a ticket, saying why', async () => {
    useCache('nobody');
    expect(await live.call('session:probe-kerberos', { directory: location(), operationId: crypto.randomUUID() })).toEqual({
      ok: true,
      value: { available: false, code: 'KERBEROS_NO_TICKET', title: 'No Kerberos ticket', message: expect.stringContaining('kinit') },
    });
  });

  it('signs alice in to the service and the directory with her ticket, shown as CORP\\alice, with no secret in any answer or log', async () => {
    useCache('alice');
    const result = await live.call('session:sign-in', kerberosSignIn());
    expect(result).toMatchObject({ ok: true, value: { admin: { name: 'CORP\\alice', roles: ['GlobalAdministrator'] }, demo: false } });
    const resolved = await live.value('directory:resolve-names', { names: ['bob'], operationId: crypto.randomUUID() });
    expect(resolved).toMatchObject([{ status: 'resolved', object: { samAccountName: 'bob' } }]);
    expect(JSON.stringify([live.answers, live.lines])).not.toMatch(TOKEN_PATTERN);
    expect(JSON.stringify([live.answers, live.lines])).not.toContain(SEED_PASSWORD);
    await live.value('session:sign-out', {});
  });

  it('refuses bob, who holds no administrator role, with the same code as a password sign-in', async () => {
    useCache('bob');
    const result = await live.call('session:sign-in', kerberosSignIn());
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_ADMIN_ROLE', source: 'service' } });
  });

  it('shows a missing ticket on the sign-in path with its title', async () => {
    useCache('nobody');
    const result = await live.call('session:sign-in', kerberosSignIn());
    expect(result).toMatchObject({ ok: false, error: { code: 'KERBEROS_NO_TICKET', title: 'No Kerberos ticket' } });
  });
});
