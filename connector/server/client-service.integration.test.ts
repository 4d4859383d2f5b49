import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { startForwardProxy, type ForwardProxy } from '../../core/connector/testing/forward-proxy.ts';
import { createTestCertificates, type TestCertificates } from '../../core/connector/testing/test-certificates.ts';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { bulkUserSids } from './testing/seed-sids.ts';
import { startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'succeeded';
  } catch (error) {
    return error instanceof ConnectorError ? error.code : `not a ConnectorError: ${String(error)}`;
  }
}

describe('the console client against a real HTTPS node, through a web proxy', () => {
  let certificates: TestCertificates;
  let service: TestService;
  let proxy: ForwardProxy;
  let client: ConnectorClient;
  let sids: string[];

  beforeAll(async () => {
    certificates = createTestCertificates();
    const certFile = join(certificates.caFile, '..', 'service-cert.pem');
    const keyFile = join(certificates.caFile, '..', 'service-key.pem');
    writeFileSync(certFile, certificates.server.cert);
    writeFileSync(keyFile, certificates.server.key);
    service = await startTestService({ tls: { certFile, keyFile } });
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    proxy = await startForwardProxy();
    const url = new URL(service.url);
    url.hostname = 'localhost';
    client = createConnectorClient({ baseUrl: url.toString(), caFile: certificates.caFile, proxy: { url: proxy.url } });
    sids = await bulkUserSids(2, 300);
  });
  afterAll(async () => {
    await client.close();
    await proxy.close();
    await service.dispose();
    certificates.remove();
  });

  it('signs in, adds idempotently, removes and reads the audit, all through the proxy over HTTPS', async () => {
    const { token } = await client.signIn({ environment: 'AzureCloud', username: upnOf('alice'), password: SEED_PASSWORD });
    const signedIn = client.withToken(token);
    const { etag } = await signedIn.listAuthorizedAccounts();
    const key = randomUUID();
    const entry = { sid: sids[0] ?? '', name: 'CORP\\bulk.user.0301', role: 'sharepoint' as const };
    const added = await signedIn.addAuthorizedAccount(entry, { ifMatch: etag, idempotencyKey: key });
    const replayed = await signedIn.addAuthorizedAccount(entry, { ifMatch: etag, idempotencyKey: key });
    expect(replayed.result).toEqual(added.result);
    expect(await codeOf(signedIn.addAuthorizedAccount({ ...entry, sid: sids[1] ?? '' }, { ifMatch: etag }))).toBe('PRECONDITION_FAILED');
    const removed = await signedIn.removeAuthorizedAccount(added.result.entry.id, { ifMatch: added.etag });
    expect(removed.result.removed.id).toBe(added.result.entry.id);
    const audit = await signedIn.audit({ limit: 10 });
    expect(audit.records.map((record) => record.action).filter((action) => action.startsWith('authorized-account'))).toEqual([
      'authorized-account.remove',
      'authorized-account.add',
    ]);
    expect((await signedIn.listConnectors()).nodes).toEqual([expect.objectContaining({ name: 'RMSCON-TEST', tls: true, alive: true })]);
    expect(proxy.records.length).toBeGreaterThan(0);
    expect(proxy.records.every((record) => record.kind === 'tunnel')).toBe(true);
  });

  it('reads the verification page and the tenant URL', async () => {
    expect(await client.serverCertificationPage()).toContain('ServerCertificationWebService');
    expect(await client.rmsoUri()).toBe('https://0a1b2c3d-0000-4000-8000-000000000001.rms.na.aadrm.com');
  });

  it('maps the service refusals to their codes', async () => {
    expect(await codeOf(client.signIn({ environment: 'AzureCloud', username: upnOf('bob'), password: SEED_PASSWORD }))).toBe('NO_ADMIN_ROLE');
    expect(await codeOf(client.listAuthorizedAccounts())).toBe('UNAUTHENTICATED');
  });

  it('refuses the node certificate without the CA that issued it', async () => {
    const url = new URL(service.url);
    url.hostname = 'localhost';
    const untrusting = createConnectorClient({ baseUrl: url.toString(), proxy: 'none' });
    try {
      expect(await codeOf(untrusting.serverCertificationPage())).toBe('TLS_UNTRUSTED');
    } finally {
      await untrusting.close();
    }
  });
});
