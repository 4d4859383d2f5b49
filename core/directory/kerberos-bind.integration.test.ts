import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinitAs, krb5ConfigWithKdc, skewCredentialCache, testRealm, useKerberosEnvironment } from '../kerberos/testing/test-realm.ts';
import { adConnectOptions, adTestConnection, SEED_PASSWORD } from './testing/ad-test-connection.ts';
import { connectDirectory, kerberosIdentityOf, type Directory, type KerberosConnectOptions } from './index.ts';

/**
 * The directory as the holder of a real ticket from the Samba KDC: a SASL GSSAPI bind over LDAPS
 * and over StartTLS, every read done as that user, and each Kerberos failure produced for real.
 */
describe('Kerberos bind to the test DC', () => {
  let folder: string;
  const cache = (name: string): string => path.join(folder, name);

  function kerberosOptions(overrides: Partial<KerberosConnectOptions> = {}): KerberosConnectOptions {
    const connection = adTestConnection();
    return { kerberos: true, url: connection.url, caFile: connection.caFile, serverName: connection.serverName, ...overrides };
  }

  async function withDirectory<T>(options: KerberosConnectOptions, use: (directory: Directory) => Promise<T>): Promise<T> {
    const directory = await connectDirectory(options);
    try {
      return await use(directory);
    } finally {
      await directory.close();
    }
  }

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-kerberos-bind-'));
    await kinitAs('alice', SEED_PASSWORD, cache('alice'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['LDAPS', {}],
    ['StartTLS', { url: 'ldap://127.0.0.1:389', transport: 'starttls' as const }],
  ])('binds over %s as alice, with no account and no password given, and names her CORP\\alice', async (_transport, overrides) => {
    useKerberosEnvironment(cache('alice'));
    const identity = await withDirectory(kerberosOptions(overrides), (directory) => kerberosIdentityOf(directory));
    expect({ principal: identity.principal, account: identity.account, upn: identity.userPrincipalName }).toEqual({
      principal: `alice@${testRealm().realm}`,
      account: 'CORP\\alice',
      upn: 'alice@corp.contoso.test',
    });
  });

  it('resolves, searches and expands transitive members as alice', async () => {
    useKerberosEnvironment(cache('alice'));
    await withDirectory(kerberosOptions(), async (directory) => {
      const [resolution] = await directory.resolveNames(['CORP\\Exchange Servers']);
      expect(resolution?.status).toBe('resolved');
      if (resolution?.status !== 'resolved') return;
      const members = await directory.transitiveMembers(resolution.object);
      expect(members.length).toBeGreaterThan(0);
      const found: string[] = [];
      for await (const page of directory.search({ text: 'Exchange' })) found.push(...page.map((object) => object.name));
      expect(found).toContain('Exchange Servers');
    });
  });

  it('is seen by the DC as alice, not as the bind account: the token the DC built for the session is hers', async () => {
    useKerberosEnvironment(cache('alice'));
    const administrator = await connectDirectory(adConnectOptions());
    try {
      const [alice] = await administrator.resolveNames(['CORP\\alice']);
      if (alice?.status !== 'resolved') throw new Error('alice is not in the test directory');
      const aliceGroups = await administrator.tokenGroupSids(alice.object);
      const administratorSession = await administrator.sessionTokenGroupSids();
      const kerberosSession = await withDirectory(kerberosOptions(), (directory) => directory.sessionTokenGroupSids());
      // The root DSE's tokenGroups is the session's whole token: the user's own SID, her groups and
      // the well-known SIDs of a network logon.
      expect(kerberosSession).toContain(alice.object.sid);
      expect(kerberosSession).toEqual(expect.arrayContaining(aliceGroups));
      expect(kerberosSession.some((sid) => sid.endsWith('-500') || sid.endsWith('-512'))).toBe(false);
      expect(administratorSession.some((sid) => sid.endsWith('-500'))).toBe(true);
      expect(administratorSession).not.toContain(alice.object.sid);
    } finally {
      await administrator.close();
    }
  });

  it('refuses to derive the service principal from an IP address when no DC name is given', async () => {
    useKerberosEnvironment(cache('alice'));
    // The certificate then cannot be checked against a name either; the failure names the cause.
    await expect(connectDirectory(kerberosOptions({ serverName: undefined }))).rejects.toMatchObject({
      code: expect.stringMatching(/^(KERBEROS_NO_SUCH_PRINCIPAL|CERT_NAME_MISMATCH)$/),
    });
  });

  it('KERBEROS_NO_TICKET without a credential cache, with what to do', async () => {
    useKerberosEnvironment(cache('nobody'));
    await expect(connectDirectory(kerberosOptions())).rejects.toMatchObject({ code: 'KERBEROS_NO_TICKET', message: expect.stringContaining('kinit') });
  });

  it('KERBEROS_TICKET_EXPIRED when the ticket has run out (a 3-second lifetime)', async () => {
    await kinitAs('alice', SEED_PASSWORD, cache('short'), { lifetime: '3s' });
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    useKerberosEnvironment(cache('short'));
    await expect(connectDirectory(kerberosOptions())).rejects.toMatchObject({ code: 'KERBEROS_TICKET_EXPIRED' });
  });

  it('KERBEROS_CLOCK_SKEW when this computer’s clock is an hour off the KDC’s', async () => {
    await kinitAs('alice', SEED_PASSWORD, cache('skewed'));
    await skewCredentialCache(cache('skewed'), 3600);
    useKerberosEnvironment(cache('skewed'));
    await expect(connectDirectory(kerberosOptions())).rejects.toMatchObject({ code: 'KERBEROS_CLOCK_SKEW', message: expect.stringContaining('w32tm') });
  });

  it('KERBEROS_KDC_UNREACHABLE when no KDC answers (the realm’s KDC moved to a closed port)', async () => {
    await kinitAs('alice', SEED_PASSWORD, cache('tgt-only'));
    const config = await krb5ConfigWithKdc('127.0.0.1:9', path.join(folder, 'krb5-no-kdc.conf'));
    useKerberosEnvironment(cache('tgt-only'), { KRB5_CONFIG: config });
    await expect(connectDirectory(kerberosOptions())).rejects.toMatchObject({ code: 'KERBEROS_KDC_UNREACHABLE' });
  });

  it('KERBEROS_NO_SUCH_PRINCIPAL, with the setspn command, for a DC name no account holds', async () => {
    useKerberosEnvironment(cache('alice'));
    // The certificate names DC1 only: the handshake itself refuses any other name, so the
    // principal lookup is exercised by asking for the ticket the bind would ask for.
    const { currentTicketOwner } = await import('../kerberos/index.ts');
    await expect(currentTicketOwner('ldap/dc9.corp.contoso.test')).rejects.toMatchObject({
      code: 'KERBEROS_NO_SUCH_PRINCIPAL',
      message: expect.stringContaining('setspn -S ldap/dc9.corp.contoso.test'),
    });
  });
});
