import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyLdapError } from './classify-ldap-error.ts';
import { connectDirectory } from './directory-service.ts';
import { createDiscoveryResolver } from './dns-resolver.ts';
import { adConnectOptions, adTestConnection, SEED_PASSWORD } from './testing/ad-test-connection.ts';

const people = 'corp.contoso.test';

describe('connecting to the domain controller', () => {
  let silentServer: net.Server;
  let silentPort = 0;
  let foreignCaFile = '';

  beforeAll(async () => {
    silentServer = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    silentPort = (silentServer.address() as net.AddressInfo).port;
    const folder = mkdtempSync(join(tmpdir(), 'rmsadmin-ca-'));
    foreignCaFile = join(folder, 'foreign-ca.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Foreign Test CA', '-days', '1', '-keyout', join(folder, 'key.pem'), '-out', foreignCaFile], { stdio: 'ignore' });
  });

  afterAll(() => {
    silentServer.close();
  });

  it('binds over LDAPS with the DC CA and learns the domain', async () => {
    const directory = await connectDirectory(adConnectOptions());
    try {
      expect(directory.domain).toEqual(
        expect.objectContaining({
          defaultNamingContext: adTestConnection().baseDn,
          netbiosDomain: 'CORP',
          dnsDomainName: people,
          domainSid: expect.stringMatching(/^S-1-5-21-\d+-\d+-\d+$/),
          globalCatalogReady: true,
          supportedControls: expect.arrayContaining(['1.2.840.113556.1.4.319']),
        }),
      );
    } finally {
      await directory.close();
    }
  });

  it('binds with StartTLS on port 389', async () => {
    const directory = await connectDirectory(adConnectOptions({ url: 'ldap://127.0.0.1:389', transport: 'starttls' }));
    await directory.close();
    expect(directory.domain.netbiosDomain).toEqual('CORP');
  });

  it('binds to the Global Catalog on 3269', async () => {
    const directory = await connectDirectory(adConnectOptions({ url: 'ldaps://127.0.0.1', globalCatalog: true }));
    await directory.close();
    expect(directory.domain.netbiosDomain).toEqual('CORP');
  });

  it('accepts the DOMAIN\\user form of the bind account', async () => {
    const directory = await connectDirectory(adConnectOptions({ user: 'CORP\\bind.ok', password: SEED_PASSWORD }));
    await directory.close();
    expect(directory.domain.netbiosDomain).toEqual('CORP');
  });

  it.each([
    ['a wrong password', { user: 'bind.wrongpw@corp.contoso.test', password: 'not-the-password' }, 'INVALID_CREDENTIALS'],
    ['a locked-out account', { user: 'bind.locked@corp.contoso.test', password: SEED_PASSWORD }, 'ACCOUNT_LOCKED'],
    ['a disabled account', { user: 'bind.disabled@corp.contoso.test', password: SEED_PASSWORD }, 'ACCOUNT_DISABLED'],
    ['an empty password', { password: '' }, 'EMPTY_PASSWORD'],
    ['a plaintext URL without StartTLS', { url: 'ldap://127.0.0.1:389' }, 'PLAINTEXT_REFUSED'],
    ['a CA that did not issue the DC certificate', { caFile: 'FOREIGN_CA' }, 'CERT_UNTRUSTED'],
    ['no CA at all (self-signed DC CA)', { caFile: undefined }, 'CERT_UNTRUSTED'],
    ['a certificate name mismatch', { serverName: 'wrong.corp.contoso.test' }, 'CERT_NAME_MISMATCH'],
    ['a name mismatch over StartTLS', { url: 'ldap://127.0.0.1:389', transport: 'starttls' as const, serverName: 'wrong.corp.contoso.test' }, 'CERT_NAME_MISMATCH'],
    ['a closed port', { url: 'ldaps://127.0.0.1:1' }, 'UNREACHABLE'],
    ['a server that never answers', { url: 'ldaps://127.0.0.1:SILENT', timeoutMs: 1000 }, 'TIMEOUT'],
    ['a CA path that does not exist', { caFile: '/nonexistent/ca.pem' }, 'INVALID_INPUT'],
    ['StartTLS over ldaps://', { transport: 'starttls' as const }, 'INVALID_INPUT'],
  ])('refuses %s with a distinct code', async (_label, overrides, code) => {
    const resolved = {
      ...overrides,
      ...('caFile' in overrides && overrides.caFile === 'FOREIGN_CA' ? { caFile: foreignCaFile } : {}),
      ...('url' in overrides && overrides.url.includes('SILENT') ? { url: `ldaps://127.0.0.1:${silentPort}` } : {}),
    };
    await expect(connectDirectory(adConnectOptions(resolved))).rejects.toMatchObject({ code, message: expect.stringMatching(/\w+ \w+/) });
  });

  it('reports the server refusing a plaintext simple bind as strong authentication required', async () => {
    // Our layer never sends a password in clear; to prove the mapping of the DC's real answer,
    // this test binds in clear itself, with a throwaway password.
    const client = new Client({ url: 'ldap://127.0.0.1:389' });
    const error: unknown = await client.bind('bind.wrongpw@corp.contoso.test', 'throwaway-not-a-secret').catch((caught: unknown) => caught);
    await client.unbind();
    expect(classifyLdapError(error).code).toEqual('STRONG_AUTH_REQUIRED');
  });

  it('discovers the DC from the SRV records of the DC\'s own DNS when given only the domain', async () => {
    const { dnsServer } = adTestConnection();
    const resolver = createDiscoveryResolver(dnsServer === undefined ? [] : [dnsServer]);
    const directory = await connectDirectory(adConnectOptions({ url: undefined, domain: people, resolver }));
    await directory.close();
    expect([dnsServer, directory.serverName, directory.domain.netbiosDomain]).toEqual(['127.0.0.1', 'dc1.corp.contoso.test', 'CORP']);
  });

  it('refuses discovery for a domain DNS does not know', async () => {
    const resolver = createDiscoveryResolver([adTestConnection().dnsServer ?? '127.0.0.1']);
    await expect(connectDirectory(adConnectOptions({ url: undefined, domain: 'nowhere.contoso.test', resolver }))).rejects.toMatchObject({ code: 'DNS_DISCOVERY_FAILED' });
  });
});
