import { Client } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { classifyLdapError } from './classify-ldap-error.ts';
import { connectDirectory } from './directory-service.ts';
import { createDiscoveryResolver } from './dns-resolver.ts';
import { adConnectOptions, adTestConnection } from './testing/ad-test-connection.ts';

const people = 'corp.contoso.test';

/**
 * Transport facts of a real DC, outside the directory contract (testing/directory-contract.ts):
 * StartTLS on 389, the server's own plaintext refusal, the standard GC port, DNS discovery.
 */
describe('connecting to the Samba domain controller (transport)', () => {
  it('binds with StartTLS on port 389', async () => {
    const directory = await connectDirectory(adConnectOptions({ url: 'ldap://127.0.0.1:389', transport: 'starttls' }));
    await directory.close();
    expect(directory.domain.netbiosDomain).toEqual('CORP');
  });

  it('binds to the Global Catalog on its standard port 3269', async () => {
    const directory = await connectDirectory(adConnectOptions({ url: 'ldaps://127.0.0.1', globalCatalog: true }));
    await directory.close();
    expect(directory.domain.netbiosDomain).toEqual('CORP');
  });

  it('refuses a name mismatch over StartTLS', async () => {
    await expect(
      connectDirectory(adConnectOptions({ url: 'ldap://127.0.0.1:389', transport: 'starttls', serverName: 'wrong.corp.contoso.test' })),
    ).rejects.toMatchObject({ code: 'CERT_NAME_MISMATCH' });
  });

  it('reports the server refusing a plaintext simple bind as strong authentication required', async () => {
    // Our layer never sends a password in clear; to prove the mapping of the DC's real answer,
    // this test binds in clear itself, with a throwaway password.
    const client = new Client({ url: 'ldap://127.0.0.1:389' });
    const error: unknown = await client.bind('bind.wrongpw@corp.contoso.test', 'throwaway-not-a-secret').catch((caught: unknown) => caught);
    await client.unbind();
    expect(classifyLdapError(error).code).toEqual('STRONG_AUTH_REQUIRED');
  });

  it("discovers the DC from the SRV records of the DC's own DNS when given only the domain", async () => {
    const { dnsServer } = adTestConnection();
    const resolver = createDiscoveryResolver(dnsServer === undefined ? [] : [dnsServer]);
    const directory = await connectDirectory(adConnectOptions({ url: undefined, domain: people, resolver }));
    await directory.close();
    expect([dnsServer, directory.serverName, directory.domain.netbiosDomain]).toEqual(['127.0.0.1', 'dc1.corp.contoso.test', 'CORP']);
  });

  it('refuses discovery for a domain DNS does not know', async () => {
    const resolver = createDiscoveryResolver([adTestConnection().dnsServer ?? '127.0.0.1']);
    await expect(connectDirectory(adConnectOptions({ url: undefined, domain: 'nowhere.contoso.test', resolver }))).rejects.toMatchObject({
      code: 'DNS_DISCOVERY_FAILED',
    });
  });
});
