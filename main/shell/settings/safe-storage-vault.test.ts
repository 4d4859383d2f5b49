import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSafeStorageVault } from './safe-storage-vault.ts';
import { createFakeSafeStorage } from './testing/fake-safe-storage.ts';

const PASSWORD = 'Vault-Secret-42!';

async function vaultIn(platform: NodeJS.Platform = 'linux') {
  const folder = await mkdtemp(path.join(tmpdir(), 'rmsadmin-vault-'));
  const file = path.join(folder, 'password-vault.json');
  const storage = createFakeSafeStorage();
  return { file, folder, storage, vault: createSafeStorageVault(file, storage, platform) };
}

describe('createSafeStorageVault', () => {
  it('stores only the account and the ciphertext, in a file only the user can read, and recalls the password', async () => {
    const { file, vault } = await vaultIn();
    await vault.store('alice@corp.contoso.test', PASSWORD);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['account', 'ciphertext', 'version']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await vault.rememberedAccount()).toBe('alice@corp.contoso.test');
    expect(await vault.recall('ALICE@corp.contoso.test')).toBe(PASSWORD);
    expect(await vault.recall('bob@corp.contoso.test')).toBeUndefined();
  });

  it.each([
    ['basic_text', 'No secret service'],
    ['unknown', 'No secret service'],
  ])('refuses on Linux when the backend is %s (a hard-coded key), saying why', async (backend, reason) => {
    const { file, storage, vault } = await vaultIn('linux');
    storage.backend = backend;
    expect(await vault.status()).toEqual({ available: false, reason: expect.stringContaining(reason) });
    await expect(vault.store('alice', PASSWORD)).rejects.toThrow(reason);
    await expect(stat(file)).rejects.toThrow();
  });

  it('refuses on Linux when the ciphertext shows the hard-coded key although a keyring backend was named', async () => {
    const { file, storage, vault } = await vaultIn('linux');
    storage.marker = Buffer.from('v10');
    await expect(vault.store('alice', PASSWORD)).rejects.toThrow('No secret service');
    await expect(stat(file)).rejects.toThrow();
    storage.marker = Buffer.from('v11');
    await vault.store('alice', PASSWORD);
    expect(await vault.recall('alice')).toBe(PASSWORD);
  });

  it('ignores the Linux backend elsewhere, and refuses when encryption is not available', async () => {
    const { storage, vault } = await vaultIn('win32');
    storage.backend = 'basic_text';
    expect(await vault.status()).toEqual({ available: true });
    storage.available = false;
    expect(await vault.status()).toEqual({ available: false, reason: expect.stringContaining('no protected storage') });
  });

  it('forgets a tampered ciphertext: recall answers undefined and the file is removed', async () => {
    const { file, vault } = await vaultIn();
    await vault.store('alice', PASSWORD);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { ciphertext: string };
    await writeFile(file, JSON.stringify({ ...stored, ciphertext: Buffer.from('garbage').toString('base64') }));
    expect(await vault.recall('alice')).toBeUndefined();
    await expect(stat(file)).rejects.toThrow();
  });

  it.each([
    ['not JSON', '{'],
    ['another shape', JSON.stringify({ version: 1, account: 'alice', password: PASSWORD })],
    ['a ciphertext that is not base64', JSON.stringify({ version: 1, account: 'alice', ciphertext: '!!!' })],
    ['a huge file', JSON.stringify({ version: 1, account: 'alice', ciphertext: 'QUFB'.repeat(10_000) })],
  ])('treats a vault file that is %s as empty and removes it', async (_label, content) => {
    const { file, folder, vault } = await vaultIn();
    await writeFile(file, content);
    expect([await vault.rememberedAccount(), await vault.recall('alice')]).toEqual([undefined, undefined]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('re-encrypts when the platform rotated its key', async () => {
    const { file, storage, vault } = await vaultIn();
    await vault.store('alice', PASSWORD);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"version":1', '"version":1,"extra":"dropped"'));
    storage.reEncrypt = true;
    expect(await vault.recall('alice')).toBe(PASSWORD);
    expect(JSON.parse(await readFile(file, 'utf8'))).not.toHaveProperty('extra');
  });

  it('forgets, saying whether there was a password', async () => {
    const { file, vault } = await vaultIn();
    await vault.store('alice', PASSWORD);
    expect(await vault.forget()).toBe(true);
    expect(await vault.forget()).toBe(false);
    await expect(stat(file)).rejects.toThrow();
  });
});
