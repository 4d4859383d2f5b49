import type { PasswordVault, VaultStatus } from '../console-ports.ts';

/** An in-memory vault with a switch for "the platform cannot protect passwords" (unit tests only). */
export type FakeVault = PasswordVault & {
  /** What the vault holds now (to check what was stored, or that nothing was). */
  held: { account: string; password: string } | undefined;
  unavailable: string | undefined;
  readonly calls: string[];
};

/** A vault that keeps the password in memory; `unavailable` makes it refuse with that reason. */
export function createFakeVault(initial?: { account: string; password: string }): FakeVault {
  const vault: FakeVault = {
    held: initial,
    unavailable: undefined,
    calls: [],
    status: (): Promise<VaultStatus> =>
      Promise.resolve(vault.unavailable === undefined ? { available: true } : { available: false, reason: vault.unavailable }),
    rememberedAccount: () => Promise.resolve(vault.held?.account),
    store(account, password) {
      vault.calls.push(`store:${account}`);
      if (vault.unavailable !== undefined) return Promise.reject(new Error(vault.unavailable));
      vault.held = { account, password };
      return Promise.resolve();
    },
    recall(account) {
      vault.calls.push(`recall:${account}`);
      return Promise.resolve(vault.held?.account === account ? vault.held.password : undefined);
    },
    forget() {
      vault.calls.push('forget');
      const had = vault.held !== undefined;
      vault.held = undefined;
      return Promise.resolve(had);
    },
  };
  return vault;
}
