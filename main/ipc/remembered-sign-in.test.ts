import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../core/connector/index.ts';
import { createMemoryProfileStore } from './memory-profile-store.ts';
import { FAKE_PASSWORD, FAKE_TOKEN } from './testing/fake-connector.ts';
import { createFakeVault } from './testing/fake-vault.ts';
import { createTestConsole, signInRequest, TEST_DEFAULTS } from './testing/test-console.ts';

const NO_SECRET = new RegExp(`${FAKE_PASSWORD}|${FAKE_TOKEN}`);
const withoutPassword = () => ({ ...signInRequest(), password: undefined });

describe('sign-in with the password vault', () => {
  it('remembers the connection (never a password) and, when asked, the password in the vault', async () => {
    const vault = createFakeVault();
    const profiles = createMemoryProfileStore(TEST_DEFAULTS, { configured: false });
    const harness = createTestConsole({ vault, profiles });
    const directory = {
      mode: 'server' as const,
      serverUrl: 'ldaps://dc2.corp.contoso.test',
      transport: 'ldaps' as const,
      bindUser: 'svc-browse',
      bindPassword: 'Bind-Secret-9',
    };
    const result = await harness.signIn({ rememberPassword: true, directory });
    expect(result.ok).toBe(true);
    expect(vault.held).toEqual({ account: 'alice@corp.contoso.test', password: FAKE_PASSWORD });
    expect(profiles.remembered).toEqual([
      {
        environment: 'AzureCloud',
        serviceUrl: 'https://connector.contoso.test',
        username: 'alice@corp.contoso.test',
        directory: { mode: 'server', serverUrl: 'ldaps://dc2.corp.contoso.test', transport: 'ldaps', bindUser: 'svc-browse' },
      },
    ]);
    const defaults = await harness.dispatcher.dispatch('console:get-defaults', {});
    expect(defaults).toEqual({
      ok: true,
      value: expect.objectContaining({ configured: true, rememberedPassword: true, passwordVault: { available: true }, username: 'alice@corp.contoso.test' }),
    });
    expect(JSON.stringify([result, defaults, harness.lines, profiles.remembered])).not.toMatch(/Correct-Horse|Bind-Secret|fake-token/);
  });

  it('refuses to remember where the vault cannot protect a password, before signing in, and changes nothing', async () => {
    const vault = createFakeVault();
    vault.unavailable = 'No secret service (GNOME Keyring or KWallet) is running.';
    const profiles = createMemoryProfileStore(TEST_DEFAULTS, { configured: false });
    const harness = createTestConsole({ vault, profiles });
    const result = await harness.signIn({ rememberPassword: true });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'PASSWORD_STORAGE_UNAVAILABLE',
        source: 'console',
        title: 'Your password cannot be remembered here',
        message:
          'No secret service (GNOME Keyring or KWallet) is running. Clear "Remember my password" to sign in without remembering it. Nothing was changed.',
      },
    });
    expect([harness.connector.calls, harness.connectOptions, profiles.remembered, vault.held]).toEqual([[], [], [], undefined]);
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
  });

  it('refuses to remember when the console has no vault at all', async () => {
    const harness = createTestConsole();
    const result = await harness.signIn({ rememberPassword: true });
    expect(result.ok ? '' : result.error.code).toBe('PASSWORD_STORAGE_UNAVAILABLE');
    expect(harness.connector.calls).toEqual([]);
  });

  it('signs in with the remembered password, which never crosses to the renderer', async () => {
    const vault = createFakeVault({ account: 'alice@corp.contoso.test', password: FAKE_PASSWORD });
    const harness = createTestConsole({ vault });
    const result = await harness.dispatcher.dispatch('session:sign-in', { ...withoutPassword(), useRememberedPassword: true });
    expect(result.ok).toBe(true);
    expect(harness.connectOptions[0]?.password).toBe(FAKE_PASSWORD);
    expect(JSON.stringify([result, harness.lines])).not.toMatch(NO_SECRET);
  });

  it('asks for the password when none is remembered for this account, touching nothing', async () => {
    const vault = createFakeVault({ account: 'bob@corp.contoso.test', password: FAKE_PASSWORD });
    const harness = createTestConsole({ vault });
    const result = await harness.dispatcher.dispatch('session:sign-in', { ...withoutPassword(), useRememberedPassword: true });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NO_REMEMBERED_PASSWORD', message: expect.stringContaining('Type your password') }),
    });
    expect(harness.connector.calls).toEqual([]);
  });

  it('forgets a remembered password the service refuses and asks for the password to be typed', async () => {
    const vault = createFakeVault({ account: 'alice@corp.contoso.test', password: 'Changed-Since-1' });
    const harness = createTestConsole({ vault });
    const result = await harness.dispatcher.dispatch('session:sign-in', { ...withoutPassword(), useRememberedPassword: true });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'REMEMBERED_PASSWORD_REFUSED',
        title: 'The remembered password was refused',
        message: expect.stringContaining('type your password'),
      }),
    });
    expect(vault.held).toBeUndefined();
    expect(JSON.stringify([result, harness.lines])).not.toContain('Changed-Since-1');
  });

  it('keeps a remembered password when the failure is not about the password (service unreachable)', async () => {
    const vault = createFakeVault({ account: 'alice@corp.contoso.test', password: FAKE_PASSWORD });
    const harness = createTestConsole({ vault });
    harness.connector.overrides.signIn = () => Promise.reject(new ConnectorError('UNREACHABLE', 'connect ECONNREFUSED'));
    const result = await harness.dispatcher.dispatch('session:sign-in', { ...withoutPassword(), useRememberedPassword: true });
    expect(result.ok ? '' : result.error.code).toBe('UNREACHABLE');
    expect(vault.held?.account).toBe('alice@corp.contoso.test');
  });

  it('stops remembering when the admin signs in with "Remember my password" cleared', async () => {
    const vault = createFakeVault({ account: 'alice@corp.contoso.test', password: FAKE_PASSWORD });
    const harness = createTestConsole({ vault });
    expect((await harness.signIn({ rememberPassword: false })).ok).toBe(true);
    expect(vault.held).toBeUndefined();
  });

  it('does not remember anything after a failed sign-in', async () => {
    const vault = createFakeVault();
    const profiles = createMemoryProfileStore(TEST_DEFAULTS);
    const harness = createTestConsole({ vault, profiles });
    await harness.signIn({ password: 'wrong-password', rememberPassword: true });
    expect([vault.held, profiles.remembered]).toEqual([undefined, []]);
  });

  it('still signs in when the profile cannot be saved, and logs why without secrets', async () => {
    const profiles = {
      load: () => createMemoryProfileStore(TEST_DEFAULTS).load(),
      remember: () => Promise.reject(Object.assign(new Error(`EACCES ${FAKE_PASSWORD}`), { code: 'EACCES' })),
    };
    const harness = createTestConsole({ profiles });
    expect((await harness.signIn()).ok).toBe(true);
    expect(harness.lines).toContainEqual({ event: 'profile-save-failed', reason: 'EACCES' });
    expect(JSON.stringify(harness.lines)).not.toMatch(NO_SECRET);
  });
});
