import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { adLayout } from './ad-layout.ts';
import { kerberosEnvironment, kerberosFilesOf, kerberosRealm, kinit, runKerberosTool } from './kerberos-realm.ts';

describe('the test realm: the Samba KDC on loopback, with real tickets in private credential caches', () => {
  const layout = adLayout();
  let folder: string;
  const cache = (name: string) => path.join(folder, name);

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-krb5-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('gives a seeded user a ticket-granting ticket through kinit, into a cache of its own', async () => {
    await kinit(layout, 'alice', SEED_PASSWORD, cache('alice'));
    const listing = await runKerberosTool('klist', [], kerberosEnvironment(layout, cache('alice')));
    expect(listing).toContain(`Default principal: alice@${kerberosRealm.realm}`);
    expect(listing).toContain(`krbtgt/${kerberosRealm.realm}@${kerberosRealm.realm}`);
  });

  it('refuses a wrong password with the KDC’s reason', async () => {
    await expect(kinit(layout, 'bob', 'not-the-password', cache('bob'))).rejects.toThrow(/Password incorrect|Preauthentication failed/);
  });

  it('issues service tickets for the DC’s LDAP principal and the connector’s HTTP principal', async () => {
    await kinit(layout, 'alice', SEED_PASSWORD, cache('alice-services'));
    const env = kerberosEnvironment(layout, cache('alice-services'));
    const output = await runKerberosTool('kvno', [kerberosRealm.ldapServicePrincipal, kerberosRealm.httpServicePrincipal], env);
    expect(output).toMatch(new RegExp(`${kerberosRealm.ldapServicePrincipal}@${kerberosRealm.realm}: kvno = \\d+`));
    expect(output).toMatch(new RegExp(`${kerberosRealm.httpServicePrincipal}@${kerberosRealm.realm}: kvno = \\d+`));
  });

  it('exports the HTTP principal’s keytab with the key the KDC encrypts its tickets with', async () => {
    const { keytab } = kerberosFilesOf(layout);
    const entries = await runKerberosTool('klist', ['-k', keytab], kerberosEnvironment(layout, cache('none')));
    expect(entries).toContain(`${kerberosRealm.httpServicePrincipal}@${kerberosRealm.realm}`);
    await kinit(layout, 'alice', SEED_PASSWORD, cache('alice-keytab'));
    // kvno -k decrypts the service ticket with the keytab: what a node holding it will do.
    const verified = await runKerberosTool('kvno', ['-k', keytab, kerberosRealm.httpServicePrincipal], kerberosEnvironment(layout, cache('alice-keytab')));
    expect(verified).toMatch(/keytab entry valid/);
  });
});
