import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../../tls/issue-certificates.ts';
import { connectDirectory } from '../directory-service.ts';
import { SEED_PASSWORD, type DirectoryFixture } from './directory-fixture.ts';

/**
 * The connection part of the directory contract: binding, learning the domain, and every
 * refusal the console tells apart. StartTLS, the server's plaintext refusal and DNS discovery
 * are transport facts of a real DC and stay in the Samba-only connection tests.
 */
export function connectionContract(fixture: () => DirectoryFixture): void {
  describe('connecting to the domain controller', () => {
    let silentServer: net.Server;
    let silentPort = 0;
    let foreignCaFile = '';

    beforeAll(async () => {
      silentServer = net.createServer(() => undefined);
      await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
      silentPort = (silentServer.address() as net.AddressInfo).port;
      foreignCaFile = join(mkdtempSync(join(tmpdir(), 'rmsadmin-ca-')), 'foreign-ca.pem');
      writeFileSync(foreignCaFile, (await createCertificateAuthority({ commonName: 'Foreign Test CA' })).certPem);
    });

    afterAll(() => {
      silentServer.close();
    });

    it('binds over LDAPS with the DC CA and learns the domain', async () => {
      const directory = await connectDirectory(fixture().connectOptions());
      try {
        // Samba spells its host name in capitals (DC1.corp…), AD as registered: compare names case-insensitively.
        expect({ ...directory.domain, dnsHostName: directory.domain.dnsHostName.toLowerCase() }).toEqual(
          expect.objectContaining({
            defaultNamingContext: fixture().baseDn,
            configurationNamingContext: `CN=Configuration,${fixture().baseDn}`,
            netbiosDomain: 'CORP',
            dnsDomainName: 'corp.contoso.test',
            dnsHostName: 'dc1.corp.contoso.test',
            domainSid: expect.stringMatching(/^S-1-5-21-\d+-\d+-\d+$/),
            globalCatalogReady: true,
            supportedControls: expect.arrayContaining(['1.2.840.113556.1.4.319']),
          }),
        );
      } finally {
        await directory.close();
      }
    });

    it('binds to the Global Catalog', async () => {
      const directory = await connectDirectory(fixture().connectOptions({ url: fixture().globalCatalogUrl, globalCatalog: true }));
      await directory.close();
      expect(directory.domain.netbiosDomain).toEqual('CORP');
    });

    it.each([
      ['DOMAIN\\user', 'CORP\\bind.ok'],
      ['UPN', 'bind.ok@corp.contoso.test'],
    ])('accepts the %s form of a seeded bind account', async (_label, user) => {
      const directory = await connectDirectory(fixture().connectOptions({ user, password: SEED_PASSWORD }));
      await directory.close();
      expect(directory.domain.netbiosDomain).toEqual('CORP');
    });

    it.each([
      ['a wrong password', { user: 'bind.wrongpw@corp.contoso.test', password: 'not-the-password' }, 'INVALID_CREDENTIALS'],
      ['an unknown account', { user: 'nobody@corp.contoso.test', password: 'not-the-password' }, 'INVALID_CREDENTIALS'],
      ['a locked-out account', { user: 'bind.locked@corp.contoso.test', password: SEED_PASSWORD }, 'ACCOUNT_LOCKED'],
      ['a disabled account', { user: 'bind.disabled@corp.contoso.test', password: SEED_PASSWORD }, 'ACCOUNT_DISABLED'],
      ['an empty password', { password: '' }, 'EMPTY_PASSWORD'],
      ['a plaintext URL without StartTLS', { url: 'ldap://127.0.0.1:389' }, 'PLAINTEXT_REFUSED'],
      ['a CA that did not issue the DC certificate', { caFile: 'FOREIGN_CA' }, 'CERT_UNTRUSTED'],
      ['no CA at all (the DC CA is private)', { caFile: undefined }, 'CERT_UNTRUSTED'],
      ['a certificate name mismatch', { serverName: 'wrong.corp.contoso.test' }, 'CERT_NAME_MISMATCH'],
      ['a closed port', { url: 'ldaps://127.0.0.1:1' }, 'UNREACHABLE'],
      ['a server that never answers', { url: 'SILENT', timeoutMs: 1000 }, 'TIMEOUT'],
      ['a CA path that does not exist', { caFile: '/nonexistent/ca.pem' }, 'INVALID_INPUT'],
      ['StartTLS over ldaps://', { url: 'DC', transport: 'starttls' as const }, 'INVALID_INPUT'],
      ['a bind account with a zero width space', { user: 'alice\u200B@corp.contoso.test' }, 'INVALID_INPUT'],
    ])('refuses %s with a distinct code', async (_label, overrides, code) => {
      const resolved = {
        ...overrides,
        ...('caFile' in overrides && overrides.caFile === 'FOREIGN_CA' ? { caFile: foreignCaFile } : {}),
        ...('url' in overrides && overrides.url === 'SILENT' ? { url: `ldaps://127.0.0.1:${silentPort}` } : {}),
        ...('url' in overrides && overrides.url === 'DC' ? { url: fixture().url } : {}),
      };
      await expect(connectDirectory(fixture().connectOptions(resolved))).rejects.toMatchObject({ code, message: expect.stringMatching(/\w+ \w+/) });
    });
  });
}
