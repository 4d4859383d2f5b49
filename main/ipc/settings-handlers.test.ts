import { describe, expect, it } from 'vitest';
import type { DemoEnvironment, DemoSignIn } from './console-ports.ts';
import { FAKE_PASSWORD, FAKE_TOKEN } from './testing/fake-connector.ts';
import { createFakeVault } from './testing/fake-vault.ts';
import { createMemoryProfileStore } from './memory-profile-store.ts';
import { createTestConsole, TEST_DEFAULTS } from './testing/test-console.ts';

const DEMO_SIGN_IN: DemoSignIn = {
  environment: 'AzureCloud',
  serviceUrl: 'http://127.0.0.1:41000',
  username: 'Administrator@contoso.demo',
  password: FAKE_PASSWORD,
  directory: { mode: 'server', serverUrl: 'ldaps://127.0.0.1:41001', transport: 'ldaps', caFile: '/demo/ca.pem', serverName: 'dc01.contoso.demo' },
};

function fakeDemo(start: (signal: AbortSignal) => Promise<DemoSignIn> = () => Promise.resolve(DEMO_SIGN_IN)): DemoEnvironment & { closed: number } {
  const demo = {
    closed: 0,
    start,
    close: () => {
      demo.closed += 1;
      return Promise.resolve();
    },
  };
  return demo;
}

describe('console:get-defaults', () => {
  it('says what this console can do: first start, vault off with its reason, demo and logs', async () => {
    const vault = createFakeVault({ account: 'alice@corp.contoso.test', password: FAKE_PASSWORD });
    vault.unavailable = 'No secret service is running.';
    const harness = createTestConsole({
      vault,
      demo: fakeDemo(),
      desktop: { openLogs: () => Promise.resolve() },
      profiles: createMemoryProfileStore(TEST_DEFAULTS, { configured: false }),
    });
    const result = await harness.dispatcher.dispatch('console:get-defaults', {});
    expect(result).toEqual({
      ok: true,
      value: {
        ...TEST_DEFAULTS,
        directory: { ...TEST_DEFAULTS.directory, caFile: null },
        configured: false,
        rememberedPassword: false,
        passwordVault: { available: false, reason: 'No secret service is running.' },
        demo: { available: true },
        desktop: { openLogs: true },
      },
    });
  });

  it('says a password is remembered only for the account shown, and never sends it', async () => {
    const vault = createFakeVault({ account: 'ALICE@corp.contoso.test', password: FAKE_PASSWORD });
    const harness = createTestConsole({ vault });
    const result = await harness.dispatcher.dispatch('console:get-defaults', {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ rememberedPassword: true, passwordVault: { available: true } }) });
    expect(JSON.stringify(result)).not.toContain(FAKE_PASSWORD);
    vault.held = { account: 'bob@corp.contoso.test', password: FAKE_PASSWORD };
    expect(await harness.dispatcher.dispatch('console:get-defaults', {})).toEqual({ ok: true, value: expect.objectContaining({ rememberedPassword: false }) });
  });
});

describe('settings:forget-password and app:open-logs', () => {
  it('forgets the remembered password, and says when there was none', async () => {
    const vault = createFakeVault({ account: 'alice@corp.contoso.test', password: FAKE_PASSWORD });
    const harness = createTestConsole({ vault });
    expect(await harness.dispatcher.dispatch('settings:forget-password', {})).toEqual({ ok: true, value: { forgotten: true } });
    expect(await harness.dispatcher.dispatch('settings:forget-password', {})).toEqual({ ok: true, value: { forgotten: false } });
    expect(vault.held).toBeUndefined();
    expect(await createTestConsole().dispatcher.dispatch('settings:forget-password', {})).toEqual({ ok: true, value: { forgotten: false } });
  });

  it('opens the logs through the desktop, and answers NOT_AVAILABLE with what to do elsewhere', async () => {
    let opened = 0;
    const harness = createTestConsole({
      desktop: {
        openLogs: () => {
          opened += 1;
          return Promise.resolve();
        },
      },
    });
    expect(await harness.dispatcher.dispatch('app:open-logs', {})).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toBe(1);
    const browser = await createTestConsole().dispatcher.dispatch('app:open-logs', {});
    expect(browser).toEqual({
      ok: false,
      error: { code: 'NOT_AVAILABLE', source: 'console', title: 'Logs cannot be opened here', message: expect.stringContaining('Look at the output') },
    });
  });
});

describe('demo:start', () => {
  it('starts the demo and signs in as its administrator, answering a demo session without its password', async () => {
    const demo = fakeDemo();
    const profiles = createMemoryProfileStore(TEST_DEFAULTS, { configured: false });
    const vault = createFakeVault();
    const harness = createTestConsole({ demo, profiles, vault });
    const result = await harness.dispatcher.dispatch('demo:start', { operationId: crypto.randomUUID() });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ demo: true, serviceUrl: 'http://127.0.0.1:41000' }) });
    expect(harness.connector.clientOptions[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:41000' });
    expect(harness.connectOptions[0]).toMatchObject({
      url: 'ldaps://127.0.0.1:41001',
      caFile: '/demo/ca.pem',
      serverName: 'dc01.contoso.demo',
      user: 'Administrator@contoso.demo',
    });
    expect([profiles.remembered, vault.held]).toEqual([[], undefined]);
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: expect.objectContaining({ demo: true }) });
    expect(JSON.stringify([result, harness.lines])).not.toMatch(new RegExp(`${FAKE_PASSWORD}|${FAKE_TOKEN}`));
    await harness.dispatcher.close();
    expect(demo.closed).toBe(1);
  });

  it('answers NOT_AVAILABLE where the console has no demo', async () => {
    const result = await createTestConsole().dispatcher.dispatch('demo:start', { operationId: crypto.randomUUID() });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_AVAILABLE', title: 'The demo environment is not available' }) });
  });

  it('says plainly when the demo cannot start, with the reason as a detail and in the log', async () => {
    const harness = createTestConsole({ demo: fakeDemo(() => Promise.reject(new Error('Port 636 is in use.'))) });
    const result = await harness.dispatcher.dispatch('demo:start', { operationId: crypto.randomUUID() });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'DEMO_FAILED', title: 'The demo environment could not start', details: ['Port 636 is in use.'] }),
    });
    expect(harness.lines).toContainEqual({ event: 'demo-start-failed', reason: 'Port 636 is in use.' });
  });

  it('cancels while the demo starts: CANCELLED at once, and no session', async () => {
    let release = (): void => undefined;
    const harness = createTestConsole({
      demo: fakeDemo(
        () =>
          new Promise((resolve) => {
            release = () => {
              resolve(DEMO_SIGN_IN);
            };
          }),
      ),
    });
    const operationId = crypto.randomUUID();
    const starting = harness.dispatcher.dispatch('demo:start', { operationId });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await harness.dispatcher.dispatch('operation:cancel', { operationId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await starting).toEqual({ ok: false, error: expect.objectContaining({ code: 'CANCELLED' }) });
    release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await harness.dispatcher.dispatch('session:current', {})).toEqual({ ok: true, value: null });
  });
});
