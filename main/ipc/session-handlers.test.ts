import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../core/connector/index.ts';
import { DirectoryError } from '../../core/directory/index.ts';
import { createCertificateAuthority } from '../../core/tls/issue-certificates.ts';
import { parseCaPem } from '../../core/tls/read-ca-file.ts';
import { createIpcDispatcher } from './dispatcher.ts';
import { createMemoryProfileStore } from './memory-profile-store.ts';
import { FAKE_PASSWORD, FAKE_TOKEN } from './testing/fake-connector.ts';
import { createTestConsole, signInRequest, TEST_DEFAULTS } from './testing/test-console.ts';

const SUMMARY = {
  environment: 'AzureCloud',
  serviceUrl: 'https://connector.contoso.test',
  admin: { name: 'CORP\\alice', sid: 'S-1-5-21-1-2-3-1105', roles: ['GlobalAdministrator'], account: 'CORP\\alice' },
  expiresAt: expect.any(String),
  directory: {
    serverName: 'dc1.corp.contoso.test',
    dnsDomainName: 'corp.contoso.test',
    netbiosDomain: 'CORP',
    defaultNamingContext: 'DC=corp,DC=contoso,DC=test',
    globalCatalogReady: true,
  },
  demo: false,
};

describe('session channels', () => {
  it('signs in with the service first, then connects the directory as the admin, and answers no secret', async () => {
    const harness = createTestConsole();
    const result = await harness.signIn();
    expect(result).toEqual({ ok: true, value: SUMMARY });
    expect(harness.connector.clientOptions).toEqual([{ baseUrl: 'https://connector.contoso.test', timeoutMs: 15_000, retries: 2, proxy: 'environment' }]);
    expect(harness.connectOptions).toEqual([
      {
        url: 'ldaps://dc1.corp.contoso.test',
        transport: 'ldaps',
        caFile: undefined,
        serverName: undefined,
        user: 'alice@corp.contoso.test',
        password: FAKE_PASSWORD,
      },
    ]);
    expect(harness.connector.calls.slice(0, 1)).toEqual(['signIn:alice@corp.contoso.test']);
    expect(JSON.stringify([result, harness.lines])).not.toMatch(new RegExp(`${FAKE_PASSWORD}|${FAKE_TOKEN}`));
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: SUMMARY });
  });

  it('binds with the bind account, discovers by domain, and trusts the CA file chosen with the picker', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'rmsadmin-session-ca-'));
    const caFile = path.join(folder, 'dc-ca.pem');
    const caPem = (await createCertificateAuthority({ commonName: 'Contoso DC Root CA' })).certPem;
    writeFileSync(caFile, caPem);
    const harness = createTestConsole({ chooseCaFile: () => Promise.resolve(caFile) });
    const choice = (await harness.dispatcher.dispatch('ca-file:choose', { purpose: 'directory' })) as {
      ok: true;
      value: { chosen: true; file: { id: string } };
    };
    const directory = {
      mode: 'domain' as const,
      domain: 'corp.contoso.test',
      transport: 'starttls' as const,
      caFileId: choice.value.file.id,
      serverName: 'dc1.corp.contoso.test',
      bindUser: 'svc-browse',
      bindPassword: 'Bind-Secret-9',
    };
    await harness.signIn({ directory });
    rmSync(folder, { recursive: true, force: true });
    expect(harness.connectOptions).toEqual([
      {
        domain: 'corp.contoso.test',
        transport: 'starttls',
        caFile: undefined,
        caPem: parseCaPem(caPem).pem,
        serverName: 'dc1.corp.contoso.test',
        user: 'svc-browse',
        password: 'Bind-Secret-9',
      },
    ]);
  });

  it('passes the service CA file of the settings to the client', async () => {
    const harness = createTestConsole();
    const profiles = createMemoryProfileStore(TEST_DEFAULTS);
    const dependencies = {
      profiles,
      serviceCaFile: '/etc/service-ca.pem',
      createConnectorClient: harness.connector.createClient,
      connectDirectory: () => Promise.reject(new DirectoryError('UNREACHABLE')),
    };
    await createIpcDispatcher(dependencies).dispatch('session:sign-in', signInRequest());
    expect(harness.connector.clientOptions[0]).toMatchObject({ caFile: '/etc/service-ca.pem' });
  });

  it('refuses a wrong password without touching the directory, and closes the client', async () => {
    const harness = createTestConsole();
    const result = await harness.signIn({ password: 'wrong-password' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_CREDENTIALS', source: 'service', title: 'Sign-in failed' }) });
    expect([harness.connectOptions, harness.connector.closedClients]).toEqual([[], 1]);
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
  });

  it("answers the directory's error when the directory refuses, and keeps nothing open", async () => {
    const harness = createTestConsole({ connect: () => Promise.reject(new DirectoryError('CERT_UNTRUSTED')) });
    const result = await harness.signIn();
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'CERT_UNTRUSTED', source: 'directory' }) });
    expect(harness.connector.closedClients).toBe(1);
  });

  it('replaces (and closes) the first session with a second sign-in', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    await harness.signIn({ username: 'bob@corp.contoso.test' });
    expect([harness.directories.map((directory) => directory.closed), harness.connector.closedClients]).toEqual([[true, false], 1]);
    expect(harness.connectOptions.map((options) => options.user)).toEqual(['alice@corp.contoso.test', 'bob@corp.contoso.test']);
  });

  it('keeps the current session when another sign-in fails', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    await harness.signIn({ password: 'wrong-password' });
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: SUMMARY });
  });

  it('signs out, closing the directory and the client, and says when there was nothing to sign out of', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    expect(await harness.dispatcher.dispatch('session:sign-out', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect([harness.directories[0]?.closed, harness.connector.closedClients]).toEqual([true, 1]);
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
    expect(await harness.dispatcher.dispatch('session:sign-out', {})).toEqual({ ok: true, value: { signedOut: false } });
    expect(await harness.dispatcher.dispatch('servers:list', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_SIGNED_IN', title: 'Not signed in' }),
    });
  });

  it('ends a session past its expiry and says so', async () => {
    let now = new Date();
    const harness = createTestConsole({ now: () => now });
    await harness.signIn();
    now = new Date(Date.parse(harness.connector.expiresAt) + 1000);
    expect(await harness.dispatcher.dispatch('servers:list', {})).toEqual({
      ok: false,
      error: { code: 'NOT_SIGNED_IN', source: 'console', title: 'Your session has ended', message: 'Your session has ended, sign in again.' },
    });
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
    expect(harness.directories[0]?.closed).toBe(true);
  });

  it('ends the session when the service says the token expired', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    harness.connector.overrides.listAuthorizedAccounts = () => Promise.reject(new ConnectorError('TOKEN_EXPIRED', 'The token expired.', { status: 401 }));
    expect(await harness.dispatcher.dispatch('servers:list', {})).toEqual({
      ok: false,
      error: { code: 'TOKEN_EXPIRED', source: 'service', title: 'Your session has ended', message: 'Your session has ended, sign in again.' },
    });
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
    expect(harness.directories[0]?.closed).toBe(true);
  });

  it('ends the session when the service says the account lost its role, and shows why', async () => {
    const harness = createTestConsole();
    await harness.signIn();
    const message = 'alice@corp.contoso.test no longer holds the GlobalAdministrator or ConnectorAdministrator role.';
    harness.connector.overrides.listAuthorizedAccounts = () => Promise.reject(new ConnectorError('ROLE_REVOKED', message, { status: 403 }));
    expect(await harness.dispatcher.dispatch('servers:list', {})).toEqual({
      ok: false,
      error: { code: 'ROLE_REVOKED', source: 'service', title: 'Your administrator role was removed', message },
    });
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
  });
});
