import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Attribute } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adAdminClient, CONTOSO_OU, SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { ConnectorError, createConnectorClient, type ConnectorClient } from '../../core/connector/index.ts';
import { startGssClient } from '../../core/kerberos/index.ts';
import { call } from './testing/http.ts';
import { kerberosTestRealm } from './testing/kerberos-test-realm.ts';
import { FIXTURE_CONTEXT, startTestService, upnOf, type TestService } from './testing/service-fixture.ts';
import { seedSid } from './testing/seed-sids.ts';

const realm = kerberosTestRealm();
const NEGOTIATE_PATH = '/v1/sign-in/negotiate';
const body = { environment: 'AzureCloud' };

/**
 * Negotiate sign-in against the Samba KDC with real tickets: `kinit` into private credential
 * caches, the node accepting with the keytab samba-tool exported, the client checking the
 * node's answer. MIT Kerberos reads KRB5_CONFIG, KRB5CCNAME, KRB5_KTNAME and KRB5RCACHEDIR
 * from the process environment; Vitest runs this file in a process of its own.
 */
describe('Kerberos (Negotiate) sign-in', () => {
  let folder: string;
  let service: TestService;
  let client: ConnectorClient;
  const cacheOf = (account: string) => path.join(folder, `${account}.ccache`);
  const useCache = (account: string) => {
    process.env.KRB5CCNAME = `FILE:${cacheOf(account)}`;
  };
  /** A raw SPNEGO token of the current cache's user for `principal`. */
  const tokenFor = async (principal = realm.httpServicePrincipal) =>
    (await (await startGssClient(principal, { mutual: true, spnego: true })).step(Buffer.alloc(0))).toString('base64');
  const negotiate = (url: string, authorization: string | undefined) =>
    call(url, 'POST', NEGOTIATE_PATH, { body, ...(authorization === undefined ? {} : { headers: { authorization } }) });
  const signInAs = async (account: string, target: ConnectorClient = client) => {
    useCache(account);
    return target.signInWithKerberos({ environment: 'AzureCloud', servicePrincipal: realm.httpServicePrincipal });
  };
  const failureOf = async (work: Promise<unknown>) =>
    work.then(
      () => 'signed in',
      (error: unknown) => (error instanceof ConnectorError ? { code: error.code, status: error.status } : error),
    );

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-negotiate-'));
    process.env.KRB5_CONFIG = realm.krb5Config;
    process.env.KRB5RCACHEDIR = folder;
    delete process.env.KRB5_KTNAME;
    for (const account of ['alice', 'bob', 'deep.user']) await realm.kinit(account, SEED_PASSWORD, cacheOf(account));
    service = await startTestService({ kerberos: { keytab: realm.keytab, servicePrincipal: realm.httpServicePrincipal } });
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    await service.grant('CORP\\Nest Level 1', 'GlobalAdministrator', 'group');
    client = createConnectorClient({ baseUrl: service.url });
  });
  afterAll(async () => {
    await client.close();
    await service.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('signs in an admin with her ticket: the session names her with the role assignment', async () => {
    const signedIn = await signInAs('alice');
    const session = await client.withToken(signedIn.token).session();
    expect(session).toEqual({
      name: upnOf('alice'),
      sid: await seedSid(upnOf('alice')),
      roles: ['ConnectorAdministrator'],
      environment: 'AzureCloud',
      expiresAt: signedIn.expiresAt,
    });
  });

  it('finds the role through the token groups (Nest Level 1 ⊃ … ⊃ deep.user)', async () => {
    const session = await client.withToken((await signInAs('deep.user')).token).session();
    expect(session.roles).toEqual(['GlobalAdministrator']);
  });

  it('refuses a non-admin with the same code and sentence as a password sign-in', async () => {
    const byPassword = await call(service.url, 'POST', '/v1/sign-in', { body: { ...body, username: upnOf('bob'), password: SEED_PASSWORD } });
    useCache('bob');
    const byTicket = await negotiate(service.url, `Negotiate ${await tokenFor()}`);
    expect({ status: byTicket.status, body: byTicket.body }).toEqual({ status: byPassword.status, body: byPassword.body });
    expect(byTicket.body.code).toBe('NO_ADMIN_ROLE');
  });

  it('applies onboarding control: a non-member is blocked, a member signs in', async () => {
    await service.store.setOnboardingControl({ sid: await seedSid('CORP\\Nest Level 1'), name: 'CORP\\Nest Level 1' }, FIXTURE_CONTEXT);
    try {
      expect(await failureOf(signInAs('alice'))).toEqual({ code: 'ONBOARDING_BLOCKED', status: 403 });
      expect((await signInAs('deep.user')).token).toEqual(expect.any(String));
    } finally {
      await service.store.setOnboardingControl(null, FIXTURE_CONTEXT);
    }
  });

  it('refuses a replayed token', async () => {
    useCache('alice');
    const token = await tokenFor();
    expect((await negotiate(service.url, `Negotiate ${token}`)).status).toBe(200);
    const replayed = await negotiate(service.url, `Negotiate ${token}`);
    expect({ status: replayed.status, code: replayed.body.code, challenge: replayed.headers.get('www-authenticate') }).toEqual({
      status: 401,
      code: 'KERBEROS_TOKEN_REFUSED',
      challenge: 'Negotiate',
    });
  });

  it('refuses a tampered token (bytes flipped inside the ticket)', async () => {
    useCache('alice');
    const token = Buffer.from(await tokenFor(), 'base64');
    for (let index = 200; index < 216; index += 1) token[index] = (token[index] ?? 0) ^ 0xff;
    const answer = await negotiate(service.url, `Negotiate ${token.toString('base64')}`);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'KERBEROS_TOKEN_REFUSED' });
  });

  it('refuses a ticket for another service principal (the DC’s LDAP service)', async () => {
    useCache('alice');
    const answer = await negotiate(service.url, `Negotiate ${await tokenFor(realm.ldapServicePrincipal)}`);
    expect({ status: answer.status, code: answer.body.code, challenge: answer.headers.get('www-authenticate') }).toEqual({
      status: 401,
      code: 'KERBEROS_WRONG_PRINCIPAL',
      challenge: 'Negotiate',
    });
  });

  it.each([
    ['no Authorization header', undefined, 'UNAUTHENTICATED'],
    ['another scheme', 'Basic YWxpY2U6cGFzc3dvcmQ=', 'UNAUTHENTICATED'],
    ['an empty token', 'Negotiate', 'KERBEROS_TOKEN_REFUSED'],
    ['text that is not base64', 'Negotiate not*base64!', 'KERBEROS_TOKEN_REFUSED'],
    ['base64 that is not a Kerberos token', `Negotiate ${Buffer.from('not a kerberos token at all').toString('base64')}`, 'KERBEROS_TOKEN_REFUSED'],
    ['a raw NTLM message', `Negotiate ${Buffer.concat([Buffer.from('NTLMSSP\0', 'latin1'), Buffer.alloc(32)]).toString('base64')}`, 'KERBEROS_TOKEN_REFUSED'],
    ['a token over 48,000 bytes', `Negotiate ${'A'.repeat(64_004)}`, 'KERBEROS_TOKEN_REFUSED'],
  ])('answers %s with 401 and the Negotiate challenge, and keeps serving', async (_label, authorization, code) => {
    const answer = await negotiate(service.url, authorization);
    expect({ status: answer.status, code: answer.body.code, challenge: answer.headers.get('www-authenticate') }).toEqual({
      status: 401,
      code,
      challenge: 'Negotiate',
    });
    expect((await call(service.url, 'GET', '/_wmcs/certification/servercertification.asmx')).status).toBe(200);
  });

  it('refuses another environment before reading the token', async () => {
    useCache('alice');
    const answer = await call(service.url, 'POST', NEGOTIATE_PATH, {
      body: { environment: 'AzureChinaCloud' },
      headers: { authorization: `Negotiate ${await tokenFor()}` },
    });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'WRONG_ENVIRONMENT' });
  });

  it('writes neither tokens nor tickets to its log', async () => {
    useCache('alice');
    const token = await tokenFor();
    await negotiate(service.url, `Negotiate ${token}`);
    const log = service.logLines.join('');
    expect(log).toContain('"method":"kerberos"');
    expect(log).not.toContain(token.slice(0, 40));
  });

  describe('mutual authentication', () => {
    let proxy: Server;
    let rewrite: (header: string | null) => string | null = (header) => header;
    let proxyClient: ConnectorClient;

    beforeAll(async () => {
      // A stand-in in front of the node that changes its WWW-Authenticate answer, as a node without the key would.
      proxy = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          void (async () => {
            const headers: Record<string, string> = { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' };
            const upstream = await fetch(`${service.url}${request.url ?? '/'}`, { method: request.method ?? 'GET', headers, body: Buffer.concat(chunks) });
            const answer = rewrite(upstream.headers.get('www-authenticate'));
            response.writeHead(upstream.status, { 'content-type': 'application/json', ...(answer === null ? {} : { 'www-authenticate': answer }) });
            response.end(await upstream.text());
          })();
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      proxyClient = createConnectorClient({ baseUrl: `http://127.0.0.1:${String((proxy.address() as AddressInfo).port)}` });
    });
    afterAll(async () => {
      await proxyClient.close();
      await new Promise((resolve) => proxy.close(resolve));
    });

    it('signs in through a faithful relay (the node’s answer checks out)', async () => {
      rewrite = (header) => header;
      expect((await signInAs('alice', proxyClient)).token).toEqual(expect.any(String));
    });

    it('refuses the sign-in when the answer token is missing', async () => {
      rewrite = () => null;
      expect(await failureOf(signInAs('alice', proxyClient))).toEqual({ code: 'KERBEROS_MUTUAL_AUTH_FAILED', status: undefined });
    });

    it('refuses the sign-in when the answer token belongs to another exchange', async () => {
      useCache('alice');
      const other = await negotiate(service.url, `Negotiate ${await tokenFor()}`);
      const otherAnswer = other.headers.get('www-authenticate');
      expect(otherAnswer).toMatch(/^Negotiate [A-Za-z0-9+/=]{20,}$/);
      rewrite = () => otherAnswer;
      expect(await failureOf(signInAs('alice', proxyClient))).toEqual({ code: 'KERBEROS_MUTUAL_AUTH_FAILED', status: undefined });
    });
  });

  it('answers KERBEROS_NOT_CONFIGURED on a node without a keytab', async () => {
    const plain = await startTestService({ nodeName: 'RMSCON-NOKEYTAB' });
    const plainClient = createConnectorClient({ baseUrl: plain.url });
    try {
      useCache('alice');
      const answer = await negotiate(plain.url, `Negotiate ${await tokenFor()}`);
      expect({ status: answer.status, code: answer.body.code, challenge: answer.headers.get('www-authenticate') }).toEqual({
        status: 401,
        code: 'KERBEROS_NOT_CONFIGURED',
        challenge: 'Negotiate',
      });
      expect(await failureOf(signInAs('alice', plainClient))).toEqual({ code: 'KERBEROS_NOT_CONFIGURED', status: 401 });
    } finally {
      await plainClient.close();
      await plain.dispose();
    }
  });

  it('answers KERBEROS_UNMAPPED_PRINCIPAL for a ticket whose account was deleted since', async () => {
    const admin = await adAdminClient();
    const ou = `OU=Kerberos Unmapped ${String(process.pid)},${CONTOSO_OU}`;
    const user = `krb-gone-${String(process.pid)}`;
    const dn = `CN=${user},${ou}`;
    try {
      await admin.add(ou, { objectClass: ['top', 'organizationalUnit'] });
      await admin.add(dn, [
        new Attribute({ type: 'objectClass', values: ['top', 'person', 'organizationalPerson', 'user'] }),
        new Attribute({ type: 'sAMAccountName', values: [user] }),
        new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${SEED_PASSWORD}"`, 'utf16le')] }),
        new Attribute({ type: 'userAccountControl', values: ['512'] }),
      ]);
      await realm.kinit(user, SEED_PASSWORD, cacheOf(user));
      // The service ticket is fetched while the account exists (the KDC refuses a deleted client), then kept in the cache.
      useCache(user);
      const token = await tokenFor();
      await admin.del(dn);
      const answer = await negotiate(service.url, `Negotiate ${token}`);
      expect({ status: answer.status, code: answer.body.code, challenge: answer.headers.get('www-authenticate') }).toEqual({
        status: 401,
        code: 'KERBEROS_UNMAPPED_PRINCIPAL',
        challenge: 'Negotiate',
      });
      expect(String(answer.body.message)).toContain(`${user}@${realm.realm}`);
      expect(await failureOf(signInAs(user))).toEqual({ code: 'KERBEROS_UNMAPPED_PRINCIPAL', status: 401 });
    } finally {
      await admin.del(dn).catch(() => undefined);
      await admin.del(ou).catch(() => undefined);
      await admin.unbind();
    }
  });

  describe('failures on the client’s side, each with its own code', () => {
    it('KERBEROS_NO_TICKET without a credential cache', async () => {
      process.env.KRB5CCNAME = `FILE:${path.join(folder, 'no-such.ccache')}`;
      expect(await failureOf(client.signInWithKerberos({ environment: 'AzureCloud', servicePrincipal: realm.httpServicePrincipal }))).toEqual({
        code: 'KERBEROS_NO_TICKET',
        status: undefined,
      });
    });

    it('KERBEROS_TICKET_EXPIRED once a 5-second ticket ran out', async () => {
      await realm.kinit('alice', SEED_PASSWORD, cacheOf('alice-short'), '5s');
      await sleep(6_500);
      expect(await failureOf(signInAs('alice-short'))).toEqual({ code: 'KERBEROS_TICKET_EXPIRED', status: undefined });
    }, 20_000);

    it('KERBEROS_NO_SUCH_PRINCIPAL for a principal no account holds', async () => {
      useCache('alice');
      const failure = await failureOf(client.signInWithKerberos({ environment: 'AzureCloud', servicePrincipal: `HTTP/nobody.${realm.realm.toLowerCase()}` }));
      expect(failure).toEqual({ code: 'KERBEROS_NO_SUCH_PRINCIPAL', status: undefined });
    });

    it('KERBEROS_KDC_UNREACHABLE when krb5.conf names a KDC that does not answer', async () => {
      await realm.kinit('bob', SEED_PASSWORD, cacheOf('bob-fresh'));
      const closedKdc = path.join(folder, 'krb5-closed.conf');
      const { readFile } = await import('node:fs/promises');
      await writeFile(closedKdc, (await readFile(realm.krb5Config, 'utf8')).replace(/^(\s*)kdc = .*$/m, '$1kdc = 127.0.0.1:9'));
      process.env.KRB5_CONFIG = closedKdc;
      try {
        expect(await failureOf(signInAs('bob-fresh'))).toEqual({ code: 'KERBEROS_KDC_UNREACHABLE', status: undefined });
      } finally {
        process.env.KRB5_CONFIG = realm.krb5Config;
      }
    });

    it('INVALID_OPTIONS when the URL names the node by address and no principal is given', async () => {
      useCache('alice');
      expect(await failureOf(client.signInWithKerberos({ environment: 'AzureCloud' }))).toEqual({ code: 'INVALID_OPTIONS', status: undefined });
    });
  });

  it.each([
    [
      'a keytab file that does not exist',
      () => path.join(folder, 'missing.keytab'),
      realm.httpServicePrincipal,
      /^CONNECTOR_KEYTAB: cannot read ".*missing\.keytab" \(ENOENT\)/,
    ],
    [
      'a keytab without the principal’s key',
      () => realm.keytab,
      `HTTP/other.${realm.realm.toLowerCase()}`,
      /^CONNECTOR_KEYTAB: the keytab ".*" cannot accept tickets for HTTP\/other\./,
    ],
  ])('refuses to start with %s, naming the setting', async (_label, keytab, servicePrincipal, message) => {
    await expect(startTestService({ nodeName: 'RMSCON-BADKEYTAB', kerberos: { keytab: keytab(), servicePrincipal } })).rejects.toThrow(message);
  });

  it('still serves password sign-ins after all of the above', async () => {
    expect((await call(service.url, 'POST', '/v1/sign-in', { body: { ...body, username: upnOf('alice'), password: SEED_PASSWORD } })).status).toBe(200);
  });
});
