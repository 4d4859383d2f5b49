import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, upnOf, type TestService } from '../../connector/server/testing/service-fixture.ts';
import { closedPort } from '../../core/connector/testing/closed-port.ts';
import { adTestConnection, SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { createLiveConsole, LIVE_CA_FILE_ID, liveDefaults, liveSignInRequest, TOKEN_PATTERN, type LiveConsole } from './testing/live-console.ts';

describe('signing in to the console against the real service and DC', () => {
  let service: TestService;
  let live: LiveConsole;
  const consoles: LiveConsole[] = [];
  const newConsole = (): LiveConsole => {
    const created = createLiveConsole(service);
    consoles.push(created);
    return created;
  };

  beforeAll(async () => {
    service = await startTestService({ nodeName: 'RMSCON01' });
    await service.grant('alice', 'GlobalAdministrator');
    live = newConsole();
  });
  afterAll(async () => {
    await Promise.all(consoles.map((each) => each.dispatcher.close()));
    await service.dispose();
  });

  it('answers the defaults before any sign-in', async () => {
    expect(await live.call('console:get-defaults', {})).toEqual({
      ok: true,
      value: {
        ...liveDefaults(service),
        // The remembered CA file goes out as main's id and its name, never its path.
        directory: { ...liveDefaults(service).directory, caFile: { id: LIVE_CA_FILE_ID, name: path.basename(adTestConnection().caFile) } },
        // The live console has a remembered profile, no vault, no demo and no desktop.
        configured: true,
        rememberedPassword: false,
        passwordVault: { available: false, reason: expect.any(String) },
        demo: { available: false },
        desktop: { openLogs: false },
      },
    });
  });

  it('signs alice in and answers who she is, where, until when', async () => {
    const result = await live.call('session:sign-in', liveSignInRequest(service));
    expect(result).toEqual({
      ok: true,
      value: {
        environment: 'AzureCloud',
        serviceUrl: service.url,
        admin: { name: expect.stringMatching(/alice/i), sid: expect.stringMatching(/^S-1-5-21-/), roles: ['GlobalAdministrator'], account: 'CORP\\alice' },
        expiresAt: expect.any(String),
        demo: false,
        directory: {
          serverName: adTestConnection().serverName,
          dnsDomainName: 'corp.contoso.test',
          netbiosDomain: 'CORP',
          defaultNamingContext: 'DC=corp,DC=contoso,DC=test',
          globalCatalogReady: expect.any(Boolean),
        },
      },
    });
    expect(await live.call('session:current', {})).toEqual(result);
  });

  it.each([
    [
      'a wrong password',
      () => liveSignInRequest(service, { username: upnOf('bind.wrongpw'), password: 'Not-The-Passw0rd!' }),
      { code: 'BAD_CREDENTIALS', source: 'service', message: expect.stringMatching(/^The user name or password is incorrect/) },
    ],
    [
      'a user without an admin role',
      () => liveSignInRequest(service, { username: upnOf('bob') }),
      { code: 'NO_ADMIN_ROLE', source: 'service', title: 'Not a connector administrator' },
    ],
    ['the wrong cloud environment', () => liveSignInRequest(service, { environment: 'AzureChinaCloud' }), { code: 'WRONG_ENVIRONMENT', source: 'service' }],
    [
      'a wrong server name for the DC',
      () => liveSignInRequest(service, { directory: { ...liveSignInRequest(service).directory, serverName: 'evil.example.com' } }),
      { code: 'CERT_NAME_MISMATCH', source: 'directory' },
    ],
  ])('refuses %s with a clear error', async (_label, request, expected) => {
    const other = newConsole();
    const result = await other.call('session:sign-in', request());
    expect(result).toEqual({ ok: false, error: expect.objectContaining(expected) });
    expect(await other.call('session:current', {})).toEqual({ ok: true, value: null });
    await other.dispatcher.close();
  });

  it('refuses a CA file chosen with the picker that did not issue the DC certificate', async () => {
    const other = newConsole();
    other.nextCaFile = '/etc/ssl/certs/ca-certificates.crt';
    const choice = (await other.value('ca-file:choose', { purpose: 'directory' })) as { chosen: true; file: { id: string; name: string } };
    const result = await other.call(
      'session:sign-in',
      liveSignInRequest(service, { directory: { ...liveSignInRequest(service).directory, caFileId: choice.file.id } }),
    );
    expect([choice.file.name, result]).toEqual([
      'ca-certificates.crt',
      {
        ok: false,
        error: expect.objectContaining({ code: 'CERT_UNTRUSTED', source: 'directory', title: "The domain controller's certificate is not trusted" }),
      },
    ]);
    await other.dispatcher.close();
  });

  it('says the service could not be reached when nothing listens at the service URL', async () => {
    const other = newConsole();
    const result = await other.call('session:sign-in', liveSignInRequest(service, { serviceUrl: `http://127.0.0.1:${String(await closedPort())}` }));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNREACHABLE',
        source: 'service',
        title: 'The service could not be reached',
        message: 'The connector configuration service could not be reached: check the service URL under Advanced, the network and the proxy.',
        details: expect.any(Array),
      },
    });
    await other.dispatcher.close();
  }, 90_000);

  it('signs out and then refuses session channels', async () => {
    const other = newConsole();
    await other.value('session:sign-in', liveSignInRequest(service));
    expect(await other.call('session:sign-out', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(await other.call('servers:list', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_SIGNED_IN' }) });
  });

  it('never puts a password or a token in an answer or a log line', () => {
    const everything = JSON.stringify(consoles.map((each) => [each.answers, each.lines]));
    expect([everything.includes(SEED_PASSWORD), everything.includes('Not-The-Passw0rd!'), TOKEN_PATTERN.test(everything)]).toEqual([false, false, false]);
  });
});
