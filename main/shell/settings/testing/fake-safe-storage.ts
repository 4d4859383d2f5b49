import type { SafeStorageLike } from '../safe-storage-vault.ts';

/**
 * A reversible stand-in for Electron's safeStorage (unit tests only).
 *
 * "Encrypts" by XOR with a fixed byte and a marker prefix, so a test can check that the vault
 * file never holds the plaintext and that a tampered ciphertext fails to decrypt.
 */
export type FakeSafeStorage = SafeStorageLike & { available: boolean; backend: string; reEncrypt: boolean; marker: Buffer };

export function createFakeSafeStorage(): FakeSafeStorage {
  const fake: FakeSafeStorage = {
    available: true,
    backend: 'gnome_libsecret',
    reEncrypt: false,
    /** What the ciphertext starts with; `v10` plays Chromium's hard-coded-key ciphertext on Linux. */
    marker: Buffer.from('FAKE1:'),
    isAsyncEncryptionAvailable: () => Promise.resolve(fake.available),
    getSelectedStorageBackend: () => fake.backend,
    encryptStringAsync: (plainText) => Promise.resolve(Buffer.concat([fake.marker, Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a)])),
    decryptStringAsync(encrypted) {
      if (!encrypted.subarray(0, fake.marker.length).equals(fake.marker))
        return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
      const result = Buffer.from(encrypted.subarray(fake.marker.length).map((byte) => byte ^ 0x5a)).toString('utf8');
      return Promise.resolve({ result, shouldReEncrypt: fake.reEncrypt });
    },
  };
  return fake;
}
