import { describe, expect, it } from 'vitest';
import { DirectoryError, type Directory } from '../../core/directory/index.ts';
import { makeObject } from '../../core/policy/testing/policy-fixtures.ts';
import { probeKerberos } from './kerberos-probe.ts';
import { createCaFileRegistry } from './ca-file-registry.ts';
import { createMemoryProfileStore } from './memory-profile-store.ts';
import { createFakeDirectory } from './testing/fake-directory.ts';
import { FAKE_PASSWORD, FAKE_TOKEN } from './testing/fake-connector.ts';
import { createFakeVault } from './testing/fake-vault.ts';
import { createTestConsole, TEST_DEFAULTS, type TestConsoleOptions } from './testing/test-console.ts';

const alice = makeObject({
  name: 'alice',
  kind: 'user',
  sid: 'S-1-5-21-1-2-3-1105',
  displayName: 'Alice Anders',
  userPrincipalName: 'alice@corp.contoso.test',
});
const location = { mode: 'server', serverUrl: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps' } as const;
const operationId = () => crypto.randomUUID();
const kerberosRequest = (overrides: Record<string, unknown> = {}) => ({
  method: 'kerberos',
  environment: 'AzureCloud',
  serviceUrl: 'https://connector.contoso.test',
  directory: location,
  operationId: operationId(),
  ...overrides,
});

function kerberosConsole(options: TestConsoleOptions = {}) {
  const harness = createTestConsole({ objects: [alice], ...options });
  return { harness };
}

describe('session:probe-kerberos', () => {
  it('answers the account read from the directory, having bound with the ticket and closed the connection', async () => {
    const { harness } = kerberosConsole();
    const result = await harness.dispatcher.dispatch('session:probe-kerberos', { directory: location, operationId: operationId() });
    expect(result).toEqual({
      ok: true,
      value: { available: true, account: 'CORP\\alice', displayName: 'Alice Anders', principal: 'alice@CORP.CONTOSO.TEST' },
    });
    expect([harness.kerberosConnectOptions, harness.connectOptions, harness.directories.map((directory) => directory.closed), harness.connector.calls]).toEqual(
      [
        [{ url: 'ldaps://dc1.corp.contoso.test', transport: 'ldaps', caFile: undefined, serverName: undefined, kerberos: true, timeoutMs: 10_000 }],
        [],
        [true],
        [],
      ],
    );
  });

  it.each([
    ['no ticket', new DirectoryError('KERBEROS_NO_TICKET'), 'KERBEROS_NO_TICKET', 'No Kerberos ticket'],
    ['an unreachable DC', new DirectoryError('UNREACHABLE'), 'UNREACHABLE', 'The domain controller could not be reached'],
  ])('answers not available with the code and its title when there is %s', async (_label, failure, code, title) => {
    const { harness } = kerberosConsole({ connect: () => Promise.reject(failure) });
    const result = await harness.dispatcher.dispatch('session:probe-kerberos', { directory: location, operationId: operationId() });
    expect(result).toEqual({ ok: true, value: { available: false, code, title, message: failure.message } });
  });

  it('answers not available when the ticket maps to no account of the domain, and closes the connection', async () => {
    const { harness } = kerberosConsole({ kerberosPrincipal: 'mallory@OTHER.EXAMPLE' });
    const result = await harness.dispatcher.dispatch('session:probe-kerberos', { directory: location, operationId: operationId() });
    expect(result).toMatchObject({
      ok: true,
      value: { available: false, code: 'KERBEROS_UNMAPPED_PRINCIPAL', title: 'Your Kerberos principal has no account here' },
    });
    expect(harness.directories.map((directory) => directory.closed)).toEqual([true]);
  });

  it('gives up after its time bound and closes a connection that opens late', async () => {
    const late = createFakeDirectory([alice], new Map(), { kerberosPrincipal: 'alice@CORP.CONTOSO.TEST' });
    let open: (directory: Directory) => void = () => undefined;
    const dependencies = {
      profiles: createMemoryProfileStore(TEST_DEFAULTS),
      connectDirectory: () =>
        new Promise<Directory>((resolve) => {
          open = resolve;
        }),
      createConnectorClient: () => {
        throw new Error('the probe never calls the service');
      },
    };
    const answer = await probeKerberos(
      dependencies,
      { directory: location, operationId: operationId() },
      new AbortController().signal,
      createCaFileRegistry(),
      50,
    );
    open(late);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([answer, late.closed]).toEqual([
      {
        available: false,
        code: 'TIMEOUT',
        title: 'The domain controller did not answer in time',
        message: 'Looking for your Kerberos sign-in took more than 0.05 seconds. Check the directory settings, or sign in with a password.',
      },
      true,
    ]);
  });

  it('answers CANCELLED at once when the admin cancels, and closes the late connection', async () => {
    const late = createFakeDirectory([alice], new Map(), { kerberosPrincipal: 'alice@CORP.CONTOSO.TEST' });
    let open: (directory: Directory) => void = () => undefined;
    const { harness } = kerberosConsole({
      connect: () =>
        new Promise<Directory>((resolve) => {
          open = resolve;
        }),
    });
    const id = operationId();
    const probing = harness.dispatcher.dispatch('session:probe-kerberos', { directory: location, operationId: id });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await harness.dispatcher.dispatch('operation:cancel', { operationId: id });
    expect(await probing).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    open(late);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(late.closed).toBe(true);
  });
});

describe('session:sign-in with Kerberos', () => {
  it('signs in to the service and the directory with the ticket, names the admin from the directory, and keeps no password', async () => {
    const vault = createFakeVault();
    const profiles = createMemoryProfileStore(TEST_DEFAULTS);
    const { harness } = kerberosConsole({ vault, profiles });
    const result = await harness.dispatcher.dispatch('session:sign-in', kerberosRequest({ servicePrincipal: 'HTTP/rmscon01.corp.contoso.test' }));
    expect(result).toMatchObject({ ok: true, value: { admin: { name: 'CORP\\alice', sid: alice.sid, roles: ['GlobalAdministrator'] }, demo: false } });
    const signIns = harness.connector.calls.filter((call) => call.startsWith('signIn'));
    expect([signIns, harness.connectOptions, harness.kerberosConnectOptions.map((options) => options.kerberos)]).toEqual([
      ['signInWithKerberos:HTTP/rmscon01.corp.contoso.test'],
      [],
      [true],
    ]);
    expect([profiles.remembered.map((connection) => connection.username), vault.held]).toEqual([[TEST_DEFAULTS.username], undefined]);
    expect(JSON.stringify([result, harness.lines])).not.toMatch(new RegExp(`${FAKE_PASSWORD}|${FAKE_TOKEN}`));
  });

  it('opens the global catalog with the same ticket', async () => {
    const { harness } = kerberosConsole();
    await harness.dispatcher.dispatch('session:sign-in', kerberosRequest());
    await harness.dispatcher.dispatch('directory:search-start', {
      text: 'a',
      types: ['user'],
      location: { kind: 'global-catalog' },
      pageSize: 10,
      operationId: operationId(),
    });
    expect(harness.kerberosConnectOptions.map((options) => [options.kerberos, options.globalCatalog ?? false])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('honours a bind account the admin gave, and still names the admin from the directory', async () => {
    const { harness } = kerberosConsole();
    const result = await harness.dispatcher.dispatch(
      'session:sign-in',
      kerberosRequest({ directory: { ...location, bindUser: 'CORP\\reader', bindPassword: 'Reader-Passw0rd!' } }),
    );
    expect(result).toMatchObject({ ok: true, value: { admin: { name: 'CORP\\alice' } } });
    expect([harness.kerberosConnectOptions, harness.connectOptions.map((options) => options.user)]).toEqual([[], ['CORP\\reader']]);
  });

  it('refuses when the service and the directory saw different accounts, and closes both', async () => {
    const bob = makeObject({ name: 'bob', kind: 'user' });
    const { harness } = kerberosConsole({ objects: [alice, bob], kerberosPrincipal: 'bob@CORP.CONTOSO.TEST' });
    const result = await harness.dispatcher.dispatch('session:sign-in', kerberosRequest());
    expect(result).toMatchObject({ ok: false, error: { code: 'KERBEROS_IDENTITY_MISMATCH', title: 'The service and the directory saw different accounts' } });
    expect([
      harness.directories.map((directory) => directory.closed),
      harness.connector.closedClients,
      await harness.dispatcher.dispatch('session:current', {}),
    ]).toEqual([[true], 1, { ok: true, value: null }]);
  });

  it('shows a directory Kerberos failure with its title and message', async () => {
    const { harness } = kerberosConsole({ connect: () => Promise.reject(new DirectoryError('KERBEROS_TICKET_EXPIRED')) });
    const result = await harness.dispatcher.dispatch('session:sign-in', kerberosRequest());
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'KERBEROS_TICKET_EXPIRED',
        source: 'directory',
        title: 'Your Kerberos ticket has expired',
        message: new DirectoryError('KERBEROS_TICKET_EXPIRED').message,
      },
    });
  });
});

describe('hostile Kerberos requests', () => {
  it.each([
    ['Kerberos with a password', 'session:sign-in', kerberosRequest({ password: FAKE_PASSWORD }), 'password: A Kerberos sign-in uses the ticket'],
    ['Kerberos with a user name', 'session:sign-in', kerberosRequest({ username: 'CORP\\mallory' }), 'username: A Kerberos sign-in uses the ticket'],
    ['Kerberos with the remembered password', 'session:sign-in', kerberosRequest({ useRememberedPassword: true }), 'useRememberedPassword: A Kerberos'],
    ['Kerberos asking to remember a password', 'session:sign-in', kerberosRequest({ rememberPassword: true }), 'rememberPassword: A Kerberos'],
    ['an unknown method', 'session:sign-in', kerberosRequest({ method: 'ntlm' }), 'method: Sign in with method "password" (or none) or "kerberos"'],
    ['a method that is not a string', 'session:sign-in', kerberosRequest({ method: ['kerberos'] }), 'method: Sign in with method'],
    [
      'a service principal that is not HTTP/ and a name',
      'session:sign-in',
      kerberosRequest({ servicePrincipal: 'HTTP/evil.example/../x' }),
      'servicePrincipal: Give the service principal',
    ],
    [
      'a service principal with a password sign-in',
      'session:sign-in',
      { ...kerberosRequest({ method: 'password', username: 'a', password: 'b' }), servicePrincipal: 'HTTP/x' },
      'Unrecognized key: "servicePrincipal"',
    ],
    [
      'a probe carrying a bind password',
      'session:probe-kerberos',
      { directory: { ...location, bindUser: 'x', bindPassword: 'y' }, operationId: operationId() },
      'Unrecognized keys',
    ],
    [
      'a probe naming a CA file path',
      'session:probe-kerberos',
      { directory: { ...location, caFile: '/etc/shadow' }, operationId: operationId() },
      'Unrecognized key: "caFile"',
    ],
    ['a probe without an operation id', 'session:probe-kerberos', { directory: location }, 'operationId'],
  ])('refuses %s before anything runs', async (_label, channel, request, said) => {
    const { harness } = kerberosConsole();
    const result = await harness.dispatcher.dispatch(channel, request);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', source: 'console' } });
    expect(result.ok ? '' : result.error.message).toContain(said);
    expect([harness.connector.calls, harness.connectOptions, harness.kerberosConnectOptions]).toEqual([[], [], []]);
  });
});
