import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { PasswordVault, VaultStatus } from '../../ipc/console-ports.ts';
import { writeFileAtomically } from './atomic-file.ts';

/**
 * The part of Electron's `safeStorage` the vault uses, as a structural type.
 *
 * Keeps this file free of an `electron` import (the shell passes the real object; tests a
 * reversible fake). The asynchronous calls are the ones Electron recommends: they survive a
 * key rotation (`shouldReEncrypt`) and a keyring that is briefly unavailable.
 */
export type SafeStorageLike = {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only: which secret store protects the key (`basic_text` means a hard-coded key). */
  getSelectedStorageBackend(): string;
};

/** The vault file: the account and the ciphertext, never the password. */
const VaultFileSchema = z.object({ version: z.literal(1), account: z.string().min(1).max(256), ciphertext: z.base64().min(1).max(8192) }).strip();
const MAX_VAULT_FILE_BYTES = 16 * 1024;

/** Linux backends that protect nothing: Chromium then encrypts with a key written in its own source. */
const PLAINTEXT_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * How Chromium marks, on Linux, a ciphertext made with its hard-coded key (a keyring key gives
 * `v11`). The backend's name says which store was chosen, not that a key came from it: a
 * locked or absent Secret Service can still end in the hard-coded key. If the marker ever
 * meant something else, the vault would refuse to remember — the safe side.
 */
const HARD_CODED_KEY_MARKER = Buffer.from('v10', 'ascii');

const NO_SECRET_SERVICE =
  'No secret service (GNOME Keyring or KWallet) is running or unlocked, so a password could only be stored with a key anyone can read. Start or unlock a keyring, or sign in without remembering the password.';

/**
 * Keep one remembered password in `file`, encrypted by the operating system.
 *
 * Refuses (with the reason as text) where the protection would be a sham: encryption not
 * available, or on Linux no secret service (`basic_text`, or `unknown` before the app is
 * ready). The file holds only the account name and the base64 ciphertext, readable by the
 * user alone (0600). A ciphertext that no longer decrypts (another machine, a tampered or
 * truncated file) is forgotten: recall answers undefined and the file is removed.
 */
export function createSafeStorageVault(file: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform): PasswordVault {
  const status = async (): Promise<VaultStatus> => {
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (PLAINTEXT_BACKENDS.has(backend)) {
        return { available: false, reason: NO_SECRET_SERVICE };
      }
    }
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      return {
        available: false,
        reason: 'The operating system offers no protected storage for passwords to this app right now. Sign in without remembering the password.',
      };
    }
    return { available: true };
  };

  const read = async (): Promise<z.infer<typeof VaultFileSchema> | undefined> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = text.length <= MAX_VAULT_FILE_BYTES ? VaultFileSchema.safeParse(parseJson(text)) : undefined;
    if (parsed?.success === true) return parsed.data;
    await rm(file, { force: true });
    return undefined;
  };

  const write = async (account: string, ciphertext: Buffer): Promise<void> => {
    await writeFileAtomically(file, `${JSON.stringify({ version: 1, account, ciphertext: ciphertext.toString('base64') })}\n`, 0o600);
  };

  return {
    status,
    async rememberedAccount() {
      return (await read())?.account;
    },
    async store(account, password) {
      const current = await status();
      if (!current.available) throw new Error(current.reason);
      const ciphertext = await safeStorage.encryptStringAsync(password);
      if (platform === 'linux' && ciphertext.subarray(0, HARD_CODED_KEY_MARKER.length).equals(HARD_CODED_KEY_MARKER)) throw new Error(NO_SECRET_SERVICE);
      await write(account, ciphertext);
    },
    async recall(account) {
      const stored = await read();
      if (stored === undefined || stored.account.toLowerCase() !== account.toLowerCase()) return undefined;
      if (!(await status()).available) return undefined;
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(stored.ciphertext, 'base64'));
        if (result.length === 0) throw new Error('empty');
        if (shouldReEncrypt) await write(stored.account, await safeStorage.encryptStringAsync(result));
        return result;
      } catch {
        await rm(file, { force: true });
        return undefined;
      }
    },
    async forget() {
      const had = (await read()) !== undefined;
      await rm(file, { force: true });
      return had;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
