import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GSS_MECH_OID_SPNEGO, initializeClient, initializeServer } from 'kerberos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { adLayout } from './ad-layout.ts';
import { kerberosEnvironment, kerberosFilesOf, kerberosRealm, kinit } from './kerberos-realm.ts';

/** GSS host-based form of a service principal: `HTTP/host` → `HTTP@host`. */
function hostBased(principal: string): string {
  return principal.replace('/', '@');
}

/**
 * The `kerberos` package (N-API, built from source here against libkrb5-dev) against the test
 * realm: a real SPNEGO exchange between a client holding alice's ticket and a server holding the
 * HTTP principal's keytab, as a workstation and a connector node will do it.
 *
 * MIT Kerberos reads KRB5_CONFIG, KRB5CCNAME and KRB5_KTNAME from the environment of the process;
 * Vitest runs this file in a process of its own, so they are set for it alone.
 */
describe('GSS-API through the kerberos package, with real tickets from the Samba KDC', () => {
  const layout = adLayout();
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-gss-'));
    const cache = path.join(folder, 'alice');
    await kinit(layout, 'alice', SEED_PASSWORD, cache);
    const env = kerberosEnvironment(layout, cache);
    process.env['KRB5_CONFIG'] = env['KRB5_CONFIG'];
    process.env['KRB5CCNAME'] = env['KRB5CCNAME'];
    process.env['KRB5_KTNAME'] = `FILE:${kerberosFilesOf(layout).keytab}`;
    process.env['KRB5RCACHEDIR'] = folder;
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('authenticates alice to the HTTP principal with SPNEGO, mutually: the server names her, the client checks the server', async () => {
    const service = hostBased(kerberosRealm.httpServicePrincipal);
    const client = await initializeClient(service, { mechOID: GSS_MECH_OID_SPNEGO });
    const token = await client.step('');
    const server = await initializeServer(service);
    const answer = await server.step(token);
    await client.step(answer);
    expect({ user: server.username, serverDone: server.contextComplete, clientDone: client.contextComplete }).toEqual({
      user: `alice@${kerberosRealm.realm}`,
      serverDone: true,
      clientDone: true,
    });
  });

  it('refuses a token that is not one (garbage base64) with an error, not a crash', async () => {
    const server = await initializeServer(hostBased(kerberosRealm.httpServicePrincipal));
    const refusal = await server.step(Buffer.from('not a kerberos token').toString('base64')).then(
      () => 'accepted',
      (error: unknown) => String(error),
    );
    console.info(`garbage token: ${refusal}`);
    expect(refusal).not.toBe('accepted');
  });

  it('refuses a token replayed to the node', async () => {
    const service = hostBased(kerberosRealm.httpServicePrincipal);
    const token = await (await initializeClient(service, { mechOID: GSS_MECH_OID_SPNEGO })).step('');
    await (await initializeServer(service)).step(token);
    const refusal = await (await initializeServer(service)).step(token).then(
      () => 'accepted',
      (error: unknown) => String(error),
    );
    console.info(`replayed token: ${refusal}`);
    expect(refusal).toMatch(/replay/i);
  });

  it('gets a service ticket for the DC’s LDAP principal, named after the DC (what a Kerberos bind sends)', async () => {
    const client = await initializeClient(hostBased(kerberosRealm.ldapServicePrincipal));
    const token = await client.step('');
    expect(Buffer.from(token, 'base64').length).toBeGreaterThan(500);
  });
});
