import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { kinitAs, testRealm } from '../../core/kerberos/testing/test-realm.ts';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import { runCliProcess, runCliProcessAsync } from './testing/run-cli-process.ts';

/** The command line with `--kerberos`: every directory command as the holder of a real ticket, no password anywhere. */
describe('rms-connector-admin directory --kerberos', () => {
  let folder: string;
  const asAlice = (): Record<string, string | undefined> => ({
    KRB5_CONFIG: testRealm().krb5Config,
    KRB5CCNAME: `FILE:${path.join(folder, 'alice')}`,
    RMSADMIN_LDAP_USER: undefined,
    RMSADMIN_LDAP_PASSWORD: undefined,
  });

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-kerberos-cli-'));
    await kinitAs('alice', SEED_PASSWORD, path.join(folder, 'alice'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('whoami says the DC sees alice, bound with Kerberos', () => {
    const run = runCliProcess(['directory', 'whoami', '--kerberos', '--json'], { env: asAlice() });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      account: 'CORP\\alice',
      userPrincipalName: 'alice@corp.contoso.test',
      kerberosPrincipal: `alice@${testRealm().realm}`,
    });
  });

  it('whoami with a password names the bind account from the session token, not from the flag', () => {
    const run = runCliProcess(['directory', 'whoami']);
    expect([run.status, run.stdout]).toEqual([0, expect.stringMatching(/^CORP\\Administrator\b.*with a password/)]);
  });

  it('resolves and lists transitive members with RMSADMIN_LDAP_AUTH=kerberos, over StartTLS too', () => {
    const resolve = runCliProcess(['directory', 'resolve', 'CORP\\EXCH01$'], { env: { ...asAlice(), RMSADMIN_LDAP_AUTH: 'kerberos' } });
    const members = runCliProcess(['directory', 'members', 'Exchange Servers', '--transitive', '--kerberos', '--starttls', '--url', 'ldap://127.0.0.1:389'], {
      env: asAlice(),
    });
    expect([resolve.status, resolve.stdout, members.status, members.stdout]).toEqual([
      0,
      expect.stringContaining('resolved'),
      0,
      expect.stringContaining('CORP\\EXCH03$'),
    ]);
  });

  it('without a ticket: exit 2, KERBEROS_NO_TICKET and what to do', () => {
    const run = runCliProcess(['directory', 'whoami', '--kerberos', '--json'], { env: { ...asAlice(), KRB5CCNAME: `FILE:${path.join(folder, 'none')}` } });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr || run.stdout)).toMatchObject({ error: { code: 'KERBEROS_NO_TICKET', message: expect.stringContaining('kinit') } });
  });

  it('refuses --kerberos with --user, exit 2, before connecting', () => {
    const run = runCliProcess(['directory', 'whoami', '--kerberos', '--user', 'CORP\\bob'], { env: asAlice() });
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining('leave out --user')]);
  });
});

/** `sign-in --kerberos` against a real node holding the HTTP principal's keytab, then a directory and a service command together. */
describe('rms-connector-admin sign-in --kerberos', () => {
  let folder: string;
  let service: TestService;
  const env = (cache: string): Record<string, string | undefined> => ({
    KRB5_CONFIG: testRealm().krb5Config,
    KRB5CCNAME: `FILE:${path.join(folder, cache)}`,
    RMSADMIN_SESSION_FILE: path.join(folder, `${cache}.session.json`),
    RMSADMIN_SERVICE_URL: service.url,
    RMSADMIN_LDAP_USER: undefined,
    RMSADMIN_LDAP_PASSWORD: undefined,
  });

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-kerberos-sign-in-'));
    const realm = testRealm();
    service = await startTestService({ kerberos: { keytab: realm.keytab, servicePrincipal: realm.httpServicePrincipal } });
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    await kinitAs('alice', SEED_PASSWORD, path.join(folder, 'alice'));
    await kinitAs('bob', SEED_PASSWORD, path.join(folder, 'bob'));
  });
  afterAll(async () => {
    await service.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('signs alice in with her ticket (no user, no password), then lists and checks with the directory bound by Kerberos too', async () => {
    const signIn = await runCliProcessAsync(['sign-in', '--kerberos', '--service-principal', testRealm().httpServicePrincipal, '--json'], {
      env: env('alice'),
    });
    expect([signIn.status, signIn.stderr]).toEqual([0, '']);
    expect(JSON.parse(signIn.stdout)).toMatchObject({ name: upnOf('alice'), roles: ['ConnectorAdministrator'], method: 'kerberos' });
    const list = await runCliProcessAsync(['servers', 'list', '--json'], { env: env('alice') });
    const review = await runCliProcessAsync(['review', '--kerberos', '--json'], { env: env('alice') });
    expect([list.status, review.status]).toEqual([0, 0]);
  });

  it('refuses bob, who holds no role, with the code of a password sign-in, and saves nothing', async () => {
    const run = await runCliProcessAsync(['sign-in', '--kerberos', '--service-principal', testRealm().httpServicePrincipal], { env: env('bob') });
    expect([run.status, run.stderr]).toEqual([2, expect.stringContaining('NO_ADMIN_ROLE')]);
  });

  it('says what to do without a ticket (exit 2, KERBEROS_NO_TICKET), and that an IP address names no principal', async () => {
    const noTicket = await runCliProcessAsync(['sign-in', '--kerberos', '--service-principal', testRealm().httpServicePrincipal], { env: env('nobody') });
    const noPrincipal = await runCliProcessAsync(['sign-in', '--kerberos'], { env: env('alice') });
    expect([noTicket.status, noTicket.stderr]).toEqual([2, expect.stringMatching(/KERBEROS_NO_TICKET.*kinit/s)]);
    expect([noPrincipal.status, noPrincipal.stderr]).toEqual([2, expect.stringContaining('--service-principal')]);
  });
});
