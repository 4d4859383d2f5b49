import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adConnectOptions, SEED_PASSWORD } from '../../core/directory/testing/ad-test-connection.ts';
import { seedSid } from './testing/seed-sids.ts';
import { FIXTURE_CONTEXT, startTestService, upnOf, type TestService } from './testing/service-fixture.ts';

type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

async function signIn(service: TestService, username: string, password: string, environment = 'AzureCloud'): Promise<Answer> {
  const response = await fetch(`${service.url}/v1/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ environment, username, password }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe('sign-in', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
    await service.grant(upnOf('alice'), 'ConnectorAdministrator');
    await service.grant('CORP\\Nest Level 1', 'GlobalAdministrator', 'group');
  });
  afterAll(async () => {
    await service.dispose();
  });

  it('issues a token and a session when the user holds a role directly', async () => {
    const answer = await signIn(service, upnOf('alice'), SEED_PASSWORD);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['expiresAt', 'token']);
    const session = await fetch(`${service.url}/v1/session`, { headers: { authorization: `Bearer ${String(answer.body.token)}` } });
    expect(await session.json()).toEqual({
      name: upnOf('alice'),
      sid: await seedSid(upnOf('alice')),
      roles: ['ConnectorAdministrator'],
      environment: 'AzureCloud',
      expiresAt: answer.body.expiresAt,
    });
  });

  it('finds the role through nested groups (Nest Level 1 ⊃ … ⊃ 4 ⊃ deep.user)', async () => {
    const answer = await signIn(service, 'CORP\\deep.user', SEED_PASSWORD);
    expect(answer.status).toBe(200);
    const session = (await (await fetch(`${service.url}/v1/session`, { headers: { authorization: `Bearer ${String(answer.body.token)}` } })).json()) as {
      roles: string[];
    };
    expect(session.roles).toEqual(['GlobalAdministrator']);
  });

  it.each([
    ['a user without any role', upnOf('bob'), SEED_PASSWORD, 403, 'NO_ADMIN_ROLE'],
    ['a wrong password', upnOf('alice'), 'not-the-password', 401, 'BAD_CREDENTIALS'],
    ['an account that does not exist', upnOf('nobody.at.all'), 'whatever-1', 401, 'BAD_CREDENTIALS'],
    ['a disabled account', upnOf('bind.disabled'), SEED_PASSWORD, 403, 'ACCOUNT_UNUSABLE'],
    ['a locked-out account', upnOf('bind.locked'), SEED_PASSWORD, 403, 'ACCOUNT_UNUSABLE'],
  ])('refuses %s with its own code', async (_label, username, password, status, code) => {
    const answer = await signIn(service, username, password);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(String(answer.body.message)).not.toContain(password);
  });

  it('refuses another cloud environment before touching the directory', async () => {
    const answer = await signIn(service, upnOf('alice'), SEED_PASSWORD, 'AzureChinaCloud');
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'WRONG_ENVIRONMENT' });
  });

  it('blocks an admin outside the onboarding-control group with the discovery message, and lets members in', async () => {
    await service.store.setOnboardingControl({ sid: await seedSid('CORP\\Nest Level 1'), name: 'CORP\\Nest Level 1' }, FIXTURE_CONTEXT);
    try {
      const blocked = await signIn(service, upnOf('alice'), SEED_PASSWORD);
      expect({ status: blocked.status, code: blocked.body.code }).toEqual({ status: 403, code: 'ONBOARDING_BLOCKED' });
      expect(String(blocked.body.message)).toMatch(/discover the location of the administration service.*Nest Level 1/);
      expect((await signIn(service, upnOf('deep.user'), SEED_PASSWORD)).status).toBe(200);
    } finally {
      await service.store.setOnboardingControl(null, FIXTURE_CONTEXT);
    }
  });

  it('throttles one account after five failures, without slowing other accounts', async () => {
    const ghost = upnOf('ghost.throttle');
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) codes.push((await signIn(service, ghost, `wrong-${String(attempt)}`)).body.code);
    expect(codes).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'THROTTLED']);
    const throttled = await signIn(service, ghost.toUpperCase(), 'wrong-again');
    expect({ status: throttled.status, code: throttled.body.code }).toEqual({ status: 429, code: 'THROTTLED' });
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(service, upnOf('alice'), SEED_PASSWORD)).status).toBe(200);
  });

  it('never writes a password or a token to its log', async () => {
    const token = await service.signIn(upnOf('alice'));
    await fetch(`${service.url}/v1/session`, { headers: { authorization: `Bearer ${token}` } });
    await signIn(service, upnOf('alice'), 'Leaky-Secret-123');
    const log = service.logLines.join('');
    expect(log).toContain('signed in');
    expect(log).not.toContain(SEED_PASSWORD);
    expect(log).not.toContain('Leaky-Secret-123');
    expect(log).not.toContain(token);
  });
});

describe('sign-in when the directory is down', () => {
  it('answers 503 DIRECTORY_UNAVAILABLE and counts no failure', async () => {
    const service = await startTestService({ directory: adConnectOptions({ url: 'ldaps://127.0.0.1:1', timeoutMs: 3000 }) });
    try {
      const answer = await signIn(service, upnOf('alice'), SEED_PASSWORD);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 503, code: 'DIRECTORY_UNAVAILABLE' });
      expect(await service.store.signInThrottle(upnOf('alice'))).toEqual({ failures: 0, blockedUntil: null });
    } finally {
      await service.dispose();
    }
  });
});
