import { describe, expect, it, vi } from 'vitest';
import { DirectoryError } from '../../../core/directory/index.ts';
import { ApiFailure } from '../http/api-failure.ts';
import type { DirectoryAccount } from '../service-directory.ts';
import type { AccessRules } from '../store/config-store.ts';
import { createAdminAccess } from './admin-access.ts';
import { createTokenAuthority } from './tokens.ts';

const SID = 'S-1-5-21-1-2-3-1104';
const GROUP = 'S-1-5-21-1-2-3-2001';
const start = new Date('2026-12-05T10:00:00.000Z');
const account: DirectoryAccount = { sid: SID, name: 'alice@contoso.com', disabled: false, groupSids: new Set([GROUP]) };
const rulesFor = (sid: string): AccessRules => ({
  administrators: [{ sid, name: 'x', kind: 'group', role: 'ConnectorAdministrator', addedBy: 'a', addedAt: start.toISOString() }],
  onboardingGroup: null,
});

/** The access check over a fake store and directory, with a clock the test moves. */
async function setup(options: { recheckSeconds?: number; lookup?: (sid: string) => Promise<DirectoryAccount | undefined> } = {}) {
  const state = { rules: rulesFor(GROUP), clock: start.getTime(), lookups: 0 };
  const tokens = createTokenAuthority(new Uint8Array(32).fill(3), 'AzureCloud', 3600);
  const access = createAdminAccess({
    store: { accessRules: () => Promise.resolve(state.rules) },
    directory: {
      accountBySid: (sid) => {
        state.lookups += 1;
        return options.lookup ? options.lookup(sid) : Promise.resolve(account);
      },
    },
    tokens,
    now: () => new Date(state.clock),
    accountRecheckSeconds: options.recheckSeconds ?? 300,
  });
  const { token } = await tokens.issue({ name: account.name, sid: SID }, start);
  return { state, access, header: `Bearer ${token}` };
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'granted';
  } catch (error) {
    return error instanceof ApiFailure ? error.code : String(error);
  }
}

describe('admin-access', () => {
  it('reads the directory once per interval and the rules on every request', async () => {
    const { state, access, header } = await setup();
    access.remember(account);
    await access.authorize(header);
    state.clock += 299_000;
    await access.authorize(header);
    const beforeInterval = state.lookups;
    state.clock += 2_000;
    await access.authorize(header);
    expect([beforeInterval, state.lookups]).toEqual([0, 1]);
  });

  it('refuses the next request once the role assignment is gone, whatever the interval', async () => {
    const { state, access, header } = await setup();
    access.remember(account);
    expect((await access.authorize(header)).roles).toEqual(['ConnectorAdministrator']);
    state.rules = rulesFor('S-1-5-21-9-9-9-9');
    expect(await codeOf(access.authorize(header))).toBe('ROLE_REVOKED');
  });

  it('shares one directory read among concurrent requests for the same account', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { state, access, header } = await setup({ lookup: () => gate.then(() => account) });
    const requests = Array.from({ length: 5 }, () => access.authorize(header));
    // Hold the read open until every request has had the time to ask for the account itself.
    await vi.waitFor(() => {
      expect(state.lookups).toBeGreaterThan(0);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const whileOpen = state.lookups;
    release();
    expect((await Promise.all(requests)).map((principal) => principal.roles)).toEqual(Array.from({ length: 5 }, () => ['ConnectorAdministrator']));
    expect([whileOpen, state.lookups]).toEqual([1, 1]);
  });

  it.each([
    ['deleted', () => Promise.resolve(undefined), 'ACCOUNT_UNUSABLE'],
    ['disabled', () => Promise.resolve({ ...account, disabled: true }), 'ACCOUNT_UNUSABLE'],
    ['out of the group', () => Promise.resolve({ ...account, groupSids: new Set<string>() }), 'ROLE_REVOKED'],
    ['unreachable in the directory', () => Promise.reject(new DirectoryError('TIMEOUT', 'no answer')), 'DIRECTORY_UNAVAILABLE'],
  ])('refuses an account that is %s when a re-read is due', async (_label, lookup, code) => {
    const { access, header } = await setup({ lookup });
    expect(await codeOf(access.authorize(header))).toBe(code);
  });

  it('reads again after a failed read instead of remembering the failure', async () => {
    let failures = 1;
    const { state, access, header } = await setup({
      lookup: () => (failures-- > 0 ? Promise.reject(new DirectoryError('UNREACHABLE', 'down')) : Promise.resolve(account)),
    });
    expect([await codeOf(access.authorize(header)), await codeOf(access.authorize(header)), state.lookups]).toEqual(['DIRECTORY_UNAVAILABLE', 'granted', 2]);
  });

  it('re-reads on every request when the interval is 0', async () => {
    const { state, access, header } = await setup({ recheckSeconds: 0 });
    access.remember(account);
    await access.authorize(header);
    await access.authorize(header);
    expect(state.lookups).toBe(2);
  });
});
